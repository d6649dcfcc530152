import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { resourceOf, type CoreClient, meResource, teamResource, type EmployeeRef } from '../../src/client/index.js';
import type { Recommendation, ServerEvent, TeamMember } from '../../src/contract/index.js';
import { currentYearInWit, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization, intlLocale, TIME_ZONE } from '../i18n/locale.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { gradeLabel } from '../shared/grade-label.js';
import { LiveData } from '../shared/live-data.js';
import { bar, emptyState, errorState, skeleton } from '../shared/primitives.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { computeWindow, scrollTopFor, VirtualSheet } from '../shared/virtual-rows.js';
import { jpPace } from './jp-pace.js';
import type { RecommendDialog } from './recommend-dialog.js';
import { teamOverviewStyles } from './team-overview.styles.js';

/** `detail` of `asn-employee-selected`. */
export interface AsnEmployeeSelectedDetail {
  employeeId: string;
  member: TeamMember;
}

/** Fired when a row is chosen (click, Enter or Space). */
export type AsnEmployeeSelectedEvent = CustomEvent<AsnEmployeeSelectedDetail>;

/** `detail` of `asn-program-recommended`. */
export interface AsnProgramRecommendedDetail {
  recommendation: Recommendation;
  member: TeamMember;
}

/** Fired when a program was recommended to a report from the row's "Rekomendasikan" dialog. */
export type AsnProgramRecommendedEvent = CustomEvent<AsnProgramRecommendedDetail>;

type RecommendChunk = typeof import('./recommend-dialog.js');
let recommendChunk: Promise<RecommendChunk> | undefined;
/** The recommend dialog's code, loaded once per page (see recommend-dialog.ts); a failed fetch is tried again. */
const loadRecommendChunk = (): Promise<RecommendChunk> =>
  (recommendChunk ??= import('./recommend-dialog.js').catch((error) => {
    recommendChunk = undefined;
    throw error;
  }));

/** The columns, in order; every one is sortable. */
export type TeamColumn = 'name' | 'position' | 'jp' | 'goals' | 'atRisk' | 'lastFeedback';
const COLUMNS: readonly TeamColumn[] = ['name', 'position', 'jp', 'goals', 'atRisk', 'lastFeedback'];

/** Rows per request (the API's maximum). */
const PAGE = 500;
/** Row height before one is measured, px (CSS: `--asn-team-row-height`, default 3.5rem). */
const DEFAULT_ROW_HEIGHT = 56;
const OVERSCAN = 8;
const SEARCH_DEBOUNCE_MS = 150;
/** Team events come in bursts (a check-in moves goals and progress): gather them into one reload. */
const REFRESH_DEBOUNCE_MS = 120;

/** What the task loads: the rows, whose team they are, and who is looking (their role decides who may recommend). */
interface Loaded {
  key: string;
  members: TeamMember[];
  supervisorId: string | null;
  viewer: { id: string; role?: string } | null;
}

interface Row {
  member: TeamMember;
  /** Normalised name for search. */
  key: string;
  /** Whole days since the last feedback (WIT calendar days), null when none. */
  days: number | null;
}

/**
 * Indonesian-friendly search key: lower case, accents and punctuation (titles like "S.Sos.", "Drs.") dropped,
 * and old spellings folded into EYD so "Soekarno" finds "Sukarno" and "Djoko" finds "Joko".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/sj/g, 'sy')
    .replace(/nj/g, 'ny')
    .replace(/ch/g, 'kh')
    .replace(/\s+/g, ' ')
    .trim();
}

const witDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Day number (UTC ms / 864e5) of the WIT calendar date of `date`. */
function witDayNumber(date: Date): number {
  const [y, m, d] = witDayFormat.format(date).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole WIT calendar days from `iso` to `now` (0 = today), or null. */
export function daysSince(iso: string | null, now: Date = new Date()): number | null {
  if (!iso) return null;
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  return Math.max(0, witDayNumber(now) - witDayNumber(then));
}

/**
 * A supervisor's team at a glance: one row per direct report (or, for an admin with `scope="all"`, every
 * employee of the city) with their JP this year against the 20 JP duty, goals achieved of total, goals at risk
 * and days since their last feedback. Sortable by every column, searchable by name. An ARIA grid with one tab
 * stop (a roving tabindex on its cells and column headers): arrows move between cells, Home/End to the first or
 * last cell of a row, Ctrl+Home/End to the first or last row, Page Up/Down by a screenful; Enter or Space chooses
 * the row's employee. Rows are windowed: with 5,000 rows only the visible ones (and a few around them) exist in
 * the DOM. Updates live when feedback or a check-in changes a row, keeping scroll and the focused cell. On a
 * narrow screen (320 px, or 200 % zoom) the grid scrolls sideways with the name column kept in view, and long
 * names and positions wrap; a cell too long even then shows all of its text while it has focus (tap or keys).
 *
 * Inside an `<asn-provider>` it loads every row through the SDK (pages of 500), then sorts and searches in the
 * browser. With the `members` property set it fetches nothing (stories, benchmarks).
 *
 * In the current year, a report whose JP is below the pace of the year (the target × the share of the WIT year
 * passed, docs/architecture.md "Domain rules") gets a "Rekomendasikan" button in the JP cell, for their direct
 * supervisor or an admin: it opens a dialog to recommend one of the open programs, with an optional note.
 *
 * @tagname asn-team-overview
 * @summary A supervisor's team: JP, goals, risks and feedback per report; sortable, searchable, virtualized grid.
 *
 * @attr {string} supervisor - Whose team: an employee id (`emp_…`) or `me`. Default `me`.
 * @attr {number} year - The calendar year. Default: the current year in WIT.
 * @attr {"direct" | "all"} scope - `direct` reports (default) or `all` employees (admins only).
 * @attr {boolean} offline - Reflects whether the browser is offline (the last rows stay, with a notice).
 *
 * @prop {TeamMember[] | undefined} members - Rows to render as-is; when set, nothing is fetched.
 *
 * @fires {CustomEvent<{ employeeId: string; member: TeamMember }>} asn-employee-selected - A row was chosen (click, Enter or Space). Bubbles, composed.
 * @fires {CustomEvent<{ recommendation: Recommendation; member: TeamMember }>} asn-program-recommended - A program was recommended to a report (the API's answer, and the row). Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - Heading, row count and the `header-actions` slot.
 * @csspart title - The heading.
 * @csspart count - The number of employees, below the heading.
 * @csspart search - The search field.
 * @csspart scroller - The scroll container of the grid.
 * @csspart grid - The grid (`role="grid"`).
 * @csspart header-row - The row of column headers.
 * @csspart sort-button - A column header's sort button.
 * @csspart row - A data row.
 * @csspart row-selected - The chosen row (with `row`).
 * @csspart meter - A row's JP bar.
 * @csspart recommend-button - The "Rekomendasikan" button of a report below the JP pace.
 * @csspart dialog - The native `<dialog>` to recommend a program.
 * @csspart counter - The dialog's character count of the note.
 * @csspart field-error - An error message beside a field of the dialog.
 * @csspart submit - The dialog's submit button.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: bars, sort arrows, focus ring, the chosen row.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Header row, hovered row, bar tracks.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Unit names, secondary text.
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - JP bar once 20 JP are reached.
 * @cssprop [--asn-color-warning=#8a5a00] - Goals at risk; no feedback for long.
 * @cssprop [--asn-color-danger=#b3261e] - Errors.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 * @cssprop [--asn-team-row-height=3.5rem] - Height of every row (fixed: the grid is windowed).
 * @cssprop [--asn-team-max-height=32rem] - Height of the scrolling grid.
 */
@localized()
export class AsnTeamOverview extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, teamOverviewStyles];

  /** Whose team: an employee id or `me`. */
  @property({ reflect: true }) supervisor: EmployeeRef | string = 'me';

  /** The calendar year; defaults to the current year in WIT. */
  @property({ type: Number }) year: number = currentYearInWit();

  /** `direct` reports or `all` employees (admins). */
  @property({ reflect: true }) scope: 'direct' | 'all' = 'direct';

  /** Rows to render as-is; when set, nothing is fetched. */
  @property({ attribute: false }) members?: TeamMember[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _loaded: Loaded | undefined;
  @state() private _sort: TeamColumn = 'name';
  @state() private _order: 'asc' | 'desc' = 'asc';
  @state() private _query = '';
  /** The roving focus: row `_focusIndex` (of the current order), column `_focusCol`, or that column's header. */
  @state() private _focusIndex = 0;
  @state() private _focusCol = 0;
  @state() private _focusHeader = false;
  @state() private _selectedId: string | null = null;
  @state() private _start = 0;
  @state() private _end = 0;
  @state() private _announcement = '';

  private _rowHeight = DEFAULT_ROW_HEIGHT;
  /** The recommend dialog, once its chunk loaded (`_prefetching`: asked for on idle). */
  private _recommend: RecommendDialog | undefined;
  private _prefetching = false;
  /** What had focus inside the body before a render: keyed rows that move lose it, `updated()` gives it back. */
  private _hadFocus: 'cell' | 'row' | null = null;
  private _sheet: VirtualSheet | undefined;
  private _focusAfterRetry = false;
  private readonly _live = new LiveData(this, {
    active: () => !this.members,
    onCredentialsChange: () => (this._loaded = undefined),
    refresh: () => this.refresh(),
    concerns: (tags) => {
      const mine = new Set(['*', 'team:*', `team:${this.supervisor}`]);
      const id = this._loaded?.supervisorId;
      if (id) mine.add(`team:${id}`);
      if (this.supervisor === 'me') mine.add('team:me');
      return tags.some((t) => mine.has(t));
    },
    topic: () => {
      const id = this._loaded?.supervisorId;
      return id ? `team:${id}` : undefined;
    },
    apply: (event) => this._applyEvent(event),
    debounce: REFRESH_DEBOUNCE_MS,
  });
  private _searchTimer: ReturnType<typeof setTimeout> | undefined;
  private _scrollFrame = 0;
  /** Re-measures the rows when the grid's width changes (a narrow grid has taller rows, see the styles). */
  private _resizeObserver: ResizeObserver | undefined;
  private _observed: HTMLElement | null = null;
  private _refreshing: Promise<void> | null = null;
  /** The employee id of the focused row, to find it again after a re-sort, search or live reload. */
  private _focusId: string | null = null;
  private _view: { source: TeamMember[]; rows: Row[] } | undefined;
  private _sorted: { rows: Row[]; sort: TeamColumn; order: string; query: string; locale: string; out: Row[] } | undefined;

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this.supervisor, this.year, this.scope, this.members === undefined, this._live.generation] as const,
    task: async ([client, supervisor, year, scope, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      return this._fetchAll(client, supervisor as EmployeeRef, year, scope, signal, fresh);
    },
    onComplete: (result) => {
      this._loaded = result as Loaded;
      if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('title'));
    },
    onError: () => {
      if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('retry'));
    },
  });

  /** Every row, page by page (500 a page), the supervisor's id for the live topic, and the viewer. */
  private async _fetchAll(client: CoreClient, supervisor: EmployeeRef, year: number, scope: 'direct' | 'all', signal?: AbortSignal, fresh = false): Promise<Loaded> {
    const key = this._key;
    const viewer = resourceOf(client, 'me', meResource).get({ signal }).catch(() => null);
    const members: TeamMember[] = [];
    let cursor: string | null = null;
    do {
      const page = await resourceOf(client, 'team', teamResource).list(
        supervisor,
        { year, limit: PAGE, ...(scope === 'all' ? { scope } : {}), ...(cursor ? { cursor } : {}) },
        { ...(signal ? { signal } : {}), fresh },
      );
      members.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    const me = await viewer;
    return { key, members, supervisorId: supervisor === 'me' ? (me?.id ?? null) : supervisor, viewer: me };
  }

  private get _key(): string {
    return `${this.supervisor}|${this.year}|${this.scope}`;
  }

  private get _members(): TeamMember[] | undefined {
    if (this.members) return this.members;
    return this._loaded?.key === this._key ? this._loaded.members : undefined;
  }

  /** Rows with their search keys and days, rebuilt only when the members change. */
  private _rows(members: TeamMember[]): Row[] {
    if (this._view?.source !== members) {
      const now = new Date();
      this._view = {
        source: members,
        rows: members.map((member) => ({ member, key: searchKey(member.employee.name), days: daysSince(member.feedback.lastAt, now) })),
      };
    }
    return this._view.rows;
  }

  /** The filtered, sorted rows (memoised on members, sort, order, query and locale). */
  private _visibleRows(): Row[] {
    const members = this._members;
    if (!members) return [];
    const rows = this._rows(members);
    const locale = currentLocale();
    const s = this._sorted;
    if (s && s.rows === rows && s.sort === this._sort && s.order === this._order && s.query === this._query && s.locale === locale) return s.out;
    const tokens = searchKey(this._query).split(' ').filter(Boolean);
    const filtered = tokens.length === 0 ? rows.slice() : rows.filter((r) => tokens.every((t) => r.key.includes(t)));
    const collator = new Intl.Collator(intlLocale(locale), { sensitivity: 'base', numeric: true });
    const dir = this._order === 'asc' ? 1 : -1;
    const byName = (a: Row, b: Row) => collator.compare(a.member.employee.name, b.member.employee.name) || (a.member.employee.id < b.member.employee.id ? -1 : 1);
    const compare = (a: Row, b: Row): number => {
      const x = a.member;
      const y = b.member;
      switch (this._sort) {
        case 'name':
          return 0;
        case 'position':
          return collator.compare(x.employee.position, y.employee.position);
        case 'jp':
          return x.jp - y.jp;
        case 'goals':
          return x.goals.achieved - y.goals.achieved || x.goals.total - y.goals.total;
        case 'atRisk':
          return x.goals.atRisk - y.goals.atRisk;
        case 'lastFeedback': {
          // "Never" counts as the longest time ago.
          const dx = a.days ?? Number.POSITIVE_INFINITY;
          const dy = b.days ?? Number.POSITIVE_INFINITY;
          return dx === dy ? 0 : dx < dy ? -1 : 1;
        }
      }
    };
    filtered.sort((a, b) => dir * (compare(a, b) || byName(a, b)));
    this._sorted = { rows, sort: this._sort, order: this._order, query: this._query, locale, out: filtered };
    return filtered;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._sheet ??= new VirtualSheet(this, this.renderRoot as ShadowRoot);
    // Moved in the page: observe the scroller again (updated() does it).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._searchTimer);
    cancelAnimationFrame(this._scrollFrame);
    this._resizeObserver?.disconnect();
    this._observed = null;
  }

  /** Reloads every row now (skipping the SDK's cache), keeping scroll, sort, search and focus. */
  refresh(): Promise<void> {
    if (this.members || !this._live.client) return Promise.resolve();
    if (!this._loaded || this._loaded.key !== this._key) {
      this._live.markFresh();
      return this._task.run();
    }
    if (this._refreshing) return this._refreshing;
    const client = this._live.client;
    const run = async () => {
      try {
        this._loaded = await this._fetchAll(client, this.supervisor as EmployeeRef, this.year, this.scope, undefined, true);
      } catch {
        // A failed live reload keeps the rows shown; the next event or `online` tries again.
      } finally {
        this._refreshing = null;
      }
    };
    this._refreshing = run();
    return this._refreshing;
  }

  /**
   * A live event changes one row without reading the team: a new summary gives JP, goals and the last feedback; a
   * feedback event the unacknowledged count. Goal, check-in and learning events need nothing (the summary follows
   * when they moved it). A row not shown, or a past year's feedback count, is read again.
   */
  private _applyEvent(event: ServerEvent): boolean {
    const loaded = this._loaded;
    if (!loaded || loaded.key !== this._key) return false;
    const index = event.employeeId ? loaded.members.findIndex((m) => m.employee.id === event.employeeId) : -1;
    const row = loaded.members[index];
    if (!row) return event.topic !== `team:${loaded.supervisorId}`; // someone else's team; ours: a new member?
    let next: TeamMember;
    const summary = event.progress;
    if (summary) {
      if (summary.year !== this.year) return true;
      const { total, achieved, atRisk } = summary.goals;
      next = { ...row, jp: summary.learning.jp, targetJp: summary.learning.targetJp, goals: { total, achieved, atRisk }, feedback: { ...row.feedback, lastAt: later(row.feedback.lastAt, summary.feedback.lastAt) } };
    } else if (event.unacknowledgedFeedback !== undefined) {
      if (this.year !== currentYearInWit()) return false; // a past year counts only that year's feedback
      next = { ...row, feedback: { lastAt: later(row.feedback.lastAt, event.feedback?.createdAt ?? null), unacknowledged: event.unacknowledgedFeedback } };
    } else {
      return event.type.startsWith('goal.') || event.type === 'checkin.created' || event.type === 'learning.created';
    }
    const members = [...loaded.members];
    members[index] = next;
    this._loaded = { ...loaded, members };
    return true;
  }

  /** The employee ids in the current order (after search and sort). */
  get visibleEmployeeIds(): string[] {
    return this._visibleRows().map((r) => r.member.employee.id);
  }

  private _restoreFocus(target: 'title' | 'retry'): void {
    this._focusAfterRetry = false;
    this.renderRoot.querySelector<HTMLElement>(target === 'title' ? '.title' : 'button.retry')?.focus();
  }

  private _retry = (): void => {
    this._focusAfterRetry = true;
    this._live.markFresh();
    void this._task.run();
  };

  // ——— windowing ———

  private get _scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private _headerHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('.head-row')?.offsetHeight ?? 0;
  }

  /** Recomputes the rendered range from the scroll position; cheap, called on scroll (once per frame). */
  private _updateWindow(count = this._visibleRows().length): void {
    const scroller = this._scroller;
    const viewport = scroller?.clientHeight || 640;
    const header = scroller ? this._headerHeight() : 0;
    const w = computeWindow({
      count,
      rowHeight: this._rowHeight,
      scrollTop: (scroller?.scrollTop ?? 0) - header,
      viewportHeight: viewport,
      overscan: OVERSCAN,
    });
    if (w.start !== this._start) this._start = w.start;
    if (w.end !== this._end) this._end = w.end;
  }

  private _onScroll = (): void => {
    if (this._scrollFrame) return;
    this._scrollFrame = requestAnimationFrame(() => {
      this._scrollFrame = 0;
      this._updateWindow();
    });
  };

  override willUpdate(changed: PropertyValues<this>): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const inBody = Boolean(focused?.closest('.body'));
    // A cell's button (recommend) counts as its cell.
    this._hadFocus = !inBody ? null : focused?.closest('[role="gridcell"]') ? 'cell' : focused?.getAttribute('role') === 'row' ? 'row' : null;
    const rows = this._visibleRows();
    // Keep focus on the same employee when the order, the search or the data changes.
    if (this._focusId) {
      const at = rows.findIndex((r) => r.member.employee.id === this._focusId);
      if (at >= 0) this._focusIndex = at;
    }
    if (this._focusIndex >= rows.length) this._focusIndex = Math.max(0, rows.length - 1);
    if (changed.size > 0 || this._end === 0) this._updateWindow(rows.length);
  }

  override updated(): void {
    // Moving a keyed row (into or out of the window, or after a live reload) blurs it: give focus back to the
    // same cell of the same employee, or, when that employee left the list, to the same place in it.
    if (this._hadFocus) {
      const rows = this._visibleRows();
      if (!this._rowElement(this._focusId) && rows[this._focusIndex]) this._focusId = rows[this._focusIndex].member.employee.id;
      const target = this._hadFocus === 'cell' ? this._focusTarget(this._cellElement(this._focusId, this._focusCol)) : this._rowElement(this._focusId);
      if (target && (this.renderRoot as ShadowRoot).activeElement !== target) target.focus({ preventScroll: true });
    }
    const scroller = this._scroller;
    if (scroller !== this._observed && typeof ResizeObserver !== 'undefined') {
      this._resizeObserver ??= new ResizeObserver(() => this.requestUpdate());
      if (this._observed) this._resizeObserver.unobserve(this._observed);
      if (scroller) this._resizeObserver.observe(scroller);
      this._observed = scroller;
    }
    if (!this._prefetching && this._mayRecommend()) {
      // Someone may get a recommendation: fetch the dialog's code when the browser is idle, so opening rarely waits.
      this._prefetching = true;
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
      idle(() => void loadRecommendChunk().catch(() => undefined)); // offline: tried again on click
    }
    const count = this._visibleRows().length;
    // The scroller exists now: size the window to its real height (converges: state changes only when it moves).
    if (this._scroller) this._updateWindow(count);
    this._sheet?.set('--_v-offset', this._start * this._rowHeight);
    this._sheet?.set('--_v-total', count * this._rowHeight);
    // Measure the real row height (it follows --asn-team-row-height, the font size and, narrow, the grid's width).
    const row = this.renderRoot.querySelector<HTMLElement>('.body .row:not(.detached)');
    if (row) {
      const h = row.getBoundingClientRect().height;
      if (h > 0 && Math.abs(h - this._rowHeight) > 0.5) {
        this._rowHeight = h;
        this._sheet?.set('--_v-offset', this._start * h);
        this._sheet?.set('--_v-total', count * h);
        this._updateWindow(count);
      }
    }
  }

  // ——— keyboard and selection ———

  private _rowsPerPage(): number {
    const scroller = this._scroller;
    const visible = (scroller?.clientHeight ?? 0) - this._headerHeight();
    return Math.max(1, Math.floor(visible / this._rowHeight) - 1);
  }

  /**
   * Moves the roving focus to row `index` (of the current order), in the focused column or in `column`,
   * scrolling the cell into view first.
   */
  async focusRow(index: number, column?: TeamColumn): Promise<void> {
    const rows = this._visibleRows();
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    if (column) this._focusCol = Math.max(0, COLUMNS.indexOf(column));
    this._focusHeader = false;
    this._focusIndex = i;
    this._focusId = rows[i].member.employee.id;
    const scroller = this._scroller;
    if (scroller) {
      const header = this._headerHeight();
      const top = scrollTopFor(i, this._rowHeight, Math.max(0, scroller.scrollTop), scroller.clientHeight, header);
      if (top !== scroller.scrollTop) scroller.scrollTop = top;
    }
    this._updateWindow(rows.length);
    await this.updateComplete;
    const cell = this._cellElement(this._focusId, this._focusCol);
    // preventScroll: the scroller was placed above (focus() would hide the row under the sticky header).
    this._focusTarget(cell)?.focus({ preventScroll: true });
    this._revealCell(cell);
  }

  /** Moves the roving focus to column `col`'s header (its sort button). */
  private async _focusHeaderCell(col: number): Promise<void> {
    this._focusCol = col;
    this._focusHeader = true;
    await this.updateComplete;
    const header = this.renderRoot.querySelector<HTMLElement>(`.head [data-col="${col}"]`);
    header?.querySelector('button')?.focus({ preventScroll: true });
    this._revealCell(header);
  }

  private _rowElement(id: string | null): HTMLElement | null {
    if (!id) return null;
    return this.renderRoot.querySelector<HTMLElement>(`.body .row[data-id="${CSS.escape(id)}"]`);
  }

  private _cellElement(id: string | null, col: number): HTMLElement | null {
    return this._rowElement(id)?.querySelector<HTMLElement>(`[data-col="${col}"]`) ?? null;
  }

  /** What takes the roving focus in a cell: its button when it has one (the ARIA grid pattern), else the cell. */
  private _focusTarget(cell: HTMLElement | null): HTMLElement | null {
    return cell?.querySelector<HTMLElement>('button') ?? cell;
  }

  /**
   * Scrolls the grid sideways so `cell` is not hidden under the sticky name column nor past the other edge
   * (done by hand: `focus()` would not know about the sticky column).
   */
  private _revealCell(cell: HTMLElement | null | undefined): void {
    const scroller = this._scroller;
    if (!cell || !scroller || cell.dataset.col === '0' || scroller.scrollWidth <= scroller.clientWidth) return;
    const box = scroller.getBoundingClientRect();
    let left = box.left + scroller.clientLeft;
    let right = left + scroller.clientWidth;
    const sticky = cell.parentElement?.querySelector<HTMLElement>('[data-col="0"]')?.getBoundingClientRect();
    if (sticky) {
      // The name column sticks to the inline start: the left edge in LTR, the right edge in RTL.
      if (sticky.left - left <= right - sticky.right) left = Math.max(left, sticky.right);
      else right = Math.min(right, sticky.left);
    }
    const r = cell.getBoundingClientRect();
    if (r.left < left || r.width > right - left) scroller.scrollLeft -= left - r.left;
    else if (r.right > right) scroller.scrollLeft += r.right - right;
  }

  /** Follows focus that arrives by click, tap or script, so the keys and the tab stop continue from there. */
  private _onGridFocusin(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const col = Number(target.closest<HTMLElement>('[data-col]')?.dataset.col);
    if (target.closest('.head')) {
      if (Number.isInteger(col)) {
        this._focusHeader = true;
        this._focusCol = col;
      }
      return;
    }
    const row = target.closest<HTMLElement>('.body [role="row"]');
    if (!row) return;
    this._focusHeader = false;
    this._focusIndex = Number(row.dataset.index);
    this._focusId = row.dataset.id ?? null;
    if (target !== row && Number.isInteger(col)) this._focusCol = col;
  }

  private _onGridKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const inHeader = Boolean(target.closest('.head'));
    if (!inHeader && !target.closest('.body [role="row"]')) return;
    const count = this._visibleRows().length;
    const lastCol = COLUMNS.length - 1;
    // Row -1 is the row of column headers.
    let row = inHeader ? -1 : this._focusIndex;
    let col = this._focusCol;
    switch (event.key) {
      case 'ArrowRight':
        col += 1;
        break;
      case 'ArrowLeft':
        col -= 1;
        break;
      case 'ArrowDown':
        row += 1;
        break;
      case 'ArrowUp':
        row -= 1;
        break;
      case 'PageDown':
        row += this._rowsPerPage();
        break;
      case 'PageUp':
        if (row >= 0) row = Math.max(0, row - this._rowsPerPage());
        break;
      case 'Home':
        col = 0;
        if (event.ctrlKey) row = 0;
        break;
      case 'End':
        col = lastCol;
        if (event.ctrlKey) row = count - 1;
        break;
      case 'Enter':
      case ' ':
        // A button (a column header's sort, a row's recommend) does its own work.
        if (target.localName === 'button') return;
        event.preventDefault();
        this._select(this._focusIndex);
        return;
      default:
        return;
    }
    event.preventDefault();
    col = Math.max(0, Math.min(lastCol, col));
    row = Math.max(-1, Math.min(count - 1, row));
    if (row < 0) void this._focusHeaderCell(col);
    else void this.focusRow(row, COLUMNS[col]);
  }

  private _select(index: number): void {
    const row = this._visibleRows()[index];
    if (!row) return;
    this._selectedId = row.member.employee.id;
    this._focusIndex = index;
    this._focusId = row.member.employee.id;
    this.dispatchEvent(
      new CustomEvent<AsnEmployeeSelectedDetail>('asn-employee-selected', {
        detail: { employeeId: row.member.employee.id, member: row.member },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Whether the viewer may recommend programs to these rows: their direct supervisor or an admin (the server
   * checks it too), for the current year only (a past year's JP can no longer be caught up), through a client.
   */
  private _mayRecommend(): boolean {
    const l = this._loaded;
    const viewer = !this.members && l?.key === this._key ? l.viewer : null;
    return Boolean(viewer && (viewer.role === 'admin' || viewer.id === l!.supervisorId) && this.year === currentYearInWit());
  }

  private async _onRecommendClick(event: Event, member: TeamMember): Promise<void> {
    event.stopPropagation(); // not a choice of the row
    const opener = event.currentTarget as HTMLElement;
    let chunk: RecommendChunk;
    try {
      chunk = await loadRecommendChunk();
    } catch {
      this._announce(msg('Formulir belum dapat dibuka. Periksa koneksi Anda lalu coba lagi.'));
      return;
    }
    if (!this.isConnected) return; // removed while the dialog's code loaded
    this._recommend ??= new chunk.RecommendDialog(this, () => this._live.client ?? null, (text) => this._announce(text));
    const id = member.employee.id;
    // A live reload may have replaced the row meanwhile: focus goes back to the same employee's JP cell.
    void this._recommend.open(member, opener, () => this._focusTarget(this._cellElement(id, 2)) ?? this.renderRoot.querySelector<HTMLElement>('.title'));
  }

  /** Says `text` in the live region (again, when it repeats). */
  private async _announce(text: string): Promise<void> {
    this._announcement = '';
    await this.updateComplete;
    this._announcement = text;
  }

  private _onSortClick(column: TeamColumn): void {
    if (this._sort === column) this._order = this._order === 'asc' ? 'desc' : 'asc';
    else {
      this._sort = column;
      this._order = 'asc';
    }
  }

  private _onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this._searchTimer);
    this._searchTimer = setTimeout(() => this._applySearch(value), SEARCH_DEBOUNCE_MS);
  }

  private _applySearch(value: string): void {
    if (value === this._query) return;
    this._query = value;
    const scroller = this._scroller;
    if (scroller) scroller.scrollTop = 0;
    const count = this._visibleRows().length;
    this._focusIndex = 0;
    this._focusId = null;
    this._announcement = value.trim()
      ? count === 1
        ? msg('1 pegawai ditemukan.')
        : msg(str`${formatNumber(count, currentLocale())} pegawai ditemukan.`)
      : '';
  }

  // ——— rendering ———

  private _columnLabel(column: TeamColumn): string {
    switch (column) {
      case 'name':
        return msg('Nama');
      case 'position':
        return msg('Jabatan');
      case 'jp':
        return msg('JP tahun ini');
      case 'goals':
        return msg('Sasaran tercapai');
      case 'atRisk':
        return msg('Sasaran berisiko');
      case 'lastFeedback':
        return msg('Hari sejak umpan balik');
    }
  }

  private _errorMessage(kind: ErrorKind): string {
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat tim Anda.'),
      forbidden: msg('Anda tidak memiliki akses ke tim ini.'),
      'not-found': msg('Atasan ini tidak ditemukan.'),
    });
  }


  override render(): TemplateResult {
    const members = this._members;
    const pending = this._task.status === TaskStatus.PENDING || this._task.status === TaskStatus.INITIAL;
    const count = members
      ? html`<p class="count" part="count">${members.length === 1 ? msg('1 pegawai') : msg(str`${formatNumber(members.length, currentLocale())} pegawai`)}</p>`
      : nothing;
    return html`${widgetFrame({
      title: this.scope === 'all' ? msg(str`Seluruh pegawai ${String(this.year)}`) : msg(str`Tim saya ${String(this.year)}`),
      subtitle: count,
      headerExtras: html`<slot name="header-actions"></slot>`,
      busy: !members && pending,
      offline: this.offline
        ? members
          ? msg('Anda sedang luring. Menampilkan data tim terakhir yang dimuat; data diperbarui saat koneksi kembali.')
          : msg('Anda sedang luring. Data tim dimuat saat koneksi kembali.')
        : null,
      announcement: this._announcement,
      body: members ? this._renderData(members) : this._renderWithoutData(),
    })}${this._recommend?.render() ?? nothing}`;
  }

  private _renderWithoutData(): TemplateResult {
    if (this._task.status === TaskStatus.ERROR && !this.members) {
      const kind: ErrorKind = this.offline ? 'offline' : classifyError(this._task.error);
      return errorState({ title: msg('Data tim tidak dapat dimuat'), message: this._errorMessage(kind), retryLabel: msg('Coba lagi'), onRetry: this._retry });
    }
    return skeleton(msg('Memuat data tim…'));
  }

  private _renderData(members: TeamMember[]): TemplateResult {
    if (members.length === 0) {
      return emptyState(
        msg('Belum ada anggota tim'),
        this.scope === 'all' ? msg('Tidak ada pegawai yang ditemukan.') : msg('Bawahan langsung akan tampil di sini.'),
      );
    }
    const rows = this._visibleRows();
    const start = Math.min(this._start, rows.length);
    const end = Math.min(Math.max(this._end, start), rows.length);
    const windowRows = rows.slice(start, end).map((row, k) => ({ row, index: start + k, detached: false }));
    // The focusable row (tabindex 0) always exists, so Tab reaches the grid and focus survives scrolling away.
    const f = this._focusIndex;
    if (rows[f] && (f < start || f >= end)) {
      const detached = { row: rows[f], index: f, detached: true };
      if (f < start) windowRows.unshift(detached);
      else windowRows.push(detached);
    }
    const locale = currentLocale();
    // A report below the JP pace at this moment gets the recommend action, when the viewer may give it.
    const now = this._mayRecommend() ? new Date() : null;
    return html`<div class="toolbar">
        <label class="search-label" for="search">${msg('Cari nama')}</label>
        <input
          id="search"
          class="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${this._query}
          @input=${this._onSearchInput}
          aria-controls="grid"
        />
      </div>
      <p id="grid-help" class="visually-hidden">
        ${msg(
          'Gunakan panah kiri dan kanan untuk berpindah kolom, panah atas dan bawah untuk berpindah baris; Home dan End ke awal atau akhir baris; Ctrl+Home dan Ctrl+End ke baris pertama atau terakhir; Page Up dan Page Down untuk berpindah satu layar. Tekan Enter atau Spasi untuk memilih pegawai. Di judul kolom, Enter mengurutkan tabel.',
        )}
      </p>
      ${rows.length === 0 ? html`<p class="no-match" role="status">${msg(str`Tidak ada nama yang cocok dengan “${this._query}”.`)}</p>` : nothing}
      <div class="scroller" part="scroller" @scroll=${this._onScroll}>
        <div
          role="grid"
          id="grid"
          class="grid"
          part="grid"
          aria-labelledby="title"
          aria-describedby="grid-help"
          aria-rowcount=${rows.length + 1}
          aria-colcount=${COLUMNS.length}
          @keydown=${this._onGridKeydown}
          @focusin=${this._onGridFocusin}
        >
          <div role="rowgroup" class="head">
            <div role="row" class="row head-row" part="header-row" aria-rowindex="1">
              ${COLUMNS.map((c, ci) => this._renderColumnHeader(c, ci))}
            </div>
          </div>
          <div role="rowgroup" class="body">
            ${repeat(
              windowRows,
              (w) => w.row.member.employee.id,
              (w) => this._renderRow(w.row, w.index, w.detached, locale, now !== null && w.row.member.jp < jpPace(w.row.member.targetJp, this.year, now)),
            )}
          </div>
        </div>
      </div>`;
  }

  private _renderColumnHeader(column: TeamColumn, index: number): TemplateResult {
    const active = this._sort === column;
    const sort = active ? (this._order === 'asc' ? 'ascending' : 'descending') : nothing;
    const numeric = column !== 'name' && column !== 'position';
    // The header row joins the roving focus; it holds the tab stop while it has focus or there are no rows.
    const tabStop = (this._focusHeader || this._visibleRows().length === 0) && index === this._focusCol;
    return html`<div role="columnheader" class="cell ${numeric ? 'num' : ''} ${column === 'name' ? 'name-cell' : ''}" aria-sort=${sort} aria-colindex=${index + 1} data-col=${index}>
      <button
        type="button"
        class="sort ${active ? 'active' : ''}"
        part="sort-button"
        data-column=${column}
        tabindex=${tabStop ? '0' : '-1'}
        @click=${() => this._onSortClick(column)}
      >
        <span>${this._columnLabel(column)}</span>
        <svg class="sort-icon ${active ? this._order : ''}" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
          <path class="up" d="M6 1 10 5H2z"></path>
          <path class="down" d="M6 11 2 7h8z"></path>
        </svg>
      </button>
    </div>`;
  }

  private _renderRow(row: Row, index: number, detached: boolean, locale: ReturnType<typeof currentLocale>, behind: boolean): TemplateResult {
    const m = row.member;
    const num = (n: number) => formatNumber(n, locale);
    const selected = this._selectedId === m.employee.id;
    const reached = m.jp >= m.targetJp;
    const tab = (col: number) => (!this._focusHeader && index === this._focusIndex && col === this._focusCol ? '0' : '-1');
    // Rows take focus only from script (tabindex -1, e.g. a portal's `row.focus()`); the keys move on to cells.
    return html`<div
      role="row"
      class="row ${detached ? 'detached' : ''} ${selected ? 'selected' : ''}"
      part=${selected ? 'row row-selected' : 'row'}
      data-id=${m.employee.id}
      data-index=${index}
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex="-1"
      @click=${() => this._select(index)}
    >
      <div role="gridcell" class="cell name-cell" aria-colindex="1" data-col="0" tabindex=${tab(0)}>
        <span class="name clamp">${m.employee.name}</span>
        <span class="unit clamp">${gradeLabel(m.employee.employmentType, m.employee.grade)} · ${m.employee.unit.name}</span>
      </div>
      <div role="gridcell" class="cell position" aria-colindex="2" data-col="1" tabindex=${tab(1)}><span class="position-text clamp">${m.employee.position}</span></div>
      <div role="gridcell" class="cell num jp ${reached ? 'reached' : ''}" aria-colindex="3" data-col="2" tabindex=${behind ? nothing : tab(2)}>
        <span class="jp-text">${msg(str`${num(m.jp)} dari ${num(m.targetJp)} JP`)}</span>
        <span class="jp-bar" part="meter">${bar(m.jp, m.targetJp, reached ? 'reached' : '')}</span>
        ${behind
          ? html`<button
              type="button"
              class="recommend"
              part="recommend-button"
              tabindex=${tab(2)}
              aria-haspopup="dialog"
              aria-label=${msg(str`Rekomendasikan program kepada ${m.employee.name}`)}
              @click=${(e: Event) => void this._onRecommendClick(e, m)}
            >
              ${msg('Rekomendasikan')}
            </button>`
          : nothing}
      </div>
      <div role="gridcell" class="cell num" aria-colindex="4" data-col="3" tabindex=${tab(3)}>${msg(str`${num(m.goals.achieved)} dari ${num(m.goals.total)}`)}</div>
      <div role="gridcell" class="cell num ${m.goals.atRisk > 0 ? 'risk' : ''}" aria-colindex="5" data-col="4" tabindex=${tab(4)}>${num(m.goals.atRisk)}</div>
      <div role="gridcell" class="cell num days ${row.days === null || row.days > 30 ? 'stale' : ''}" aria-colindex="6" data-col="5" tabindex=${tab(5)}>
        ${row.days === null
          ? html`<span aria-hidden="true">—</span><span class="visually-hidden">${msg('Belum ada umpan balik')}</span>`
          : num(row.days)}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-team-overview': AsnTeamOverview;
  }
  interface HTMLElementEventMap {
    'asn-employee-selected': AsnEmployeeSelectedEvent;
    'asn-program-recommended': AsnProgramRecommendedEvent;
  }
}

/** The later of two instants (either may be missing). */
function later(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
