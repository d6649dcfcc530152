import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { internshipsResource, resourceOf, type CoreClient } from '../../src/client/index.js';
import type { InternshipOpening } from '../../src/contract/index.js';
import { formatDay, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { ClientSource } from '../internship-form/client-source.js';
import { buttonStyles } from '../shared/button.styles.js';
import { classifyError, errorMessage } from '../shared/errors.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { internshipOpeningsStyles } from './internship-openings.styles.js';

/** `detail` of `asn-apply`: the opening the student wants to apply to. */
export interface AsnApplyDetail {
  openingId: string;
}
export type AsnApplyEvent = CustomEvent<AsnApplyDetail>;

/** Openings per request: a partner rarely has more open at once. */
const LIMIT = 50;
const cssId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

type FormModule = typeof import('../internship-form/define.js');
let formModule: Promise<FormModule> | undefined;
/** The form is a chunk of its own, fetched at the first "Lamar": the list alone stays small. */
const loadForm = (): Promise<FormModule> =>
  (formModule ??= import('../internship-form/define.js').catch((error: unknown) => {
    formModule = undefined; // offline on a first visit: tried again at the next press
    throw error;
  }));

/**
 * The internship openings a student sees: with a partner university's publishable key, the open openings of
 * that partner. Each shows its title, unit, period, the last day to apply ("Daftar sampai …"), the skills it
 * asks for and its quota; "Lamar" opens `<asn-internship-form>` for that opening right under it (fetched on
 * that first press) and moves the focus into it. A portal with its own form can cancel the `asn-apply` event and
 * open its own instead. The list follows changes (an application sent on the page refreshes it) and keeps an
 * opening whose form is open even when it stops being listed (the student still sees their reference).
 *
 * The client: a `client` set on the element, else one made from `publishable-key` and `base-url`, else the
 * nearest `<asn-provider>`'s; a form opened here uses the same. Opening text renders as text, never HTML.
 *
 * @tagname asn-internship-openings
 * @summary The internship openings open to a partner's students, with "Lamar" opening the application form.
 *
 * @attr {string} publishable-key - The partner's publishable key (`pk_test_…`/`pk_live_…`) when used without an `<asn-provider>`.
 * @attr {string} base-url - API origin with `publishable-key`, e.g. `https://asn.sorongkota.go.id`. Default: the page's origin.
 * @attr {boolean} offline - Reflects whether the browser is offline (the list keeps what it has and shows a notice).
 *
 * @prop {InternshipOpening[] | undefined} openings - Openings to render as-is; when set, the list fetches nothing.
 * @prop {CoreClient | null | undefined} client - A ready SDK client (wins over `publishable-key` and the provider).
 *
 * @fires {CustomEvent<AsnApplyDetail>} asn-apply - "Lamar" was pressed: `{ openingId }`. Cancelable: `preventDefault()` keeps the built-in form closed (a portal opens its own). Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title.
 * @csspart title - The heading.
 * @csspart list - The list of openings.
 * @csspart opening - One opening.
 * @csspart skill - One skill the opening asks for.
 * @csspart apply-button - The "Lamar" button.
 * @csspart apply - The region under an opening holding its application form.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - The skill chips and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - The unit and the labels.
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-warning=#8a5a00] - A closed or full opening; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Errors.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnInternshipOpenings extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, internshipOpeningsStyles];

  /** The partner's publishable key, for use without a provider. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** API origin with `publishable-key`; default the page's origin. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A ready SDK client; wins over `publishable-key` and the provider. */
  @property({ attribute: false }) client?: CoreClient | null;

  /** Openings to render as-is; when set, the list fetches nothing. */
  @property({ attribute: false }) openings?: InternshipOpening[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _loaded: InternshipOpening[] | undefined;
  @state() private _error: unknown = null;
  /** The opening whose form is open under it. */
  @state() private _open: string | null = null;
  @state() private _formReady = false;
  /** Why the form of an opening could not be loaded (offline on a first visit). */
  @state() private _formError: { id: string; text: string } | null = null;
  @state() private _announcement = '';

  private _seq = 0;
  private _focusAfterLoad = false;

  private readonly _src = new ClientSource(this, {
    concerns: (tags) => tags.some((t) => t === '*' || t === 'internships:*' || t === 'internships:list'),
    refresh: () => void this._load(true),
  });

  constructor() {
    super();
    initLocalization();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const clientChanged = this._src.sync();
    if (clientChanged || (changed.has('openings') && !this.openings)) void this._load(false);
    if (changed.has('offline') && !this.offline && this._error) void this._load(true);
  }

  /** Re-fetches the list, skipping the SDK's cache. Does nothing for openings given through the property. */
  refresh(): void {
    void this._load(true);
  }

  private async _load(fresh: boolean): Promise<void> {
    const seq = ++this._seq;
    const client = this._src.current;
    if (!client || this.openings) return;
    try {
      const page = await resourceOf(client, 'internships', internshipsResource).list({ status: 'open', limit: LIMIT }, { fresh });
      if (seq !== this._seq) return;
      this._loaded = this._keepOpen(page.data);
      this._error = null;
      if (this._focusAfterLoad) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
    } catch (error) {
      if (seq !== this._seq) return;
      this._error = error;
      if (this._focusAfterLoad) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.retry')?.focus());
    }
    this._focusAfterLoad = false;
  }

  /** An opening whose form is open stays where it was, even once it is no longer listed (e.g. it just filled up). */
  private _keepOpen(next: InternshipOpening[]): InternshipOpening[] {
    const open = this._open;
    const before = this._loaded ?? [];
    if (!open || next.some((o) => o.id === open)) return next;
    const index = before.findIndex((o) => o.id === open);
    if (index < 0) return next;
    return [...next.slice(0, index), before[index], ...next.slice(index)];
  }

  private _retry = (): void => {
    this._focusAfterLoad = true;
    this._error = null;
    void this._load(true);
  };

  private async _apply(opening: InternshipOpening): Promise<void> {
    const event = new CustomEvent<AsnApplyDetail>('asn-apply', { detail: { openingId: opening.id }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    if (this._open === opening.id) {
      // A disclosure: the second press closes it (the draft keeps what was typed).
      this._open = null;
      return;
    }
    this._open = opening.id;
    this._formError = null;
    try {
      await loadForm();
      this._formReady = true;
    } catch {
      this._formError = { id: opening.id, text: msg('Formulir lamaran tidak dapat dimuat. Periksa koneksi Anda, lalu tekan Lamar lagi.') };
      this._open = null;
      return;
    }
    await this.updateComplete;
    const form = this.renderRoot.querySelector(`#apply-${cssId(opening.id)} asn-internship-form`);
    await (form as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
    (form as HTMLElement | null)?.focus();
  }

  private _announce(text: string): void {
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
  }

  private get _items(): InternshipOpening[] | undefined {
    return this.openings ?? this._loaded;
  }

  override render(): TemplateResult {
    const items = this._items;
    const failed = !items && this._error ? (this.offline ? 'offline' : classifyError(this._error)) : null;
    return widgetFrame({
      title: msg('Lowongan magang'),
      headerExtras: html`<div class="header-actions"><slot name="header-actions"></slot></div>`,
      busy: !items && !failed,
      offline: this.offline ? msg('Anda sedang luring. Daftar lowongan diperbarui saat koneksi kembali.') : null,
      announcement: this._announcement,
      body: failed
        ? errorState({
            title: msg('Lowongan tidak dapat dimuat'),
            message: errorMessage(failed, {
              forbidden: msg('Daftar lowongan ini tidak diizinkan tampil di situs ini. Hubungi pengelola situs.'),
              auth: msg('Kunci daftar lowongan ini tidak berlaku lagi. Hubungi pengelola situs.'),
            }),
            retryLabel: msg('Coba lagi'),
            onRetry: this._retry,
          })
        : !items
          ? skeleton(msg('Memuat lowongan…'))
          : items.length === 0
            ? emptyState(msg('Belum ada lowongan magang yang dibuka'), msg('Lowongan baru tampil di sini begitu dibuka. Kunjungi halaman ini lagi nanti.'))
            : html`<ul class="list" part="list">
                ${repeat(items, (o) => o.id, (o) => this._renderOpening(o))}
              </ul>`,
    });
  }

  private _renderOpening(o: InternshipOpening): TemplateResult {
    const locale = currentLocale();
    const id = `o-${cssId(o.id)}`;
    const open = this._open === o.id;
    const applyId = `apply-${cssId(o.id)}`;
    return html`<li class="opening" part="opening" id=${id}>
      <article aria-labelledby="${id}-title">
        <h3 class="opening-title" id="${id}-title">${o.title}</h3>
        <p class="unit">${o.unit.name}</p>
        <dl class="facts">
          <div>
            <dt>${msg('Periode magang')}</dt>
            <dd><time datetime=${o.startsOn}>${formatDay(o.startsOn, locale)}</time> – <time datetime=${o.endsOn}>${formatDay(o.endsOn, locale)}</time></dd>
          </div>
          <div>
            <dt>${msg('Kuota')}</dt>
            <dd>${msg(str`${formatNumber(o.quota, locale)} mahasiswa`)}</dd>
          </div>
        </dl>
        <p class="deadline">${msg('Daftar sampai')} <time datetime=${o.applyBy}>${formatDay(o.applyBy, locale)}</time></p>
        <p class="description">${o.description}</p>
        ${o.skills.length > 0
          ? html`<p class="unit" id="${id}-skills">${msg('Keahlian yang dicari')}</p>
              <ul class="skills" aria-labelledby="${id}-skills">
                ${o.skills.map((s) => html`<li class="skill" part="skill">${s}</li>`)}
              </ul>`
          : nothing}
        ${o.status === 'open'
          ? html`<div class="actions">
              <button
                type="button"
                part="apply-button"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${open ? applyId : nothing}
                @click=${() => void this._apply(o)}
              >
                ${msg('Lamar')}<span class="visually-hidden">: ${o.title}</span>
              </button>
            </div>`
          : html`<p class="closed">${o.status === 'filled' ? msg('Kuota sudah terpenuhi') : msg('Pendaftaran ditutup')}</p>`}
        ${open
          ? html`<div class="apply" part="apply" id=${applyId}>
              ${this._formReady
                ? html`<asn-internship-form opening=${o.id} .client=${this._src.current ?? undefined}></asn-internship-form>`
                : skeleton(msg('Memuat formulir lamaran…'))}
            </div>`
          : nothing}
        ${this._formError?.id === o.id ? html`<p class="apply-error" role="alert">${this._formError.text}</p>` : nothing}
      </article>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-internship-openings': AsnInternshipOpenings;
  }
  interface HTMLElementEventMap {
    'asn-apply': AsnApplyEvent;
  }
}
