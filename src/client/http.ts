/**
 * The HTTP layer of one client: auth headers on every attempt, a per-attempt timeout, and retries with
 * exponential backoff and full jitter.
 *
 * Why not ky: it was 4.8 KB of the 30 KB gzipped budget of a single widget (issue #2), and we use only its
 * retry loop. This file is that loop, with the same semantics the tests pin down:
 * - retried: network failures and the statuses in RETRY_STATUS_CODES, for GET and for POST/PATCH — the latter
 *   safe ONLY because `request.ts` gives every mutation an Idempotency-Key, generated once per logical call and
 *   sent unchanged on every attempt;
 * - backoff before retry n (1-based): uniform in [0, retryDelay × 2^(n-1)], capped by maxRetryDelay;
 * - 429/503 with `Retry-After`: the server's wait as is; when it asks for longer than maxRetryAfter we do not
 *   retry, so the caller gets a RateLimitError with `retryAfter` instead of a silent long wait;
 * - a timeout is not retried: on a dead link a call lasts about `timeout`, not `timeout × (retry + 1)`.
 */
import type { Auth } from './auth.js';
import { parseRetryAfter } from './errors.js';

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
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
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

export const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUS_CODES = [429, 503];

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export function createHttp(options: HttpOptions): Http {
  // Resolve fetch per call so a test or portal that swaps globalThis.fetch later is honoured when none was given.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  async function attempt(url: string, request: HttpRequest): Promise<Response> {
    const headers = new Headers(request.headers);
    if (request.json !== undefined) headers.set('Content-Type', 'application/json');
    await options.auth.apply(headers);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new HttpTimeoutError(`no response within ${options.timeout} ms`)), options.timeout);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    try {
      return await doFetch(url, {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        signal,
      });
    } catch (error) {
      if (timeout.signal.aborted && !request.signal?.aborted) throw timeout.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return async (url, request) => {
    for (let retry = 1; ; retry++) {
      let wait: number;
      try {
        const response = await attempt(url, request);
        if (response.ok) return response;
        if (retry > options.retry || !RETRY_STATUS_CODES.includes(response.status)) throw new HttpStatusError(response);
        const after = RETRY_AFTER_STATUS_CODES.includes(response.status) ? parseRetryAfter(response.headers.get('Retry-After')) : null;
        if (after !== null && after * 1000 > options.maxRetryAfter) throw new HttpStatusError(response);
        await response.body?.cancel();
        wait = after !== null ? after * 1000 : Math.random() * Math.min(options.retryDelay * 2 ** (retry - 1), options.maxRetryDelay);
      } catch (error) {
        // Typed outcomes, a caller's abort and a timeout end the loop; a network failure is retried.
        if (error instanceof HttpStatusError || error instanceof HttpTimeoutError || request.signal?.aborted || retry > options.retry) throw error;
        wait = Math.random() * Math.min(options.retryDelay * 2 ** (retry - 1), options.maxRetryDelay);
      }
      await sleep(wait, request.signal);
    }
  };
}
