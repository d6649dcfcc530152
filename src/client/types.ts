import type {
  ResponseOf,
  RouteDef,
  Employee,
  LearningRecord,
  LearningRecordCreate,
  Me,
  Page,
  ProgressSummary,
  ServerEvent,
  Topic,
} from '../contract/index.js';
import type { AsnError } from './errors.js';
import type { CallInput, CallOptions } from './request.js';

/** Options of `createClient()`. */
export interface ClientOptions {
  /** API origin, e.g. `https://asn.sorongkota.go.id` or `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** A bearer token (JWT). */
  token?: string;
  /** Called before every request; return the current bearer token (refreshing it if needed). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** A partner's publishable key `pk_…` for public embeds (internship openings and applications). */
  publishableKey?: string;
  /** A fetch implementation (tests, server-side portals). Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per-request timeout in ms; default 15000 (slow mobile networks). */
  timeout?: number;
  /** Retries for idempotent requests (GET, and POST/PATCH with an Idempotency-Key); default 2. */
  retry?: number;
  /** Validate responses against the contract; default true. */
  validate?: boolean;
  /** How long a read stays cached, in ms; default 5000. 0 disables the cache (in-flight de-duplication stays). */
  cacheTtl?: number;
  /** Base delay before the first retry in ms (doubles per attempt, full jitter); default 300. */
  retryDelay?: number;
  /** Cap of one retry backoff in ms; default 10000. */
  maxRetryDelay?: number;
  /**
   * Longest `Retry-After` the SDK waits for by itself, in ms; default 60000. When the server asks for longer the
   * call fails at once with a `RateLimitError` carrying `retryAfter`, so the caller can tell the user.
   */
  maxRetryAfter?: number;
  /** The live event stream. */
  events?: EventStreamOptions;
}

/** Options of the shared event stream (`ClientOptions.events`). */
export interface EventStreamOptions {
  /** First reconnect delay in ms (doubles per failed attempt, jittered). Unset: the server's `retry:`, else 1000. */
  reconnectDelay?: number;
  /** Longest reconnect delay in ms; default 30000. */
  maxReconnectDelay?: number;
  /** Wait for more subscription changes before (re)opening the stream, in ms; default 20. */
  debounce?: number;
  /** Reconnect when nothing (not even a heartbeat comment) arrived for this long, in ms; default 90000; 0 disables. */
  idleTimeout?: number;
}

export interface SubscribeOptions {
  /** Failures that stop the stream (e.g. 403: a topic you may not read) and events that fail validation. */
  onError?: (error: AsnError) => void;
}

/** `call()`'s arguments: the input is optional only when the route needs none. */
export type CallArgs<R extends RouteDef> = {} extends CallInput<R>
  ? [input?: CallInput<R>, options?: ClientCallOptions]
  : [input: CallInput<R>, options?: ClientCallOptions];

export interface ClientCallOptions extends CallOptions {
  /** Mutations: the employee (`me` or `emp_…`) whose reads to invalidate with the route's `invalidates`. */
  invalidates?: EmployeeRef;
}

/** Per-call options of mutations. */
export interface MutationOptions {
  /** Reuse a key to make a retried logical call idempotent; by default one is generated per call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Skip the cache (still de-duplicated while in flight). */
  fresh?: boolean;
}

export type EmployeeRef = 'me' | `emp_${string}`;

/** What the client's cache holds: `${resource}:${employeeId}`, e.g. `progress:emp_123`, `progress:me`. */
export type CacheTag = string;

export interface Client {
  readonly baseUrl: string;
  me: { get(options?: ReadOptions): Promise<Me> };
  employees: { get(id: EmployeeRef, options?: ReadOptions): Promise<Employee> };
  progress: { get(employee: EmployeeRef, query?: { year?: number }, options?: ReadOptions): Promise<ProgressSummary> };
  learning: {
    list(employee: EmployeeRef, query?: { year?: number; limit?: number; cursor?: string }, options?: ReadOptions): Promise<Page<LearningRecord>>;
    all(employee: EmployeeRef, query?: { year?: number; limit?: number }): AsyncIterable<LearningRecord>;
    create(employee: EmployeeRef, body: LearningRecordCreate, options?: MutationOptions): Promise<LearningRecord>;
  };
  events: {
    /** One shared SSE stream per client; returns unsubscribe. Reconnects with backoff, resumes with Last-Event-ID. */
    subscribe(topics: Topic[], handler: (event: ServerEvent) => void, options?: SubscribeOptions): () => void;
  };
  /**
   * Low-level escape hatch: call any route of the contract with the client's auth, retries, validation, cache
   * (GET) and idempotency (mutations). Resources are built on it. A mutation's `options.invalidates` names the
   * employee whose cached reads it makes stale (with the route's `invalidates`).
   */
  call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>>;
  /** Drop cached reads with these tags and notify `onInvalidate` listeners (e.g. after an out-of-band change). */
  invalidate(tags: readonly CacheTag[]): void;
  /**
   * Called with the cache tags a mutation or a live event invalidated, so every widget showing that data
   * re-fetches (de-duplicated). Returns unsubscribe.
   */
  onInvalidate(listener: (tags: readonly CacheTag[]) => void): () => void;
  /** Replace credentials later (a portal that signs in after the bundle loaded). */
  setToken(token: string | null): void;
  /** True when the client has a token, a getToken or a publishable key. */
  readonly hasCredentials: boolean;
  /** Close the event stream and drop the cache. */
  close(): void;
}
