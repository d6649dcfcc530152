import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { resourceOf, type CoreClient, feedbackResource, goalsResource, meResource, type EmployeeRef, type FeedbackId, type OutboxEvent, enableOutbox } from '../../src/client/index.js';
import type { Feedback, Goal, Me, Page, ServerEvent } from '../../src/contract/index.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { ratingLabel } from '../shared/rating-label.js';
import { LiveData } from '../shared/live-data.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import { widgetFrame } from '../shared/frame.js';
import { buttonStyles } from '../shared/button.styles.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { feedbackFeedStyles } from './feedback-feed.styles.js';

/** `detail` of `asn-feedback-acknowledged`. */
export interface AsnFeedbackAcknowledgedDetail {
  /** The feedback as the server returned it after the acknowledgement (`acknowledgedAt`, `response` set). */
  feedback: Feedback;
}

/** Fired when the recipient acknowledged a feedback and the server stored it. */
export type AsnFeedbackAcknowledgedEvent = CustomEvent<AsnFeedbackAcknowledgedDetail>;

/** Longest reply the contract accepts (`FeedbackAcknowledge.response`). */
const REPLY_MAX = 1000;

interface FeedState {
  key: string;
  items: Feedback[];
  nextCursor: string | null;
}

interface Loaded {
  me: Me | null;
  page: Page<Feedback>;
  goals: Map<string, string>;
}

/**
 * The feedback an ASN received from their supervisor, newest first: who gave it, appreciation or guidance, the
 * rating (di atas / sesuai / di bawah ekspektasi, PermenPANRB 6/2022), the goal it is about and when (WIT).
 * Feedback not yet acknowledged stands out (a marker and the text "Belum ditanggapi"). The recipient
 * acknowledges each one, optionally with a reply, from an inline form. New feedback appears live (announced
 * politely, without moving focus).
 *
 * Inside an `<asn-provider>` it loads through the SDK client; with the `items` property set it fetches nothing
 * and renders them (stories, server-rendered portals). Messages are rendered as text, never as HTML.
 *
 * @tagname asn-feedback-feed
 * @summary Supervisor feedback an ASN received, with acknowledgement and live updates.
 *
 * @attr {string} employee - Whose feedback: an employee id (`emp_…`) or `me` for the signed-in ASN. Default `me`.
 * @attr {number} page-size - Items per page (1–100). Default 20.
 * @attr {boolean} offline - Reflects whether the browser is offline (the feed keeps the last data and shows a notice). Set it to preview the notice.
 *
 * @prop {Feedback[] | undefined} items - Feedback to render as-is (newest first is enforced); when set, nothing is fetched. Unset inside a provider, they stay shown while the feed loads its own and goes live (server-rendered pages, docs/embedding/ssr.md).
 * @prop {Array<{ id: string; title: string }> | undefined} goals - Goals to name linked goals by title (with `items`; loaded through the client otherwise).
 * @prop {boolean | undefined} recipient - Whether the viewer is the recipient (may acknowledge). Default: worked out from `employee` and the signed-in user (`employee="me"` with `items`).
 *
 * @fires {CustomEvent<{ feedback: Feedback }>} asn-feedback-acknowledged - The recipient acknowledged a feedback and the server stored it. Bubbles, composed.
 *
 * @slot header-actions - Extra controls beside the heading.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title and the count of feedback awaiting acknowledgement.
 * @csspart title - The heading.
 * @csspart list - The list of feedback.
 * @csspart item - One feedback.
 * @csspart item-unacknowledged - A feedback not yet acknowledged (with `item`).
 * @csspart badge - A kind, rating or status badge.
 * @csspart message - The feedback's message (text).
 * @csspart response - The recipient's reply (tanggapan).
 * @csspart ack-form - The inline acknowledgement form.
 * @csspart reply-input - The reply text field.
 * @csspart ack-button - The acknowledge button.
 * @csspart load-more - The "Load more" button.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, focus ring, appreciation badge.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Badges, the reply and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text (times, goal).
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - "Above expectations"; acknowledged.
 * @cssprop [--asn-color-warning=#8a5a00] - Unacknowledged marker; guidance badge.
 * @cssprop [--asn-color-danger=#b3261e] - Errors.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnFeedbackFeed extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, buttonStyles, feedbackFeedStyles];

  /** Whose feedback: an employee id (`emp_…`) or `me`. */
  @property({ reflect: true }) employee: EmployeeRef | string = 'me';

  /** Items per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Feedback to render as-is; when set, the feed fetches nothing. */
  @property({ attribute: false }) items?: Feedback[];

  /** Goals (id, title) to name linked goals when rendering `items`. */
  @property({ attribute: false }) goals?: Array<Pick<Goal, 'id' | 'title'>>;

  /** Whether the viewer may acknowledge; default worked out from `employee` and the signed-in user. */
  @property({ attribute: false }) recipient?: boolean;

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _feed: FeedState | undefined;
  @state() private _me: Me | null = null;
  @state() private _goalTitles = new Map<string, string>();
  @state() private _pending = new Set<string>();
  @state() private _queued = new Set<string>();
  @state() private _ackErrors = new Map<string, string>();
  @state() private _loadingMore = false;
  @state() private _moreError: string | null = null;
  @state() private _announcement = '';
  /** Acknowledged in this session (items mode without a client keeps the change locally too). */
  @state() private _overrides = new Map<string, Feedback>();

  private _focusAfterRetry = false;
  private readonly _live = new LiveData(this, {
    active: () => !this.items,
    onCredentialsChange: () => {
      this._feed = undefined;
      this._me = null;
    },
    refresh: () => this.refresh(),
    concerns: (tags) => {
      const mine = new Set(['*', 'feedback:*', `feedback:${this.employee}`]);
      const id = this._employeeId;
      if (id) mine.add(`feedback:${id}`);
      if (this._isRecipient) mine.add('feedback:me');
      return tags.some((t) => mine.has(t));
    },
    topic: () => {
      const id = this._feed ? this._employeeId : undefined;
      return id ? `employee:${id}` : undefined;
    },
    wants: (event) => event.type.startsWith('feedback.'),
    apply: (event) => this._applyEvent(event),
    outbox: enableOutbox,
    onOutbox: (event) => this._onOutbox(event),
  });
  private _refreshing: Promise<void> | null = null;

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this.employee, this.items === undefined, this._live.generation, this.pageSize] as const,
    task: async ([client, employee, wanted, , pageSize], { signal }): Promise<Loaded | typeof initialState> => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      const ref = employee as EmployeeRef;
      const [me, page, goals] = await Promise.all([
        resourceOf(client, 'me', meResource).get({ signal }).catch(() => null),
        resourceOf(client, 'feedback', feedbackResource).list(ref, { limit: clampPage(pageSize) }, { signal, fresh }),
        this._loadGoalTitles(client, ref, signal),
      ]);
      return { me, page, goals };
    },
    onComplete: (result) => {
      const loaded = result as Loaded;
      this._me = loaded.me;
      this._goalTitles = loaded.goals;
      this._feed = { key: this._key, items: sortNewestFirst(loaded.page.data), nextCursor: loaded.page.nextCursor };
      this._overrides = new Map();
      if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('title'));
    },
    onError: () => {
      if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('retry'));
    },
  });

  private async _loadGoalTitles(client: CoreClient, employee: EmployeeRef, signal: AbortSignal): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    try {
      const page = await resourceOf(client, 'goals', goalsResource).list(employee, { limit: 100 }, { signal });
      for (const g of page.data) titles.set(g.id, g.title);
    } catch {
      // Goal titles are a nicety: without them the goal's id is shown.
    }
    return titles;
  }

  private get _key(): string {
    return `${this.employee}|${this.pageSize}`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Unsetting shown `items` hands them over (a server-rendered feed going live, docs/embedding/ssr.md): they stay
    // shown as the loaded page while the feed fetches its own, so nothing flashes.
    const given = changed.get('items');
    if (given && !this.items && this._feed?.key !== this._key) this._feed = { key: this._key, items: sortNewestFirst(given), nextCursor: null };
  }

  /** The feedback shown: `items`, else what was loaded for this employee; newest first. */
  private get _items(): Feedback[] | undefined {
    const base = this.items ? sortNewestFirst(this.items) : this._feed?.key === this._key ? this._feed.items : undefined;
    if (!base) return undefined;
    return this._overrides.size === 0 ? base : base.map((f) => this._overrides.get(f.id) ?? f);
  }

  /** Whether the viewer is the recipient (may acknowledge). */
  private get _isRecipient(): boolean {
    if (this.recipient !== undefined) return this.recipient;
    if (this.employee === 'me') return true;
    return Boolean(this._me && this._me.id === this.employee);
  }

  /** The recipient's employee id, when known (for the live topic). */
  private get _employeeId(): string | undefined {
    if (this.employee !== 'me') return this.employee;
    return this._me?.id ?? this._items?.[0]?.employeeId;
  }

  /**
   * Re-fetches the newest page now (skipping the SDK's cache) and merges it into what is shown: new feedback is
   * added at the top and announced, changed items are updated, pages loaded with "Load more" stay.
   */
  refresh(): Promise<void> {
    if (this.items || !this._live.client) return Promise.resolve();
    if (!this._feed || this._feed.key !== this._key) {
      this._live.markFresh();
      return this._task.run();
    }
    if (this._refreshing) return this._refreshing;
    const client = this._live.client;
    const run = async () => {
      try {
        const page = await resourceOf(client, 'feedback', feedbackResource).list(this.employee as EmployeeRef, { limit: clampPage(this.pageSize) }, { fresh: true });
        this._merge(page);
        const missing = page.data.some((f) => f.goalId && !this._goalTitles.has(f.goalId));
        if (missing) {
          const titles = await this._loadGoalTitles(client, this.employee as EmployeeRef, new AbortController().signal);
          if (titles.size > 0) this._goalTitles = titles;
        }
      } catch {
        // A failed live refresh keeps the data shown; the next event or `online` tries again.
      } finally {
        this._refreshing = null;
      }
    };
    this._refreshing = run();
    return this._refreshing;
  }

  /** A live feedback event with the feedback as it is now: merged like a refresh's page, without the read. */
  private _applyEvent(event: ServerEvent): boolean {
    const item = event.feedback;
    if (!item) return false;
    if (!this._feed || this._feed.key !== this._key) return false; // nothing loaded to apply it to
    const id = this._employeeId;
    if (!id) return false;
    if (item.employeeId !== id) return true; // another employee's (an invalidation of `feedback:me`)
    this._merge({ data: [item], nextCursor: null });
    if (item.goalId && !this._goalTitles.has(item.goalId)) {
      const client = this._live.client;
      if (client) void this._loadGoalTitles(client, this.employee as EmployeeRef, new AbortController().signal).then((t) => t.size > 0 && (this._goalTitles = t));
    }
    return true;
  }

  private _merge(page: Page<Feedback>): void {
    const feed = this._feed;
    if (!feed) return;
    const known = new Map(feed.items.map((f) => [f.id, f]));
    const fresh = page.data.filter((f) => !known.has(f.id));
    let items: Feedback[];
    let nextCursor = feed.nextCursor;
    if (fresh.length === page.data.length && page.nextCursor) {
      // More new feedback than one page: start again from the newest page (nothing in between is skipped).
      items = page.data;
      nextCursor = page.nextCursor;
    } else {
      const updated = new Map(page.data.map((f) => [f.id, f]));
      items = [...fresh, ...feed.items.map((f) => updated.get(f.id) ?? f)];
    }
    this._feed = { key: feed.key, items: sortNewestFirst(items), nextCursor };
    for (const f of page.data) if (f.acknowledgedAt) this._queued.delete(f.id);
    if (fresh.length > 0) {
      const first = fresh[0];
      const author = first.authorName ?? msg('atasan Anda');
      this._announce(
        fresh.length === 1
          ? msg(str`Umpan balik baru dari ${author}.`)
          : msg(str`${formatNumber(fresh.length, currentLocale())} umpan balik baru.`),
      );
    }
  }

  private _announce(text: string): void {
    // Clear first so the same text twice is announced twice.
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
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

  private async _loadMore(): Promise<void> {
    const feed = this._feed;
    const client = this._live.client;
    if (this._loadingMore || !feed?.nextCursor || !client) return;
    this._loadingMore = true;
    this._moreError = null;
    const before = feed.items.length;
    try {
      const page = await resourceOf(client, 'feedback', feedbackResource).list(this.employee as EmployeeRef, { limit: clampPage(this.pageSize), cursor: feed.nextCursor });
      const known = new Set(feed.items.map((f) => f.id));
      const items = [...feed.items, ...page.data.filter((f) => !known.has(f.id))];
      this._feed = { key: feed.key, items: sortNewestFirst(items), nextCursor: page.nextCursor };
      this._announce(msg(str`${formatNumber(items.length - before, currentLocale())} umpan balik lainnya dimuat.`));
      await this.updateComplete;
      // The button may be gone (last page): focus the first new item instead of letting focus fall to <body>.
      if (!page.nextCursor) {
        const first = this._feed.items[before];
        if (first) this.renderRoot.querySelector<HTMLElement>(`#fb-${cssId(first.id)}`)?.focus();
      }
    } catch (error) {
      this._moreError = this._errorMessage(this.offline ? 'offline' : classifyError(error));
    } finally {
      this._loadingMore = false;
    }
  }

  private async _acknowledge(event: SubmitEvent, item: Feedback): Promise<void> {
    event.preventDefault();
    if (this._pending.has(item.id) || this._queued.has(item.id)) return; // no double submit
    const form = event.currentTarget as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('input[name="response"]');
    const reply = (input?.value ?? '').trim();
    if (reply.length > REPLY_MAX) {
      this._setAckError(item.id, msg(str`Tanggapan paling banyak ${formatNumber(REPLY_MAX, currentLocale())} karakter.`));
      input?.focus();
      return;
    }
    const client = this._live.client;
    if (!client) {
      this._setAckError(item.id, msg('Tanggapan belum dapat dikirim karena halaman ini belum tersambung ke layanan. Hubungi pengelola portal.'));
      return;
    }
    this._pending = new Set(this._pending).add(item.id);
    this._setAckError(item.id, null);
    try {
      const updated = await resourceOf(client, 'feedback', feedbackResource).acknowledge(item.id as FeedbackId, reply ? { response: reply } : {});
      this._applyUpdate(updated);
      this.dispatchEvent(
        new CustomEvent<AsnFeedbackAcknowledgedDetail>('asn-feedback-acknowledged', {
          detail: { feedback: updated },
          bubbles: true,
          composed: true,
        }),
      );
      this._announce(msg('Umpan balik sudah ditanggapi.'));
      await this.updateComplete;
      // The form is gone: keep focus on the item it belonged to.
      this.renderRoot.querySelector<HTMLElement>(`#fb-${cssId(item.id)}`)?.focus();
    } catch (error) {
      const e = error as { name?: string; status?: number; problem?: { detail?: string } } | null;
      if (e?.name === 'QueuedError') {
        this._queued = new Set(this._queued).add(item.id);
        this._announce(msg('Anda sedang luring: tanggapan akan dikirim saat koneksi kembali.'));
      } else if (e?.status === 409) {
        this._setAckError(item.id, msg('Umpan balik ini sudah ditanggapi, mungkin dari jendela atau perangkat lain.'));
        void this.refresh();
      } else {
        const kind = classifyError(error);
        const detail = kind === 'unknown' || kind === 'server' ? (e?.problem?.detail ?? null) : null;
        this._setAckError(item.id, detail ?? this._ackErrorMessage(kind));
      }
    } finally {
      const pending = new Set(this._pending);
      pending.delete(item.id);
      this._pending = pending;
    }
  }

  private _applyUpdate(updated: Feedback): void {
    if (this._feed && this._feed.items.some((f) => f.id === updated.id)) {
      this._feed = { ...this._feed, items: this._feed.items.map((f) => (f.id === updated.id ? updated : f)) };
    }
    if (this.items) this._overrides = new Map(this._overrides).set(updated.id, updated);
  }

  /** An acknowledgement written offline: sent (the refresh shows it), or refused for good (say why, offer it again). */
  private _onOutbox(event: OutboxEvent): void {
    if (event.type !== 'sent' && event.type !== 'failed') return;
    if (event.entry.route !== 'acknowledgeFeedback' || !this._queued.has(event.entry.params.id)) return;
    const id = event.entry.params.id;
    const queued = new Set(this._queued);
    queued.delete(id);
    this._queued = queued;
    if (event.type === 'failed') {
      const reason = event.problem?.detail ?? event.problem?.title ?? event.error.message;
      this._setAckError(id, msg(str`Tanggapan tidak dapat dikirim: ${reason}`));
    }
    this._live.schedule();
  }

  private _setAckError(id: string, message: string | null): void {
    const errors = new Map(this._ackErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this._ackErrors = errors;
  }

  private _ackErrorMessage(kind: ErrorKind): string {
    switch (kind) {
      case 'offline':
      case 'network':
        return msg('Tanggapan tidak dapat dikirim. Periksa koneksi Anda lalu coba lagi.');
      case 'forbidden':
        return msg('Hanya penerima yang dapat menanggapi umpan balik ini.');
      case 'auth':
        return msg('Sesi Anda telah berakhir. Masuk kembali, lalu kirim tanggapan Anda.');
      default:
        return msg('Tanggapan tidak dapat disimpan. Tunggu sebentar, lalu coba lagi.');
    }
  }

  private _errorMessage(kind: ErrorKind): string {
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat umpan balik.'),
      forbidden: msg('Anda tidak memiliki akses ke umpan balik pegawai ini.'),
      'not-found': msg('Pegawai ini tidak ditemukan.'),
      timeout: msg('Server terlalu lama merespons. Jaringan mungkin sedang lambat; coba lagi.'),
    });
  }

  private _kindLabel(kind: Feedback['kind']): string {
    return kind === 'appreciation' ? msg('Apresiasi') : msg('Bimbingan');
  }

  override render(): TemplateResult {
    const items = this._items;
    const pending = this._task.status === TaskStatus.PENDING || this._task.status === TaskStatus.INITIAL;
    const busy = !items && pending;
    const open = items ? items.filter((f) => !f.acknowledgedAt).length : 0;
    return widgetFrame({
      title: msg('Umpan balik'),
      subtitle: open > 0 ? html`<p class="open-count">${msg(str`${formatNumber(open, currentLocale())} belum ditanggapi`)}</p>` : nothing,
      headerExtras: html`<div class="header-actions"><slot name="header-actions"></slot></div>`,
      busy,
      offline: this.offline
        ? items
          ? msg('Anda sedang luring. Menampilkan umpan balik yang sudah dimuat; umpan balik baru muncul saat koneksi kembali.')
          : msg('Anda sedang luring. Umpan balik dimuat saat koneksi kembali.')
        : null,
      announcement: this._announcement,
      body: items ? this._renderItems(items) : this._renderWithoutData(),
    });
  }

  private _renderWithoutData(): TemplateResult {
    if (this._task.status === TaskStatus.ERROR && !this.items) {
      const kind: ErrorKind = this.offline ? 'offline' : classifyError(this._task.error);
      return errorState({
        title: msg('Umpan balik tidak dapat dimuat'),
        message: this._errorMessage(kind),
        retryLabel: msg('Coba lagi'),
        onRetry: this._retry,
      });
    }
    return skeleton(msg('Memuat umpan balik…'));
  }

  private _renderItems(items: Feedback[]): TemplateResult {
    if (items.length === 0) {
      return emptyState(
        msg('Belum ada umpan balik'),
        this._isRecipient
          ? msg('Umpan balik dari atasan Anda muncul di sini begitu diberikan.')
          : msg('Umpan balik untuk pegawai ini muncul di sini.'),
      );
    }
    const hasMore = !this.items && Boolean(this._feed?.nextCursor);
    return html`<ol class="list" part="list">
        ${repeat(
          items,
          (f) => f.id,
          (f) => this._renderItem(f),
        )}
      </ol>
      ${hasMore || this._moreError
        ? html`<div class="more">
            ${this._moreError ? html`<p class="more-error" role="alert">${this._moreError}</p>` : nothing}
            ${hasMore
              ? html`<button
                  type="button"
                  class="load-more secondary"
                  part="load-more"
                  aria-disabled=${this._loadingMore ? 'true' : 'false'}
                  @click=${() => void this._loadMore()}
                >
                  ${this._loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${msg('Memuat…')}` : msg('Muat lebih banyak')}
                </button>`
              : nothing}
          </div>`
        : nothing}`;
  }

  private _renderItem(f: Feedback): TemplateResult {
    const locale = currentLocale();
    const unack = !f.acknowledgedAt;
    const queued = this._queued.has(f.id);
    const id = cssId(f.id);
    const author = f.authorName ?? f.authorId;
    const goalTitle = f.goalId ? (this._goalTitles.get(f.goalId) ?? this.goals?.find((g) => g.id === f.goalId)?.title) : undefined;
    const canAck = unack && !queued && this._isRecipient;
    return html`<li class="item ${unack ? 'unacknowledged' : 'acknowledged'}" part=${unack ? 'item item-unacknowledged' : 'item'}>
      <article id=${`fb-${id}`} tabindex="-1" aria-labelledby=${`fb-${id}-title`} aria-describedby=${`fb-${id}-status`}>
        <header class="item-header">
          <h3 class="item-title" id=${`fb-${id}-title`}>${msg(str`${this._kindLabel(f.kind)} dari ${author}`, { id: 'feedback-feed.item-title' })}</h3>
          <p class="time"><time datetime=${f.createdAt}>${formatDateTime(f.createdAt, locale)}</time></p>
        </header>
        <p class="badges">
          <span class="badge kind ${f.kind}" part="badge">${this._kindLabel(f.kind)}</span>
          ${f.rating ? html`<span class="badge rating ${f.rating}" part="badge">${ratingLabel(f.rating)}</span>` : nothing}
          <span class="badge status ${unack ? 'open' : 'done'}" part="badge" id=${`fb-${id}-status`}>
            ${queued ? msg('Menunggu dikirim') : unack ? msg('Belum ditanggapi') : msg('Sudah ditanggapi')}
          </span>
        </p>
        <p class="message" part="message">${f.message}</p>
        ${f.goalId
          ? html`<p class="goal"><span class="label">${msg('Sasaran:')}</span> ${goalTitle ?? f.goalId}</p>`
          : nothing}
        ${f.acknowledgedAt
          ? html`<p class="acked">${msg(str`Ditanggapi ${formatDateTime(f.acknowledgedAt, locale)}`)}</p>
              ${f.response
                ? html`<blockquote class="response" part="response">
                    <p class="response-label">${msg('Tanggapan:')}</p>
                    <p class="response-text">${f.response}</p>
                  </blockquote>`
                : nothing}`
          : nothing}
        ${canAck ? this._renderAckForm(f, id) : nothing}
        ${queued ? html`<p class="queued">${msg('Tanggapan tersimpan di perangkat ini dan akan dikirim saat koneksi kembali.')}</p>` : nothing}
      </article>
    </li>`;
  }

  private _renderAckForm(f: Feedback, id: string): TemplateResult {
    const pending = this._pending.has(f.id);
    const error = this._ackErrors.get(f.id);
    return html`<form class="ack-form" part="ack-form" novalidate @submit=${(e: SubmitEvent) => void this._acknowledge(e, f)}>
      <label class="reply-label" for=${`fb-${id}-reply`}>${msg('Tanggapan (opsional)')}</label>
      <div class="ack-row">
        <input
          id=${`fb-${id}-reply`}
          name="response"
          type="text"
          part="reply-input"
          maxlength=${REPLY_MAX}
          autocomplete="off"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `fb-${id}-error` : nothing}
          ?readonly=${pending}
        />
        <button type="submit" class="ack-button" part="ack-button" aria-disabled=${pending ? 'true' : 'false'}>
          ${pending ? html`<span class="spinner" aria-hidden="true"></span>${msg('Mengirim…')}` : msg('Tanggapi')}
        </button>
      </div>
      ${error ? html`<p class="ack-error" id=${`fb-${id}-error`} role="alert">${error}</p>` : nothing}
    </form>`;
  }
}

function sortNewestFirst(items: readonly Feedback[]): Feedback[] {
  return [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

function clampPage(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(1, Math.round(n))) : 20;
}

/** Ids from the API made safe for an `id` attribute and a `#` selector. */
function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-feedback-feed': AsnFeedbackFeed;
  }
  interface HTMLElementEventMap {
    'asn-feedback-acknowledged': AsnFeedbackAcknowledgedEvent;
  }
}
