/**
 * The ky instance of one client: auth headers on every attempt, timeout, and retries with exponential backoff
 * and full jitter. POST and PATCH are retried too, which is safe ONLY because `request.ts` gives every mutation an
 * Idempotency-Key, generated once per logical call; ky clones the same Request (same headers) for each retry.
 *
 * ky 1.14 retry semantics used here (see node_modules/ky/distribution/core/Ky.js):
 * - `delay(n)` is the backoff before retry n (1-based), `jitter: true` draws uniformly in [0, delay],
 *   `backoffLimit` caps the result;
 * - for `afterStatusCodes` with a `Retry-After` header the server's wait is used as is (no jitter), clamped to
 *   `maxRetryAfter`. We go further in `shouldRetry`: when the server asks for longer than `maxRetryAfter` we do
 *   not retry at all and the caller gets a `RateLimitError` with `retryAfter`, instead of a silent long wait;
 * - a network failure (fetch rejects) is retried; a timeout is not (`retryOnTimeout: false`), so a call lasts at
 *   most about `timeout` on a dead link rather than `timeout × (retry + 1)`.
 */
import ky, { HTTPError, type KyInstance } from 'ky';
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

export const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];

export function createHttp(options: HttpOptions): KyInstance {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  return ky.create({
    // Bind lazily so a test or portal that swaps globalThis.fetch later is honoured when no fetch was given.
    fetch: options.fetch ? (input, init) => fetchImpl(input, init) : (input, init) => globalThis.fetch(input, init),
    timeout: options.timeout,
    throwHttpErrors: true,
    retry: {
      limit: options.retry,
      methods: ['get', 'post', 'patch'],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: options.maxRetryAfter,
      backoffLimit: options.maxRetryDelay,
      delay: (attempt) => options.retryDelay * 2 ** (attempt - 1),
      jitter: true,
      retryOnTimeout: false,
      shouldRetry: ({ error }) => {
        if (error instanceof HTTPError) {
          const after = parseRetryAfter(error.response.headers.get('Retry-After'));
          if (after !== null && after * 1000 > options.maxRetryAfter) return false;
        }
        return undefined; // ky's defaults: status list, network errors
      },
    },
    hooks: {
      beforeRequest: [
        async (request) => {
          await options.auth.apply(request.headers);
        },
      ],
    },
  });
}
