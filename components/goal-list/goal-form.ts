/**
 * The "Add goal" form of `<asn-goal-list>`: its fields, validation against the contract (`GoalCreate`) with
 * messages that name the field, and its draft (kept per signed-in user when the dialog is closed unsaved).
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { clearDraft, loadDraft, saveDraft } from '../../src/client/index.js';
import { GoalCreate as GoalCreateSchema, type Competency, type GoalCreate } from '../../src/contract/index.js';
import { competencyLabel } from '../shared/competency-label.js';
import { contractIssues, type FormIssue } from '../shared/form.js';
import { fieldState, parseNumber, readForm, sameAs, type DialogForm, type FormContext, type StoredDraft } from './form-fields.js';

/** The add form as typed. */
export interface GoalFormValue extends Record<string, string> {
  title: string;
  kind: string;
  competency: string;
  target: string;
  unit: string;
  dueDate: string;
}

const NAMES = ['title', 'kind', 'competency', 'target', 'unit', 'dueDate'] as const;
const KINDS: readonly string[] = ['development', 'performance'];
const COMPETENCIES: readonly Competency[] = ['technical', 'managerial', 'socio-cultural'];

/** Drafts are keyed by the signed-in user: on a shared office computer, nobody sees another user's goal. */
const draftKey = (userId: string) => `goal:new:${userId}`;

function issueMessage(issue: FormIssue): string {
  switch (issue.path) {
    case 'title':
      return issue.code === 'too_big' ? msg('Judul sasaran paling banyak 200 karakter.') : msg('Tulis judul sasaran paling sedikit 3 karakter.');
    case 'measure.target':
      return msg('Isi target berupa angka lebih dari 0.');
    case 'measure.unit':
      return issue.code === 'too_big' ? msg('Satuan paling banyak 40 karakter.') : msg('Isi satuan, misalnya pelatihan.');
    case 'dueDate':
    case 'year':
      return msg('Pilih tanggal tenggat.');
    default:
      return msg('Periksa isian ini.');
  }
}

export const goalForm: DialogForm<GoalFormValue, GoalCreate> = {
  title: () => msg('Tambah sasaran'),
  subtitle: () => undefined,
  fields: {
    title: 'f-title',
    kind: 'f-kind',
    competency: 'f-competency',
    'measure.target': 'f-target',
    'measure.unit': 'f-unit',
    dueDate: 'f-due',
  },
  // The year is taken from the due date, so its errors belong there.
  fieldKey: (path) => (path === 'year' ? 'dueDate' : path),
  firstField: 'f-title',

  defaults: (ctx) => ({ title: '', kind: 'development', competency: 'technical', target: '', unit: msg('pelatihan'), dueDate: `${ctx.year}-12-31` }),

  read: (form) => readForm<GoalFormValue>(form, NAMES),

  body(v, ctx) {
    const dueYear = Number(v.dueDate.slice(0, 4));
    return {
      title: v.title,
      kind: v.kind as GoalCreate['kind'],
      competency: v.competency as GoalCreate['competency'],
      measure: { unit: v.unit, target: parseNumber(v.target) as number },
      year: Number.isInteger(dueYear) && dueYear >= 2000 ? dueYear : ctx.year,
      dueDate: v.dueDate,
    };
  },

  validate(body) {
    const errors: Record<string, string> = {};
    for (const issue of contractIssues(GoalCreateSchema, body).values()) {
      const key = goalForm.fieldKey(issue.path);
      errors[key] ??= issueMessage(issue);
    }
    return errors;
  },

  render(_ctx: FormContext, errors): TemplateResult {
    const title = fieldState(errors, 'title', 'f-title');
    const target = fieldState(errors, 'measure.target', 'f-target');
    const unit = fieldState(errors, 'measure.unit', 'f-unit');
    const due = fieldState(errors, 'dueDate', 'f-due');
    // Values are written by the dialog when it opens (defaults or a draft), not bound here: see form-fields.ts.
    return html`<div class="field">
        <label for="f-title">${msg('Judul sasaran')}</label>
        <input id="f-title" name="title" autocomplete="off" aria-invalid=${title.invalid} aria-describedby=${title.describedby ?? nothing} />
        ${title.error}
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-kind">${msg('Jenis')}</label>
          <select id="f-kind" name="kind">
            <option value="development">${msg('Pengembangan')}</option>
            <option value="performance">${msg('Kinerja')}</option>
          </select>
        </div>
        <div class="field">
          <label for="f-competency">${msg('Kompetensi')}</label>
          <select id="f-competency" name="competency">
            ${COMPETENCIES.map((c) => html`<option value=${c}>${competencyLabel(c)}</option>`)}
          </select>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-target">${msg('Target')}</label>
          <input id="f-target" name="target" type="number" inputmode="decimal" min="0" step="any" aria-invalid=${target.invalid} aria-describedby=${target.describedby ?? nothing} />
          ${target.error}
        </div>
        <div class="field">
          <label for="f-unit">${msg('Satuan')}</label>
          <input id="f-unit" name="unit" autocomplete="off" aria-invalid=${unit.invalid} aria-describedby=${unit.describedby ?? nothing} />
          ${unit.error}
        </div>
      </div>
      <div class="field">
        <label for="f-due">${msg('Tanggal tenggat')}</label>
        <input id="f-due" name="dueDate" type="date" aria-invalid=${due.invalid} aria-describedby=${due.describedby ?? nothing} />
        ${due.error}
      </div>`;
  },

  loadDraft(ctx) {
    const draft = loadDraft<StoredDraft<GoalFormValue>>(draftKey(ctx.userId));
    if (!draft || draft.authorId !== ctx.userId || typeof draft.value !== 'object' || draft.value === null) return null;
    const value = goalForm.defaults(ctx);
    for (const name of NAMES) {
      const typed = draft.value[name];
      if (typeof typed === 'string') value[name] = typed;
    }
    // A stored choice that is no longer offered falls back to the default rather than an empty select.
    if (!KINDS.includes(value.kind)) value.kind = 'development';
    if (!(COMPETENCIES as readonly string[]).includes(value.competency)) value.competency = 'technical';
    return value;
  },

  saveDraft(ctx, value) {
    if (sameAs(value, goalForm.defaults(ctx))) clearDraft(draftKey(ctx.userId));
    else saveDraft(draftKey(ctx.userId), { authorId: ctx.userId, value } satisfies StoredDraft<GoalFormValue>);
  },

  clearDraft: (ctx) => clearDraft(draftKey(ctx.userId)),
};
