import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { applicationsResource, resourceOf, type CoreClient } from '../../src/client/index.js';
import type { ApplicationStatus, InternshipApplication, Page, Topic } from '../../src/contract/index.js';
import { formatInstantDay, formatNumber } from '../i18n/format.js';
import { initLocalization } from '../i18n/locale.js';
import { buttonStyles } from '../shared/button.styles.js';
import type { ModalDialog } from '../shared/dialog.js';
import { Announcer } from '../shared/announcer.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { debounce, problemText } from '../shared/form.js';
import { widgetFrame } from '../shared/frame.js';
import { filterFormStyles } from '../shared/filter-form.styles.js';
import { frameStyles } from '../shared/frame.styles.js';
import { LiveData } from '../shared/live-data.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import { RetryFocus } from '../shared/retry-focus.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { applicationReviewStyles } from './application-review.styles.js';
import { isErased, renderDetail, type ActionProblem, type TransitionTo } from './detail.js';
import { hasFilters, listQuery, matches, mergeOptions, renderFilters, type FilterOption, type ReviewFilters } from './filters.js';
import { APPLICATION_STATUSES, statusLabel } from './labels.js';

/** `detail` of `asn-application-transitioned`: the application and the status it moved to. */
export interface AsnApplicationTransitionedDetail {
  id: string;
  status: ApplicationStatus;
}
export type AsnApplicationTransitionedEvent = CustomEvent<AsnApplicationTransitionedDetail>;

/** Applications per page of the queue. */
const PAGE = 25;
/** The API's largest page: a live refresh reloads at most this many. */
const MAX_LIMIT = 100;
/** How long typing must pause before the search goes to the server. */
const SEARCH_MS = 350;

interface Queue {
  key: string;
  items: InternshipApplication[];
  nextCursor: string | null;
}

type RejectChunk = typeof import('./reject-dialog.js');
let rejectChunk: Promise<RejectChunk> | undefined;
/** The rejection dialog's code: once per page, only for an admin who opened an application under review. */
const loadRejectChunk = (): Promise<RejectChunk> =>
  (rejectChunk ??= import('./reject-dialog.js').catch((error: unknown) => {
    rejectChunk = undefined; // a failed fetch (offline) is tried again next time
    throw error;
  }));

const applicationsOf = (client: CoreClient) => resourceOf(client, 'applications', applicationsResource);

/** Outside the class so the manifest lists the event by name (documented with @fires). */
function emit(host: HTMLElement, detail: AsnApplicationTransitionedDetail): void {
  host.dispatchEvent(new CustomEvent('asn-application-transitioned', { detail, bubbles: true, composed: true }));
}

const isConflict = (error: unknown): boolean => {
  const e = error as { status?: unknown; name?: unknown } | null;
  return e?.status === 409 || e?.name === 'ConflictError';
};

/**
 * The BKPSDM admins' queue of internship applications: filtered by opening, partner university and status, and
 * searched by name, NIM, email or reference; oldest first, "Muat lebih banyak" for the next page. Each row shows
 * the reference, the student's name and NIM, the university, the opening, the status (in words) and the day it
 * came in. Opening one shows the student's data, the motivation (as typed, line breaks kept), and the consent
 * record the server stored (notice version and hash, time, origin, key).
 *
 * Review moves an application submitted → reviewing ("Mulai tinjau") → accepted ("Terima") or rejected ("Tolak",
 * with a required reason in a small dialog), each at the `version` it was read at. When someone else changed it
 * meanwhile, or the opening's quota is reached, the server refuses (409): the detail says so with "Muat ulang",
 * and a reason already typed is kept. A withdrawn or erased application shows only that its personal data was
 * erased, with no actions.
 *
 * The queue is a list of buttons with one tab stop: arrows, Home and End move, Enter opens; Escape (or "Kembali ke
 * antrean") goes back to the row. New applications appear without a reload (the `applications` event topic) and
 * are announced politely ("1 lamaran baru"). Everything a student typed renders as text, never as HTML.
 *
 * Inside an `<asn-provider>` (an admin's token) it loads through the SDK; with `applications` set it fetches
 * nothing and filters them itself (stories, server-rendered portals); review actions then still go through the
 * provider's client, if any.
 *
 * @tagname asn-application-review
 * @summary The admins' review queue of internship applications: filters, search, detail with consent record, and versioned review actions.
 *
 * @attr {string} opening - Preset the opening filter (`int_…`). Follows the filter the user picks.
 * @attr {string} partner - Preset the partner filter (`ptn_…`). Follows the filter the user picks.
 * @attr {string} status - Preset the status filter: `submitted`, `reviewing`, `accepted`, `rejected` or `withdrawn`. Follows the filter the user picks.
 * @attr {string} application - The open application's id (`app_…`); empty when none is open. Follows what the user opens.
 * @attr {boolean} offline - Reflects whether the browser is offline (the queue keeps the last data and shows a notice). Set it to preview the notice.
 *
 * @prop {InternshipApplication[] | undefined} applications - Applications to render as-is (filtered locally); when set, nothing is fetched.
 *
 * @fires {CustomEvent<AsnApplicationTransitionedDetail>} asn-application-transitioned - An application moved to another status: `{ id, status }` (the server's answer). Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title.
 * @csspart title - The heading.
 * @csspart count - How many applications are shown.
 * @csspart filters - The filter and search form.
 * @csspart search - The search field.
 * @csspart filter - A filter `<select>` (opening, partner, status).
 * @csspart clear-filters - The "Hapus filter" button.
 * @csspart queue - The list of applications.
 * @csspart row - One application's button in the queue.
 * @csspart badge - A status or "Baru" badge.
 * @csspart load-more - The "Muat lebih banyak" button.
 * @csspart detail - The open application.
 * @csspart status - The open application's status badge.
 * @csspart close-button - "Kembali ke antrean".
 * @csspart erased - The note that the personal data was erased.
 * @csspart motivation - The student's motivation (text, line breaks kept).
 * @csspart reason - The reason given with the decision.
 * @csspart consent - The consent record.
 * @csspart actions - The review buttons.
 * @csspart start-button - "Mulai tinjau".
 * @csspart accept-button - "Terima".
 * @csspart reject-button - "Tolak".
 * @csspart problem - Why an action did not happen (e.g. changed meanwhile, quota reached).
 * @csspart reload-button - The problem's "Muat ulang".
 * @csspart dialog - The native `<dialog>` asking for the reason of a rejection.
 * @csspart reason-input - The dialog's reason field.
 * @csspart confirm-button - The dialog's "Tolak lamaran".
 * @csspart dialog-error - Why the rejection failed, in the dialog.
 * @csspart state - The loading, empty, error or not-authorised state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, focus ring, the open row.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - The open row, the consent record, notices.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text (dates, labels).
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - "Diterima".
 * @cssprop [--asn-color-warning=#8a5a00] - "Sedang ditinjau", "Baru", the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - "Ditolak", errors, conflicts.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnApplicationReview extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, filterFormStyles, applicationReviewStyles];

  /** The opening filter (preset by the attribute, then what the user picks); `''` for every opening. */
  @property() opening = '';

  /** The partner filter; `''` for every partner. */
  @property() partner = '';

  /** The status filter; `''` for every status. */
  @property() status: ApplicationStatus | '' = '';

  /** The open application's id; `''` when none is open. */
  @property({ reflect: true }) application = '';

  /** Applications to render as-is; when set, nothing is fetched. */
  @property({ attribute: false }) applications?: InternshipApplication[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _q = '';
  @state() private _searchText = '';
  @state() private _queue: Queue | undefined;
  /** What this page learnt after the list was read (a transition's answer, a reload), by id. */
  @state() private _overrides: ReadonlyMap<string, InternshipApplication> = new Map();
  /** The open application when it is not in the queue (a link to it, or filtered out): fetched by id. */
  @state() private _extra: InternshipApplication | undefined;
  /** Applications that arrived live since the page opened, marked "Baru" until opened. */
  @state() private _fresh: ReadonlySet<string> = new Set();
  @state() private _busy: { id: string; what: TransitionTo | 'reload' } | null = null;
  @state() private _problem: { id: string; problem: ActionProblem } | null = null;
  /** Reasons typed for a rejection, by application: kept through a 409, a cancel and a reload. */
  @state() private _reasons: ReadonlyMap<string, string> = new Map();
  @state() private _dialog: { id: string; version: number } | null = null;
  @state() private _dialogError = '';
  @state() private _fieldError = '';
  /** Every opening, as `internships.list` answers (the partner filter has no such list: see filter-options.ts). */
  @state() private _listed: FilterOption[] = [];
  /** The row holding the queue's one tab stop. */
  @state() private _focusId = '';
  @state() private _loadingMore = false;
  @state() private _moreError = '';
  @state() private _chunk: RejectChunk | undefined;

  private _modal: ModalDialog | undefined;
  private _optionsFor: CoreClient | null = null;
  private readonly _seen = { openings: new Map<string, string>(), partners: new Map<string, string>() };
  private _announceCount = false;
  private readonly _announcer = new Announcer(this);
  private readonly _retryFocus = new RetryFocus(this);
  private _refreshing: Promise<void> | null = null;
  private _refreshAgain = false;
  private readonly _search = debounce(() => this._applySearch(), SEARCH_MS);

  private readonly _live = new LiveData(this, {
    active: () => this.applications === undefined,
    onCredentialsChange: () => {
      this._queue = undefined;
      this._extra = undefined;
      this._overrides = new Map();
      this._fresh = new Set();
      this._problem = null;
      this._reasons = new Map(); // typed by whoever was signed in before
      this._modal?.close();
      this._optionsFor = null;
      this._listed = [];
      this._seen.openings.clear();
      this._seen.partners.clear();
    },
    refresh: () => this.refresh(),
    concerns: (tags) => tags.some((t) => t === '*' || t.startsWith('applications:')),
    // Subscribed once a queue was read with these credentials (never the previous user's topic).
    topic: () => (this._queue ? ('applications' as Topic) : undefined),
    wants: (event) => event.type === 'application.created' || event.type === 'application.updated',
  });

  constructor() {
    super();
    initLocalization();
  }

  private readonly _queueTask = new Task(this, {
    args: () => [this._live.client, this._key, this.applications === undefined, this._live.generation] as const,
    task: async ([client, key, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      const page = await applicationsOf(client).list(listQuery(this._filters, PAGE), { signal, fresh });
      return { key, page };
    },
    onComplete: (result) => {
      const { key, page } = result as { key: string; page: Page<InternshipApplication> };
      this._queue = { key, items: page.data, nextCursor: page.nextCursor };
      this._note(page.data);
      this._moreError = '';
      this._settleOverrides(page.data);
      if (this._announceCount) {
        this._announceCount = false;
        this._announcer.announce(this._countText(page.data.length, Boolean(page.nextCursor)));
      }
      this._retryFocus.settle('.title');
    },
    onError: () => this._retryFocus.settle('button.retry'),
  });

  /** The open application, when it is in none of the lists this page has. */
  private readonly _detailTask = new Task(this, {
    args: () => [this._live.client, this._missing, this._live.generation] as const,
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      return applicationsOf(client).get(id as InternshipApplication['id'], { signal });
    },
    onComplete: (result) => (this._extra = result as InternshipApplication),
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('application') && this.application) this._focusId = this.application;
    if (changed.has('applications')) {
      this._overrides = new Map();
      this._note(this.applications ?? []);
    }
  }

  override updated(): void {
    const client = this._live.client;
    if (client && this.applications === undefined && this._optionsFor !== client) {
      this._optionsFor = client;
      void this._loadOptions(client);
    }
    this._prefetchChunk();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._search.cancel();
  }

  /** Re-reads the queue (skipping the SDK's cache), keeping what is shown meanwhile; new arrivals are announced. */
  refresh(): Promise<void> {
    const client = this._live.client;
    if (this.applications || !client) return Promise.resolve();
    const queue = this._queue;
    if (!queue || queue.key !== this._key) {
      this._live.markFresh();
      return this._queueTask.run();
    }
    if (this._refreshing) {
      this._refreshAgain = true;
      return this._refreshing;
    }
    // Oldest first: a newcomer is at the end, so the reload covers what is shown and a page more.
    const limit = Math.min(MAX_LIMIT, Math.max(PAGE, queue.items.length + PAGE));
    const key = queue.key;
    this._refreshing = applicationsOf(client)
      .list(listQuery(this._filters, limit), { fresh: true })
      .then(
        (page) => {
          this._merge(key, page);
          return this._refreshOpen(client, page);
        },
        () => undefined, // a failed live reload keeps what is shown; the next event or `online` tries again
      )
      .finally(() => {
        this._refreshing = null;
        if (this._refreshAgain) {
          this._refreshAgain = false;
          void this.refresh();
        }
      });
    return this._refreshing;
  }

  private _merge(key: string, page: Page<InternshipApplication>): void {
    const queue = this._queue;
    if (!queue || queue.key !== key) return;
    const known = new Set(queue.items.map((a) => a.id));
    const got = new Set(page.data.map((a) => a.id));
    // Shown beyond the reloaded page (more than MAX_LIMIT loaded): kept, with the cursor that follows them.
    const beyond = page.nextCursor ? queue.items.slice(page.data.length).filter((a) => !got.has(a.id)) : [];
    this._queue = { key, items: [...page.data, ...beyond], nextCursor: beyond.length ? queue.nextCursor : page.nextCursor };
    this._note(page.data);
    this._settleOverrides(page.data);
    const arrived = page.data.filter((a) => !known.has(a.id) && a.status === 'submitted').map((a) => a.id);
    if (arrived.length > 0) {
      this._fresh = new Set([...this._fresh, ...arrived]);
      this._announcer.announce(arrived.length === 1 ? msg('1 lamaran baru') : msg(str`${formatNumber(arrived.length)} lamaran baru`));
    }
  }

  /** The open application, when the reloaded queue does not have it (filtered out): read again by itself. */
  private async _refreshOpen(client: CoreClient, page: Page<InternshipApplication>): Promise<void> {
    const id = this.application;
    const shown = this._find(id);
    if (!shown || page.data.some((a) => a.id === id)) return;
    const fresh = await applicationsOf(client)
      .get(id as InternshipApplication['id'], { fresh: true })
      .catch(() => undefined);
    // Never older than what this page already has (a transition answered meanwhile).
    const current = this._find(id);
    if (!fresh || this.application !== id || (current && current.version > fresh.version)) return;
    this._put(fresh);
  }

  /** Drops what this page learnt once the server's list has caught up with it. */
  private _settleOverrides(items: readonly InternshipApplication[]): void {
    if (this._overrides.size === 0) return;
    const next = new Map(this._overrides);
    for (const a of items) {
      const mine = next.get(a.id);
      if (mine && mine.version <= a.version) next.delete(a.id);
    }
    if (next.size !== this._overrides.size) this._overrides = next;
  }

  /** Every opening for its filter (a chunk of its own); meanwhile, and for partners, those the applications name. */
  private async _loadOptions(client: CoreClient): Promise<void> {
    try {
      const { loadOpeningOptions } = await import('./filter-options.js');
      const openings = await loadOpeningOptions(client);
      if (this._optionsFor === client) this._listed = openings;
    } catch {
      // Offline on a first visit, or not allowed: the filter keeps offering what the applications seen name.
    }
  }

  /** Openings and partners the loaded applications name: the filters keep offering them after a filter narrows the queue. */
  private _note(items: readonly InternshipApplication[]): void {
    for (const a of items) {
      this._seen.openings.set(a.openingId, a.openingTitle);
      this._seen.partners.set(a.partnerId, a.partnerName);
    }
  }

  private get _filters(): ReviewFilters {
    const status = APPLICATION_STATUSES.includes(this.status as ApplicationStatus) ? this.status : '';
    return { opening: this.opening || '', partner: this.partner || '', status, q: this._q };
  }

  private get _key(): string {
    return JSON.stringify(this._filters);
  }

  /** The queue as shown: `applications` (filtered here) or the server's, with what this page learnt since. */
  private get _items(): InternshipApplication[] | undefined {
    const base = this.applications ? this.applications.filter((a) => matches(a, this._filters)) : this._queue?.items;
    return base?.map((a) => this._overrides.get(a.id) ?? a);
  }

  private _find(id: string): InternshipApplication | undefined {
    if (!id) return undefined;
    const own = this._overrides.get(id);
    if (own) return own;
    const listed = (this.applications ?? this._queue?.items ?? []).find((a) => a.id === id);
    return listed ?? (this._extra?.id === id ? this._extra : undefined);
  }

  /** The open application's id when no list has it (then it is fetched); `''` otherwise. */
  private get _missing(): string {
    const id = this.application;
    if (!id || this.applications || !this._queue || this._queue.key !== this._key) return '';
    return this._find(id) ? '' : id;
  }

  private _countText(n: number, more: boolean): string {
    if (more) return msg(str`${formatNumber(n)} lamaran pertama ditampilkan`);
    return n === 1 ? msg('1 lamaran') : msg(str`${formatNumber(n)} lamaran`);
  }

  // ── Filters ──

  private _setFilter(patch: Partial<ReviewFilters>): void {
    if (patch.opening !== undefined) this.opening = patch.opening;
    if (patch.partner !== undefined) this.partner = patch.partner;
    if (patch.status !== undefined) this.status = patch.status;
    if (patch.q !== undefined) this._q = patch.q;
    if (this.applications) void this.updateComplete.then(() => this._announcer.announce(this._countText(this._items?.length ?? 0, false)));
    else this._announceCount = true;
  }

  private _applySearch(): void {
    const q = this._searchText.trim().slice(0, 120);
    if (q !== this._q) this._setFilter({ q });
  }

  private _clearFilters = async (): Promise<void> => {
    this._search.cancel();
    this._searchText = '';
    this._setFilter({ opening: '', partner: '', status: '', q: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-q')?.focus();
  };

  private get _options(): { openings: FilterOption[]; partners: FilterOption[] } {
    const options = (seen: Map<string, string>) => [...seen].map(([id, label]) => ({ id, label }));
    return {
      openings: mergeOptions(this._listed, options(this._seen.openings), this.opening),
      partners: mergeOptions([], options(this._seen.partners), this.partner),
    };
  }

  // ── Queue: one tab stop, arrows move, Enter opens ──

  private _onQueueKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.row-button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const to =
      event.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1)
      : event.key === 'ArrowUp' ? Math.max(at - 1, 0)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : -1;
    if (to < 0) return;
    event.preventDefault();
    this._focusId = buttons[to].dataset.id ?? '';
    buttons[to].focus();
  };

  private async _open(id: string): Promise<void> {
    this.application = id;
    this._focusId = id;
    if (this._fresh.has(id)) this._fresh = new Set([...this._fresh].filter((x) => x !== id));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  private _close = async (): Promise<void> => {
    const id = this.application;
    this.application = '';
    await this.updateComplete;
    const row = id ? this.renderRoot.querySelector<HTMLElement>(`#row-${CSS.escape(id)}`) : null;
    (row ?? this.renderRoot.querySelector<HTMLElement>('.title'))?.focus();
  };

  private _onDetailKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this._dialog) return;
    event.preventDefault();
    void this._close();
  };

  // ── Review ──

  private _put(a: InternshipApplication): void {
    this._overrides = new Map(this._overrides).set(a.id, a);
    if (this._extra?.id === a.id) this._extra = a;
  }

  private _setReason(id: string, reason: string): void {
    const next = new Map(this._reasons);
    if (reason) next.set(id, reason);
    else next.delete(id);
    this._reasons = next;
  }

  /** A 409 is either the opening's quota (problem `code` `opening.quota_reached`) or a change since it was read. */
  private _conflictMessage(error: unknown, to: TransitionTo, id: string): string {
    const code = (error as { problem?: { code?: unknown } } | null)?.problem?.code;
    if (to === 'accepted' && (code === 'opening.quota_reached' || /quota/i.test(problemText(error) ?? ''))) {
      return msg('Kuota lowongan ini sudah terpenuhi, jadi lamaran tidak dapat diterima. Muat ulang untuk melihat data terbaru.');
    }
    const kept = this._reasons.get(id) ? ` ${msg('Alasan yang sudah Anda tulis tetap tersimpan.')}` : '';
    return msg('Lamaran ini sudah berubah sejak Anda membukanya (oleh admin lain, atau ditarik mahasiswa). Muat ulang untuk melihat statusnya sekarang, lalu putuskan lagi.') + kept;
  }

  private _failureMessage(error: unknown): string {
    const kind: ErrorKind = this.offline ? 'offline' : classifyError(error);
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk meninjau lamaran.'),
      forbidden: msg('Hanya admin BKPSDM yang dapat meninjau lamaran.'),
      'not-found': msg('Lamaran ini tidak ditemukan lagi.'),
    });
  }

  /**
   * Sends one transition at the version shown; `conflict` (409) and `failed` leave the message where it belongs:
   * a conflict in the detail (with "Muat ulang"), a failure in the detail, or in the dialog for a rejection.
   */
  private async _send(a: InternshipApplication, to: TransitionTo, version: number, reason?: string): Promise<'ok' | 'conflict' | 'failed'> {
    const client = this._live.client;
    if (this._busy) return 'failed';
    this._problem = null;
    if (!client || this.offline) {
      const message = this._failureMessage(client ? { name: 'NetworkError' } : null);
      if (to === 'rejected') this._dialogError = message;
      else this._problem = { id: a.id, problem: { kind: 'other', message } };
      return 'failed';
    }
    this._busy = { id: a.id, what: to };
    try {
      const updated = await applicationsOf(client).transition(a.id, { to, version, ...(reason ? { reason } : {}) });
      this._put(updated);
      if (to === 'rejected') this._setReason(a.id, '');
      emit(this, { id: updated.id, status: updated.status });
      this._announcer.announce(msg(str`Lamaran ${updated.reference}: ${statusLabel(updated.status)}.`));
      return 'ok';
    } catch (error) {
      if (isConflict(error)) {
        this._problem = { id: a.id, problem: { kind: 'conflict', message: this._conflictMessage(error, to, a.id) } };
        return 'conflict';
      }
      const message = this._failureMessage(error);
      if (to === 'rejected') this._dialogError = message;
      else this._problem = { id: a.id, problem: { kind: 'other', message } };
      return 'failed';
    } finally {
      this._busy = null;
    }
  }

  private _onTransition = async (to: 'reviewing' | 'accepted'): Promise<void> => {
    const a = this._find(this.application);
    if (!a || this._busy) return;
    const outcome = await this._send(a, to, a.version);
    await this.updateComplete;
    if (outcome === 'ok') {
      // After "Mulai tinjau" the decision is next; after a decision, the application itself.
      const next = to === 'reviewing' ? '[part="accept-button"]' : '#detail-title';
      this.renderRoot.querySelector<HTMLElement>(next)?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    }
  };

  /** The dialog's code and its modal (focus in, and back to "Tolak" or the detail on close). */
  private async _loadChunk(): Promise<RejectChunk> {
    const chunk = (this._chunk ??= await loadRejectChunk());
    if (!this._modal) {
      // Its styles join the element's own (constructed sheets: CSSOM, allowed by a `style-src 'self'` CSP).
      const root = this.renderRoot as ShadowRoot;
      const sheets = chunk.rejectStyles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => Boolean(s));
      if ('adoptedStyleSheets' in root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      this._modal = new chunk.ModalDialog(() => {
        this._dialog = null;
        this._dialogError = '';
        this._fieldError = '';
      });
    }
    return chunk;
  }

  /** An application that can be rejected is open: fetch the rejection dialog's code while the browser is idle. */
  private _prefetchChunk(): void {
    const status = this._find(this.application)?.status;
    if (this._chunk || rejectChunk || (status !== 'submitted' && status !== 'reviewing')) return;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void this._loadChunk().catch(() => undefined)); // offline: tried again on the click
  }

  private _openReject = async (event: Event): Promise<void> => {
    const opener = event.currentTarget as HTMLElement;
    const a = this._find(this.application);
    if (!a || this._busy) return;
    // A conflict stays until "Muat ulang": sending the same version again would only be refused again.
    if (this._problem?.problem.kind !== 'conflict') this._problem = null;
    try {
      await this._loadChunk();
    } catch {
      this._problem = { id: a.id, problem: { kind: 'other', message: msg('Fungsi ini belum dapat dimuat. Periksa koneksi Anda lalu coba lagi.') } };
      return;
    }
    // The version it was read at: a change meanwhile makes the server refuse (409) rather than overwrite it.
    this._dialog = { id: a.id, version: a.version };
    this._dialogError = '';
    this._fieldError = '';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog) this._modal?.open(dialog, opener, { fallback: () => this.renderRoot.querySelector<HTMLElement>('#detail-title') });
  };

  private _confirmReject = async (): Promise<void> => {
    const open = this._dialog;
    const chunk = this._chunk;
    const a = open ? this._find(open.id) : undefined;
    if (!open || !chunk || !a || this._busy) return;
    const reason = (this._reasons.get(open.id) ?? '').trim();
    const invalid = chunk.reasonProblem(reason, open.version);
    this._fieldError = invalid ?? '';
    if (invalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reject-reason')?.focus();
      return;
    }
    this._dialogError = '';
    const outcome = await this._send(a, 'rejected', open.version, reason);
    if (outcome === 'failed') return; // the message is in the dialog, the reason in its field
    this._modal?.close();
    await this.updateComplete;
    if (outcome === 'conflict') this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
  };

  private _onDialogCancel = (event: Event): void => {
    // Escape while the rejection is on its way would hide its answer: wait for it.
    if (this._busy) event.preventDefault();
  };

  /** "Muat ulang" after a 409: the application as the server has it now; a typed reason stays. */
  private _reload = async (): Promise<void> => {
    const client = this._live.client;
    const id = this.application;
    if (!client || !id || this._busy) return;
    this._busy = { id, what: 'reload' };
    try {
      const fresh = await applicationsOf(client).get(id as InternshipApplication['id'], { fresh: true });
      this._overrides = new Map(this._overrides).set(id, fresh);
      if (this._extra?.id === id) this._extra = fresh;
      this._problem = null;
      this._announcer.announce(msg(str`Lamaran dimuat ulang: ${statusLabel(fresh.status)}.`));
      if (!this.applications) void this.refresh();
    } catch (error) {
      this._problem = { id, problem: { kind: 'other', message: this._failureMessage(error) } };
    } finally {
      this._busy = null;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this._problem ? '.problem' : '#detail-title')?.focus();
  };

  private _loadMore = async (): Promise<void> => {
    const client = this._live.client;
    const queue = this._queue;
    if (!client || !queue?.nextCursor || this._loadingMore) return;
    this._loadingMore = true;
    this._moreError = '';
    try {
      const page = await applicationsOf(client).list({ ...listQuery(this._filters, PAGE), cursor: queue.nextCursor });
      if (this._queue?.key !== queue.key) return;
      const known = new Set(this._queue.items.map((a) => a.id));
      this._queue = { ...this._queue, items: [...this._queue.items, ...page.data.filter((a) => !known.has(a.id))], nextCursor: page.nextCursor };
      this._note(page.data);
      this._announcer.announce(this._countText(this._queue.items.length, Boolean(page.nextCursor)));
    } catch (error) {
      this._moreError = this._failureMessage(error);
    } finally {
      this._loadingMore = false;
    }
  };

  // ── Rendering ──

  private _retry = (): void => {
    this._retryFocus.arm();
    this._live.markFresh();
    void this._queueTask.run();
  };

  /** The queue's load error, when it has nothing (current) to show because of it; null otherwise. */
  private get _failed(): ErrorKind | null {
    if (this.applications || this._queueTask.status !== TaskStatus.ERROR) return null;
    return this.offline ? 'offline' : classifyError(this._queueTask.error);
  }

  override render(): TemplateResult {
    const items = this._items;
    const failed = this._failed;
    const open = this._find(this.application);
    return html`${widgetFrame({
      title: msg('Lamaran magang'),
      subtitle: items && !failed ? html`<p class="count" part="count">${this._countText(items.length, !this.applications && Boolean(this._queue?.nextCursor))}</p>` : nothing,
      headerExtras: html`<div class="header-actions"><slot name="header-actions"></slot></div>`,
      busy: !items && !failed,
      offline: this.offline ? msg('Anda sedang luring. Antrean diperbarui dan keputusan dapat dikirim saat koneksi kembali.') : null,
      announcement: this._announcer.text,
      body: html`${this._renderFilters()}
        <div class="layout ${open ? 'open' : ''}">
          <div class="queue-pane">${this._renderQueue(items, failed)}</div>
          ${open
            ? html`<div class="detail-pane" @keydown=${this._onDetailKeydown}>
                ${renderDetail(open, {
                  busy: this._busy?.id === open.id ? this._busy.what : null,
                  problem: this._problem?.id === open.id ? this._problem.problem : null,
                  reason: this._reasons.get(open.id) ?? '',
                  onTransition: (to) => void this._onTransition(to),
                  onReject: (e) => void this._openReject(e),
                  onReload: () => void this._reload(),
                  onClose: () => void this._close(),
                })}
              </div>`
            : this._renderMissing()}
        </div>`,
    })}
    ${this._chunk ? this._renderDialog(this._chunk) : nothing}`;
  }

  /** The open application while it is fetched by id, or why it cannot be shown. */
  private _renderMissing(): TemplateResult | typeof nothing {
    if (!this.application) return nothing;
    if (this._detailTask.status === TaskStatus.PENDING) return html`<div class="detail-pane">${skeleton(msg('Memuat lamaran…'))}</div>`;
    if (this._detailTask.status !== TaskStatus.ERROR) return nothing;
    return html`<div class="detail-pane">
      <div class="problem other" part="problem">
        <p role="alert">${this._failureMessage(this._detailTask.error)}</p>
        <button type="button" class="secondary close" part="close-button" @click=${this._close}>${msg('Kembali ke antrean')}</button>
      </div>
    </div>`;
  }

  private _renderFilters(): TemplateResult {
    const { openings, partners } = this._options;
    return renderFilters({
      filters: this._filters,
      searchText: this._searchText,
      openings,
      partners,
      onOpening: (opening) => this._setFilter({ opening }),
      onPartner: (partner) => this._setFilter({ partner }),
      onStatus: (status) => this._setFilter({ status: status as ApplicationStatus | '' }),
      onSearchInput: (text) => {
        this._searchText = text;
        this._search();
      },
      onSubmit: () => this._search.flush(),
      onClear: () => void this._clearFilters(),
    });
  }

  private _loadError(kind: ErrorKind): TemplateResult {
    if (kind === 'forbidden') {
      // Not a failure to retry: this user may not review applications.
      return html`<div class="error forbidden" part="state">
        <div role="alert">
          <p class="error-title">${msg('Anda tidak berwenang membuka antrean lamaran')}</p>
          <p class="error-message">${msg('Hanya admin BKPSDM yang dapat melihat dan meninjau lamaran magang.')}</p>
        </div>
      </div>`;
    }
    return errorState({
      title: msg('Lamaran tidak dapat dimuat'),
      message: errorMessage(kind, { auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat lamaran.') }),
      retryLabel: msg('Coba lagi'),
      onRetry: this._retry,
    });
  }

  private _renderQueue(items: InternshipApplication[] | undefined, failed: ErrorKind | null): TemplateResult {
    const stale = !this.applications && this._queue !== undefined && this._queue.key !== this._key;
    if (failed && (!items || stale)) return this._loadError(failed);
    if (!items) return skeleton(msg('Memuat lamaran…'));
    if (items.length === 0) {
      const filtered = hasFilters(this._filters);
      return html`${emptyState(
        filtered ? msg('Tidak ada lamaran yang sesuai') : msg('Belum ada lamaran'),
        filtered ? msg('Ubah atau hapus filter untuk melihat lamaran lain.') : msg('Lamaran mahasiswa tampil di sini begitu dikirim.'),
      )}
      ${filtered ? html`<p class="empty-action"><button type="button" class="secondary" @click=${this._clearFilters}>${msg('Hapus filter')}</button></p>` : nothing}`;
    }
    const focusId = items.some((a) => a.id === this._focusId) ? this._focusId : items[0].id;
    const more = !this.applications && Boolean(this._queue?.nextCursor);
    return html`<p id="queue-help" class="visually-hidden">${msg('Gunakan tombol panah atas dan bawah untuk berpindah antarlamaran; tekan Enter untuk membukanya.')}</p>
      <ul class="queue" part="queue" aria-label=${msg('Antrean lamaran')} aria-describedby="queue-help" aria-busy=${stale ? 'true' : 'false'} @keydown=${this._onQueueKeydown}>
        ${repeat(
          items,
          (a) => a.id,
          (a) => this._renderRow(a, a.id === focusId),
        )}
      </ul>
      ${more
        ? html`<div class="more">
            ${this._moreError ? html`<p class="more-error" role="alert">${this._moreError}</p>` : nothing}
            <button type="button" class="secondary" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this._loadMore}>
              ${this._loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${msg('Memuat…')}` : msg('Muat lebih banyak')}
            </button>
          </div>`
        : nothing}`;
  }

  private _renderRow(a: InternshipApplication, tabStop: boolean): TemplateResult {
    const s = isErased(a) ? null : a.student;
    const selected = a.id === this.application;
    return html`<li class="row">
      <button
        type="button"
        class="row-button ${selected ? 'selected' : ''}"
        part="row"
        id=${`row-${a.id}`}
        data-id=${a.id}
        tabindex=${tabStop ? '0' : '-1'}
        aria-current=${selected ? 'true' : nothing}
        @click=${() => void this._open(a.id)}
        @focus=${() => (this._focusId = a.id)}
      >
        <span class="row-head">
          <span class="name ${s ? '' : 'erased-name'}">${s ? s.name : msg('Data pribadi dihapus')}</span>
          ${this._fresh.has(a.id) ? html`<span class="badge new" part="badge">${msg('Baru')}</span>` : nothing}
          <span class="badge status ${a.status}" part="badge">${statusLabel(a.status)}</span>
        </span>
        <span class="row-line"><span class="ref">${a.reference}</span>${s ? html`<span class="sep" aria-hidden="true"> · </span><span>NIM ${s.nim}</span>` : nothing}</span>
        <span class="row-line">${a.partnerName}</span>
        <span class="row-line">${a.openingTitle}</span>
        <span class="row-line muted">${msg('Masuk', { id: 'application-review.received' })} <time datetime=${a.createdAt}>${formatInstantDay(a.createdAt)}</time></span>
      </button>
    </li>`;
  }

  private _renderDialog(chunk: RejectChunk): TemplateResult {
    const open = this._dialog;
    const a = open ? this._find(open.id) : undefined;
    return chunk.renderRejectDialog({
      open: Boolean(open && a),
      subject: a ? `${a.student?.name ?? ''} · ${a.reference}` : '',
      reason: open ? (this._reasons.get(open.id) ?? '') : '',
      fieldError: this._fieldError,
      error: this._dialogError,
      busy: this._busy?.what === 'rejected',
      onInput: (value) => {
        if (open) this._setReason(open.id, value);
        if (this._fieldError) this._fieldError = '';
      },
      onSubmit: () => void this._confirmReject(),
      onClose: () => {
        if (!this._busy) this._modal?.close();
      },
      onCancel: this._onDialogCancel,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-application-review': AsnApplicationReview;
  }
  interface HTMLElementEventMap {
    'asn-application-transitioned': AsnApplicationTransitionedEvent;
  }
}
