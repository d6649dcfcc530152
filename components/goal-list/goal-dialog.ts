/**
 * The dialog of `<asn-goal-list>` around one of its forms (goal-form.ts, checkin-form.ts): heading, the note that
 * a draft was restored, the form-level error and the actions. The list element owns its state and the requests.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { DialogForm, FormContext } from './form-fields.js';

/** Any of the dialog's forms: their value and body types do not matter to the frame around them. */
export type AnyDialogForm = DialogForm<Record<string, string>, unknown>;

export interface GoalDialogView {
  /** The open form, or null while closed (the `<dialog>` itself stays, empty). */
  form: AnyDialogForm | null;
  ctx: FormContext | undefined;
  errors: Record<string, string>;
  formError: string;
  submitting: boolean;
  /** The fields hold a draft from earlier: say so, and offer to empty them. */
  restored: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onInput: () => void;
  onClose: () => void;
  onClear: () => void;
  /** The dialog's `cancel` event (Escape). */
  onCancel: (event: Event) => void;
}

export function renderGoalDialog(v: GoalDialogView): TemplateResult {
  const { form, ctx } = v;
  const subtitle = form && ctx ? form.subtitle(ctx) : undefined;
  return html`<dialog
    part="dialog"
    aria-labelledby="dialog-title"
    aria-describedby=${form && v.restored ? 'draft-note' : nothing}
    @cancel=${v.onCancel}
  >
    ${form && ctx
      ? html`<h2 class="dialog-title" id="dialog-title">${form.title()}</h2>
          ${subtitle ? html`<p class="dialog-subtitle">${subtitle}</p>` : nothing}
          ${v.restored
            ? html`<p class="draft-note" id="draft-note" part="draft-note">${msg('Isian Anda yang belum disimpan dipulihkan.')}</p>`
            : nothing}
          <form novalidate @submit=${v.onSubmit} @input=${v.onInput}>
            ${form.render(ctx, v.errors)}
            ${v.formError ? html`<p class="form-error field-error" role="alert" tabindex="-1">${v.formError}</p>` : nothing}
            <div class="actions">
              ${v.restored
                ? html`<button type="button" class="secondary clear" part="clear-button" @click=${v.onClear}>${msg('Kosongkan isian')}</button>`
                : nothing}
              <button type="button" class="secondary close" @click=${v.onClose}>${msg('Tutup')}</button>
              <button type="submit" part="submit" aria-disabled=${v.submitting ? 'true' : 'false'}>
                ${v.submitting ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyimpan…')}` : msg('Simpan')}
              </button>
            </div>
          </form>`
      : nothing}
  </dialog>`;
}
