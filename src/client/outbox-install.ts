/**
 * `enableOutbox(client, options?)`: from now on, a queueable mutation (goal, check-in, feedback; enrolments once
 * `enrollmentsResource` is in use, applications once `internshipsResource` is) that fails for lack of network is
 * kept in an outbox (IndexedDB in browsers) and replayed in order when the connection is back, with the same
 * Idempotency-Key. `createClient({ outbox })` calls it; the form components call it on the client their provider
 * gives them, so a page without forms carries none of this code.
 *
 * `installOutbox(client, options?)` is the same without the coaching routes: it replays only what the resources on
 * the page register. The internship form uses it, so a university's page does not carry the goal and feedback
 * schemas (~1 KB gzipped); `enableOutbox` later on the same client adds them.
 */
import { NetworkError, TimeoutError, type AsnError, type ApiError } from './errors.js';
import { createHttp } from './http.js';
import { coachingQueueableRoutes } from './mutations.js';
import { Outbox, QueuedError } from './outbox.js';
import { IndexedDbOutboxStore, MemoryOutboxStore } from './outbox-store.js';
import { call, type RequestContext } from './request.js';
import { internalsOf, type CoreClient } from './core.js';
import type { ClientOutbox, OutboxOptions, OutboxStore } from './types.js';

export function enableOutbox(client: CoreClient, option: true | OutboxStore | OutboxOptions = true): ClientOutbox {
  // Before installing: the first flush then knows them; after (installed by the internship form): flushes what waits.
  internalsOf(client).resources.registerQueueable(Object.values(coachingQueueableRoutes));
  return installOutbox(client, option);
}

export function installOutbox(client: CoreClient, option: true | OutboxStore | OutboxOptions = true): ClientOutbox {
  const internals = internalsOf(client);
  if (internals.outbox) return internals.outbox;
  const { options, auth, ctx } = internals;
  const settings: OutboxOptions = option === true ? {} : isOutboxStore(option) ? { store: option } : option;

  // The outbox replays through its own HTTP layer: one attempt per entry and flush (the outbox has its own
  // backoff; a hook's retryRequest() still gets its one), the portal's hooks, and a look at `Retry-After` to tell
  // a 409 "same key still running" (keep) from a stale version.
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
      timeout: ctx.timeout,
      retry: 0,
      retryDelay: options.retryDelay ?? 300,
      maxRetryDelay: options.maxRetryDelay ?? 10_000,
      maxRetryAfter: options.maxRetryAfter ?? 60_000,
      ...(options.hooks ? { hooks: options.hooks } : {}),
    }),
  };

  const outbox = new Outbox({
    store: settings.store ?? (IndexedDbOutboxStore.available ? new IndexedDbOutboxStore() : new MemoryOutboxStore()),
    scope: async () => `${ctx.baseUrl} ${await auth.identity()}`,
    // An entry of a route no resource on this page registered waits for a page that knows it.
    canSend: (entry) => internals.queueable.has(entry.route),
    async send(entry) {
      const route = internals.queueable.get(entry.route)!;
      lastRetryAfter = null;
      const raw = await call(replayCtx, route, { params: entry.params, body: entry.body } as never, { idempotencyKey: entry.idempotencyKey });
      const parsed = route.response.safeParse(raw);
      return parsed.success ? parsed.data : raw;
    },
    isBusy: (error: ApiError) => error.status === 409 && lastRetryAfter !== null,
    onSent: (entry, result) => internals.invalidateMutation(internals.queueable.get(entry.route)!, entry.params, result),
    autoFlush: settings.autoFlush ?? true,
    retryDelay: settings.retryDelay ?? 5000,
    maxRetryDelay: settings.maxRetryDelay ?? 300_000,
  });

  internals.outbox = Object.assign(outbox, {
    async queue(error: AsnError, init: Parameters<Outbox['add']>[0]): Promise<AsnError> {
      if (!(error instanceof NetworkError || error instanceof TimeoutError)) return error;
      try {
        return new QueuedError(error, await outbox.add(init));
      } catch {
        return error; // storage unavailable: the caller keeps the plain network error (and its form data)
      }
    },
  });
  return outbox;
}

function isOutboxStore(value: object): value is OutboxStore {
  const v = value as Partial<OutboxStore>;
  return typeof v.load === 'function' && typeof v.append === 'function' && typeof v.remove === 'function';
}
