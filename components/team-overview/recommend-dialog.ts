/**
 * The "Rekomendasikan program" dialog of `<asn-team-overview>`: choose one of the open programs for a report who
 * is below the JP pace, add an optional note, send. A chunk of its own (docs/architecture.md, "Size"): only a
 * supervisor or admin with such a report needs it, and it loads when the browser is idle after those rows appear.
 * The element owns the grid and the opener; this owns the dialog's state, its requests and its styles.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { programsResource, recommendationsResource, resourceOf, type CoreClient } from '../../src/client/index.js';
import type { Program, Recommendation, TeamMember } from '../../src/contract/index.js';
import { formatInstantDay, formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';
import { ModalDialog } from '../shared/dialog.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { classifyError, errorMessage } from '../shared/errors.js';
import { describedBy, fieldError, fieldErrorsOf } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';

/** `RecommendationCreate.note` allows 500 characters. */
const NOTE_MAX = 500;

const ownStyles = css`
  .field + .field {
    margin-block-start: var(--_space-3);
  }
  .load-error button {
    min-block-size: 2rem;
    margin-inline-start: var(--_space-2);
  }
`;

export class RecommendDialog {
  #member: TeamMember | undefined;
  /** Open programs; undefined while they load. */
  #programs: Program[] | undefined;
  #loadError = '';
  #programId = '';
  #note = '';
  #errors: { programId?: string; note?: string } = {};
  #formError = '';
  #submitting = false;
  readonly #modal = new ModalDialog();

  constructor(
    private readonly host: ReactiveElement,
    private readonly client: () => CoreClient | null,
    private readonly announce: (text: string) => void,
  ) {
    // The element's static styles do not carry the dialog's (they stay out of its bundle): adopt them here.
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...[dialogStyles, formStyles, ownStyles].flatMap((s) => s.styleSheet ?? [])];
    }
  }

  /** Opens the dialog for `member`; focus returns to `opener` on close, or to `fallback()` when it is gone. */
  async open(member: TeamMember, opener: HTMLElement, fallback: () => HTMLElement | null): Promise<void> {
    this.#member = member;
    this.#programId = '';
    this.#note = '';
    this.#errors = {};
    this.#formError = '';
    void this.#load();
    await this.#update();
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.recommend');
    if (dialog) this.#modal.open(dialog, opener, { fallback });
  }

  #update(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  /** The catalog changes (a program opens, another fills up): read it again on every opening (the SDK caches briefly). */
  async #load(): Promise<void> {
    const client = this.client();
    this.#programs = undefined;
    this.#loadError = '';
    try {
      if (!client) throw new Error('no client');
      this.#programs = (await resourceOf(client, 'programs', programsResource).list({ status: 'open', limit: 100 })).data;
    } catch (error) {
      this.#loadError = msg('Daftar program tidak dapat dimuat.') + ' ' + errorMessage(classifyError(error), {});
    }
    await this.#update();
  }

  #onCancel = (event: Event): void => {
    // Escape while sending would hide the answer to a request already on its way: wait for it.
    if (this.#submitting) event.preventDefault();
  };

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const member = this.#member;
    const client = this.client();
    if (this.#submitting || !member) return;
    const note = this.#note.trim();
    this.#errors = {
      ...(this.#programId ? {} : { programId: msg('Pilih program yang ingin direkomendasikan.') }),
      ...(note.length > NOTE_MAX ? { note: msg(str`Catatan paling banyak ${formatNumber(NOTE_MAX, currentLocale())} karakter.`) } : {}),
    };
    this.#formError = '';
    if (this.#errors.programId || this.#errors.note) return this.#focusInvalid();
    this.#submitting = true;
    await this.#update();
    try {
      if (!client) throw new Error('no client');
      const recommendation = await resourceOf(client, 'recommendations', recommendationsResource).create(member.employee.id, {
        programId: this.#programId as Program['id'],
        ...(note ? { note } : {}),
      });
      this.host.dispatchEvent(
        new CustomEvent<{ recommendation: Recommendation; member: TeamMember }>('asn-program-recommended', {
          detail: { recommendation, member },
          bubbles: true,
          composed: true,
        }),
      );
      this.#submitting = false;
      this.#modal.close();
      this.announce(msg(str`Program direkomendasikan kepada ${member.employee.name}.`));
    } catch (error) {
      // Whatever went wrong, what was chosen and typed stays for another try.
      const e = error as { status?: unknown; name?: unknown };
      const fields = fieldErrorsOf(error);
      this.#errors = { programId: fields.programId, note: fields.note };
      this.#formError =
        e.status === 409 || e.name === 'ConflictError'
          ? msg(str`Program ini sudah direkomendasikan kepada ${member.employee.name}. Pilih program lain.`)
          : fields.programId || fields.note
            ? ''
            : errorMessage(client ? classifyError(error) : 'network', {
                forbidden: msg('Anda hanya dapat merekomendasikan program kepada bawahan langsung Anda.'),
                'not-found': msg('Program atau pegawai ini tidak ditemukan lagi.'),
              });
      await this.#focusInvalid();
    } finally {
      this.#submitting = false;
      void this.#update();
    }
  }

  async #focusInvalid(): Promise<void> {
    await this.#update();
    const id = this.#errors.programId ? 'rec-program' : this.#errors.note ? 'rec-note' : '';
    if (id) this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  render(): TemplateResult {
    const m = this.#member;
    const locale = currentLocale();
    const num = (n: number) => formatNumber(n, locale);
    const programs = this.#programs;
    const e = this.#errors;
    const length = this.#note.trim().length;
    return html`<dialog class="recommend" part="dialog" aria-labelledby="rec-title" @cancel=${this.#onCancel}>
      ${m
        ? html`<h2 class="dialog-title" id="rec-title">${msg('Rekomendasikan program')}</h2>
            <p class="dialog-subtitle">${msg(str`Untuk ${m.employee.name}: ${num(m.jp)} dari ${num(m.targetJp)} JP tahun ini.`)}</p>
            <form novalidate @submit=${(ev: SubmitEvent) => void this.#onSubmit(ev)}>
              <div class="field">
                <label for="rec-program">${msg('Program')}</label>
                <select
                  id="rec-program"
                  aria-invalid=${e.programId ? 'true' : 'false'}
                  aria-describedby=${describedBy(this.#loadError && 'rec-load-error', e.programId && 'rec-program-error') ?? nothing}
                  @change=${(ev: Event) => (this.#programId = (ev.target as HTMLSelectElement).value)}
                >
                  <option value="">${programs ? (programs.length ? msg('Pilih program') : msg('Belum ada program yang dibuka')) : msg('Memuat program…')}</option>
                  ${(programs ?? []).map(
                    (p) => html`<option value=${p.id} ?selected=${p.id === this.#programId}>
                      ${p.title} · ${num(p.jp)} JP · ${formatInstantDay(p.startsAt, locale)}
                    </option>`,
                  )}
                </select>
                ${this.#loadError
                  ? html`<p class="field-error load-error" id="rec-load-error" role="alert">
                      ${this.#loadError}<button type="button" class="secondary" @click=${() => void this.#load()}>${msg('Coba lagi')}</button>
                    </p>`
                  : nothing}
                ${fieldError('rec-program-error', e.programId)}
              </div>
              <div class="field">
                <label for="rec-note">${msg('Catatan (opsional)')}</label>
                <textarea
                  id="rec-note"
                  .value=${this.#note}
                  aria-invalid=${e.note ? 'true' : 'false'}
                  aria-describedby=${describedBy('rec-note-count', e.note && 'rec-note-error') ?? nothing}
                  @input=${(ev: Event) => {
                    this.#note = (ev.target as HTMLTextAreaElement).value;
                    void this.#update();
                  }}
                ></textarea>
                <p class="counter ${length > NOTE_MAX ? 'over' : ''}" id="rec-note-count" part="counter">
                  ${msg(str`${num(length)} dari ${num(NOTE_MAX)} karakter`)}
                </p>
                ${fieldError('rec-note-error', e.note)}
              </div>
              ${this.#formError ? html`<p class="field-error" role="alert">${this.#formError}</p>` : nothing}
              <div class="actions">
                <button type="button" class="secondary" @click=${() => this.#modal.close()}>${msg('Batal')}</button>
                <button type="submit" part="submit" aria-disabled=${this.#submitting ? 'true' : 'false'}>
                  ${this.#submitting ? html`<span class="spinner" aria-hidden="true"></span>${msg('Mengirim…')}` : msg('Rekomendasikan')}
                </button>
              </div>
            </form>`
        : nothing}
    </dialog>`;
  }
}
