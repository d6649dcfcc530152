/**
 * Errors you can act on (Stripe-style). Every error the SDK throws is an `AsnError`:
 *
 * - `ApiError`: the server answered with an error status (RFC 9457 problem); `status`, `problem`, `requestId`,
 *   `fieldErrors` (from `problem.errors[]`, keyed by the input path, e.g. `completedAt`, `student.phone`).
 *   - `AuthenticationError` 401, `PermissionError` 403, `NotFoundError` 404, `ConflictError` 409 (a stale
 *     `version`, or the same Idempotency-Key still running), `IdempotencyError` 422 with the problem type
 *     `idempotency-key-reused` (the same key was sent with a different body: a bug in the caller, never retried),
 *     `RateLimitError` 429 (`retryAfter` in seconds).
 * - `NetworkError`: no answer at all (offline, DNS, connection reset). Safe to retry a mutation later with the same
 *   `idempotencyKey` (it is on the error).
 * - `TimeoutError`: no answer within `timeout` ms.
 * - `ValidationError`: the input was refused by the contract BEFORE anything was sent.
 * - `ResponseValidationError`: the server answered 2xx with a body that does not match the contract.
 *
 * Errors never carry the bearer token or request headers: messages name the method and path only, and the
 * underlying fetch objects (whose Request holds the Authorization header) are not attached.
 */
import type { FieldError, Problem } from '../contract/index.js';
import { problemTypes } from '../contract/problem.js';

export type FieldErrors = Record<string, string>;

/** Where an input issue was found. */
export type InputLocation = 'params' | 'query' | 'body';

export interface InputIssue {
  in: InputLocation;
  /** Dotted path inside that input, `''` for the input itself. */
  path: string;
  code: string;
  message: string;
}

export class AsnError extends Error {
  override name = 'AsnError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface ApiErrorInit {
  status: number;
  problem: Problem;
  method: string;
  path: string;
  idempotencyKey?: string;
}

/** The server answered with an error status. */
export class ApiError extends AsnError {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  readonly requestId: string;
  /** `problem.errors[]` by input path, so a form can show each message beside its field. */
  readonly fieldErrors: FieldErrors;
  readonly method: string;
  /** The request path (no origin, no query). */
  readonly path: string;
  /** The Idempotency-Key a mutation was sent with (reuse it to retry the same logical call). */
  readonly idempotencyKey: string | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    const { status, problem, method, path } = init;
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(message ?? `${method} ${path} failed with ${status} ${problem.title}${detail} (request ${problem.requestId || 'unknown'})`);
    this.status = status;
    this.problem = problem;
    this.requestId = problem.requestId;
    this.fieldErrors = fieldErrorsOf(problem.errors);
    this.method = method;
    this.path = path;
    this.idempotencyKey = init.idempotencyKey;
  }
}

export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      `${init.method} ${init.path}: not authenticated (401). Sign in again or pass a valid \`token\`/\`getToken\` to createClient() (request ${init.problem.requestId || 'unknown'}).`,
    );
  }
}

export class PermissionError extends ApiError {
  override name = 'PermissionError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      `${init.method} ${init.path}: the signed-in user may not do this (403)${init.problem.detail ? `: ${init.problem.detail}` : ''} (request ${init.problem.requestId || 'unknown'}).`,
    );
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/** 409: a stale `version` (reload and re-apply), or the same Idempotency-Key is still being processed. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}

/** 422 `idempotency-key-reused`: the same Idempotency-Key was sent with a different body. Not retryable. */
export class IdempotencyError extends ApiError {
  override name = 'IdempotencyError';
}

export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds the server asked to wait (`Retry-After`), or null when it did not say. */
  readonly retryAfter: number | null;
  constructor(init: ApiErrorInit & { retryAfter: number | null }) {
    super(
      init,
      `${init.method} ${init.path}: rate limited (429)${init.retryAfter !== null ? `; retry after ${init.retryAfter} s` : ''} (request ${init.problem.requestId || 'unknown'}).`,
    );
    this.retryAfter = init.retryAfter;
  }
}

/** No response: offline, DNS failure, connection refused or reset. */
export class NetworkError extends AsnError {
  override name = 'NetworkError';
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  constructor(init: { method: string; path: string; idempotencyKey?: string; cause?: unknown }) {
    super(
      `${init.method} ${init.path}: network error (${describeCause(init.cause)}). Check the connection; the SDK already retried.`,
      { cause: sanitizeCause(init.cause) },
    );
    this.method = init.method;
    this.path = init.path;
    this.idempotencyKey = init.idempotencyKey;
  }
}

export class TimeoutError extends AsnError {
  override name = 'TimeoutError';
  readonly method: string;
  readonly path: string;
  readonly timeout: number;
  readonly idempotencyKey: string | undefined;
  constructor(init: { method: string; path: string; timeout: number; idempotencyKey?: string }) {
    super(`${init.method} ${init.path}: no response within ${init.timeout} ms. Raise \`timeout\` in createClient() on slow networks.`);
    this.method = init.method;
    this.path = init.path;
    this.timeout = init.timeout;
    this.idempotencyKey = init.idempotencyKey;
  }
}

/** The input does not satisfy the contract; nothing was sent. */
export class ValidationError extends AsnError {
  override name = 'ValidationError';
  /** First message per dotted path, e.g. `{ completedAt: 'Invalid ISO datetime' }`. */
  readonly fieldErrors: FieldErrors;
  readonly issues: readonly InputIssue[];
  constructor(what: string, issues: InputIssue[]) {
    const list = issues.map((i) => `${i.path || i.in}: ${i.message}`).join('; ');
    super(`Invalid input for ${what}, nothing was sent: ${list}`);
    this.issues = issues;
    this.fieldErrors = {};
    for (const issue of issues) {
      const key = issue.path || issue.in;
      if (!(key in this.fieldErrors)) this.fieldErrors[key] = issue.message;
    }
  }
}

/** The server answered 2xx but the body does not match the contract (an API/SDK version mismatch). */
export class ResponseValidationError extends AsnError {
  override name = 'ResponseValidationError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | null;
  readonly fieldErrors: FieldErrors;
  constructor(init: { method: string; path: string; status: number; requestId: string | null; issues: { path: string; message: string }[] }) {
    const list = init.issues.slice(0, 5).map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ');
    super(
      `${init.method} ${init.path} answered ${init.status} with a body that does not match the contract (${list}). ` +
        'The server and SDK versions probably differ; pass `validate: false` only as a stopgap.',
    );
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.fieldErrors = {};
    for (const issue of init.issues) if (!(issue.path in this.fieldErrors)) this.fieldErrors[issue.path] = issue.message;
  }
}

export function fieldErrorsOf(errors: readonly FieldError[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors ?? []) if (!(e.path in out)) out[e.path] = e.message;
  return out;
}

/** The typed error for an error response. */
export function apiErrorFor(init: ApiErrorInit & { retryAfter?: number | null }): ApiError {
  switch (init.status) {
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 429:
      return new RateLimitError({ ...init, retryAfter: init.retryAfter ?? null });
    default:
      if (init.status === 422 && init.problem.type === problemTypes.idempotencyMismatch) return new IdempotencyError(init);
      return new ApiError(init);
  }
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof inner === 'string') return inner;
  if (cause instanceof Error && cause.message) return cause.message;
  return 'no response';
}

/** Keep only the name, message and low-level code of a fetch failure: never a Request (it holds headers). */
function sanitizeCause(cause: unknown): Error | undefined {
  if (!(cause instanceof Error)) return undefined;
  const safe = new Error(cause.message);
  safe.name = cause.name;
  const code = (cause as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string') (safe as Error & { code?: string }).code = code;
  return safe;
}
