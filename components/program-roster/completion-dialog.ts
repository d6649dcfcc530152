/**
 * The confirmation of "Selesaikan program" in `<asn-program-roster>`: how many will be credited and how many
 * will not, from the attendance as the grid shows it and the program's threshold, and a warning when some of it
 * is not saved yet (it is saved first). The element owns the state and the requests.
 *
 * A chunk of its own (with the modal it opens in): the element imports it when the browser is idle after an
 * editable roster appears, so a completed program's roster, or a user who may not run the program, never
 * downloads it (docs/architecture.md, "Size").
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../i18n/format.js';
import { dialogStyles } from '../shared/dialog.styles.js';

export { ModalDialog } from '../shared/dialog.js';

/** The dialog's styles, adopted by the element's shadow root when this chunk arrives. */
export const completionStyles = [
  dialogStyles,
  css`
    dialog .counts {
      margin: 0 0 var(--_space-2);
      font-weight: 600;
    }
    dialog .hint,
    dialog .warning,
    dialog .form-error {
      margin: 0 0 var(--_space-2);
    }
    dialog .hint {
      color: var(--_muted);
    }
    dialog .warning {
      padding: var(--_space-2) var(--_space-3);
      border-inline-start: 4px solid var(--_warning);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) / 2);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      justify-content: flex-end;
      margin-block-start: var(--_space-3);
    }
  `,
];

export interface CompletionDialogView {
  open: boolean;
  credited: number;
  notCredited: number;
  jp: number;
  /** "Wajib hadir 2 dari 3 sesi", as the header says it. */
  thresholdLabel: string;
  /** Sessions with unsaved ticks: saved before the program is completed. */
  unsavedSessions: number;
  busy: boolean;
  error: string;
  onConfirm: () => void;
  onClose: () => void;
  /** The dialog's `cancel` event (Escape). */
  onCancel: (event: Event) => void;
}

export function renderCompletionDialog(v: CompletionDialogView): TemplateResult {
  const n = (x: number) => formatNumber(x);
  return html`<dialog part="dialog" aria-labelledby="dialog-title" aria-describedby=${v.open ? 'dialog-counts' : nothing} @cancel=${v.onCancel}>
    ${v.open
      ? html`<h2 class="dialog-title" id="dialog-title">${msg('Selesaikan program?')}</h2>
          <p id="dialog-counts" class="counts" part="dialog-counts">
            ${msg(str`${n(v.credited)} peserta memenuhi kehadiran dan akan mendapat ${n(v.jp)} JP; ${n(v.notCredited)} tidak memenuhi.`)}
          </p>
          <p class="hint">
            ${v.thresholdLabel}.
            ${msg('Peserta yang memenuhi mendapat sertifikat dan catatan pembelajaran. Setelah program diselesaikan, kehadiran tidak dapat diubah lagi.')}
          </p>
          ${v.unsavedSessions > 0
            ? html`<p class="warning" part="dialog-warning">
                ${msg(str`Perubahan kehadiran di ${n(v.unsavedSessions)} sesi belum disimpan. Perubahan itu disimpan lebih dulu, lalu program diselesaikan.`)}
              </p>`
            : nothing}
          ${v.error ? html`<p class="form-error" part="dialog-error" role="alert">${v.error}</p>` : nothing}
          <div class="actions">
            <button type="button" class="secondary" @click=${v.onClose}>${msg('Batal')}</button>
            <button type="button" class="confirm" part="confirm-button" aria-disabled=${v.busy ? 'true' : 'false'} @click=${v.onConfirm}>
              ${v.busy
                ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyelesaikan…')}`
                : v.unsavedSessions > 0
                  ? msg('Simpan dan selesaikan')
                  : msg('Selesaikan program')}
            </button>
          </div>`
      : nothing}
  </dialog>`;
}
