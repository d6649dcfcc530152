// First import: makes zod jitless before any schema runs (strict CSP without 'unsafe-eval'; see zod-setup.ts).
import './zod-setup.js';
import type { ResponseOf, RouteDef } from '../contract/index.js';
import { Auth } from './auth.js';
import { ReadCache, tagsFor } from './cache.js';
import { AsnError, ApiError, NetworkError, TimeoutError } from './errors.js';
import { EventStream } from './events.js';
import { createHttp } from './http.js';
import { newIdempotencyKey } from './idempotency.js';
import { employeeTouched, extraTags, queueableRoutes, type QueueableRouteId } from './mutations.js';
import { Outbox, QueuedError, disabledOutbox } from './outbox.js';
import { IndexedDbOutboxStore, MemoryOutboxStore } from './outbox-store.js';
import { call, type CallInput, type RequestContext } from './request.js';
import { employeesResource } from './resources/employees.js';
import { feedbackResource } from './resources/feedback.js';
import { goalsResource } from './resources/goals.js';
import { teamResource } from './resources/team.js';
import { learningResource } from './resources/learning.js';
import { meResource } from './resources/me.js';
import { progressResource } from './resources/progress.js';
import type { ResourceContext } from './resources/shared.js';
import type { CacheTag, CallArgs, Client, ClientOptions, OutboxOptions, OutboxStore } from './types.js';

/**
 * One client per page (or per server-side request context): it owns the read cache, the event stream and the
 * credentials. `<asn-provider>` creates one and shares it with every widget.
 */
export function createClient(options: ClientOptions): Client {
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
    }),
  };

  /**
   * `route.invalidates` for this employee (and the `me` variant). `team` becomes every cached team page (`team:*`
   * plus `team:me`): the employee's row in their supervisor's team changed and we do not know that supervisor.
   * `checkins` is keyed by goal, so it comes through `extra` (`checkins:<goalId>`).
   */
  const invalidateAfter = (route: RouteDef, employee: string | null, extra: readonly CacheTag[] = []) => {
    const resources = (route.invalidates ?? []).filter((r) => r !== 'team' && r !== 'checkins');
    const tags: CacheTag[] =
      employee === null ? resources.map((r) => `${r}:*`) : tagsFor(resources, employee, selfId);
    if (route.invalidates?.includes('team')) tags.push(...tagsFor(['team'], 'me', selfId), 'team:*');
    tags.push(...extra);
    if (tags.length > 0) cache.invalidate(tags);
  };
  const invalidateMutation = (route: QueueableRouteId, params: { id: string }, result: unknown) =>
    invalidateAfter(queueableRoutes[route], employeeTouched(route, params, result), extraTags(route, params));

  // The outbox replays through its own HTTP layer: one attempt per entry and flush (the outbox has its own
  // backoff), and a look at `Retry-After` to tell a 409 "same key still running" (keep) from a stale version.
  let lastRetryAfter: string | null = null;
  const baseFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const replayCtx: RequestContext = {
    ...ctx,
    validate: false, // a 2xx means the server stored it: never drop it for a shape mismatch
    http: createHttp({
      auth,
      fetch: async (input, init) => {
        const response = await baseFetch(input, init);
        lastRetryAfter = response.headers.get('Retry-After');
        return response;
      },
      timeout,
      retry: 0,
      retryDelay: options.retryDelay ?? 300,
      maxRetryDelay: options.maxRetryDelay ?? 10_000,
      maxRetryAfter: options.maxRetryAfter ?? 60_000,
    }),
  };
  const outboxOptions: OutboxOptions | null =
    options.outbox === undefined || options.outbox === false
      ? null
      : options.outbox === true
        ? {}
        : isOutboxStore(options.outbox)
          ? { store: options.outbox }
          : options.outbox;
  const outbox = outboxOptions
    ? new Outbox({
        store: outboxOptions.store ?? (IndexedDbOutboxStore.available ? new IndexedDbOutboxStore() : new MemoryOutboxStore()),
        scope: async () => `${baseUrl} ${(await auth.subject()) ?? 'anonymous'}`,
        async send(entry) {
          const route = queueableRoutes[entry.route];
          lastRetryAfter = null;
          const raw = await call(replayCtx, route, { params: entry.params, body: entry.body } as never, { idempotencyKey: entry.idempotencyKey });
          const parsed = route.response.safeParse(raw);
          return parsed.success ? parsed.data : raw;
        },
        isBusy: (error: ApiError) => error.status === 409 && lastRetryAfter !== null,
        onSent: (entry, result) => invalidateMutation(entry.route, entry.params, result),
        autoFlush: outboxOptions.autoFlush ?? true,
        retryDelay: outboxOptions.retryDelay ?? 5000,
        maxRetryDelay: outboxOptions.maxRetryDelay ?? 300_000,
      })
    : null;

  const resources: ResourceContext = {
    call: (route, input, callOptions) => call(ctx, route, input, callOptions),
    invalidateAfter,
    async mutate(routeId, input, mutationOptions = {}) {
      const route = queueableRoutes[routeId];
      const { queueOffline = true, ...callOptions } = mutationOptions;
      const idempotencyKey = callOptions.idempotencyKey ?? newIdempotencyKey();
      try {
        const result = await call(ctx, route, input as never, { ...callOptions, idempotencyKey });
        invalidateMutation(routeId, input.params, result);
        return result as never;
      } catch (error) {
        if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
        // Unknown outcome (the request may have reached the server): stale reads are worse than a refetch.
        invalidateMutation(routeId, input.params, undefined);
        if (!outbox || !queueOffline) throw error;
        let entry;
        try {
          entry = await outbox.add({ route: routeId, params: input.params, body: (input as { body?: unknown }).body, idempotencyKey });
        } catch {
          throw error; // storage unavailable: the caller keeps the plain network error (and its form data)
        }
        throw new QueuedError(error, entry);
      }
    },
    learnSelf(id) {
      selfId = id;
    },
  };

  const events = new EventStream({
    baseUrl,
    auth,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    cache,
    selfId: () => selfId,
    ...(options.events ? { options: options.events } : {}),
  });

  const client: Client = {
    baseUrl,
    me: meResource(resources),
    employees: employeesResource(resources),
    progress: progressResource(resources),
    learning: learningResource(resources),
    goals: goalsResource(resources),
    feedback: feedbackResource(resources),
    team: teamResource(resources),
    outbox: outbox ?? disabledOutbox,
    events: {
      subscribe: (topics, handler, subscribeOptions) => events.subscribe(topics, handler, subscribeOptions),
    },
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
      auth.setToken(token);
      selfId = null;
      cache.clear(); // another user's data must not be served from the cache
      events.restart();
      outbox?.refresh(); // the outbox is per user: show and replay this user's entries
    },
    get hasCredentials() {
      return auth.hasCredentials;
    },
    close() {
      events.close();
      outbox?.close();
      cache.clear(false);
    },
  };
  return client;
}

function isOutboxStore(value: object): value is OutboxStore {
  const v = value as Partial<OutboxStore>;
  return typeof v.load === 'function' && typeof v.append === 'function' && typeof v.remove === 'function';
}
