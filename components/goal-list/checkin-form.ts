/**
 * The "Record progress" (check-in) form of `<asn-goal-list>`: progress so far and an optional note, validated
 * against the contract (`CheckInCreate`), with a draft per signed-in user and goal.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { clearDraft, loadDraft, saveDraft } from '../../src/client/index.js';
import { CheckInCreate as CheckInCreateSchema, type CheckInCreate, type Goal } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';
import { contractIssues, describedBy } from '../shared/form.js';
import { fieldState, parseNumber, readForm, type DialogForm, type FormContext } from './form-fields.js';

/** The check-in form as typed. */
export interface CheckinFormValue extends Record<string, string> {
  value: string;
  note: string;
}

/** As stored: `value` null while it was left at the goal's progress (the draft then follows newer progress). */
interface StoredCheckinDraft {
  authorId: string;
  value: { value: string | null; note: string };
}

const NAMES = ['value', 'note'] as const;
const draftKey = (userId: string, goal: Goal | undefined) => `goal:checkin:${userId}:${goal?.id ?? '-'}`;
const currentOf = (goal: Goal | undefined) => (goal ? String(goal.measure.current) : '');

export const checkinForm: DialogForm<CheckinFormValue, CheckInCreate> = {
  title: () => msg('Catat progres'),
  subtitle: (ctx) => ctx.goal?.title,
  fields: { value: 'f-value', note: 'f-note' },
  fieldKey: (path) => path,
  firstField: 'f-value',

  defaults: (ctx) => ({ value: currentOf(ctx.goal), note: '' }),

  read: (form) => readForm<CheckinFormValue>(form, NAMES),

  body(v) {
    const note = v.note.trim();
    return { value: parseNumber(v.value) as number, ...(note ? { note } : {}) };
  },

  validate(body) {
    const errors: Record<string, string> = {};
    for (const issue of contractIssues(CheckInCreateSchema, body).values()) {
      const key = issue.path === 'note' ? 'note' : 'value';
      errors[key] ??= key === 'note' ? msg('Catatan paling banyak 500 karakter.') : msg('Isi progres sejauh ini berupa angka, 0 atau lebih.');
    }
    return errors;
  },

  render(ctx: FormContext, errors): TemplateResult {
    const value = fieldState(errors, 'value', 'f-value');
    const note = fieldState(errors, 'note', 'f-note');
    const unit = ctx.goal?.measure.unit ?? '';
    const target = ctx.goal ? formatNumber(ctx.goal.measure.target, currentLocale()) : '';
    return html`<div class="field">
        <label for="f-value">${msg(str`Progres sejauh ini (${unit})`)}</label>
        <p class="hint" id="f-value-hint">${msg(str`Target: ${target} ${unit}. Sasaran tercapai saat progres mencapai target.`)}</p>
        <input
          id="f-value"
          name="value"
          type="number"
          inputmode="decimal"
          min="0"
          step="any"
          aria-invalid=${value.invalid}
          aria-describedby=${describedBy('f-value-hint', value.describedby) ?? nothing}
        />
        ${value.error}
      </div>
      <div class="field">
        <label for="f-note">${msg('Catatan (opsional)')}</label>
        <textarea id="f-note" name="note" rows="3" aria-invalid=${note.invalid} aria-describedby=${note.describedby ?? nothing}></textarea>
        ${note.error}
      </div>`;
  },

  loadDraft(ctx) {
    const draft = loadDraft<StoredCheckinDraft>(draftKey(ctx.userId, ctx.goal));
    if (!draft || draft.authorId !== ctx.userId || typeof draft.value !== 'object' || draft.value === null) return null;
    const { value, note } = draft.value;
    return { value: typeof value === 'string' ? value : currentOf(ctx.goal), note: typeof note === 'string' ? note : '' };
  },

  saveDraft(ctx, v) {
    const key = draftKey(ctx.userId, ctx.goal);
    const value = v.value === currentOf(ctx.goal) ? null : v.value;
    if (value === null && v.note === '') clearDraft(key);
    else saveDraft(key, { authorId: ctx.userId, value: { value, note: v.note } } satisfies StoredCheckinDraft);
  },

  clearDraft: (ctx) => clearDraft(draftKey(ctx.userId, ctx.goal)),
};
