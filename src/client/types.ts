import type { Hooks } from 'ky';
import type {
  Agreement,
  AgreementCreate,
  AgreementUpdate,
  ApplicationContactUpdate,
  ApplicationCreate,
  ApplicationListQuery,
  ApplicationPrivateView,
  ApplicationReceipt,
  ApplicationTransition,
  Attendance,
  BodyOf,
  Challenge,
  InternshipApplication,
  InternshipOpening,
  OpeningCreate,
  OpeningListQuery,
  OpeningUpdate,
  Partner,
  PartnerCreate,
  PartnerListQuery,
  PartnerUpdate,
  PrivacyNotice,
  PublishableKey,
  PublishableKeyCreate,
  PublishableKeyCreated,
  CertificateVerification,
  CompletionResult,
  Enrollment,
  EnrollmentCreate,
  EnrollmentListQuery,
  Program,
  ProgramCreate,
  ProgramListQuery,
  ProgramUpdate,
  Recommendation,
  RecommendationCreate,
  CheckIn,
  CheckInCreate,
  CheckInResult,
  Feedback,
  FeedbackAcknowledge,
  FeedbackCreate,
  Goal,
  GoalCreate,
  GoalUpdate,
  Problem,
  TeamMember,
  TeamSort,
  ResponseOf,
  RouteDef,
  Employee,
  LearningRecord,
  LearningRecordCreate,
  Me,
  Page,
  ParamsOf,
  ProgressSummary,
  QueryOf,
  ServerEvent,
  Topic,
} from '../contract/index.js';
import type { AsnError } from './errors.js';
import type { QueueableRoutes } from './mutations.js';

/** Options of `createClient()`. */
export interface ClientOptions {
  /** API origin, e.g. `https://asn.sorongkota.go.id` or `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** A bearer token (JWT). */
  token?: string;
  /** Called before every request; return the current bearer token (refreshing it if needed). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * A partner's publishable key `pk_…` for public embeds (internship openings and applications), sent as
   * `Authorization: Bearer pk_…`; a token (or what `getToken` returns), when there is one, is sent instead.
   */
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
  /**
   * ky hooks (`beforeRequest`, `afterResponse`, `beforeRetry`, `beforeError`), run after the SDK's own (which puts
   * the credentials on), on every request of this client: calls, outbox replays and the event stream. Add a trace
   * header, refresh a token on 401 and `return retryRequest()`, or log. An error a hook throws is not retried and
   * reaches the caller as it is. See the README, "Hooks".
   */
  hooks?: Hooks;
  /** The live event stream. */
  events?: EventStreamOptions;
  /**
   * Offline outbox (opt-in): goal create/update, check-in, feedback create/acknowledge, enrolment create/cancel and
   * internship application calls that fail for lack of network are kept and replayed in order with the same
   * Idempotency-Key (see `Client.outbox`, `QueuedError`).
   * `true`: IndexedDB in browsers (`IndexedDbOutboxStore`), memory elsewhere; or a store; or options.
   * Off by default: a caller that does not handle `QueuedError` would otherwise tell the user "failed" for a
   * write that will still be sent.
   */
  outbox?: boolean | OutboxStore | OutboxOptions;
}

/** `ClientOptions.outbox` in full. */
export interface OutboxOptions {
  /** Where entries live; default IndexedDB (browsers) or memory (Node). */
  store?: OutboxStore;
  /** Replay by itself on `online`, after a client is created with entries waiting, and on a backoff timer; default true. */
  autoFlush?: boolean;
  /** First delay of the periodic replay while entries remain, in ms (doubles per failed flush, jittered); default 5000. */
  retryDelay?: number;
  /** Longest delay between periodic replays, in ms; default 300000 (5 min). */
  maxRetryDelay?: number;
}

/** The mutations the outbox can hold, by route id. */
export type OutboxRouteId = keyof QueueableRoutes;

/**
 * One write waiting to be sent. Holds what is needed to replay it — never the token: credentials are read
 * fresh at replay time. Serialisable (structured clone / JSON).
 */
export interface OutboxEntry<Id extends OutboxRouteId = OutboxRouteId> {
  /** Entry id, `obx_…`: match it with `QueuedError.entry.id` to show "Menunggu dikirim" on the right item. */
  id: string;
  /** Route id from the contract, e.g. `createFeedback`. */
  route: Id;
  /** Path parameters, e.g. `{ id: 'emp_…' }` or `{ id: 'goal_…' }`. */
  params: { id: string };
  /** The body as the caller gave it (validated again when replayed). */
  body: BodyOf<QueueableRoutes[Id]>;
  /** The Idempotency-Key of the first attempt, sent unchanged on every replay: the server stores it once. */
  idempotencyKey: string;
  /** When it was queued (ISO 8601). */
  createdAt: string;
  /** Replays tried so far. */
  attempts: number;
  /** Why the last replay did not go through (transient: offline, 5xx, 429, 401), or null. */
  lastError: string | null;
}

/** What `client.outbox.subscribe()` listeners hear. */
export type OutboxEvent =
  | { type: 'added'; entry: OutboxEntry }
  | { [Id in OutboxRouteId]: { type: 'sent'; entry: OutboxEntry<Id>; result: ResponseOf<QueueableRoutes[Id]> } }[OutboxRouteId]
  | {
      /** Removed for good: the server refused it (400/403/404/409/422…). Show `problem.detail`/`title` to the user. */
      type: 'failed';
      entry: OutboxEntry;
      error: AsnError;
      /** The server's RFC 9457 problem, or null when the SDK refused it (input no longer valid). */
      problem: Problem | null;
    }
  | {
      /** Still waiting: offline, 5xx, 429 or 401. The flush stopped here (order is kept) and will be retried. */
      type: 'deferred';
      entry: OutboxEntry;
      error: AsnError;
    };

export interface OutboxFlushResult {
  sent: number;
  failed: number;
  /** Entries still waiting (a transient failure stopped the flush). */
  remaining: number;
}

/**
 * Storage of outbox entries, per scope (`${baseUrl} ${subject}`, or `${baseUrl} publishable ${key}` without a
 * token: two users of one device, or a user and a partner's form, never share one).
 */
export interface OutboxStore {
  /** The scope's entries, oldest first. */
  load(scope: string): Promise<OutboxEntry[]>;
  /** Append at the end. */
  append(scope: string, entry: OutboxEntry): Promise<void>;
  /** Replace the entry with this id (attempts, lastError), keeping its place. */
  update(scope: string, entry: OutboxEntry): Promise<void>;
  remove(scope: string, id: string): Promise<void>;
}

/**
 * `client.outbox`: writes made while offline. Always present; when the client was created without `outbox`,
 * `enabled` is false, nothing is ever queued and `list()` is empty.
 */
export interface ClientOutbox {
  readonly enabled: boolean;
  /**
   * Entries known to this client (updated on add, send, failure, `list()` and `flush()`; another tab's changes
   * show after the next of those). 0 until the store was first read.
   */
  readonly size: number;
  /** The waiting entries of the signed-in user, oldest first. */
  list(): Promise<OutboxEntry[]>;
  /**
   * Replay now, oldest first, one at a time. 2xx (a replayed answer too) or a definitive 4xx removes an entry; a
   * network error, timeout, 5xx, 429, 401 or a 409 "same key still running" keeps it and stops the flush.
   * Concurrent calls share one run. Never rejects for an entry's failure (listeners hear it).
   */
  flush(): Promise<OutboxFlushResult>;
  /** Hear added / sent / failed / deferred entries; returns unsubscribe. */
  subscribe(listener: (event: OutboxEvent) => void): () => void;
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
  /**
   * Events may have been missed: after a reconnect (`reconnect`), or when the server could not resume from the
   * last event id (`reset`: a reseed, a restore, another database, or pruned events). The SDK has already dropped
   * the cached reads the topics cover; data kept outside the cache should be reloaded.
   */
  onGap?: (reason: 'reconnect' | 'reset') => void;
}

/**
 * Why `onInvalidate` listeners hear an invalidation, when a live event caused it: the event, whose payload
 * (`feedback`, `progress`, `goal`, …: see `ServerEvent`) a widget may apply to what it shows instead of refetching.
 * No cause: a mutation, `invalidate()`, or a gap in the stream: refetch.
 */
export interface InvalidationCause {
  event: ServerEvent;
}

type Optional<K extends string, T> = undefined extends T ? { [P in K]?: T } : {} extends T ? { [P in K]?: T } : { [P in K]: T };
/** `{ params, query, body }` of a route, each required only when the route has a schema for it. */
export type CallInput<R extends RouteDef> = Optional<'params', ParamsOf<R>> & Optional<'query', QueryOf<R>> & Optional<'body', BodyOf<R>>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Mutations: reuse a key to make a replay of the same logical call idempotent; generated otherwise. */
  idempotencyKey?: string;
  /** GET: skip a cached value (an in-flight request is still shared). */
  fresh?: boolean;
  /** GET: cache tags of this read (`progress:emp_1`); without tags it is still de-duplicated and cached. */
  tags?: readonly CacheTag[];
  /** GET: bypass the cache entirely (streams, one-off reads). */
  noCache?: boolean;
  /** Override the client's `validate` for this call. */
  validate?: boolean;
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
  /**
   * With the client's outbox enabled, a call of an outbox route that fails for lack of network (NetworkError or
   * TimeoutError) is queued and rejects with `QueuedError`; default true. `false`: it rejects with the
   * NetworkError/TimeoutError itself and nothing is queued (e.g. a form that would rather let the user retry).
   */
  queueOffline?: boolean;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Skip the cache (still de-duplicated while in flight). */
  fresh?: boolean;
}

export type EmployeeRef = 'me' | `emp_${string}`;
export type GoalId = `goal_${string}`;
export type FeedbackId = `fb_${string}`;
export type ProgramId = `prg_${string}`;
export type EnrollmentId = `enr_${string}`;
export type PartnerId = `ptn_${string}`;
export type AgreementId = `agr_${string}`;
export type PublishableKeyId = `key_${string}`;
export type OpeningId = `int_${string}`;
export type ApplicationId = `app_${string}`;

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export interface GoalListQuery extends PageQuery {
  year?: number;
  status?: Goal['status'];
}

export interface TeamQuery {
  year?: number;
  /** Column to sort by; default `name`. */
  sort?: TeamSort;
  order?: 'asc' | 'desc';
  /** Search by name. */
  q?: string;
  /** `all` (admins): every employee, not only direct reports. */
  scope?: 'direct' | 'all';
  /** Up to 500 rows per page. */
  limit?: number;
  cursor?: string;
}

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
  goals: {
    /** Goals of an employee, newest first (one page). Cached with the tag `goals:<employee>`. */
    list(employee: EmployeeRef, query?: GoalListQuery, options?: ReadOptions): Promise<Page<Goal>>;
    /** Every goal matching the query, page by page. */
    all(employee: EmployeeRef, query?: Omit<GoalListQuery, 'cursor'>): AsyncIterable<Goal>;
    /** Add a goal (the owner for themselves, or an admin). Outbox route. */
    create(employee: EmployeeRef, body: GoalCreate, options?: MutationOptions): Promise<Goal>;
    /** Change a goal; `body.version` is the version it was read at, a stale one → `ConflictError` (409). Outbox route. */
    update(goalId: GoalId, body: GoalUpdate, options?: MutationOptions): Promise<Goal>;
    checkIns: {
      /** A goal's check-ins, newest first. Cached with the tag `checkins:<goalId>`. */
      list(goalId: GoalId, query?: PageQuery, options?: ReadOptions): Promise<Page<CheckIn>>;
      all(goalId: GoalId, query?: Omit<PageQuery, 'cursor'>): AsyncIterable<CheckIn>;
      /** Record progress: answers with the check-in and the goal it moved (`achieved` once it reaches the target). Outbox route. */
      create(goalId: GoalId, body: CheckInCreate, options?: MutationOptions): Promise<CheckInResult>;
    };
  };
  feedback: {
    /** Feedback an employee received, newest first. Cached with the tag `feedback:<employee>`. */
    list(employee: EmployeeRef, query?: PageQuery, options?: ReadOptions): Promise<Page<Feedback>>;
    all(employee: EmployeeRef, query?: Omit<PageQuery, 'cursor'>): AsyncIterable<Feedback>;
    /** Give feedback: only the direct supervisor (or an admin), else `PermissionError`. Outbox route. */
    create(employee: EmployeeRef, body: FeedbackCreate, options?: MutationOptions): Promise<Feedback>;
    /** The recipient acknowledges, optionally with a reply. Outbox route. */
    acknowledge(feedbackId: FeedbackId, body?: FeedbackAcknowledge, options?: MutationOptions): Promise<Feedback>;
  };
  team: {
    /** A supervisor's direct reports (`scope: 'all'`: everyone, admins). Cached with the tag `team:<supervisor>`. */
    list(supervisor: EmployeeRef, query?: TeamQuery, options?: ReadOptions): Promise<Page<TeamMember>>;
    all(supervisor: EmployeeRef, query?: Omit<TeamQuery, 'cursor'>): AsyncIterable<TeamMember>;
  };
  programs: {
    /**
     * The catalog, soonest first (one page); `for: 'me'` adds your enrolment and recommendations (`viewer`). Cached
     * with the tag `programs:list` (`programs:me` with `for: 'me'`); every enrolment change drops `programs:*`.
     */
    list(query?: ProgramListQuery, options?: ReadOptions): Promise<Page<Program>>;
    all(query?: Omit<ProgramListQuery, 'cursor'>): AsyncIterable<Program>;
    /** One program with your `viewer` state. Tag `programs:<id>`. */
    get(programId: ProgramId, options?: ReadOptions): Promise<Program>;
    /** Admin: add a program (a draft unless `status: 'open'`). Not queued offline. */
    create(body: ProgramCreate, options?: MutationOptions): Promise<Program>;
    /** Admin: change a program; `body.version` is the version it was read at (stale → `ConflictError`). */
    update(programId: ProgramId, body: ProgramUpdate, options?: MutationOptions): Promise<Program>;
    /** Admins and the organiser: registered people, then the waitlist in order (up to 500 a page). Tag `roster:<programId>`. */
    roster(programId: ProgramId, query?: EnrollmentListQuery, options?: ReadOptions): Promise<Page<Enrollment>>;
    rosterAll(programId: ProgramId, query?: Omit<EnrollmentListQuery, 'cursor'>): AsyncIterable<Enrollment>;
    /** Admins and the organiser: everyone present at session `session` (from 1), replacing the previous list. */
    setAttendance(programId: ProgramId, session: number, present: readonly `emp_${string}`[], options?: MutationOptions): Promise<Attendance>;
    /** Admins and the organiser: close the program and credit JP to those who attended enough (once, however often called). */
    complete(programId: ProgramId, options?: MutationOptions): Promise<CompletionResult>;
  };
  enrollments: {
    /** An employee's enrolments, newest first. Tag `enrollments:<employee>`. */
    list(employee: EmployeeRef, query?: EnrollmentListQuery, options?: ReadOptions): Promise<Page<Enrollment>>;
    all(employee: EmployeeRef, query?: Omit<EnrollmentListQuery, 'cursor'>): AsyncIterable<Enrollment>;
    /** Enrol yourself (or, admin, `body.employeeId`): `registered`, or `waitlisted` with a position. Outbox route. */
    create(programId: ProgramId, body?: EnrollmentCreate, options?: MutationOptions): Promise<Enrollment>;
    /** Cancel before the program's `cancelUntil`; frees the seat for the first on the waitlist. Outbox route. */
    cancel(enrollmentId: EnrollmentId, options?: MutationOptions): Promise<Enrollment>;
  };
  recommendations: {
    /** A supervisor recommends a program to a direct report (or an admin to anyone). */
    create(employee: EmployeeRef, body: RecommendationCreate, options?: MutationOptions): Promise<Recommendation>;
  };
  certificates: {
    /** Public check of a certificate number; needs no credentials. */
    verify(number: string, options?: ReadOptions): Promise<CertificateVerification>;
  };
  partners: {
    /** Partners by name with their agreements (filters `kind`, `status`, `q`). Tag `partners:list`. */
    list(query?: PartnerListQuery, options?: ReadOptions): Promise<Page<Partner>>;
    all(query?: Omit<PartnerListQuery, 'cursor'>): AsyncIterable<Partner>;
    /** One partner with its agreement tree and what was delivered. Tag `partners:<id>`. */
    get(partnerId: PartnerId, options?: ReadOptions): Promise<Partner>;
    /** Admin: add a partner. Not queued offline. */
    create(body: PartnerCreate, options?: MutationOptions): Promise<Partner>;
    /** Admin: change a partner at the `version` read (stale → `ConflictError`). */
    update(partnerId: PartnerId, body: PartnerUpdate, options?: MutationOptions): Promise<Partner>;
    agreements: {
      /** Admin: an MoU, a PKS under an MoU (`parentId`), or an implementation arrangement under a PKS. */
      create(partnerId: PartnerId, body: AgreementCreate, options?: MutationOptions): Promise<Agreement>;
      /** Admin: change an agreement at the `version` read (stale → `ConflictError`). */
      update(agreementId: AgreementId, body: AgreementUpdate, options?: MutationOptions): Promise<Agreement>;
    };
    keys: {
      /** Admin: a partner's publishable keys, newest first (only the last four characters). Tag `keys:<partnerId>`. */
      list(partnerId: PartnerId, options?: ReadOptions): Promise<{ data: PublishableKey[] }>;
      /** Admin: a new `pk_test_…`/`pk_live_…` with its allowed origins; `key` is shown this once. */
      create(partnerId: PartnerId, body: PublishableKeyCreate, options?: MutationOptions): Promise<PublishableKeyCreated>;
      /** Admin: revoke at once (requests with it get 401). */
      revoke(keyId: PublishableKeyId, options?: MutationOptions): Promise<PublishableKey>;
    };
  };
  internships: {
    /**
     * Openings, soonest deadline first. With a publishable key alone: the open ones of the key's partner, public
     * fields only. Tag `internships:list`; an application (sent or live event) drops `internships:*`.
     */
    list(query?: OpeningListQuery, options?: ReadOptions): Promise<Page<InternshipOpening>>;
    all(query?: Omit<OpeningListQuery, 'cursor'>): AsyncIterable<InternshipOpening>;
    /** One opening (with a key: only one open to its partner, else `NotFoundError`). Tag `internships:<id>`. */
    get(openingId: OpeningId, options?: ReadOptions): Promise<InternshipOpening>;
    /** The current privacy notice (UU 27/2022) to show in full before consent. Tag `privacy-notice`. */
    privacyNotice(locale?: 'id' | 'en', options?: ReadOptions): Promise<PrivacyNotice>;
    /** A fresh ALTCHA challenge (single use): never cached, never queued. */
    challenge(options?: { signal?: AbortSignal }): Promise<Challenge>;
    /**
     * Apply to an opening. Outbox route: offline (with the outbox on) it is kept and sent once when the
     * connection is back, with the same Idempotency-Key, and this rejects with `QueuedError`.
     */
    apply(openingId: OpeningId, body: ApplicationCreate, options?: MutationOptions): Promise<ApplicationReceipt>;
    /** Admin: add an opening. Not queued offline. */
    create(body: OpeningCreate, options?: MutationOptions): Promise<InternshipOpening>;
    /** Admin: change an opening at the `version` read (stale → `ConflictError`). */
    update(openingId: OpeningId, body: OpeningUpdate, options?: MutationOptions): Promise<InternshipOpening>;
    /** The student's own application through the token of its private link; needs no credentials. */
    privateLink: {
      /** A wrong token → `NotFoundError`, and nothing else. Never cached (the token is the only key). */
      get(token: string, options?: ReadOptions): Promise<ApplicationPrivateView>;
      /** Correct contact data. */
      update(token: string, body: ApplicationContactUpdate, options?: MutationOptions): Promise<ApplicationPrivateView>;
      /** Withdraw consent: processing stops and the personal data is erased (the reference remains). */
      withdraw(token: string, options?: MutationOptions): Promise<ApplicationPrivateView>;
    };
  };
  applications: {
    /** Admin: the review queue, oldest first (filters opening, partner, status, `q`). Tag `applications:list`. */
    list(query?: ApplicationListQuery, options?: ReadOptions): Promise<Page<InternshipApplication>>;
    all(query?: Omit<ApplicationListQuery, 'cursor'>): AsyncIterable<InternshipApplication>;
    /** Admin: one application. Tag `applications:<id>`. */
    get(applicationId: ApplicationId, options?: ReadOptions): Promise<InternshipApplication>;
    /**
     * Admin: submitted → reviewing → accepted | rejected (with a reason), at the `version` read; stale, or
     * accepting past the opening's quota → `ConflictError` with the problem's detail. Not queued offline.
     */
    transition(applicationId: ApplicationId, body: ApplicationTransition, options?: MutationOptions): Promise<InternshipApplication>;
  };
  /** Writes made while offline (see `ClientOptions.outbox`). */
  outbox: ClientOutbox;
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
  onInvalidate(listener: (tags: readonly CacheTag[], cause?: InvalidationCause) => void): () => void;
  /** Replace credentials later (a portal that signs in after the bundle loaded). */
  setToken(token: string | null): void;
  /** True when the client has a token, a getToken or a publishable key. */
  readonly hasCredentials: boolean;
  /** Close the event stream and drop the cache. */
  close(): void;
}
