/**
 * Offline outbox: a goal, check-in or feedback written while the network is down is kept and sent later, in
 * order, with the SAME Idempotency-Key, so the server stores it exactly once (README, "Coaching and offline writes"; issue #3).
 *
 * How a component uses it (opt-in: `createClient({ baseUrl, token, outbox: true })`):
 *
 *   try {
 *     await client.feedback.create(employee, body);
 *     showSent();
 *   } catch (error) {
 *     if (error instanceof QueuedError) showWaiting(error.entry.id); // "Menunggu dikirim"; the form may reset
 *     else showError(error);                                          // ApiError/ValidationError: fix and resubmit
 *   }
 *   client.outbox.subscribe((e) => {
 *     if (e.type === 'sent') markSent(e.entry.id);
 *     if (e.type === 'failed') markFailed(e.entry.id, e.problem?.detail ?? e.problem?.title ?? e.error.message);
 *   });
 *
 * Why a rejection (`QueuedError`, a subclass of `NetworkError`) rather than a resolved placeholder: the call has
 * NOT succeeded and there is no server answer (no id, no version) to resolve with. Code written without the outbox
 * in mind treats it as the network error it is; code that knows shows "waiting to send" with `entry.id`.
 *
 * What is queued: the five coaching outbox routes (`createGoal`, `updateGoal`, `createCheckIn`, `createFeedback`,
 * `acknowledgeFeedback`) and those resources register (`createEnrollment`, `cancelEnrollment`,
 * `createApplication`), when they fail with `NetworkError` (no connection, server unreachable — after the client's
 * own retries) or `TimeoutError`. A timeout is ambiguous — the server may have applied the write — but
 * the replay carries the same Idempotency-Key, so the server answers it from its idempotency record instead of
 * applying it twice (records live 24 h: an entry older than that could be applied twice if the first attempt did
 * land; it is still sent, as losing the user's write is worse). `queueOffline: false` per call opts out.
 *
 * Replay: oldest first, one at a time, on `online` (browsers), on `flush()`, when a client starts with entries
 * waiting, and on a timer with exponential backoff while entries remain. Credentials are read fresh for each
 * replay (the token is never stored). An entry leaves on 2xx (a replayed answer too: cache tags are invalidated as
 * for a direct call) or on a definitive refusal — 4xx other than 401/408/425/429 and other than a 409 that carries
 * `Retry-After` (the server's "same key still running") — reported to subscribers with the problem. A network
 * error, timeout, 5xx, 429 or 401 keeps it and stops the flush, so order is preserved. Tabs of one browser
 * serialise their flushes with the Web Locks API where it exists.
 *
 * Writes made while online are sent at once, not held behind queued ones: the outbox orders only what it holds.
 */
import type { Problem } from '../contract/index.js';
import { AsnError, ApiError, NetworkError, TimeoutError, ValidationError } from './errors.js';
import type { QueueableRouteId } from './mutations.js';
import { OUTBOX_DB_NAME } from './outbox-store.js';
import type { ClientOutbox, OutboxEntry, OutboxEvent, OutboxFlushResult, OutboxStore } from './types.js';

/**
 * A mutation could not reach the server and was queued in the outbox; it will be sent by itself. `entry.id`
 * identifies it in `client.outbox` events; `idempotencyKey` is the key it will be replayed with; `cause` is the
 * NetworkError or TimeoutError that sent it there.
 */
export class QueuedError extends NetworkError {
  override name = 'QueuedError';
  readonly entry: OutboxEntry;
  constructor(cause: NetworkError | TimeoutError, entry: OutboxEntry) {
    super({ method: cause.method, path: cause.path, idempotencyKey: entry.idempotencyKey, cause });
    this.message = `${cause.method} ${cause.path}: no connection to the server; queued in the outbox as ${entry.id} and sent automatically when the connection is back.`;
    this.entry = entry;
    this.cause = cause; // the SDK error itself (it holds no request or header), not a sanitised copy
  }
}

export interface OutboxDeps {
  store: OutboxStore;
  /** `${baseUrl} ${subject}` of the signed-in user, or `${baseUrl} publishable ${key}` (Auth.identity). */
  scope(): Promise<string>;
  /** Send one entry once (no retry of its own); resolves with the answer, rejects with an SDK error. */
  send(entry: OutboxEntry): Promise<unknown>;
  /** False for an entry this client cannot replay (its route is unknown here): it is skipped and kept. */
  canSend?(entry: OutboxEntry): boolean;
  /** A 409 meaning "the same Idempotency-Key is still being processed" (keep), not a stale version (drop). */
  isBusy(error: ApiError): boolean;
  /** After a 2xx: invalidate the cached reads it touched. */
  onSent(entry: OutboxEntry, result: unknown): void;
  autoFlush: boolean;
  retryDelay: number;
  maxRetryDelay: number;
}

/** Statuses that may heal by themselves: keep the entry. */
const TRANSIENT_4XX = new Set([401, 408, 425, 429]);

type Outcome = { keep: true; error: AsnError } | { keep: false; error: AsnError; problem: Problem | null };

export function classify(error: unknown, isBusy: (e: ApiError) => boolean): Outcome {
  if (error instanceof ApiError) {
    const transient = error.status >= 500 || TRANSIENT_4XX.has(error.status) || (error.status === 409 && isBusy(error));
    return transient ? { keep: true, error } : { keep: false, error, problem: error.problem };
  }
  if (error instanceof ValidationError) return { keep: false, error, problem: null }; // never valid again
  if (error instanceof AsnError) return { keep: true, error }; // network, timeout
  return { keep: true, error: new AsnError(`Outbox replay failed: ${error instanceof Error ? error.message : String(error)}`) };
}

let counter = 0;
const newEntryId = (): string =>
  `obx_${Date.now().toString(36)}${(counter++ % 1296).toString(36).padStart(2, '0')}${Math.random().toString(36).slice(2, 8)}`;

export class Outbox implements ClientOutbox {
  readonly enabled = true;
  readonly #deps: OutboxDeps;
  readonly #listeners = new Set<(event: OutboxEvent) => void>();
  #size = 0;
  #flushing: Promise<OutboxFlushResult> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #closed = false;
  readonly #onOnline = () => void this.flush();

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
    if (deps.autoFlush) {
      const target = globalThis as { addEventListener?: (type: string, listener: () => void) => void };
      if (typeof target.addEventListener === 'function') target.addEventListener('online', this.#onOnline);
      this.refresh();
    }
  }

  get size(): number {
    return this.#size;
  }

  async list(): Promise<OutboxEntry[]> {
    const entries = await this.#deps.store.load(await this.#deps.scope());
    this.#size = entries.length;
    return entries;
  }

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Queue a write that could not be sent (called by the client's mutations). */
  async add(init: { route: QueueableRouteId; params: { id: string }; body: unknown; idempotencyKey: string }): Promise<OutboxEntry> {
    const entry = {
      id: newEntryId(),
      route: init.route,
      params: { id: init.params.id },
      // A copy: the caller may keep editing its object; JSON also drops what could not be replayed anyway.
      body: init.body === undefined ? undefined : JSON.parse(JSON.stringify(init.body)),
      idempotencyKey: init.idempotencyKey,
      createdAt: new Date().toISOString(),
      attempts: 0,
      lastError: null,
    } as OutboxEntry;
    await this.#deps.store.append(await this.#deps.scope(), entry);
    this.#size += 1;
    this.#emit({ type: 'added', entry });
    this.#schedule(this.#deps.retryDelay);
    return entry;
  }

  flush(): Promise<OutboxFlushResult> {
    if (this.#closed) return Promise.resolve({ sent: 0, failed: 0, remaining: this.#size });
    this.#flushing ??= this.#flushLocked().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  /** Credentials changed (another user, or signed in): re-read the size, replay what waits for this user. */
  refresh(): void {
    this.#failures = 0;
    this.list().then(
      (entries) => {
        if (entries.length > 0 && this.#deps.autoFlush) this.#schedule(0);
      },
      () => undefined,
    );
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    const target = globalThis as { removeEventListener?: (type: string, listener: () => void) => void };
    if (typeof target.removeEventListener === 'function') target.removeEventListener('online', this.#onOnline);
    this.#listeners.clear();
  }

  async #flushLocked(): Promise<OutboxFlushResult> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    let result: OutboxFlushResult;
    try {
      const scope = await this.#deps.scope();
      const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
      result = locks ? await locks.request(`${OUTBOX_DB_NAME} ${scope}`, () => this.#run(scope)) : await this.#run(scope);
    } catch {
      // The store or getToken failed: nothing was lost, try again later.
      result = { sent: 0, failed: 0, remaining: Math.max(1, this.#size) };
    }
    if (result.remaining > 0) {
      this.#failures += 1;
      const base = Math.min(this.#deps.maxRetryDelay, this.#deps.retryDelay * 2 ** (this.#failures - 1));
      this.#schedule(base / 2 + Math.random() * (base / 2));
    } else {
      this.#failures = 0;
    }
    return result;
  }

  async #run(scope: string): Promise<OutboxFlushResult> {
    const { store } = this.#deps;
    let sent = 0;
    let failed = 0;
    for (;;) {
      // Re-read each time: entries added meanwhile (or sent by another tab) are seen.
      const entries = await store.load(scope);
      this.#size = entries.length;
      const entry = entries.find((e) => this.#deps.canSend?.(e) ?? true);
      if (!entry || this.#closed) return { sent, failed, remaining: entries.length };
      let outcome: Outcome | { sent: true; result: unknown };
      try {
        outcome = { sent: true, result: await this.#deps.send(entry) };
      } catch (error) {
        outcome = classify(error, this.#deps.isBusy);
      }
      if ('sent' in outcome) {
        await store.remove(scope, entry.id);
        this.#size = Math.max(0, this.#size - 1);
        sent += 1;
        try {
          this.#deps.onSent(entry, outcome.result);
        } finally {
          this.#emit({ type: 'sent', entry, result: outcome.result } as OutboxEvent);
        }
      } else if (outcome.keep) {
        const kept: OutboxEntry = { ...entry, attempts: entry.attempts + 1, lastError: outcome.error.message };
        await store.update(scope, kept);
        this.#emit({ type: 'deferred', entry: kept, error: outcome.error });
        return { sent, failed, remaining: entries.length };
      } else {
        await store.remove(scope, entry.id);
        this.#size = Math.max(0, this.#size - 1);
        failed += 1;
        this.#emit({ type: 'failed', entry: { ...entry, attempts: entry.attempts + 1 }, error: outcome.error, problem: outcome.problem });
      }
    }
  }

  #schedule(delay: number): void {
    if (!this.#deps.autoFlush || this.#closed || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
    // Node: a waiting outbox must not keep a server-side process (or a test run) alive.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #emit(event: OutboxEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}


