import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { partnersResource, resourceOf } from '../../src/client/index.js';
import type { AgreementStatus, Page, Partner, PartnerKind } from '../../src/contract/index.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { Announcer } from '../shared/announcer.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { withFirstPage } from '../shared/first-page.js';
import { debounce } from '../shared/form.js';
import { widgetFrame } from '../shared/frame.js';
import { LiveData } from '../shared/live-data.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import { RetryFocus } from '../shared/retry-focus.js';
import { buttonStyles } from '../shared/button.styles.js';
import { filterFormStyles } from '../shared/filter-form.styles.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { hasFilters, listQuery, matches, renderFilters, type Filters } from './filters.js';
import { PARTNER_KINDS, STATUSES, foundText } from './labels.js';
import { partnerDomId, renderPartner } from './partner.js';
import { partnerDirectoryStyles } from './partner-directory.styles.js';
import { pinnedNow } from '../shared/pinned-now.js';

/** `detail` of `asn-partner-select`: the partner whose agreements were just opened. */
export interface AsnPartnerSelectDetail {
  partnerId: string;
  partner: Partner;
}

export type AsnPartnerSelectEvent = CustomEvent<AsnPartnerSelectDetail>;

/** Partners per page (a city's partners fit in one; "Muat lebih banyak" fetches the next). */
const PAGE = 20;
/** How long typing must pause before the search goes to the server. */
const SEARCH_MS = 350;

interface Loaded {
  /** The filters the items were loaded for. */
  key: string;
  items: Partner[];
  nextCursor: string | null;
}

/**
 * The directory of the city's partners — universities, companies, government agencies and NGOs — with the status of
 * their cooperation in words ("Aktif", "Segera berakhir · berakhir dalam 45 hari", "Sudah berakhir", "Belum
 * berlaku"), their city and website. A search (name, city, agreement number or title) and the kind and status
 * filters go to the server; the number found is announced politely.
 *
 * Opening a partner (a disclosure button) shows its agreements as a tree of nested lists: each Nota Kesepahaman
 * (MoU), the Perjanjian Kerja Sama (PKS) under it and the Pengaturan Pelaksanaan under those, each with its
 * number, title, scope, the signatories of both sides, its dates and status, and what was delivered under it
 * (development programs, internship openings). It updates live when partners or agreements change.
 *
 * Inside an `<asn-provider>` it loads through the SDK client; with `partners` set it fetches nothing and filters
 * them here (stories, server-rendered portals). Partner and agreement text renders as text, never HTML.
 *
 * @tagname asn-partner-directory
 * @summary The partner directory: search and filters, each partner's agreement tree (MoU → PKS → implementation) with status, and what was delivered.
 *
 * @attr {string} kind - Preset the kind filter: `university`, `company`, `government` or `ngo`. Follows the filter the user picks.
 * @attr {string} status - Preset the status filter: `active`, `expiring`, `expired` or `upcoming`. Follows the filter the user picks.
 * @attr {string} expanded - Space-separated ids of the partners whose agreements are shown (`ptn_umsorong ptn_unimuda`). Follows what the user opens and closes.
 * @attr {boolean} offline - Reflects whether the browser is offline (the directory keeps the last data and shows a notice). Set it to preview the notice.
 *
 * @prop {Partner[] | undefined} partners - Partners to render as-is (filtered here); when set, the directory fetches nothing. Unset inside a provider, they stay shown while the directory loads its own and goes live (server-rendered pages, docs/embedding/ssr.md).
 * @prop {Date | string | undefined} now - The moment "berakhir dalam N hari" counts from; default the current time (stories and tests pin it; a server-rendered page hands the server's over, so hydration matches).
 *
 * @fires {CustomEvent<AsnPartnerSelectDetail>} asn-partner-select - A partner's agreements were opened: `{ partnerId, partner }`. Not fired on closing. Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title.
 * @csspart title - The heading.
 * @csspart filters - The search and filter form.
 * @csspart search - The search field.
 * @csspart filter - A filter `<select>` (kind, status).
 * @csspart clear-filters - The "Hapus filter" button.
 * @csspart list - The list of partners.
 * @csspart partner - One partner.
 * @csspart badge - A kind or status badge.
 * @csspart status - A status badge (with `badge`), of a partner or an agreement.
 * @csspart website - The link to the partner's website.
 * @csspart disclosure - The button that shows or hides a partner's agreements.
 * @csspart agreements - The panel with a partner's agreement tree.
 * @csspart tree - A level of the agreement tree (a `<ul>`).
 * @csspart agreement - One agreement (an `<li>` holding the agreements under it).
 * @csspart delivered - What was delivered under an agreement.
 * @csspart load-more - The "Muat lebih banyak" button.
 * @csspart error - Why the next page could not be loaded, beside the button.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, focus ring, links, kind badge.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - An open partner's agreement panel and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text (labels, positions, hints).
 * @cssprop [--asn-color-border=#c9d1db] - Borders and the lines of the tree.
 * @cssprop [--asn-color-success=#1f7a3f] - "Aktif".
 * @cssprop [--asn-color-warning=#8a5a00] - "Segera berakhir", the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Errors.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnPartnerDirectory extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, filterFormStyles, partnerDirectoryStyles];

  /** The kind filter (preset by the attribute, then what the user picks); `''` for every kind. */
  @property() kind: PartnerKind | '' = '';

  /** The status filter (preset by the attribute, then what the user picks); `''` for every status. */
  @property() status: AgreementStatus | '' = '';

  /** Space-separated ids of the partners whose agreements are shown. */
  @property() expanded = '';

  /** Partners to render as-is; when set, the directory fetches nothing. */
  @property({ attribute: false }) partners?: Partner[];

  /** When "berakhir dalam N hari" counts from; default now. */
  @property({ attribute: false }) now?: Date | string;

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _q = '';
  @state() private _searchText = '';
  @state() private _loaded: Loaded | undefined;
  @state() private _loadingMore = false;
  @state() private _moreError: string | null = null;

  /** Announce the count when the next result for a changed filter arrives. */
  private _announceCount = false;
  private readonly _announcer = new Announcer(this);
  private readonly _retryFocus = new RetryFocus(this);
  private readonly _search = debounce(() => this._applySearch(), SEARCH_MS);

  /** No event topic carries partners: an admin's write (here or in another widget of the page) drops `partners:*`. */
  private readonly _live = new LiveData(this, {
    active: () => this.partners === undefined,
    onCredentialsChange: () => {
      this._loaded = undefined;
    },
    refresh: () => this._refreshList(),
    concerns: (tags) => tags.some((t) => t === '*' || t.startsWith('partners:')),
  });

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this._key, this.partners === undefined, this._live.generation] as const,
    task: async ([client, key, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      const page = await resourceOf(client, 'partners', partnersResource).list(listQuery(this._filters, PAGE), { signal, fresh });
      return { key, page };
    },
    onComplete: (result) => {
      const { key, page } = result as { key: string; page: Page<Partner> };
      const { items, nextCursor } = withFirstPage(this._loaded, key, page);
      this._loaded = { key, items, nextCursor };
      this._moreError = null;
      if (this._announceCount) {
        this._announceCount = false;
        this._announcer.announce(foundText(items.length));
      }
      this._retryFocus.settle('#title');
    },
    onError: () => this._retryFocus.settle('button.retry'),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._search.cancel();
  }

  /** Re-fetches the partners (skipping the SDK's cache). Does nothing for partners given through the property. */
  refresh(): void {
    this._refreshList();
  }

  private _refreshList(): void {
    if (this.partners || !this._live.client) return;
    this._live.markFresh();
    void this._task.run();
  }

  /** The filters in force; a preset attribute that is not a kind or status is ignored rather than sent. */
  private get _filters(): Filters {
    return {
      kind: PARTNER_KINDS.includes(this.kind as PartnerKind) ? this.kind : '',
      status: STATUSES.includes(this.status as AgreementStatus) ? this.status : '',
      q: this._q,
    };
  }

  private get _key(): string {
    return JSON.stringify(this._filters);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Unsetting shown `partners` hands them over (a server-rendered directory going live, docs/embedding/ssr.md):
    // they stay shown as the loaded list while the directory fetches its own, so nothing flashes.
    const given = changed.get('partners');
    if (given && !this.partners && this._loaded?.key !== this._key) this._loaded = { key: this._key, items: given.filter((p) => matches(p, this._filters)), nextCursor: null };
  }

  private get _now(): number {
    return pinnedNow(this.now);
  }

  /** The partners shown: `partners` (filtered here) or what the server answered. */
  private get _partners(): Partner[] | undefined {
    return this.partners ? this.partners.filter((p) => matches(p, this._filters)) : this._loaded?.items;
  }

  private get _expandedIds(): Set<string> {
    return new Set(this.expanded.split(/\s+/).filter(Boolean));
  }

  // ── Filters ──

  private _setFilter(patch: Partial<Filters>): void {
    if (patch.kind !== undefined) this.kind = patch.kind;
    if (patch.status !== undefined) this.status = patch.status;
    if (patch.q !== undefined) this._q = patch.q;
    if (this.partners) void this.updateComplete.then(() => this._announcer.announce(foundText(this._partners?.length ?? 0)));
    else this._announceCount = true;
  }

  private _applySearch(): void {
    const q = this._searchText.trim().slice(0, 120);
    if (q !== this._q) this._setFilter({ q });
  }

  private _clearFilters = async (): Promise<void> => {
    this._search.cancel();
    this._searchText = '';
    this._setFilter({ kind: '', status: '', q: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-q')?.focus();
  };

  // ── Partners ──

  private _toggle = (partner: Partner): void => {
    const ids = this._expandedIds;
    const opening = !ids.has(partner.id);
    if (opening) ids.add(partner.id);
    else ids.delete(partner.id);
    this.expanded = [...ids].join(' ');
    if (opening) {
      this.dispatchEvent(
        new CustomEvent<AsnPartnerSelectDetail>('asn-partner-select', {
          detail: { partnerId: partner.id, partner },
          bubbles: true,
          composed: true,
        }),
      );
    }
  };

  private _loadMore = async (): Promise<void> => {
    const loaded = this._loaded;
    const client = this._live.client;
    if (this._loadingMore || !loaded?.nextCursor || !client) return;
    this._loadingMore = true;
    this._moreError = null;
    try {
      const page = await resourceOf(client, 'partners', partnersResource).list({ ...listQuery(this._filters, PAGE), cursor: loaded.nextCursor });
      if (this._loaded !== loaded) return; // the filters changed meanwhile
      const known = new Set(loaded.items.map((p) => p.id));
      const added = page.data.filter((p) => !known.has(p.id));
      this._loaded = { ...loaded, items: [...loaded.items, ...added], nextCursor: page.nextCursor };
      this._announcer.announce(foundText(this._loaded.items.length));
      // Focus goes to the first partner added, so a keyboard user reads on from there (the button may be gone).
      if (added[0]) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${partnerDomId(added[0])}-name`)?.focus();
      }
    } catch (error) {
      this._moreError = errorMessage(classifyError(error), {});
    } finally {
      this._loadingMore = false;
    }
  };

  // ── Rendering ──

  private _retry = (): void => {
    this._retryFocus.arm();
    this._refreshList();
  };

  /** The load error, when the directory has nothing (current) to show because of it; null otherwise. */
  private get _failed(): ErrorKind | null {
    if (this.partners || this._task.status !== TaskStatus.ERROR) return null;
    return this.offline ? 'offline' : classifyError(this._task.error);
  }

  override render(): TemplateResult {
    const partners = this._partners;
    const failed = this._failed;
    return widgetFrame({
      title: msg('Mitra kerja sama'),
      headerExtras: html`<div class="header-actions"><slot name="header-actions"></slot></div>`,
      busy: !partners && !failed,
      offline: this.offline ? msg('Anda sedang luring. Daftar mitra diperbarui saat koneksi kembali.') : null,
      announcement: this._announcer.text,
      body: html`${renderFilters({
        filters: this._filters,
        searchText: this._searchText,
        onKind: (kind) => this._setFilter({ kind: kind as PartnerKind | '' }),
        onStatus: (status) => this._setFilter({ status: status as AgreementStatus | '' }),
        onSearchInput: (text) => {
          this._searchText = text;
          this._search();
        },
        onSubmit: () => this._search.flush(),
        onClear: () => void this._clearFilters(),
      })}${this._renderBody(partners, failed)}`,
    });
  }

  private _renderBody(partners: Partner[] | undefined, failed: ErrorKind | null): TemplateResult {
    const stale = !this.partners && this._loaded !== undefined && this._loaded.key !== this._key;
    if (failed && (!partners || stale)) {
      return errorState({
        title: msg('Daftar mitra tidak dapat dimuat'),
        message: errorMessage(failed, { auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat daftar mitra.') }),
        retryLabel: msg('Coba lagi'),
        onRetry: this._retry,
      });
    }
    if (!partners) return skeleton(msg('Memuat daftar mitra…'));
    if (partners.length === 0) {
      const filtered = hasFilters(this._filters);
      return filtered
        ? html`${emptyState(msg('Tidak ada mitra yang cocok'), msg('Ubah atau hapus filter untuk melihat mitra lain.'))}
            <p class="empty-action"><button type="button" class="secondary" @click=${this._clearFilters}>${msg('Hapus filter')}</button></p>`
        : emptyState(msg('Belum ada mitra'), msg('Mitra tampil di sini setelah perjanjian kerja samanya dicatat.'));
    }
    const view = { locale: currentLocale(), now: this._now, onToggle: this._toggle };
    const expanded = this._expandedIds;
    const more = !this.partners && Boolean(this._loaded?.nextCursor);
    return html`<ul class="list" part="list" aria-busy=${stale ? 'true' : 'false'}>
        ${repeat(
          partners,
          (p) => p.id,
          (p) => renderPartner(p, { ...view, expanded: expanded.has(p.id) }),
        )}
      </ul>
      ${more
        ? html`<div class="more">
            <button type="button" class="secondary" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this._loadMore}>
              ${this._loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${msg('Memuat…')}` : msg('Muat lebih banyak')}
            </button>
            ${this._moreError ? html`<p class="error-text" part="error" role="alert">${this._moreError}</p>` : nothing}
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-partner-directory': AsnPartnerDirectory;
  }
  interface HTMLElementEventMap {
    'asn-partner-select': AsnPartnerSelectEvent;
  }
}
