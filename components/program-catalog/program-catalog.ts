import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { programsResource, resourceOf, type EmployeeRef } from '../../src/client/index.js';
import type { Competency, Enrollment, Page, Program, ProgramType, Topic } from '../../src/contract/index.js';
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
import { ActionState, type CancelTarget, type LoadedCatalog } from './action-state.js';
import type { CatalogContext, MyProgramsData } from './actions.js';
import { renderCard } from './card.js';
import { monthsFrom, witMonth } from './dates.js';
import { hasFilters, listQuery, matches, renderFilters, type Filters } from './filters.js';
import { foundText } from './labels.js';
import { programCatalogStyles } from './program-catalog.styles.js';
import { pinnedNow } from '../shared/pinned-now.js';

/** `detail` of `asn-enrollment-created`: the enrolment the server stored, or — made offline — the outbox entry that will send it. */
export type AsnEnrollmentCreatedDetail =
  | { queued: false; enrollment: Enrollment }
  | { queued: true; entryId: string; programId: string };

/** `detail` of `asn-enrollment-cancelled`: the cancelled enrolment, or the outbox entry that will cancel it. */
export type AsnEnrollmentCancelledDetail =
  | { queued: false; enrollment: Enrollment }
  | { queued: true; entryId: string; enrollmentId: string };

export type AsnEnrollmentCreatedEvent = CustomEvent<AsnEnrollmentCreatedDetail>;
export type AsnEnrollmentCancelledEvent = CustomEvent<AsnEnrollmentCancelledDetail>;

export type CatalogView = 'catalog' | 'mine';

/** Programs per page of the catalog (a month of a city's offer fits in one). */
const PAGE = 30;
/** How long typing must pause before the search goes to the server. */
const SEARCH_MS = 350;
/** Months offered in the month filter, from the current one on (plus any month the loaded programs meet in). */
const MONTHS_AHEAD = 12;
const VIEWS: readonly CatalogView[] = ['catalog', 'mine'];

type Actions = typeof import('./actions.js');
let actions: Promise<Actions> | undefined;
/** Enrolling, cancelling and "Program saya" (actions.ts): once per page; a failed fetch (offline) is tried again. */
const loadActions = (): Promise<Actions> =>
  (actions ??= import('./actions.js').catch((error: unknown) => {
    actions = undefined;
    throw error;
  }));

/**
 * The catalog of competency development programs (training, seminars, workshops, e-learning) an ASN can enrol in,
 * toward their 20 JP a year: each program as a card with its type, competency, sessions in WIT, place or online
 * link, JP, seats left and partner; "Direkomendasikan atasan" on those their supervisor recommended. Filters
 * (type, competency, month) and a search work by keyboard and go to the server; the count is announced politely.
 *
 * The ASN enrols ("Daftar"), joins the waitlist when a program is full ("Masuk daftar tunggu"), or cancels before
 * the cancellation deadline (after a confirmation); "Tambahkan ke kalender" downloads the sessions as an `.ics`
 * file. The "Program saya" tab lists the employee's enrolments with their status and, once completed, the
 * certificate. Seats and statuses update live. Offline, an enrolment waits in the outbox ("Menunggu dikirim") and
 * is sent once when the connection is back.
 *
 * Inside an `<asn-provider>` it loads through the SDK client; with `programs` (and `enrollments`) set it fetches
 * nothing for them and renders them (stories, server-rendered portals). Program text renders as text, never HTML.
 *
 * @tagname asn-program-catalog
 * @summary The training program catalog: filters, enrolment with a waitlist, cancellation, calendar file and "my programs".
 *
 * @attr {string} employee - Whose enrolments "Program saya" lists: `me` (the signed-in ASN) or an employee id (`emp_…`, read-only for a supervisor or admin). The catalog's enrolment state and actions are always the signed-in user's. Default `me`.
 * @attr {string} type - Preset the type filter: `training`, `seminar`, `workshop` or `e-learning`. Follows the filter the user picks.
 * @attr {string} competency - Preset the competency filter: `technical`, `managerial` or `socio-cultural`. Follows the filter the user picks.
 * @attr {string} view - The open tab: `catalog` (default) or `mine` ("Program saya").
 * @attr {boolean} offline - Reflects whether the browser is offline (the catalog keeps the last data and shows a notice). Set it to preview the notice.
 *
 * @prop {Program[] | undefined} programs - Programs to render as-is (filtered locally); when set, the catalog fetches nothing.
 * @prop {Enrollment[] | undefined} enrollments - Enrolments for "Program saya"; when set, they are not fetched.
 * @prop {Date | string | undefined} now - The moment enrolment windows and cancellation deadlines are judged at; default the current time (stories and tests pin it).
 *
 * @fires {CustomEvent<AsnEnrollmentCreatedDetail>} asn-enrollment-created - The ASN enrolled: `{ queued: false, enrollment }` (registered or waitlisted), or made offline `{ queued: true, entryId, programId }`. Bubbles, composed.
 * @fires {CustomEvent<AsnEnrollmentCancelledDetail>} asn-enrollment-cancelled - The ASN cancelled an enrolment: `{ queued: false, enrollment }`, or made offline `{ queued: true, entryId, enrollmentId }`. Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title.
 * @csspart title - The heading.
 * @csspart tabs - The tab list (Katalog, Program saya).
 * @csspart tab - One tab.
 * @csspart panel - A tab's panel.
 * @csspart filters - The filter and search form.
 * @csspart search - The search field.
 * @csspart filter - A filter `<select>` (type, competency, month).
 * @csspart clear-filters - The "Hapus filter" button.
 * @csspart list - The list of programs or of enrolments.
 * @csspart card - One program.
 * @csspart card-recommended - A program the supervisor recommended (with `card`).
 * @csspart enrollment - One enrolment in "Program saya".
 * @csspart badge - A type, competency, recommendation or status badge.
 * @csspart recommendation - Who recommended the program, with their note.
 * @csspart description - The program's description (text).
 * @csspart actions - A card's buttons.
 * @csspart enrol-button - "Daftar" / "Masuk daftar tunggu".
 * @csspart cancel-button - "Batalkan pendaftaran".
 * @csspart calendar-button - "Tambahkan ke kalender".
 * @csspart certificate - The certificate's verification link.
 * @csspart result - What an enrolment or cancellation just did ("Terdaftar", "Daftar tunggu, urutan ke-4").
 * @csspart error - Why an enrolment or cancellation was refused, beside its card.
 * @csspart dialog - The native `<dialog>` confirming a cancellation.
 * @csspart confirm-button - The dialog's "Ya, batalkan".
 * @csspart load-more - The "Muat lebih banyak" button.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, focus ring, type badge.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - The recommendation, the tabs and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text (deadlines, waitlist counts).
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - "Terdaftar", "Selesai", results.
 * @cssprop [--asn-color-warning=#8a5a00] - Full, waitlist, "Menunggu dikirim", recommended marker.
 * @cssprop [--asn-color-danger=#b3261e] - Errors.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnProgramCatalog extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, filterFormStyles, programCatalogStyles];

  /** Whose enrolments "Program saya" lists: `me` or `emp_…`. */
  @property({ reflect: true }) employee: EmployeeRef | string = 'me';

  /** The type filter (preset by the attribute, then what the user picks); `''` for every type. */
  @property() type: ProgramType | '' = '';

  /** The competency filter (preset by the attribute, then what the user picks); `''` for every competency. */
  @property() competency: Competency | '' = '';

  /** The open tab. */
  @property({ reflect: true }) view: CatalogView = 'catalog';

  /** Programs to render as-is; when set, the catalog fetches nothing. */
  @property({ attribute: false }) programs?: Program[];

  /** Enrolments for "Program saya"; when set, they are not fetched. */
  @property({ attribute: false }) enrollments?: Enrollment[];

  /** When enrolment windows and cancellation deadlines are judged; default now. */
  @property({ attribute: false }) now?: Date | string;

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _month = '';
  @state() private _q = '';
  @state() private _searchText = '';
  @state() private _catalog: LoadedCatalog | undefined;
  /** actions.ts and the "Program saya" data, once loaded. */
  @state() private _actions: Actions | undefined;
  private _mine: MyProgramsData | undefined;

  /** The tab "Program saya" was opened once: from then on its list loads and stays live. */
  private _mineWanted = false;
  /** Announce the count when the next result for a changed filter arrives. */
  private _announceCount = false;
  private readonly _announcer = new Announcer(this);
  private readonly _retryFocus = new RetryFocus(this);
  private readonly _knownMonths = new Set<string>();
  private readonly _search = debounce(() => this._applySearch(), SEARCH_MS);
  private readonly _state = new ActionState(this);
  private readonly _ctx: CatalogContext = {
    host: this,
    state: this._state,
    client: () => this._live.client ?? null,
    now: () => this._now,
    locale: () => currentLocale(),
    programs: () => this._programs,
    enrollments: () => this._mine?.items(),
    filters: () => this._filters,
    catalog: (next) => {
      if (next) {
        this._catalog = next;
        this._noteMonths(next.items);
      }
      return this._catalog;
    },
    announce: (text) => this._announcer.announce(text),
    schedule: () => {
      this._live.schedule();
      this._mine?.live.schedule();
    },
  };

  /** The catalog: the `programs` topic (seats and statuses of everyone's programs) and the `programs:*` reads. */
  private readonly _live = new LiveData(this, {
    active: () => this.programs === undefined,
    onCredentialsChange: () => {
      this._catalog = undefined;
      this._state.clear();
    },
    refresh: () => this._refreshCatalog(),
    concerns: (tags) => tags.some((t) => t === '*' || t === 'programs:*' || t === 'programs:me' || t === 'programs:list'),
    topic: () => 'programs' as Topic,
  });

  constructor() {
    super();
    initLocalization();
  }

  private readonly _catalogTask = new Task(this, {
    args: () => [this._live.client, this._catalogKey, this.programs === undefined, this._live.generation] as const,
    task: async ([client, key, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      const page = await resourceOf(client, 'programs', programsResource).list(listQuery(this._filters, PAGE), { signal, fresh });
      return { key, page };
    },
    onComplete: (result) => {
      const { key, page } = result as { key: string; page: Page<Program> };
      const { items, nextCursor } = withFirstPage(this._catalog, key, page);
      this._catalog = { key, items, nextCursor, limit: PAGE };
      this._state.reset('programs');
      this._noteMonths(items);
      this._prefetchActions();
      if (this._announceCount) {
        this._announceCount = false;
        this._announcer.announce(foundText(items.length));
      }
      this._retryFocus.settle('.title');
    },
    onError: () => this._retryFocus.settle('#panel-catalog button.retry'),
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.view === 'mine' && !this._mineWanted) {
      this._mineWanted = true;
      void this._loadActions().catch(() => undefined); // its list comes with them
    }
    if (changed.has('programs')) this._state.reset('programs');
    if (changed.has('enrollments')) this._state.reset('enrollments');
    if (changed.has('programs') && this.programs) {
      this._noteMonths(this.programs);
      this._prefetchActions();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._search.cancel();
  }

  /** Re-fetches what is shown (skipping the SDK's cache). Does nothing for data given through properties. */
  refresh(): void {
    this._refreshCatalog();
    this._mine?.refresh();
  }

  private _refreshCatalog(): void {
    if (this.programs || !this._live.client) return;
    this._live.markFresh();
    void this._catalogTask.run();
  }

  private get _filters(): Filters {
    return { type: this.type || '', competency: this.competency || '', month: this._month, q: this._q };
  }

  private get _catalogKey(): string {
    return JSON.stringify(this._filters);
  }

  private get _now(): number {
    return pinnedNow(this.now);
  }

  /** The programs shown: `programs` (filtered here) or what the server answered; with this page's own changes. */
  private get _programs(): Program[] | undefined {
    const base = this.programs ? this.programs.filter((p) => matches(p, this._filters)) : this._catalog?.items;
    return base?.map((p) => this._state.programOverrides.get(p.id) ?? p);
  }

  private _noteMonths(programs: readonly Program[]): void {
    for (const p of programs) for (const s of p.sessions) this._knownMonths.add(witMonth(s.startsAt));
  }

  private get _monthOptions(): string[] {
    const months = new Set([...monthsFrom(new Date(this._now), MONTHS_AHEAD), ...this._knownMonths]);
    if (this._month) months.add(this._month);
    return [...months].sort();
  }

  // ── Filters ──

  private _setFilter(patch: Partial<Filters>): void {
    if (patch.type !== undefined) this.type = patch.type;
    if (patch.competency !== undefined) this.competency = patch.competency;
    if (patch.month !== undefined) this._month = patch.month;
    if (patch.q !== undefined) this._q = patch.q;
    if (this.programs) void this.updateComplete.then(() => this._announcer.announce(foundText(this._programs?.length ?? 0)));
    else this._announceCount = true;
  }

  private _applySearch(): void {
    const q = this._searchText.trim().slice(0, 120);
    if (q !== this._q) this._setFilter({ q });
  }

  private _clearFilters = async (): Promise<void> => {
    this._search.cancel();
    this._searchText = '';
    this._setFilter({ type: '', competency: '', month: '', q: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-q')?.focus();
  };

  // ── Tabs (ARIA tabs pattern: arrows move and select, Home/End, one tab in the Tab order) ──

  private _select(view: CatalogView, focus = false): void {
    this.view = view;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  private _onTabKeydown = (event: KeyboardEvent): void => {
    const i = VIEWS.indexOf(this.view);
    const next =
      event.key === 'ArrowRight' ? VIEWS[(i + 1) % VIEWS.length]
      : event.key === 'ArrowLeft' ? VIEWS[(i + VIEWS.length - 1) % VIEWS.length]
      : event.key === 'Home' ? VIEWS[0]
      : event.key === 'End' ? VIEWS[VIEWS.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    this._select(next, true);
  };

  // ── Enrolling, cancelling, "Program saya" (actions.ts, loaded on demand) ──

  private async _loadActions(): Promise<Actions> {
    if (this._actions) return this._actions;
    const m = await loadActions();
    if (this._actions) return this._actions;
    // Offline-safe before the first click: the outbox is on before any enrolment is sent.
    const client = this._live.client;
    if (client) m.connectOutbox(client, this._ctx);
    this._mine = new m.MyProgramsData({
      host: this,
      state: this._state,
      employee: () => this.employee,
      given: () => this.enrollments,
      fedByProperties: () => this.programs !== undefined,
      wanted: () => this._mineWanted,
      connectOutbox: (c) => m.connectOutbox(c, this._ctx),
      onOutbox: (event) => m.onOutbox(this._ctx, event),
      view: () => ({ locale: currentLocale(), now: this._now, onCancel: this._onRowCancel }),
      toCatalog: () => this._select('catalog', true),
    });
    return (this._actions = m);
  }

  /** Loads the actions when the browser is idle after the catalog appears, so the first click rarely waits. */
  private _prefetchActions(): void {
    if (this._actions) return;
    const load = () => void this._loadActions().catch(() => undefined); // offline: tried again at the first click
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  /** Runs an action once actions.ts is there; if it cannot load (offline on a first visit), says so on the card. */
  private _act(slot: string, run: (m: Actions) => unknown): void {
    this._loadActions().then(run, () =>
      this._state.put(this._state.errors, slot, msg('Fungsi ini belum dapat dimuat. Periksa koneksi Anda lalu coba lagi.')),
    );
  }

  private _onEnrol = (program: Program): void => this._act(program.id, (m) => m.enrol(this._ctx, program));

  private _ask(target: CancelTarget, event: Event): void {
    const opener = event.currentTarget as HTMLElement;
    this._act(target.slot, (m) => m.askCancel(this._ctx, target, opener));
  }

  private _onCardCancel = (program: Program, event: Event): void => {
    const e = program.viewer?.enrollment;
    if (e) this._ask({ slot: program.id, enrollmentId: e.id, programId: program.id, title: program.title, status: e.status, cancelUntil: program.cancelUntil }, event);
  };

  private _onRowCancel = (e: Enrollment, event: Event): void =>
    this._ask({ slot: e.id, enrollmentId: e.id, programId: e.programId, title: e.program.title, status: e.status, cancelUntil: e.program.cancelUntil }, event);

  private _calendar = (program: Program): void => this._act(program.id, (m) => m.calendar(this._ctx, program));

  private _loadMore = (): void => this._act('', (m) => m.loadMore(this._ctx));

  // ── Rendering ──

  private _retry = (): void => {
    this._retryFocus.arm();
    this._refreshCatalog();
  };

  /** The catalog's load error, when it has nothing (current) to show because of it; null otherwise. */
  private get _catalogFailed(): ErrorKind | null {
    if (this.programs || this._catalogTask.status !== TaskStatus.ERROR) return null;
    return this.offline ? 'offline' : classifyError(this._catalogTask.error);
  }

  override render(): TemplateResult {
    const catalog = this._programs;
    const mine = this._mine?.items();
    const shown = this.view === 'mine' ? mine : catalog;
    const failed = this.view === 'mine' ? this._mine?.failed() : this._catalogFailed;
    return widgetFrame({
      title: msg('Program pelatihan'),
      headerExtras: html`<div class="header-actions"><slot name="header-actions"></slot></div>`,
      busy: !shown && !failed,
      offline: this.offline ? msg('Anda sedang luring. Program diperbarui dan pendaftaran dikirim saat koneksi kembali.') : null,
      announcement: this._announcer.text,
      body: html`<div class="tabs" role="tablist" part="tabs" aria-label=${msg('Tampilan program')} @keydown=${this._onTabKeydown}>
          ${this._tab('catalog', msg('Katalog'))} ${this._tab('mine', msg('Program saya'))}
        </div>
        <div class="panel" role="tabpanel" id="panel-catalog" part="panel" aria-labelledby="tab-catalog" ?hidden=${this.view !== 'catalog'}>
          ${this._renderCatalog(catalog)}
        </div>
        <div class="panel" role="tabpanel" id="panel-mine" part="panel" aria-labelledby="tab-mine" ?hidden=${this.view !== 'mine'}>
          ${!this._mineWanted ? nothing : this._mine ? this._mine.render(this.offline) : skeleton(msg('Memuat program Anda…'))}
        </div>
        ${this._actions ? this._actions.renderDialog(this._ctx) : nothing}`,
    });
  }

  private _tab(view: CatalogView, label: string): TemplateResult {
    const selected = this.view === view;
    return html`<button
      type="button"
      role="tab"
      class="tab"
      part="tab"
      id=${`tab-${view}`}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls=${`panel-${view}`}
      tabindex=${selected ? 0 : -1}
      @click=${() => this._select(view)}
    >
      ${label}
    </button>`;
  }

  private _renderCatalog(programs: Program[] | undefined): TemplateResult {
    const locale = currentLocale();
    const filters = renderFilters({
      filters: this._filters,
      searchText: this._searchText,
      months: this._monthOptions,
      locale,
      onType: (type) => this._setFilter({ type: type as ProgramType | '' }),
      onCompetency: (competency) => this._setFilter({ competency: competency as Competency | '' }),
      onMonth: (month) => this._setFilter({ month }),
      onSearchInput: (text) => {
        this._searchText = text;
        this._search();
      },
      onSubmit: () => this._search.flush(),
      onClear: () => void this._clearFilters(),
    });
    const failed = this._catalogFailed;
    const stale = !this.programs && this._catalog !== undefined && this._catalog.key !== this._catalogKey;
    let body: TemplateResult;
    if (failed && (!programs || stale)) {
      body = errorState({
        title: msg('Program tidak dapat dimuat'),
        message: errorMessage(failed, { auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat program.') }),
        retryLabel: msg('Coba lagi'),
        onRetry: this._retry,
      });
    } else if (!programs) {
      body = skeleton(msg('Memuat program…'));
    } else if (programs.length === 0) {
      const filtered = hasFilters(this._filters);
      body = html`${emptyState(
        msg('Belum ada program yang sesuai'),
        filtered ? msg('Ubah atau hapus filter untuk melihat program lain.') : msg('Program baru tampil di sini begitu pendaftarannya dibuka.'),
      )}
      ${filtered ? html`<p class="empty-action"><button type="button" class="secondary" @click=${this._clearFilters}>${msg('Hapus filter')}</button></p>` : nothing}`;
    } else {
      const view = { locale, now: this._now, onEnrol: this._onEnrol, onCancel: this._onCardCancel, onCalendar: this._calendar };
      const more = !this.programs && Boolean(this._catalog?.nextCursor);
      body = html`<ul class="list" part="list" aria-busy=${stale ? 'true' : 'false'}>
          ${repeat(
            programs,
            (p) => p.id,
            (p) => renderCard(p, this._state.of(p.id, p.viewer?.enrollment?.id), view),
          )}
        </ul>
        ${more
          ? html`<div class="more">
              <button type="button" class="secondary" part="load-more" aria-disabled=${this._state.pending.has('') ? 'true' : 'false'} @click=${this._loadMore}>
                ${this._state.pending.has('') ? html`<span class="spinner" aria-hidden="true"></span>${msg('Memuat…')}` : msg('Muat lebih banyak')}
              </button>
            </div>`
          : nothing}`;
    }
    return html`${filters}${body}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-program-catalog': AsnProgramCatalog;
  }
  interface HTMLElementEventMap {
    'asn-enrollment-created': AsnEnrollmentCreatedEvent;
    'asn-enrollment-cancelled': AsnEnrollmentCancelledEvent;
  }
}
