/**
 * The HTTP layer of one client, on ky: the SDK's `beforeRequest` hook puts the credentials on every attempt, then
 * the portal's hooks run (`ClientOptions.hooks`). ky's options carry the policy the tests pin down:
 * - retried: network failures and RETRY_STATUS_CODES, for GET/HEAD, and for a mutation ONLY when it carries an
 *   Idempotency-Key (request.ts gives every mutation one, generated once per logical call and sent unchanged on
 *   every attempt), so the server stores it once;
 * - backoff before retry n (1-based): uniform in [0, min(retryDelay × 2^(n-1), maxRetryDelay)] (full jitter);
 * - 429/503 with `Retry-After`: the server's wait as is. When it asks for more than maxRetryAfter we do not retry
 *   (ky would wait maxRetryAfter and retry), so the caller gets a RateLimitError with `retryAfter` at once;
 * - a timeout is not retried: on a dead link a call lasts about `timeout`, not `timeout × (retry + 1)`;
 * - `retry` bounds the automatic retries; a hook's `retryRequest()` gets one more attempt on top, so a token
 *   refresh on 401 works with `retry: 0` too (outbox replays run that way);
 * - an error a portal's hook throws is not retried, and reaches the caller unchanged (`isHookError`).
 * ky's HTTPError and TimeoutError hold the Request, whose headers carry the token: they never leave this file
 * (HttpStatusError keeps the response only).
 */
import ky, { isForceRetryError, isHTTPError, isTimeoutError, type Hooks, type KyInstance, type RetryOptions } from 'ky';
import type { Auth } from './auth.js';
import { parseRetryAfter } from './errors.js';
import { IDEMPOTENCY_HEADER, isMutation } from './idempotency.js';

export interface HttpOptions {
  auth: Auth;
  fetch?: typeof fetch;
  timeout: number;
  retry: number;
  /** Base backoff in ms (doubles per attempt). */
  retryDelay: number;
  /** Cap of one backoff wait in ms. */
  maxRetryDelay: number;
  /** Longest `Retry-After` (ms) the SDK waits for by itself. */
  maxRetryAfter: number;
  /** The portal's hooks, run after the SDK's own. */
  hooks?: Hooks;
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
  /** An event stream: no automatic retry (it reconnects by itself), no timeout, error statuses returned. */
  stream?: boolean;
}

export type Http = (url: string, request: HttpRequest) => Promise<Response>;

/** A response with an error status, after the retries ran out. */
export class HttpStatusError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

/** No response within `timeout` ms. */
export class HttpTimeoutError extends Error {}

/** A hook asked for another attempt (`retryRequest()`) after the last one allowed. */
export class HttpRetryLimitError extends Error {}

export const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUS_CODES = [429, 503];

/** `ky.retry()` of the SDK's own copy of ky (a portal's copy would not be recognised; the CDN file has no other). */
export const retryRequest: KyInstance['retry'] = ky.retry;

const thrownByHooks = new WeakSet<object>();

/** True for an error a portal's hook threw: the SDK passes it on as it is. */
export const isHookError = (error: unknown): boolean => typeof error === 'object' && error !== null && thrownByHooks.has(error);

/** The same hook, marking what it throws (an async hook's return is awaited by ky either way). */
function guarded<F extends (...args: never[]) => unknown>(hook: F): F {
  const run = hook as unknown as (...args: unknown[]) => unknown;
  return (async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      if (typeof error === 'object' && error !== null) thrownByHooks.add(error);
      throw error;
    }
  }) as unknown as F;
}

function clientHooks(auth: Auth, portal: Hooks = {}): Hooks {
  return {
    beforeRequest: [
      async (request) => {
        await auth.apply(request.headers); // asked on every attempt: a getToken may hand out a fresh token
        request.signal.throwIfAborted(); // cancelled (a token change) while the token was read: send nothing
      },
      ...(portal.beforeRequest ?? []).map(guarded),
    ],
    afterResponse: (portal.afterResponse ?? []).map(guarded),
    beforeRetry: [
      ...(portal.beforeRetry ?? []).map(guarded),
      // ky leaves a retried error response unread; free its connection now rather than at garbage collection.
      ({ error }) => void (isHTTPError(error) ? error.response.body?.cancel().catch(() => undefined) : undefined),
    ],
    beforeError: (portal.beforeError ?? []).map(guarded),
  };
}

function retryPolicy(options: HttpOptions, automatic: number, methods: string[]): RetryOptions {
  return {
    limit: automatic + 1, // the +1 is for a hook's retryRequest() only: shouldRetry stops automatic ones at `automatic`
    methods,
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: RETRY_AFTER_STATUS_CODES,
    maxRetryAfter: options.maxRetryAfter,
    delay: (n) => Math.min(options.retryDelay * 2 ** (n - 1), options.maxRetryDelay),
    backoffLimit: options.maxRetryDelay,
    jitter: true,
    shouldRetry: ({ error, retryCount }) => {
      if (retryCount > automatic || isHookError(error)) return false;
      if (isHTTPError(error) && RETRY_AFTER_STATUS_CODES.includes(error.response.status)) {
        const after = parseRetryAfter(error.response.headers.get('Retry-After'));
        if (after !== null && after * 1000 > options.maxRetryAfter) return false;
      }
      return undefined; // ky's rules: statusCodes, Retry-After, no retry on timeout
    },
  };
}

function unwrap(error: unknown): unknown {
  if (isHookError(error)) return error;
  if (isHTTPError(error)) return new HttpStatusError(error.response);
  if (isTimeoutError(error)) return new HttpTimeoutError();
  if (isForceRetryError(error)) return new HttpRetryLimitError();
  return error; // a network failure, or the caller's abort reason
}

export function createHttp(options: HttpOptions): Http {
  const hooks = clientHooks(options.auth, options.hooks);
  // Resolve fetch per attempt so a test or portal that swaps globalThis.fetch later is honoured when none was given.
  const fetchNow: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  return async (url, request) => {
    const idempotent = !isMutation(request.method) || new Headers(request.headers).has(IDEMPOTENCY_HEADER);
    try {
      return await ky(url, {
        method: request.method,
        headers: request.headers,
        json: request.json,
        ...(request.signal ? { signal: request.signal } : {}),
        fetch: fetchNow,
        hooks,
        timeout: request.stream ? false : options.timeout,
        throwHttpErrors: !request.stream,
        retry: retryPolicy(options, request.stream ? 0 : options.retry, idempotent ? [request.method] : []),
        ...(request.stream ? { cache: 'no-store' as const } : {}),
      });
    } catch (error) {
      throw unwrap(error);
    }
  };
}
