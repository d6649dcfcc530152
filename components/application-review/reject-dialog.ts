/**
 * "Tolak" in `<asn-application-review>`: a small form asking for the reason (required by the contract, 3 to 1000
 * characters) before an application is rejected. The element owns the state and the request.
 *
 * A chunk of its own (with the modal it opens in): the element imports it when the browser is idle after an
 * application that can still be rejected is opened, so a queue that is only read never downloads it.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApplicationTransition } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { contractIssues, describedBy, fieldError } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';

export { ModalDialog } from '../shared/dialog.js';

const REASON_MAX = 1000;

/** The dialog's styles, adopted by the element's shadow root when this chunk arrives. */
export const rejectStyles = [
  dialogStyles,
  formStyles,
  css`
    dialog .form-error {
      margin: var(--_space-2) 0 0;
      color: var(--_danger);
      font-weight: 600;
    }
    dialog .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      justify-content: flex-end;
      margin-block-start: var(--_space-3);
    }
  `,
];

/** The contract's verdict on a reason: a message for the field, or null when it may be sent. */
export function reasonProblem(reason: string, version: number): string | null {
  const issues = contractIssues(ApplicationTransition, { to: 'rejected', reason: reason.trim(), version });
  const issue = issues.get('reason');
  if (!issue) return null;
  return issue.code === 'too_big'
    ? msg(str`Alasan paling banyak ${formatNumber(REASON_MAX)} karakter.`)
    : msg('Tuliskan alasan penolakan, paling sedikit 3 karakter.');
}

export interface RejectDialogView {
  open: boolean;
  /** Who is rejected, for the subtitle: the student's name and the reference. */
  subject: string;
  reason: string;
  /** The reason's own error (beside the field). */
  fieldError: string;
  /** Why the request failed (other than a 409, which closes the dialog and shows in the detail). */
  error: string;
  busy: boolean;
  onInput: (value: string) => void;
  onSubmit: () => void;
  onClose: () => void;
  /** The dialog's `cancel` event (Escape). */
  onCancel: (event: Event) => void;
}

export function renderRejectDialog(v: RejectDialogView): TemplateResult {
  return html`<dialog part="dialog" aria-labelledby="reject-title" @cancel=${v.onCancel}>
    ${v.open
      ? html`<form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            v.onSubmit();
          }}
        >
          <h2 class="dialog-title" id="reject-title">${msg('Tolak lamaran?')}</h2>
          <p class="dialog-subtitle">${v.subject}</p>
          <div class="field">
            <label for="reject-reason">${msg('Alasan penolakan')}</label>
            <p class="hint" id="reject-hint">${msg('Alasan ini disimpan bersama lamaran sebagai catatan keputusan.')}</p>
            <textarea
              id="reject-reason"
              part="reason-input"
              required
              maxlength=${REASON_MAX}
              aria-invalid=${v.fieldError ? 'true' : 'false'}
              aria-describedby=${describedBy('reject-hint', v.fieldError && 'reject-error') ?? nothing}
              .value=${v.reason}
              @input=${(e: Event) => v.onInput((e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${fieldError('reject-error', v.fieldError)}
          </div>
          ${v.error ? html`<p class="form-error" part="dialog-error" role="alert">${v.error}</p>` : nothing}
          <div class="dialog-actions">
            <button type="button" class="secondary" @click=${v.onClose}>${msg('Batal')}</button>
            <button type="submit" class="confirm" part="confirm-button" aria-disabled=${v.busy ? 'true' : 'false'}>
              ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyimpan…')}` : msg('Tolak lamaran')}
            </button>
          </div>
        </form>`
      : nothing}
  </dialog>`;
}
