import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { programsResource, resourceOf, type CoreClient, type ProgramId } from '../../src/client/index.js';
import type { Attendance, CompletionResult, Enrollment, Program, ProgramSession } from '../../src/contract/index.js';
import { formatDateTime, formatInstantDay, formatNumber } from '../i18n/format.js';
import { initLocalization } from '../i18n/locale.js';
import { buttonStyles } from '../shared/button.styles.js';
import type { ModalDialog } from '../shared/dialog.js';
import { classifyError, errorMessage, type ErrorKind, type OwnErrorMessages } from '../shared/errors.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { LiveData } from '../shared/live-data.js';
import { emptyState, errorState, skeleton, stat } from '../shared/primitives.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { computeWindow, scrollTopFor, VirtualSheet } from '../shared/virtual-rows.js';
import { AttendanceSheet } from './attendance.js';
import { moveInGrid } from './grid-keys.js';
import { programRosterStyles } from './program-roster.styles.js';

export type AsnAttendanceSavedEvent = CustomEvent<Attendance>;
export type AsnProgramCompletedEvent = CustomEvent<CompletionResult>;

/** Rows per roster request (the API's maximum: a roster of 500 loads in one). */
const PAGE = 500;
/** Row height before one is measured, px (CSS: `--asn-roster-row-height`, default 3rem). */
const DEFAULT_ROW_HEIGHT = 48;
const OVERSCAN = 8;
/** An enrolment burst (several sign-ups, a cancellation and a promotion) becomes one reload. */
const REFRESH_DEBOUNCE_MS = 150;

interface Loaded {
  id: string;
  program: Program;
  roster: Enrollment[];
}

/** The roster split once per roster: the grid's rows (seats taken) and the waitlist in order. */
interface View {
  source: Enrollment[];
  people: Enrollment[];
  ids: string[];
  waitlist: Enrollment[];
}

/** Outside the class so the manifest lists the two events by name (documented with @fires), not a `type`. */
function emit<K extends 'asn-attendance-saved' | 'asn-program-completed'>(host: HTMLElement, type: K, detail: HTMLElementEventMap[K]['detail']): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

const n = (x: number) => formatNumber(x);

/** "Wajib hadir 3 dari 3 sesi": the header and the confirmation say it the same way. */
const thresholdText = (threshold: number, sessions: number): string => msg(str`Wajib hadir ${n(threshold)} dari ${n(sessions)} sesi`);

type CompletionChunk = typeof import('./completion-dialog.js');
let completionChunk: Promise<CompletionChunk> | undefined;
/** The confirmation dialog's code, loaded once per page, only for a roster that can still be completed. */
const loadCompletion = (): Promise<CompletionChunk> =>
  (completionChunk ??= import('./completion-dialog.js').catch((error: unknown) => {
    completionChunk = undefined; // a failed fetch (offline) is tried again next time
    throw error;
  }));

/**
 * The admin's or organiser's view of one training program: its dates (WIT), seats taken of the capacity, the
 * waitlist and the attendance threshold; the registered people with their status; attendance as a grid of
 * checkboxes (one row per person, one column per session) and the waitlist in order. "Selesaikan program" asks
 * for confirmation, saying how many will be credited with the program's JP and how many will not (from the
 * attendance as ticked and the threshold), then closes the program, shows the result and turns read-only.
 *
 * The grid is an ARIA grid with one tab stop (a roving tabindex): arrows move between checkboxes, Home/End to the
 * first or last session, Ctrl+Home/End to the first or last person, Page Up/Down by a screenful; Space ticks. Above
 * the first row, each session's "Semua hadir" marks everyone present. Ticks are kept per session until saved with
 * "Simpan kehadiran sesi N"; unsaved ones are marked, stay when a save fails (offline too) to be retried, and
 * the browser asks before a reload would drop them.
 * Rows are windowed: with 500 people only the visible rows exist in the DOM.
 *
 * Inside an `<asn-provider>` it loads the program and its roster through the SDK and follows the `programs` event
 * topic: new enrolments appear without a reload, unsaved ticks kept. Only admins and the program's organiser may
 * use it; anyone else sees that they are not authorised. With `programData` and `roster` set it fetches nothing
 * (stories, server-rendered portals); saving and completing then still go through the provider's client, if any.
 *
 * @tagname asn-program-roster
 * @summary A training program's roster: seats, waitlist, attendance per session as a keyboard grid, and completion that credits JP.
 *
 * @attr {string} program - The program's id (`prg_…`).
 * @attr {boolean} offline - Reflects whether the browser is offline (attendance cannot be saved; ticks are kept, with a notice).
 *
 * @prop {Program | undefined} programData - The program to render as-is; with `roster`, nothing is fetched.
 * @prop {Enrollment[] | undefined} roster - The program's enrolments (registered, then the waitlist) to render as-is.
 *
 * @fires {CustomEvent<Attendance>} asn-attendance-saved - A session's attendance was saved (the server's answer). Bubbles, composed.
 * @fires {CustomEvent<CompletionResult>} asn-program-completed - The program was completed: who completed, who did not, records created. Bubbles, composed.
 *
 * @csspart base - The outer container.
 * @csspart header - Heading, summary and actions.
 * @csspart title - The heading (the program's title).
 * @csspart summary - Dates, seats, waitlist, attendance threshold and JP.
 * @csspart status - The program's status badge.
 * @csspart complete-button - The "Selesaikan program" button.
 * @csspart scroller - The scroll container of the attendance grid.
 * @csspart grid - The attendance grid (`role="grid"`).
 * @csspart row - A person's row.
 * @csspart all-present - A session's "Semua hadir" button.
 * @csspart save-bar - Unsaved sessions, their save buttons and errors, below the grid.
 * @csspart save-button - A "Simpan kehadiran sesi N" button.
 * @csspart save-error - Why a session's attendance was not saved.
 * @csspart waitlist - The waitlist, in order.
 * @csspart result - What completing the program did.
 * @csspart notice - The note that a completed or cancelled program is read-only.
 * @csspart state - The loading, empty, error or not-authorised state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 * @csspart dialog - The confirmation dialog (native `<dialog>`).
 * @csspart dialog-counts - The dialog's numbers: credited and not.
 * @csspart dialog-warning - The dialog's warning about unsaved attendance.
 * @csspart dialog-error - Why completing failed.
 * @csspart confirm-button - The dialog's confirm button.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, checkboxes, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background of the card and the dialog.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Header row, badges, notices.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text.
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - Completed enrolments, the result.
 * @cssprop [--asn-color-warning=#8a5a00] - Unsaved ticks; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Errors; enrolments that did not meet the threshold.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 * @cssprop [--asn-roster-row-height=3rem] - Height of every row of the grid (fixed: the grid is windowed).
 * @cssprop [--asn-roster-max-height=28rem] - Height of the scrolling grid.
 */
@localized()
export class AsnProgramRoster extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, programRosterStyles];

  /** The program's id (`prg_…`). */
  @property({ reflect: true }) program = '';

  /** The program to render as-is; with `roster` set too, nothing is fetched. */
  @property({ attribute: false }) programData?: Program;

  /** The program's enrolments to render as-is. */
  @property({ attribute: false }) roster?: Enrollment[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _loaded: Loaded | undefined;
  /** What completing did, shown until the page leaves (for the program it was about). */
  @state() private _completion: { id: string; result: CompletionResult } | undefined;
  @state() private _saving: ReadonlySet<number> = new Set();
  @state() private _saveErrors: ReadonlyMap<number, string> = new Map();
  @state() private _dialogOpen = false;
  @state() private _completing = false;
  @state() private _completeError = '';
  @state() private _announcement = '';
  @state() private _start = 0;
  @state() private _end = 0;
  /** The roving focus: row `_focusRow`, session column `_focusCol`, or that column's header. */
  @state() private _focusRow = 0;
  @state() private _focusCol = 0;
  @state() private _focusHeader = false;

  /** Changed in place (Sets and Maps), so every change is followed by `requestUpdate()`. */
  private _sheet = new AttendanceSheet();
  private _sheetFor: { id: string; roster: Enrollment[] } | undefined;
  private _view: View | undefined;
  /** The employee of the focused row, to find it again after a live reload. */
  private _focusId: string | null = null;
  /** Whether focus was in the grid before a render (then `updated()` puts it on the roving spot again). */
  private _hadFocus = false;
  private _rowHeight = DEFAULT_ROW_HEIGHT;
  private _vsheet: VirtualSheet | undefined;
  private _scrollFrame = 0;
  private _resizeObserver: ResizeObserver | undefined;
  private _observed: HTMLElement | null = null;
  private _refreshing: Promise<void> | null = null;
  private _refreshAgain = false;
  /** Saves on their way, by session: a second click, or completing, waits for the same one. */
  private readonly _inflight = new Map<number, Promise<unknown>>();
  private _focusAfterRetry = false;

  private readonly _live = new LiveData(this, {
    active: () => !this._fed,
    onCredentialsChange: () => (this._loaded = undefined),
    refresh: () => this.refresh(),
    concerns: (tags) => {
      const mine = new Set(['*', 'programs:*', 'roster:*', `roster:${this.program}`, `programs:${this.program}`]);
      return tags.some((t) => mine.has(t));
    },
    topic: () => (this._loaded ? 'programs' : undefined),
    wants: (event) => !event.programId || event.programId === this.program,
    debounce: REFRESH_DEBOUNCE_MS,
  });
  /** The confirmation's code (a chunk of its own) and its modal, once loaded. */
  @state() private _chunk: CompletionChunk | undefined;
  private _modal: ModalDialog | undefined;
  private _prefetched = false;

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this.program, !this._fed, this._live.generation] as const,
    task: async ([client, id, wanted], { signal }) => {
      if (!wanted || !client || !id) return initialState;
      return this._fetch(client, id, signal, this._live.takeFresh());
    },
    onComplete: (result) => {
      this._loaded = result as Loaded;
      if (this._focusAfterRetry) void this.updateComplete.then(() => this._focusAfter('title'));
    },
    onError: () => {
      if (this._focusAfterRetry) void this.updateComplete.then(() => this._focusAfter('retry'));
    },
  });

  /** The program and every page of its roster, in parallel. */
  private async _fetch(client: CoreClient, id: string, signal?: AbortSignal, fresh = false): Promise<Loaded> {
    const api = resourceOf(client, 'programs', programsResource);
    const options = { fresh, ...(signal ? { signal } : {}) };
    const everyPage = async () => {
      const roster: Enrollment[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.roster(id as ProgramId, { limit: PAGE, ...(cursor ? { cursor } : {}) }, options);
        roster.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return roster;
    };
    const [program, roster] = await Promise.all([api.get(id as ProgramId, options), everyPage()]);
    return { id, program, roster };
  }

  /** Fed through properties: nothing is fetched or followed. */
  private get _fed(): boolean {
    return this.programData !== undefined || this.roster !== undefined;
  }

  private get _data(): { program: Program; roster: Enrollment[] } | undefined {
    if (this._fed) return this.programData ? { program: this.programData, roster: this.roster ?? [] } : undefined;
    return this._loaded?.id === this.program ? this._loaded : undefined;
  }

  /** The program as shown: after completing here, the answer's, until a reload brings the completed one. */
  private _programOf(data: { program: Program }): Program {
    const done = this._completion;
    return done && done.id === data.program.id && data.program.status !== 'completed' ? done.result.program : data.program;
  }

  private _isReadOnly(program: Program): boolean {
    return program.status === 'completed' || program.status === 'cancelled' || this._completion?.id === program.id;
  }

  private _viewOf(roster: Enrollment[]): View {
    if (this._view?.source !== roster) {
      const people = roster.filter((e) => e.status === 'registered' || e.status === 'completed' || e.status === 'incomplete');
      const waitlist = roster.filter((e) => e.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
      this._view = { source: roster, people, ids: people.map((p) => p.employeeId), waitlist };
    }
    return this._view;
  }

  /** Reloads the program and its roster now (skipping the SDK's cache), keeping unsaved ticks, scroll and focus. */
  refresh(): Promise<void> {
    const client = this._live.client;
    if (this._fed || !client || !this.program) return Promise.resolve();
    if (!this._data) {
      this._live.markFresh();
      return this._task.run();
    }
    if (this._refreshing) {
      this._refreshAgain = true;
      return this._refreshing;
    }
    const id = this.program;
    this._refreshing = this._fetch(client, id, undefined, true)
      .then(
        (loaded) => {
          if (this.program === id) this._loaded = loaded;
        },
        // A failed live reload keeps what is shown; the next event or `online` tries again.
        () => undefined,
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

  private _focusAfter(target: 'title' | 'retry'): void {
    this._focusAfterRetry = false;
    this.renderRoot.querySelector<HTMLElement>(target === 'title' ? '.title' : 'button.retry')?.focus();
  }

  private _retry = (): void => {
    this._focusAfterRetry = true;
    this._live.markFresh();
    void this._task.run();
  };

  private _announce(text: string): void {
    // The same text twice in a row (two saves of one session) is said again.
    if (text !== this._announcement) {
      this._announcement = text;
      return;
    }
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  // ——— lifecycle: attendance, windowing, focus ———

  override connectedCallback(): void {
    super.connectedCallback();
    this._vsheet ??= new VirtualSheet(this, this.renderRoot as ShadowRoot);
    window.addEventListener('beforeunload', this._onBeforeUnload);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    cancelAnimationFrame(this._scrollFrame);
    this._scrollFrame = 0;
    this._resizeObserver?.disconnect();
    this._observed = null;
  }

  /** Unsaved ticks live only in this page: the browser asks before a reload or a close would drop them. */
  private _onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this._sheet.dirtySessions().length > 0) event.preventDefault();
  };

  override willUpdate(): void {
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this._hadFocus = Boolean(active?.closest('[role="grid"]'));
    const data = this._data;
    if (!data) return;
    const view = this._viewOf(data.roster);
    if (this._sheetFor?.roster !== data.roster) {
      if (this._sheetFor?.id !== data.program.id) {
        // Another program: nothing of the previous one's ticks, errors or focus applies.
        this._sheet = new AttendanceSheet();
        this._saveErrors = new Map();
        this._focusId = null;
        this._focusRow = 0;
      }
      this._sheet.load(view.people);
      this._sheetFor = { id: data.program.id, roster: data.roster };
      // Keep focus on the same person when a live reload adds or removes people above them.
      if (this._focusId) {
        const at = view.ids.indexOf(this._focusId);
        if (at >= 0) this._focusRow = at;
      }
    }
    this._focusRow = Math.max(0, Math.min(this._focusRow, view.people.length - 1));
    this._focusCol = Math.max(0, Math.min(this._focusCol, data.program.sessions.length - 1));
    if (this._isReadOnly(this._programOf(data))) this._focusHeader = false;
    this._updateWindow(view.people.length);
    // Sized before the rows change, in the same frame: rows never jump for a frame.
    this._setSizes(view.people.length);
  }

  private _setSizes(count: number): void {
    this._vsheet?.set('--_v-offset', this._start * this._rowHeight);
    this._vsheet?.set('--_v-total', count * this._rowHeight);
  }

  override updated(): void {
    this._prefetchCompletion();
    // Keyed rows that move (into or out of the window, after a live reload) lose focus: give it back.
    if (this._hadFocus) {
      const target = this._focusHeader ? this._headerButton(this._focusCol) : this._checkbox(this._focusId, this._focusCol);
      if (target && (this.renderRoot as ShadowRoot).activeElement !== target) target.focus({ preventScroll: true });
    }
    const scroller = this._scroller;
    if (scroller !== this._observed && typeof ResizeObserver !== 'undefined') {
      this._resizeObserver ??= new ResizeObserver(() => this._updateWindow());
      if (this._observed) this._resizeObserver.unobserve(this._observed);
      if (scroller) this._resizeObserver.observe(scroller);
      this._observed = scroller;
    }
    const count = this._peopleCount();
    if (scroller) this._updateWindow(count);
    // Measure the real row height (it follows --asn-roster-row-height and the font size).
    const row = this.renderRoot.querySelector<HTMLElement>('.body .row:not(.detached)');
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - this._rowHeight) > 0.5) {
      this._rowHeight = h;
      this._updateWindow(count);
    }
    this._setSizes(count);
  }

  /** An editable roster is on screen: fetch the confirmation's code while the browser is idle. */
  private _prefetchCompletion(): void {
    const data = this._data;
    if (this._prefetched || !data || this._isReadOnly(this._programOf(data))) return;
    this._prefetched = true;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void this._loadChunk().catch(() => undefined)); // offline: tried again on the click
  }

  private _peopleCount(): number {
    const data = this._data;
    return data ? this._viewOf(data.roster).people.length : 0;
  }

  private get _scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private _headerHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('.head')?.offsetHeight ?? 0;
  }

  /** The rendered range for the scroll position; cheap, once per frame while scrolling. */
  private _updateWindow(count = this._peopleCount()): void {
    const scroller = this._scroller;
    const w = computeWindow({
      count,
      rowHeight: this._rowHeight,
      scrollTop: (scroller?.scrollTop ?? 0) - (scroller ? this._headerHeight() : 0),
      viewportHeight: scroller?.clientHeight || 640,
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

  private _checkbox(id: string | null, col: number): HTMLInputElement | null {
    if (!id) return null;
    return this.renderRoot.querySelector<HTMLInputElement>(`.body [data-id="${CSS.escape(id)}"] input[data-col="${col}"]`);
  }

  private _headerButton(col: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`.head button[data-col="${col}"]`);
  }

  // ——— keyboard ———

  private _onGridKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const inHead = Boolean(target.closest('.head'));
    const data = this._data;
    if (!data || (!inHead && !target.closest('.body [role="row"]'))) return;
    const rows = this._viewOf(data.roster).people.length;
    const scroller = this._scroller;
    const page = Math.max(1, Math.floor(((scroller?.clientHeight ?? 0) - this._headerHeight()) / this._rowHeight) - 1);
    const to = moveInGrid(event.key, event.ctrlKey, { row: inHead ? -1 : this._focusRow, col: this._focusCol }, {
      rows,
      cols: data.program.sessions.length,
      page,
      header: !this._isReadOnly(this._programOf(data)),
    });
    if (!to) return;
    event.preventDefault();
    if (to.row < 0) void this._focusHeaderCell(to.col);
    else void this._focusCell(to.row, to.col);
  }

  /** Moves the roving focus to person `row`'s checkbox of session column `col`, scrolling it into view first. */
  private async _focusCell(row: number, col: number): Promise<void> {
    const data = this._data;
    if (!data) return;
    const people = this._viewOf(data.roster).people;
    if (!people[row]) return;
    this._focusHeader = false;
    this._focusRow = row;
    this._focusCol = col;
    this._focusId = people[row].employeeId;
    const scroller = this._scroller;
    if (scroller) {
      const top = scrollTopFor(row, this._rowHeight, Math.max(0, scroller.scrollTop), scroller.clientHeight, this._headerHeight());
      if (top !== scroller.scrollTop) scroller.scrollTop = top;
    }
    this._updateWindow(people.length);
    await this.updateComplete;
    const box = this._checkbox(this._focusId, col);
    // preventScroll: the scroller was placed above (focus() would hide the row under the sticky header).
    box?.focus({ preventScroll: true });
    this._reveal(box?.closest<HTMLElement>('.cell'));
  }

  private async _focusHeaderCell(col: number): Promise<void> {
    this._focusHeader = true;
    this._focusCol = col;
    await this.updateComplete;
    const button = this._headerButton(col);
    button?.focus({ preventScroll: true });
    this._reveal(button?.closest<HTMLElement>('.cell'));
  }

  /** Scrolls sideways so `cell` is not under the sticky name column nor past the other edge. */
  private _reveal(cell: HTMLElement | null | undefined): void {
    const scroller = this._scroller;
    if (!cell || !scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const box = scroller.getBoundingClientRect();
    let left = box.left + scroller.clientLeft;
    let right = left + scroller.clientWidth;
    const sticky = cell.parentElement?.querySelector<HTMLElement>('.name-cell')?.getBoundingClientRect();
    if (sticky) {
      // The name column sticks to the inline start: the left edge in LTR, the right edge in RTL.
      if (sticky.left - left <= right - sticky.right) left = Math.max(left, sticky.right);
      else right = Math.min(right, sticky.left);
    }
    const r = cell.getBoundingClientRect();
    if (r.left < left) scroller.scrollLeft -= left - r.left;
    else if (r.right > right) scroller.scrollLeft += r.right - right;
  }

  /** Follows focus that arrives by click, tap or Tab, so the keys and the tab stop continue from there. */
  private _onGridFocusin(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const col = Number(target.dataset.col);
    if (!Number.isInteger(col)) return;
    this._focusCol = col;
    if (target.closest('.head')) {
      this._focusHeader = true;
      return;
    }
    const row = target.closest<HTMLElement>('.body [role="row"]');
    if (!row) return;
    this._focusHeader = false;
    this._focusRow = Number(row.dataset.index);
    this._focusId = row.dataset.id ?? null;
  }

  // ——— attendance ———

  private _onGridChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.closest<HTMLElement>('.body [role="row"]')?.dataset.id;
    const col = Number(input.dataset.col);
    if (input.type !== 'checkbox' || !id || !Number.isInteger(col)) return;
    this._sheet.set(id, col + 1, input.checked);
    this.requestUpdate();
  }

  /** Read-only (completed): a click or Space on a checkbox changes nothing. */
  private _onGridClick(event: Event): void {
    const data = this._data;
    if (data && (event.target as HTMLElement).matches('input') && this._isReadOnly(this._programOf(data))) event.preventDefault();
  }

  private _markAll(col: number): void {
    const data = this._data;
    if (!data) return;
    for (const id of this._viewOf(data.roster).ids) this._sheet.set(id, col + 1, true);
    this.requestUpdate();
    this._announce(msg(str`Semua peserta ditandai hadir di sesi ${col + 1}.`));
  }

  /**
   * Why a write failed, in the user's words; `null`: there is no client (no provider around the element).
   * `own.conflict` words a 409 (the program's status no longer allows it), `own.invalid` a 400/422.
   */
  private _reason(error: unknown, own: OwnErrorMessages & { conflict: string; invalid?: string }): string {
    if (error === null) return msg('Tidak terhubung ke server. Coba lagi nanti.');
    const status = (error as { status?: unknown }).status;
    if (status === 409) return own.conflict;
    if ((status === 400 || status === 422) && own.invalid) return own.invalid;
    return errorMessage(this.offline ? 'offline' : classifyError(error), own);
  }

  private _setSaveError(session: number, message: string | null): void {
    const next = new Map(this._saveErrors);
    if (message === null) next.delete(session);
    else next.set(session, message);
    this._saveErrors = next;
  }

  /**
   * Saves session `session`'s attendance (everyone ticked present), or waits for the save already on its way. A
   * failure keeps the ticks and says why, beside the grid; with `rethrow` (completing) it also rejects.
   */
  private async _save(session: number, rethrow = false): Promise<void> {
    let running = this._inflight.get(session);
    if (!running) {
      running = this._send(session).finally(() => this._inflight.delete(session));
      this._inflight.set(session, running);
    }
    const error = await running;
    if (rethrow && error !== undefined) throw error;
  }

  /** One save of session `session`; resolves with the error when it failed (shown beside the grid). */
  private async _send(session: number): Promise<unknown> {
    const data = this._data;
    const client = this._live.client;
    if (!data) return undefined;
    const failed = (error: unknown) => {
      const reason = this._reason(error, {
        forbidden: msg('Anda tidak berwenang mencatat kehadiran program ini.'),
        conflict: msg('Program ini sudah selesai atau dibatalkan, sehingga kehadiran tidak dapat diubah.'),
        invalid: msg('Ada peserta yang ditandai hadir tetapi tidak terdaftar lagi. Daftar peserta dimuat ulang; periksa lalu simpan lagi.'),
      });
      this._setSaveError(session, msg(str`Kehadiran sesi ${session} belum tersimpan. ${reason} Perubahan Anda tetap ada.`));
      // Someone left the program meanwhile: show the roster as it is now (the ticks stay).
      const status = (error as { status?: unknown } | null)?.status;
      if (status === 400 || status === 422) void this.refresh();
      return error ?? new Error('no client');
    };
    if (!client || this.offline) return failed(client ? { name: 'NetworkError' } : null);
    const sent = this._sheet.editedIds(session);
    const present = this._sheet.presentIds(this._viewOf(data.roster).ids, session) as `emp_${string}`[];
    this._saving = new Set(this._saving).add(session);
    this._setSaveError(session, null);
    try {
      const attendance = await resourceOf(client, 'programs', programsResource).setAttendance(data.program.id as ProgramId, session, present);
      this._sheet.commit(session, attendance.present, sent);
      emit(this, 'asn-attendance-saved', attendance);
      this._announce(msg(str`Kehadiran sesi ${session} disimpan.`));
      return undefined;
    } catch (error) {
      return failed(error);
    } finally {
      const saving = new Set(this._saving);
      saving.delete(session);
      this._saving = saving;
    }
  }

  // ——— completing ———

  /** The confirmation's code, and its modal (focus in, and back to the opener or the result on close). */
  private async _loadChunk(): Promise<CompletionChunk> {
    const chunk = (this._chunk ??= await loadCompletion());
    if (!this._modal) {
      // Its styles join the element's own (constructed sheets: CSSOM, allowed by a `style-src 'self'` CSP).
      const root = this.renderRoot as ShadowRoot;
      const sheets = chunk.completionStyles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => Boolean(s));
      if ('adoptedStyleSheets' in root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    }
    this._modal ??= new chunk.ModalDialog(() => {
      this._dialogOpen = false;
      this._completeError = '';
    });
    return chunk;
  }

  private _openDialog = async (event: Event): Promise<void> => {
    const opener = event.currentTarget as HTMLElement;
    this._completeError = '';
    try {
      await this._loadChunk();
    } catch {
      this._completeError = msg('Fungsi ini belum dapat dimuat. Periksa koneksi Anda lalu coba lagi.');
      return;
    }
    this._dialogOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog) {
      this._modal?.open(dialog, opener, {
        fallback: () => this.renderRoot.querySelector<HTMLElement>('.result') ?? this.renderRoot.querySelector<HTMLElement>('.title'),
      });
    }
  };

  private _onDialogCancel = (event: Event): void => {
    // Escape while completing would hide the answer of a request already on its way: wait for it.
    if (this._completing) event.preventDefault();
  };

  /** Saves what is unsaved, then completes, once: a second click while it runs does nothing. */
  private _confirm = async (): Promise<void> => {
    const data = this._data;
    const client = this._live.client;
    if (this._completing || !data) return;
    const own = {
      forbidden: msg('Anda tidak berwenang menyelesaikan program ini.'),
      conflict: msg('Program berstatus draf atau dibatalkan tidak dapat diselesaikan.'),
    };
    if (!client || this.offline) {
      this._completeError = msg(str`Program belum diselesaikan. ${this._reason(client ? { name: 'NetworkError' } : null, own)}`);
      return;
    }
    this._completing = true;
    this._completeError = '';
    try {
      for (const session of this._sheet.dirtySessions()) await this._save(session, true);
      const result = await resourceOf(client, 'programs', programsResource).complete(data.program.id as ProgramId);
      this._completion = { id: data.program.id, result };
      this._sheet.clearEdits();
      this._saveErrors = new Map();
      emit(this, 'asn-program-completed', result);
      this._announce(this._resultText(result));
      this._completing = false;
      await this.updateComplete;
      this._modal?.close();
    } catch (error) {
      this._completeError = msg(str`Program belum diselesaikan. ${this._reason(error, own)}`);
    } finally {
      this._completing = false;
    }
  };

  private _resultText(r: CompletionResult): string {
    return msg(
      str`${n(r.completed)} peserta menyelesaikan program dan mendapat ${n(r.program.jp)} JP; ${n(r.incomplete)} tidak memenuhi kehadiran. ${n(r.recordsCreated)} catatan pembelajaran baru dibuat.`,
    );
  }

  // ——— rendering ———

  private _statusLabel(status: Enrollment['status']): string {
    switch (status) {
      case 'completed':
        return msg('Selesai');
      case 'incomplete':
        return msg('Tidak memenuhi');
      case 'waitlisted':
        return msg('Menunggu');
      case 'cancelled':
        return msg('Dibatalkan');
      default:
        return msg('Terdaftar');
    }
  }

  private _programStatusLabel(status: Program['status']): string {
    switch (status) {
      case 'draft':
        return msg('Draf');
      case 'open':
        return msg('Pendaftaran dibuka');
      case 'closed':
        return msg('Pendaftaran ditutup');
      case 'completed':
        return msg('Selesai');
      default:
        return msg('Dibatalkan');
    }
  }

  private _loadError(kind: ErrorKind): TemplateResult {
    if (kind === 'forbidden') {
      // Not a failure to retry: this user may not run the program.
      return html`<div class="error forbidden" part="state">
        <div role="alert">
          <p class="error-title">${msg('Anda tidak berwenang membuka daftar peserta ini')}</p>
          <p class="error-message">
            ${msg('Hanya admin BKPSDM dan penyelenggara program ini yang dapat melihat peserta, mencatat kehadiran dan menyelesaikan program.')}
          </p>
        </div>
      </div>`;
    }
    return errorState({
      title: msg('Daftar peserta tidak dapat dimuat'),
      message: errorMessage(kind, {
        auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat daftar peserta.'),
        'not-found': msg('Program ini tidak ditemukan.'),
      }),
      retryLabel: msg('Coba lagi'),
      onRetry: this._retry,
    });
  }

  override render(): TemplateResult {
    const data = this._data;
    const program = data ? this._programOf(data) : undefined;
    const view = data ? this._viewOf(data.roster) : undefined;
    const failed = !data && !this._fed && this._task.status === TaskStatus.ERROR;
    const readOnly = program ? this._isReadOnly(program) : true;
    return html`${widgetFrame({
      title: program?.title ?? msg('Peserta program'),
      subtitle: program && view ? this._renderSummary(program, view) : nothing,
      headerExtras: program && view ? this._renderActions(program, view, readOnly) : nothing,
      busy: !data && !failed,
      offline: this.offline
        ? data
          ? msg('Anda sedang luring. Kehadiran tidak dapat disimpan selama luring; centang Anda tetap ada di halaman ini dan dapat disimpan saat koneksi kembali.')
          : msg('Anda sedang luring. Daftar peserta dimuat saat koneksi kembali.')
        : null,
      announcement: this._announcement,
      body:
        program && view
          ? this._renderBody(program, view, readOnly)
          : failed
            ? this._loadError(this.offline ? 'offline' : classifyError(this._task.error))
            : skeleton(msg('Memuat daftar peserta…')),
    })}
    ${program && view && this._chunk ? this._renderDialog(this._chunk, program, view) : nothing}`;
  }

  private _renderSummary(program: Program, view: View): TemplateResult {
    const from = formatInstantDay(program.startsAt);
    const to = formatInstantDay(program.endsAt);
    return html`<dl class="stats summary" part="summary">
      ${stat(msg('Jadwal'), from === to ? from : `${from} – ${to}`)}
      ${stat(msg('Kursi'), msg(str`${n(view.people.length)} dari ${n(program.capacity)} terisi`))}
      ${stat(msg('Daftar tunggu'), msg(str`${n(view.waitlist.length)} orang`))}
      ${stat(msg('Kehadiran'), thresholdText(program.attendanceThreshold, program.sessions.length))}
      ${stat('JP', `${n(program.jp)} JP`)}
    </dl>`;
  }

  private _renderActions(program: Program, view: View, readOnly: boolean): TemplateResult {
    return html`<div class="actions-head">
      <span class="badge ${program.status}" part="status">${this._programStatusLabel(program.status)}</span>
      ${!readOnly && view.people.length > 0
        ? html`<button type="button" class="complete" part="complete-button" aria-haspopup="dialog" ?disabled=${this._completing} @click=${this._openDialog}>
            ${msg('Selesaikan program')}
          </button>`
        : nothing}
    </div>`;
  }

  private _renderBody(program: Program, view: View, readOnly: boolean): TemplateResult {
    const done = this._completion?.id === program.id ? this._completion.result : undefined;
    const top = done
      ? html`<div class="result" part="result" tabindex="-1">
          <h3 class="section-title">${msg('Program telah diselesaikan')}</h3>
          <p>${this._resultText(done)}</p>
        </div>`
      : readOnly
        ? html`<p class="notice" part="notice">
            ${program.status === 'cancelled' ? msg('Program ini dibatalkan. Kehadiran tidak dapat diubah.') : msg('Program ini sudah selesai. Kehadiran tidak dapat diubah lagi.')}
          </p>`
        : nothing;
    const failed = !this._dialogOpen && this._completeError ? html`<p class="form-error" role="alert">${this._completeError}</p>` : nothing;
    if (view.people.length === 0 && view.waitlist.length === 0) {
      return html`${top}${emptyState(msg('Belum ada peserta'), msg('Peserta yang mendaftar ke program ini akan tampil di sini.'))}`;
    }
    return html`${top}${failed}
      <section class="people" aria-labelledby="people-title">
        <div class="section-head">
          <h3 class="section-title" id="people-title">${msg('Kehadiran peserta')}</h3>
          <span class="count">${msg(str`${n(view.people.length)} peserta`)}</span>
        </div>
        ${view.people.length > 0
          ? html`${this._renderGrid(program, view, readOnly)}${this._renderSaveBar()}`
          : html`<p class="count">${msg('Belum ada peserta terdaftar.')}</p>`}
      </section>
      ${view.waitlist.length > 0
        ? html`<section class="waiting" aria-labelledby="waitlist-title">
            <h3 class="section-title" id="waitlist-title">${msg('Daftar tunggu')}</h3>
            <ol class="waitlist" part="waitlist">
              ${view.waitlist.map((e) => html`<li value=${e.waitlistPosition ?? nothing}>${e.employeeName}</li>`)}
            </ol>
          </section>`
        : nothing}`;
  }

  private _renderGrid(program: Program, view: View, readOnly: boolean): TemplateResult {
    const people = view.people;
    const start = Math.min(this._start, people.length);
    const end = Math.min(Math.max(this._end, start), people.length);
    const rows = people.slice(start, end).map((person, k) => ({ person, index: start + k, detached: false }));
    // The row holding the tab stop always exists, so Tab reaches the grid and focus survives scrolling away.
    const f = this._focusRow;
    if (people[f] && (f < start || f >= end)) {
      const detached = { person: people[f], index: f, detached: true };
      if (f < start) rows.unshift(detached);
      else rows.push(detached);
    }
    const sessions = program.sessions;
    return html`<p id="grid-help" class="visually-hidden">
        ${msg('Gunakan tombol panah untuk berpindah antarkotak centang; Home dan End ke sesi pertama atau terakhir; Ctrl+Home dan Ctrl+End ke peserta pertama atau terakhir. Tekan Spasi untuk menandai hadir atau tidak hadir.')}
      </p>
      <span id="unsaved-note" class="visually-hidden">${msg('Belum disimpan')}</span>
      <div class="scroller" part="scroller" @scroll=${this._onScroll}>
        <div
          role="grid"
          class="grid"
          part="grid"
          aria-labelledby="people-title"
          aria-describedby="grid-help"
          aria-rowcount=${people.length + 1}
          aria-colcount=${sessions.length + 2}
          aria-readonly=${readOnly ? 'true' : 'false'}
          @keydown=${this._onGridKeydown}
          @focusin=${this._onGridFocusin}
          @change=${this._onGridChange}
          @click=${this._onGridClick}
        >
          <div role="rowgroup" class="head">
            <div role="row" class="row" aria-rowindex="1">
              <div role="columnheader" class="cell name-cell" aria-colindex="1">${msg('Nama')}</div>
              ${sessions.map((s, col) => this._renderSessionHeader(s, col, readOnly))}
              <div role="columnheader" class="cell status-cell" aria-colindex=${sessions.length + 2}>${msg('Status')}</div>
            </div>
          </div>
          <div role="rowgroup" class="body">
            ${repeat(
              rows,
              (r) => r.person.id,
              (r) => this._renderRow(r.person, r.index, r.detached, sessions.length, readOnly),
            )}
          </div>
        </div>
      </div>`;
  }

  private _renderSessionHeader(session: ProgramSession, col: number, readOnly: boolean): TemplateResult {
    const number = col + 1;
    const dirty = this._sheet.changes(number) > 0;
    return html`<div role="columnheader" class="cell session" aria-colindex=${col + 2}>
      <span class="session-name">${msg(str`Sesi ${number}`)}</span>
      <time class="session-time" datetime=${session.startsAt}>${formatDateTime(session.startsAt)}</time>
      ${dirty ? html`<span class="badge unsaved">${msg('Belum disimpan')}</span>` : nothing}
      ${readOnly
        ? nothing
        : html`<button
            type="button"
            class="secondary all"
            part="all-present"
            data-col=${col}
            tabindex=${this._focusHeader && this._focusCol === col ? '0' : '-1'}
            aria-label=${msg(str`Semua hadir, sesi ${number}`)}
            @click=${() => this._markAll(col)}
          >
            ${msg('Semua hadir')}
          </button>`}
    </div>`;
  }

  private _renderRow(person: Enrollment, index: number, detached: boolean, sessions: number, readOnly: boolean): TemplateResult {
    const id = person.employeeId;
    const name = person.employeeName;
    // Completed here and not reloaded yet: the status follows from the saved attendance and the threshold.
    const done = this._completion && person.status === 'registered' ? this._completion.result.program : undefined;
    const status = done ? (this._sheet.attended(id, sessions) >= done.attendanceThreshold ? 'completed' : 'incomplete') : person.status;
    const tabRow = !this._focusHeader && index === this._focusRow;
    const cells: TemplateResult[] = [];
    for (let col = 0; col < sessions; col++) {
      const number = col + 1;
      const changed = this._sheet.isChanged(id, number);
      cells.push(html`<div role="gridcell" class="cell check ${changed ? 'changed' : ''}" aria-colindex=${col + 2}>
        <label class="box">
          <input
            type="checkbox"
            data-col=${col}
            .checked=${live(this._sheet.has(id, number))}
            tabindex=${tabRow && col === this._focusCol ? '0' : '-1'}
            aria-label=${msg(str`Hadir: ${name}, sesi ${number}`)}
            aria-describedby=${changed ? 'unsaved-note' : nothing}
            aria-disabled=${readOnly ? 'true' : nothing}
          />
        </label>
      </div>`);
    }
    return html`<div role="row" class="row ${detached ? 'detached' : ''}" part="row" data-id=${id} data-index=${index} aria-rowindex=${index + 2}>
      <div role="rowheader" class="cell name-cell" aria-colindex="1"><span class="name">${name}</span></div>
      ${cells}
      <div role="gridcell" class="cell status-cell" aria-colindex=${sessions + 2}><span class="badge ${status}">${this._statusLabel(status)}</span></div>
    </div>`;
  }

  private _renderSaveBar(): TemplateResult | typeof nothing {
    const sessions = new Set([...this._sheet.dirtySessions(), ...this._saveErrors.keys()]);
    if (sessions.size === 0) return nothing;
    return html`<div class="save-bar" part="save-bar">
      ${[...sessions]
        .sort((a, b) => a - b)
        .map((session) => {
          const saving = this._saving.has(session);
          const error = this._saveErrors.get(session);
          const changes = this._sheet.changes(session);
          return html`<div class="pending">
            ${changes > 0 ? html`<p class="pending-text">${msg(str`Sesi ${session}: ${n(changes)} perubahan belum disimpan.`)}</p>` : nothing}
            ${error ? html`<p class="save-error" part="save-error" role="alert">${error}</p>` : nothing}
            <button
              type="button"
              class="save"
              part="save-button"
              data-session=${session}
              aria-disabled=${saving ? 'true' : 'false'}
              @click=${() => void this._save(session)}
            >
              ${saving
                ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyimpan…')}`
                : error
                  ? msg(str`Coba simpan lagi sesi ${session}`)
                  : msg(str`Simpan kehadiran sesi ${session}`)}
            </button>
          </div>`;
        })}
    </div>`;
  }

  private _renderDialog(chunk: CompletionChunk, program: Program, view: View): TemplateResult {
    const sessions = program.sessions.length;
    const open = this._dialogOpen;
    const tally = open ? this._sheet.tally(view.ids, sessions, program.attendanceThreshold) : { credited: 0, notCredited: 0 };
    return chunk.renderCompletionDialog({
      open,
      ...tally,
      jp: program.jp,
      thresholdLabel: thresholdText(program.attendanceThreshold, sessions),
      unsavedSessions: open ? this._sheet.dirtySessions().length : 0,
      busy: this._completing,
      error: this._completeError,
      onConfirm: () => void this._confirm(),
      onClose: () => {
        if (!this._completing) this._modal?.close();
      },
      onCancel: this._onDialogCancel,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-program-roster': AsnProgramRoster;
  }
  interface HTMLElementEventMap {
    'asn-attendance-saved': AsnAttendanceSavedEvent;
    'asn-program-completed': AsnProgramCompletedEvent;
  }
}
