// First import: makes zod jitless before any schema runs (strict CSP without 'unsafe-eval'; see zod-setup.ts).
import './zod-setup.js';
import type { ResponseOf, RouteDef } from '../contract/index.js';
import { Auth } from './auth.js';
import { ReadCache, tagsFor } from './cache.js';
import { AsnError } from './errors.js';
import { EventStream } from './events.js';
import { createHttp } from './http.js';
import { call, type CallInput, type RequestContext } from './request.js';
import { employeesResource } from './resources/employees.js';
import { learningResource } from './resources/learning.js';
import { meResource } from './resources/me.js';
import { progressResource } from './resources/progress.js';
import type { ResourceContext } from './resources/shared.js';
import type { CallArgs, Client, ClientOptions } from './types.js';

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

  const invalidateAfter = (route: RouteDef, employee: string) => {
    if (route.invalidates?.length) cache.invalidate(tagsFor(route.invalidates, employee, selfId));
  };

  const resources: ResourceContext = {
    call: (route, input, callOptions) => call(ctx, route, input, callOptions),
    invalidateAfter,
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
    },
    get hasCredentials() {
      return auth.hasCredentials;
    },
    close() {
      events.close();
      cache.clear(false);
    },
  };
  return client;
}
