// RFC 9457 problem details: one error class handlers throw, one function that renders it.
import type { Context } from 'hono';
import { problemTypes, type FieldError, type Problem } from '../src/contract/index.js';

export type ProblemKind = keyof typeof problemTypes;

const titles: Record<ProblemKind, string> = {
  validation: 'Invalid input',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  notFound: 'Not found',
  conflict: 'Conflict',
  idempotencyMismatch: 'Idempotency key reused with a different request',
  rateLimited: 'Too many requests',
  payloadTooLarge: 'Request body too large',
  unsupportedMediaType: 'Unsupported media type',
  headersTooLarge: 'Request headers too large',
  requestTimeout: 'Request timeout',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

const statuses: Record<ProblemKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  idempotencyMismatch: 422,
  rateLimited: 429,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  headersTooLarge: 431,
  requestTimeout: 408,
  unavailable: 503,
  internal: 500,
};

/** Thrown by handlers and middleware; rendered as `application/problem+json` by the app's error handler. */
export class ApiProblem extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;
  /** The problem's `code` extension member (a machine-readable reason), e.g. `application.duplicate`. */
  readonly code?: string;
  constructor(
    kind: ProblemKind,
    detail?: string,
    options: { errors?: FieldError[]; status?: number; headers?: Record<string, string>; code?: string } = {},
  ) {
    super(detail ?? titles[kind]);
    this.kind = kind;
    this.status = options.status ?? statuses[kind];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.code = options.code;
  }
}

/** A field error as a 400 problem, e.g. `fieldProblem('completedAt', 'date.future', 'Cannot be in the future')`. */
export const fieldProblem = (path: string, code: string, message: string) =>
  new ApiProblem('validation', message, { errors: [{ path, code, message }] });

export function problemBody(kind: ProblemKind, requestId: string, detail?: string, errors?: FieldError[], status?: number, code?: string): Problem {
  const body: Problem = { type: problemTypes[kind], title: titles[kind], status: status ?? statuses[kind], requestId };
  if (detail && detail !== titles[kind]) body.detail = detail;
  if (errors?.length) body.errors = errors;
  if (code) body.code = code;
  return body;
}

/** Which problem kind fits a status (for faults injected by tests). */
export function kindForStatus(status: number): ProblemKind {
  const found = (Object.keys(statuses) as ProblemKind[]).find((k) => statuses[k] === status);
  if (found) return found;
  return status >= 500 ? 'internal' : 'validation';
}

export function problemResponse(
  c: Context,
  kind: ProblemKind,
  detail?: string,
  options: { errors?: FieldError[]; status?: number; headers?: Record<string, string>; code?: string } = {},
): Response {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? 'unknown';
  const status = options.status ?? statuses[kind];
  const body = problemBody(kind, requestId, detail, options.errors, status, options.code);
  const headers = new Headers({ 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': requestId });
  for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
  return new Response(JSON.stringify(body), { status, headers });
}

export const renderProblem = (c: Context, p: ApiProblem): Response =>
  problemResponse(c, p.kind, p.message, { errors: p.errors, status: p.status, headers: p.headers, code: p.code });
