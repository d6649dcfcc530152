// First import: makes zod jitless before any schema runs (strict CSP without 'unsafe-eval'; see zod-setup.ts).
import './zod-setup.js';
import type { ResponseOf, RouteDef } from '../contract/index.js';
import { Auth } from './auth.js';
import { ReadCache, tagsFor } from './cache.js';
import { AsnError, NetworkError, TimeoutError } from './errors.js';
import type { EventStream } from './events.js';
import { createHttp } from './http.js';
import { newIdempotencyKey } from './idempotency.js';
import { employeeTouched, extraTags, type MutationRouteId } from './mutation-tags.js';
import type { QueueableRouteId, QueueableRoutes } from './mutations.js';
import { call, type RequestContext } from './request.js';
import type { ResourceContext } from './resources/shared.js';
import { checkTopics } from './topics.js';
import type { CacheTag, CallArgs, CallInput, Client, ClientOptions, ClientOutbox, SubscribeOptions } from './types.js';

/**
 * The client without its resource objects: HTTP on ky with retries and the portal's hooks (http.ts), the read
 * cache, the live event stream, `call()` for any contract route, credentials. `<asn-provider>` makes this one, so
 * a page with one widget carries only the routes that widget calls; `createClient()` adds `me`, `progress`,
 * `goals`, … on top (create-client.ts).
 */
/** The resources `createClient()` adds (a `CoreClient` gets each through `resourceOf`). */
export type ResourceName =
  | 'me' | 'employees' | 'progress' | 'learning' | 'goals' | 'feedback' | 'team' | 'programs' | 'enrollments' | 'recommendations' | 'certificates'
  | 'partners' | 'internships' | 'applications';
export type CoreClient = Omit<Client, ResourceName>;

/** What resources and the outbox need from a client; reachable through `internalsOf()` only. */
export interface ClientInternals {
  resources: ResourceContext;
  options: ClientOptions;
  auth: Auth;
  ctx: RequestContext;
  /** After a coaching mutation (sent now or replayed from the outbox): drop the reads it made stale. */
  invalidateMutation(route: RouteDef, params: { id: string }, result: unknown): void;
  /** Installed by `enableOutbox()` (outbox-install.ts); null until then. */
  outbox: InstalledOutbox | null;
  /** The queueable routes this client can replay (see mutations.ts): registered by the outbox and by resources. */
  queueable: Map<string, QueueableRoutes[QueueableRouteId]>;
}

/** The outbox as the core sees it: the public API plus queueing, per-user refresh and shutdown. */
export interface InstalledOutbox extends ClientOutbox {
  /** Store a mutation that failed for lack of network; resolves with the error to throw (a QueuedError). */
  queue(error: AsnError, init: { route: MutationRouteId; params: { id: string }; body: unknown; idempotencyKey: string }): Promise<AsnError>;
  refresh(): void;
  close(): void;
}

// Symbol.for: a second copy of the library on the page still finds the internals of a client made by the first.
const INTERNALS = Symbol.for('pembinaan-asn.client-internals');

export function internalsOf(client: CoreClient): ClientInternals {
  const internals = (client as unknown as Record<symbol, ClientInternals | undefined>)[INTERNALS];
  if (!internals) throw new AsnError('This client was not made by createClient() or createCoreClient() of pembinaan-asn');
  return internals;
}

const disabledOutbox: ClientOutbox = {
  enabled: false,
  size: 0,
  list: async () => [],
  flush: async () => ({ sent: 0, failed: 0, remaining: 0 }),
  subscribe: () => () => undefined,
};

export function createCoreClient(options: ClientOptions): CoreClient {
  if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new AsnError('createClient() needs `baseUrl`, an http(s) origin such as "https://asn.sorongkota.go.id"');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeout ?? 15_000;
  const auth = new Auth(options);
  const cache = new ReadCache(options.cacheTtl ?? 5000);
  let selfId: string | null = null;

  const ctx: RequestContext = {
    baseUrl,
    timeout,
    validate: options.validate ?? true,
    cache,
    http: createHttp({
      auth,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout,
      retry: options.retry ?? 2,
      retryDelay: options.retryDelay ?? 300,
      maxRetryDelay: options.maxRetryDelay ?? 10_000,
      maxRetryAfter: options.maxRetryAfter ?? 60_000,
      ...(options.hooks ? { hooks: options.hooks } : {}),
    }),
  };

  /**
   * `route.invalidates` for this employee (and the `me` variant). `team` becomes every cached team page (`team:*`
   * plus `team:me`): the employee's row in their supervisor's team changed and we do not know that supervisor.
   * `checkins` is keyed by goal, so it comes through `extra` (`checkins:<goalId>`).
   */
  const invalidateAfter = (route: RouteDef, employee: string | null, extra: readonly CacheTag[] = []) => {
    const resources = (route.invalidates ?? []).filter((r) => r !== 'team' && r !== 'checkins');
    const tags: CacheTag[] = employee === null ? resources.map((r) => `${r}:*`) : tagsFor(resources, employee, selfId);
    if (route.invalidates?.includes('team')) tags.push(...tagsFor(['team'], 'me', selfId), 'team:*');
    tags.push(...extra);
    if (tags.length > 0) cache.invalidate(tags);
  };

  const resources: ResourceContext = {
    call: (route, input, callOptions) => call(ctx, route, input, callOptions),
    invalidateAfter,
    async mutate(route, input, mutationOptions = {}) {
      const routeId = route.id as MutationRouteId;
      internals.queueable.set(routeId, route);
      const { queueOffline = true, ...callOptions } = mutationOptions;
      const idempotencyKey = callOptions.idempotencyKey ?? newIdempotencyKey();
      try {
        const result = await call(ctx, route, input as never, { ...callOptions, idempotencyKey });
        internals.invalidateMutation(route, input.params, result);
        return result as never;
      } catch (error) {
        if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
        // Unknown outcome (the request may have reached the server): stale reads are worse than a refetch.
        internals.invalidateMutation(route, input.params, undefined);
        if (!internals.outbox || !queueOffline) throw error;
        throw await internals.outbox.queue(error, {
          route: routeId,
          params: input.params,
          body: (input as { body?: unknown }).body,
          idempotencyKey,
        });
      }
    },
    learnSelf(id) {
      selfId = id;
    },
    registerQueueable(more) {
      for (const route of more) internals.queueable.set(route.id, route);
      // Entries of these routes may be waiting from an earlier page: try them now.
      if (internals.outbox?.size) void internals.outbox.flush();
    },
  };

  const internals: ClientInternals = {
    resources,
    options,
    auth,
    ctx,
    invalidateMutation: (route, params, result) => {
      const id = route.id as MutationRouteId;
      invalidateAfter(route, employeeTouched(id, params, result), extraTags(id, params));
    },
    outbox: null,
    queueable: new Map(),
  };

  /**
   * The event stream's code (~3 KB gzipped) is loaded on the first subscribe: most widgets never listen. Until it
   * is there, calls wait in `pending` in their order and run on it as they would have (a subscription made before
   * another user's token stays the previous user's; nothing is opened for it).
   */
  let stream: EventStream | null = null;
  let pending: ((s: EventStream) => void)[] | null = null;
  let closed = false;
  /** Subscriptions waiting for the code, to tell them when it cannot be loaded. */
  const waiting = new Set<SubscribeOptions>();
  const withStream = (op: (s: EventStream) => void): void => {
    if (stream) op(stream);
    else pending?.push(op); // not loading: nobody subscribed yet, so nothing to do
  };
  const loadStream = (): void => {
    if (pending) return;
    pending = [];
    import('./events.js').then(
      ({ EventStream }) => {
        stream = new EventStream({
          baseUrl,
          auth,
          http: ctx.http,
          cache,
          selfId: () => selfId,
          ...(options.events ? { options: options.events } : {}),
        });
        const ops = pending ?? [];
        pending = null;
        waiting.clear();
        for (const op of ops) op(stream);
      },
      (cause: unknown) => {
        // The chunk did not load (offline on first use): tell the waiting subscribers; the next subscribe tries again.
        pending = null;
        const error = new NetworkError({ method: 'GET', path: '/v1/events', cause });
        const subs = [...waiting];
        waiting.clear();
        for (const sub of subs) sub.onError?.(error);
      },
    );
  };
  const subscribe: CoreClient['events']['subscribe'] = (topics, handler, subscribeOptions = {}) => {
    checkTopics(topics);
    if (closed) throw new AsnError('This client was closed; create a new one to subscribe to events');
    if (stream) return stream.subscribe(topics, handler, subscribeOptions);
    let off: (() => void) | null = null;
    let active = true;
    const sub: SubscribeOptions = { ...subscribeOptions };
    loadStream();
    waiting.add(sub);
    pending!.push((s) => {
      if (active) off = s.subscribe(topics, handler, subscribeOptions);
    });
    return () => {
      active = false;
      waiting.delete(sub);
      off?.();
    };
  };

  const client: CoreClient = {
    baseUrl,
    get outbox() {
      return internals.outbox ?? disabledOutbox;
    },
    events: { subscribe },
    async call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
      const [input, callOptions = {}] = args;
      const { invalidates, ...rest } = callOptions;
      const result = await call(ctx, route, (input ?? {}) as CallInput<R>, rest);
      if (route.method !== 'GET' && invalidates) invalidateAfter(route, invalidates);
      return result;
    },
    invalidate: (tags) => cache.invalidate(tags),
    onInvalidate: (listener) => cache.onInvalidate(listener),
    setToken(token) {
      const otherUser = auth.changesUser(token);
      withStream((s) => s.credentialsChanged(otherUser)); // first: nothing may go out with the new token for old topics
      auth.setToken(token);
      selfId = null;
      cache.clear(); // another user's data must not be served from the cache
      internals.outbox?.refresh(); // the outbox is per user: show and replay this user's entries
    },
    get hasCredentials() {
      return auth.hasCredentials;
    },
    close() {
      closed = true;
      withStream((s) => s.close());
      internals.outbox?.close();
      cache.clear(false);
    },
  };
  Object.defineProperty(client, INTERNALS, { value: internals });
  return client;
}

/**
 * A resource of a client: `client[name]` when the client has it (made by `createClient()`, or a stand-in in a
 * test), else built once from the core client's internals. Components use this so they carry only what they call.
 */
export function resourceOf<K extends keyof Client>(client: CoreClient, name: K, factory: (ctx: ResourceContext) => Client[K]): Client[K] {
  const own = (client as Partial<Client>)[name];
  if (own) return own as Client[K];
  const made = factory(internalsOf(client).resources);
  Object.defineProperty(client, name, { value: made, configurable: true });
  return made;
}
