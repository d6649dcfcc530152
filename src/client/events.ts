/**
 * Live events: ONE shared fetch-based SSE stream per client (`GET /v1/events?topics=`), whatever the number of
 * widgets subscribed. fetch rather than EventSource so the Authorization header carries the token (a token in a
 * URL ends up in proxy and server logs).
 *
 * - The topics of all subscribers are unioned; when the set changes the stream is reopened, debounced so fifty
 *   widgets mounting in one frame open one stream, not fifty.
 * - A dropped stream reconnects with exponential backoff and jitter (the server's `retry:` replaces the base
 *   delay) and resumes with the `Last-Event-ID` header, so the server replays what was missed.
 * - Each event is validated with the contract's `ServerEvent`, dispatched to the handlers of its topic, and
 *   invalidates the cached reads it makes stale. An event that carries what changed (`feedback`, `progress`,
 *   `goal`, …) patches the cached reads it can (a progress summary) and tells `onInvalidate` listeners its cause,
 *   so widgets apply it instead of refetching; it makes stale only its own resource, because the server sends
 *   `progress.updated` with the new summary whenever the summary moved.
 * - After a reconnect, and on `event: reset` (the server cannot resume from our last id: a reseed, a restore,
 *   another database, pruned events), the tags of every subscribed topic are invalidated and subscribers hear
 *   `onGap`, in case events were lost. A reset's `id:` is the server's newest event: we resume from there.
 * - 400/403/404 stop the stream (reported to `onError`) until the subscriptions or the token change; 401 does
 *   too unless a `getToken` can refresh the token.
 * - Another user's token (`credentialsChanged`) closes the stream before anything is sent with it, and the
 *   subscriptions made before it no longer count: the previous user's topics would only earn 403s. The stream
 *   opens again when someone subscribes (widgets do for the new user), with the same topics or not.
 * The stream goes through the client's HTTP layer (http.ts) so the portal's hooks see it too; eventsource-parser
 * reads it.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ServerEvent, StreamReset, hasPayload, type EventType } from '../contract/events.js';
import type { Auth } from './auth.js';
import { tagsFor, type ReadCache } from './cache.js';
import { AsnError, NetworkError, ResponseValidationError, apiErrorFor, parseRetryAfter } from './errors.js';
import type { Http } from './http.js';
import { problemOf } from './request.js';
import { checkTopics } from './topics.js';
import type { CacheTag, EventStreamOptions, SubscribeOptions } from './types.js';

export interface EventsContext {
  baseUrl: string;
  auth: Auth;
  http: Http;
  cache: ReadCache;
  /** The signed-in employee's id once known (from `me.get()`). */
  selfId: () => string | null;
  options?: EventStreamOptions;
}

interface Subscriber {
  topics: ReadonlySet<string>;
  /** The credentials it subscribed under (`EventStream.#generation`); only current ones count. */
  generation: number;
  handler: (event: ServerEvent) => void;
  onError?: (error: AsnError) => void;
  onGap?: (reason: 'reconnect' | 'reset') => void;
}

/**
 * Which cached resources (keyed by the event's `employeeId`) an event makes stale. Check-ins are keyed by goal:
 * see `checkInTags`. Events on a `team:{sup}` topic also drop `team:{sup}` and `team:me` (see #onMessage).
 */
const staleBy: Record<EventType, readonly string[]> = {
  'progress.updated': ['progress', 'learning'],
  'learning.created': ['progress', 'learning'],
  'goal.created': ['goals', 'progress'],
  'goal.updated': ['goals', 'progress'],
  'checkin.created': ['goals', 'progress'],
  'feedback.created': ['feedback', 'progress'],
  'feedback.acknowledged': ['feedback', 'progress'],
  'program.updated': [],
  'enrollment.created': ['enrollments', 'programs'],
  'enrollment.updated': ['enrollments', 'programs'],
  'recommendation.created': ['programs'],
  // Nobody's employee data: see applicationTags.
  'application.created': [],
  'application.updated': [],
};

/**
 * The same for an event that carries its payload: only its own resource. The rest (the summary, a goal after a
 * check-in) comes in the event that follows it with its own payload (`progress.updated`, `goal.updated`).
 */
const staleWithPayload: Record<EventType, readonly string[]> = {
  ...staleBy,
  // `learning` too: a program's completion adds a record and announces only the summary.
  'progress.updated': ['progress', 'learning'],
  'learning.created': ['learning'],
  'goal.created': ['goals'],
  'goal.updated': ['goals'],
  'checkin.created': [],
  'feedback.created': ['feedback'],
  'feedback.acknowledged': ['feedback'],
};

/** A cached read the payload replaces or patches (see ReadCache.invalidate); undefined drops it. */
function cacheUpdate(event: ServerEvent): ((value: unknown) => unknown) | undefined {
  const summary = event.progress;
  if (summary) {
    return (value) => {
      const cached = value as { employeeId?: unknown; year?: unknown; updatedAt?: unknown } | null;
      if (!cached || cached.employeeId !== summary.employeeId || cached.year !== summary.year || typeof cached.updatedAt !== 'string') return undefined;
      return Date.parse(summary.updatedAt) >= Date.parse(cached.updatedAt) ? summary : cached; // never back in time
    };
  }
  const feedback = event.type === 'feedback.acknowledged' ? event.feedback : undefined;
  if (feedback) {
    // A page of feedback (no filters besides the cursor): the item changes in place.
    return (value) => {
      const page = value as { data?: unknown } | null;
      if (!page || !Array.isArray(page.data)) return undefined;
      return { ...page, data: page.data.map((f: { id?: unknown }) => (f?.id === feedback.id ? feedback : f)) };
    };
  }
  return undefined;
}
/** A program's seats or status changed: every cached catalog page, and that program's roster (`roster:<programId>`). */
function programTags(event: ServerEvent): CacheTag[] {
  return event.programId ? ['programs:*', `roster:${event.programId}`] : [];
}

/**
 * An application arrived or moved: every cached review-queue page and application (`applications:*`), and the
 * openings (`internships:*`: counts and `filled`). Like program events, these carry no `employeeId`.
 */
function applicationTags(event: ServerEvent): CacheTag[] {
  return event.type === 'application.created' || event.type === 'application.updated' ? ['applications:*', 'internships:*'] : [];
}

/** `checkins:<goalId>` when the event names the goal (`subjectId`), else every cached check-in list (cheap). */
function checkInTags(event: ServerEvent): CacheTag[] {
  if (event.type !== 'checkin.created' && event.type !== 'goal.updated') return [];
  if (event.subjectId?.startsWith('goal_')) return [`checkins:${event.subjectId}`];
  return event.type === 'checkin.created' ? ['checkins:*'] : [];
}

const FATAL = new Set([400, 403, 404]);
/** A line or event longer than this (a proxy that never ends one) drops the connection instead of eating memory. */
const MAX_BUFFER = 1 << 20;

export class EventStream {
  readonly #ctx: EventsContext;
  readonly #subs = new Set<Subscriber>();
  #current: { key: string; controller: AbortController } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastEventId: string | null = null;
  #generation = 0;
  #closed = false;
  /** Explicit `reconnectDelay` wins over the server's `retry:`, which wins over the 1 s default. */
  readonly #reconnectDelay: number | undefined;
  readonly #maxReconnectDelay: number;
  readonly #debounce: number;
  readonly #idleTimeout: number;

  constructor(ctx: EventsContext) {
    this.#ctx = ctx;
    this.#reconnectDelay = ctx.options?.reconnectDelay;
    this.#maxReconnectDelay = ctx.options?.maxReconnectDelay ?? 30_000;
    this.#debounce = ctx.options?.debounce ?? 20;
    this.#idleTimeout = ctx.options?.idleTimeout ?? 90_000;
  }

  subscribe(topics: readonly string[], handler: (event: ServerEvent) => void, options: SubscribeOptions = {}): () => void {
    checkTopics(topics);
    if (this.#closed) throw new AsnError('This client was closed; create a new one to subscribe to events');
    const sub: Subscriber = {
      topics: new Set(topics),
      generation: this.#generation,
      handler,
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.onGap ? { onGap: options.onGap } : {}),
    };
    this.#subs.add(sub);
    this.#schedule();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.#subs.delete(sub);
      this.#schedule();
    };
  }

  /** The topics the stream is (or will be) open for. */
  get topics(): string[] {
    const all = new Set<string>();
    for (const s of this.#currentSubs()) for (const t of s.topics) all.add(t);
    return [...all].sort();
  }

  /**
   * Call BEFORE the new credentials are in place: the open stream is aborted at once, so nothing goes out with
   * them for the old topics. Another user's token waits for subscriptions made from now on; the same user's
   * refreshed token, or a first sign-in, reopens with the same topics (resuming from the last event).
   */
  credentialsChanged(otherUser: boolean): void {
    this.#current?.controller.abort();
    this.#current = null;
    clearTimeout(this.#timer);
    if (otherUser) {
      this.#generation += 1;
      this.#lastEventId = null; // the previous user's position means nothing to the next one's stream
    }
    this.#schedule();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#subs.clear();
    this.#current?.controller.abort();
    this.#current = null;
  }

  #schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#reconcile(), this.#debounce);
  }

  #reconcile(): void {
    const topics = this.topics;
    const key = topics.join(',');
    if (this.#current && this.#current.key === key) return;
    this.#current?.controller.abort();
    this.#current = null;
    if (topics.length === 0 || this.#closed) return;
    const controller = new AbortController();
    this.#current = { key, controller };
    void this.#run(topics, controller.signal);
  }

  #currentSubs(): Subscriber[] {
    return [...this.#subs].filter((s) => s.generation === this.#generation);
  }

  async #run(topics: string[], signal: AbortSignal): Promise<void> {
    const url = `${this.#ctx.baseUrl}/v1/events?topics=${encodeURIComponent(topics.join(','))}`;
    let attempt = 0;
    let hadTrouble = false; // a connection was lost or failed before: the next one follows a gap
    let serverRetry: number | null = null;
    let retryAfter: number | null = null;
    while (!signal.aborted) {
      const connection = new AbortController();
      const stop = () => connection.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (this.#lastEventId !== null) headers['Last-Event-ID'] = this.#lastEventId;
        const response = await this.#ctx.http(url, { method: 'GET', headers, signal: connection.signal, stream: true });
        if (!response.ok) {
          const error = apiErrorFor({
            status: response.status,
            problem: await problemOf(response),
            method: 'GET',
            path: '/v1/events',
            retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
          });
          if (FATAL.has(response.status) || (response.status === 401 && !this.#ctx.auth.refreshable)) {
            this.#report(error);
            return; // until the subscriptions or the credentials change
          }
          retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
          throw error;
        }
        if (!response.body) throw new NetworkError({ method: 'GET', path: '/v1/events', cause: new Error('no response body') });
        attempt = 0;
        retryAfter = null;
        if (hadTrouble) this.#gap(topics, 'reconnect');
        await this.#read(response.body, topics, connection, (ms) => {
          serverRetry = ms;
        });
      } catch {
        // Network failures, dropped streams and 5xx: reconnect below. Nothing to report: it heals by itself.
      } finally {
        signal.removeEventListener('abort', stop);
      }
      if (signal.aborted) return;
      hadTrouble = true;
      attempt += 1;
      await sleep(this.#backoff(attempt, serverRetry, retryAfter), signal);
    }
  }

  #backoff(attempt: number, serverRetry: number | null, retryAfter: number | null): number {
    if (retryAfter !== null) return Math.min(retryAfter * 1000, this.#maxReconnectDelay * 4);
    const base = this.#reconnectDelay ?? serverRetry ?? 1000;
    const delay = Math.min(this.#maxReconnectDelay, base * 2 ** (attempt - 1));
    return delay / 2 + Math.random() * (delay / 2); // "equal jitter": spread, yet never hammer at 0 ms
  }

  async #read(body: ReadableStream<Uint8Array>, topics: string[], connection: AbortController, onRetry: (ms: number) => void): Promise<void> {
    const parser = createParser({
      onEvent: (message) => (message.event === 'reset' ? this.#onReset(message, topics) : this.#onMessage(message)),
      onRetry,
      maxBufferSize: MAX_BUFFER,
      onError: (error) => {
        if (error.type === 'max-buffer-size-exceeded') connection.abort(); // reconnect
      },
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      if (this.#idleTimeout <= 0) return;
      clearTimeout(idle);
      idle = setTimeout(() => connection.abort(), this.#idleTimeout);
    };
    const cancel = () => void reader.cancel().catch(() => undefined);
    connection.signal.addEventListener('abort', cancel, { once: true });
    try {
      arm();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        if (connection.signal.aborted) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(idle);
      connection.signal.removeEventListener('abort', cancel);
    }
  }

  #onMessage(message: EventSourceMessage): void {
    if (message.id !== undefined) this.#lastEventId = message.id;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      data = undefined;
    }
    const parsed = ServerEvent.safeParse(data);
    if (!parsed.success) {
      this.#report(
        new ResponseValidationError({
          method: 'GET',
          path: '/v1/events',
          status: 200,
          requestId: null,
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        }),
      );
      return;
    }
    const event = parsed.data;
    if (message.id === undefined) this.#lastEventId = event.id;
    // Invalidate first, so a handler that re-fetches gets fresh data.
    const withPayload = hasPayload(event);
    const tags: CacheTag[] = [
      ...(event.employeeId ? tagsFor((withPayload ? staleWithPayload : staleBy)[event.type], event.employeeId, this.#ctx.selfId()) : []),
      ...checkInTags(event),
      ...programTags(event),
      ...applicationTags(event),
    ];
    if (event.topic.startsWith('team:')) tags.push(...tagsFor(['team'], event.topic.slice(5), this.#ctx.selfId()));
    if (withPayload) this.#ctx.cache.invalidate(tags, { event }, cacheUpdate(event));
    else this.#ctx.cache.invalidate(tags);
    for (const sub of this.#currentSubs()) {
      if (!sub.topics.has(event.topic)) continue;
      try {
        sub.handler(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /**
   * `event: reset`: our last id means nothing to this server. Its `id:` (the server's newest event) is where we
   * resume from (the parser's message id; a reset without one forgets ours); then it is a gap like a reconnect.
   */
  #onReset(message: EventSourceMessage, topics: string[]): void {
    const reset = StreamReset.safeParse(safeJson(message.data));
    this.#lastEventId = message.id ?? (reset.success ? reset.data.lastEventId : null);
    this.#gap(topics, 'reset');
  }

  /** Events may have been lost: drop what the topics cover, and tell the subscribers of those topics. */
  #gap(topics: string[], reason: 'reconnect' | 'reset'): void {
    this.#invalidateTopics(topics);
    for (const sub of this.#currentSubs()) {
      if (![...sub.topics].some((t) => topics.includes(t))) continue;
      try {
        sub.onGap?.(reason);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** After a gap: everything the subscribed topics cover may be stale. */
  #invalidateTopics(topics: string[]): void {
    const tags: CacheTag[] = [];
    for (const topic of topics) {
      const [kind, id] = topic.split(':') as [string, string];
      if (kind === 'programs') tags.push('programs:*', 'roster:*');
      else if (kind === 'applications') tags.push('applications:*', 'internships:*');
      else if (kind === 'employee') tags.push(...tagsFor(['progress', 'learning', 'goals', 'feedback', 'employees'], id, this.#ctx.selfId()), 'checkins:*');
      else tags.push(...tagsFor(['team', 'progress', 'goals', 'feedback'], id, this.#ctx.selfId()));
    }
    this.#ctx.cache.invalidate([...new Set(tags)]);
  }

  #report(error: AsnError): void {
    for (const sub of this.#currentSubs()) sub.onError?.(error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
