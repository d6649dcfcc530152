/** The confirmation before an enrolment is cancelled: a native `<dialog>` (see shared/dialog.ts for focus). */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CancelTarget } from './action-state.js';
import { formatDateTime } from '../i18n/format.js';
import type { AsnLocale } from '../i18n/locale.js';

/** Adopted with the shared dialog styles when the dialog first renders (actions.ts), not with the catalog. */
export const cancelDialogStyles = css`
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: flex-end;
    margin-block-start: var(--_space-3);
  }
`;

export interface CancelDialogView {
  target: CancelTarget | null;
  busy: boolean;
  locale: AsnLocale;
  onConfirm(): void;
  onKeep(): void;
}

export function renderCancelDialog(v: CancelDialogView): TemplateResult {
  const t = v.target;
  return html`<dialog part="dialog" aria-labelledby=${t ? 'confirm-title' : nothing} aria-describedby=${t ? 'confirm-text' : nothing}>
    ${t
      ? html`<h2 class="dialog-title" id="confirm-title">${msg('Batalkan pendaftaran?')}</h2>
          <p id="confirm-text">
            ${t.status === 'waitlisted'
              ? msg(str`Anda akan keluar dari daftar tunggu “${t.title}”.`)
              : msg(str`Anda akan membatalkan pendaftaran di “${t.title}”. Kursi Anda diberikan kepada orang pertama di daftar tunggu.`)}
            ${msg(str`Batas pembatalan: ${formatDateTime(t.cancelUntil, v.locale)}`)}
          </p>
          <div class="dialog-actions">
            <button type="button" class="secondary keep" @click=${v.onKeep}>${msg('Tidak, tetap terdaftar')}</button>
            <button type="button" class="confirm" part="confirm-button" aria-disabled=${v.busy ? 'true' : 'false'} @click=${v.onConfirm}>
              ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>${msg('Membatalkan…')}` : msg('Ya, batalkan')}
            </button>
          </div>`
      : nothing}
  </dialog>`;
}
