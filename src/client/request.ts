/**
 * `call(route, { params, query, body }, options)`: one typed request built from the contract's route table.
 *
 * 1. params, query and body are validated with the route's schemas BEFORE anything is sent (a `ValidationError`
 *    with dotted field paths; no request is made) and the parsed values are what is sent (trimmed text, E.164
 *    phone numbers...);
 * 2. the URL is built from `route.path` (`{id}` placeholders, percent-encoded) and the query;
 * 3. a mutation gets an Idempotency-Key generated once here, reused by every retry (http.ts);
 * 4. error statuses become typed `ApiError`s, fetch failures `NetworkError`/`TimeoutError`; a hook's own error
 *    and a caller's abort reason pass unchanged;
 * 5. the body is validated with `route.response` (unless `validate: false`): a wrong shape is a
 *    `ResponseValidationError`, never silent `undefined`s.
 * GET results go through the client's read cache (de-duplicated in flight, cached for `cacheTtl`).
 */
import type { z } from 'zod/mini';
import { Problem, type ResponseOf, type RouteDef } from '../contract/index.js';
import { raceSignal, type ReadCache } from './cache.js';
import {
  ApiError,
  AsnError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  apiErrorFor,
  parseRetryAfter,
  type InputIssue,
  type InputLocation,
} from './errors.js';
import { HttpRetryLimitError, HttpStatusError, HttpTimeoutError, isHookError, type Http } from './http.js';
import { IDEMPOTENCY_HEADER, isMutation, newIdempotencyKey } from './idempotency.js';
import type { CallInput, CallOptions } from './types.js';

/** What `call()` needs from its client. */
export interface RequestContext {
  http: Http;
  baseUrl: string;
  timeout: number;
  validate: boolean;
  cache: ReadCache;
}

/** Dotted path of a zod issue: `student.phone`, `items.0.title`. */
const dotted = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

function check(schema: z.ZodMiniType | undefined, value: unknown, where: InputLocation, issues: InputIssue[]): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ in: where, path: dotted(issue.path), code: issue.code, message: issue.message });
  }
  return undefined;
}

export function buildPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new ValidationError(template, [{ in: 'params', path: name, code: 'missing', message: `Path parameter "${name}" is required` }]);
    }
    return encodeURIComponent(String(value));
  });
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Validates the input and builds the URL; throws `ValidationError` without sending anything. */
export function prepare<R extends RouteDef>(
  baseUrl: string,
  route: R,
  input: { params?: unknown; query?: unknown; body?: unknown },
): { url: string; path: string; body: unknown } {
  const issues: InputIssue[] = [];
  const params = check(route.params, input.params ?? (route.params ? {} : undefined), 'params', issues);
  const query = check(route.query, input.query ?? (route.query ? {} : undefined), 'query', issues);
  const body = route.body ? check(route.body, input.body, 'body', issues) : undefined;
  if (issues.length > 0) throw new ValidationError(`${route.method} ${route.path} (${route.id})`, issues);
  const path = buildPath(route.path, params as Record<string, unknown> | undefined);
  return { url: baseUrl + path + buildQuery(query as Record<string, unknown> | undefined), path, body };
}

export async function call<R extends RouteDef>(
  ctx: RequestContext,
  route: R,
  input: CallInput<R>,
  options: CallOptions = {},
): Promise<ResponseOf<R>> {
  const { url, path, body } = prepare(ctx.baseUrl, route, input as { params?: unknown; query?: unknown; body?: unknown });
  const validate = options.validate ?? ctx.validate;

  if (route.method === 'GET' && !options.noCache) {
    // The shared request runs without any caller's signal; each caller races its own.
    const load = () => send(ctx, route, url, path, undefined, undefined, undefined, validate);
    const key = validate ? url : `raw ${url}`;
    return raceSignal(ctx.cache.read(key, options.tags ?? [], load, options.fresh), options.signal) as Promise<ResponseOf<R>>;
  }
  const key = isMutation(route.method) ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
  return send(ctx, route, url, path, body, key, options.signal, validate) as Promise<ResponseOf<R>>;
}

async function send(
  ctx: RequestContext,
  route: RouteDef,
  url: string,
  path: string,
  body: unknown,
  idempotencyKey: string | undefined,
  signal: AbortSignal | undefined,
  validate: boolean,
): Promise<unknown> {
  const method = route.method;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
  let response: Response;
  try {
    response = await ctx.http(url, {
      method,
      headers,
      ...(route.body ? { json: body ?? {} } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw await toSdkError(error, { method, path, timeout: ctx.timeout, idempotencyKey, signal });
  }

  const requestId = response.headers.get('X-Request-Id');
  let data: unknown;
  const text = await response.text();
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ResponseValidationError({ method, path, status: response.status, requestId, issues: [{ path: '', message: 'the body is not JSON' }] });
  }
  if (!validate) return data;
  const result = route.response.safeParse(data);
  if (!result.success) {
    throw new ResponseValidationError({
      method,
      path,
      status: response.status,
      requestId,
      issues: result.error.issues.map((i) => ({ path: dotted(i.path), message: i.message })),
    });
  }
  return result.data;
}

async function toSdkError(
  error: unknown,
  at: { method: string; path: string; timeout: number; idempotencyKey?: string; signal?: AbortSignal },
): Promise<unknown> {
  if (at.signal?.aborted) return at.signal.reason; // the caller cancelled: their own reason, untouched
  if (isHookError(error)) return error; // the portal's hook decided: its error, untouched
  const { method, path, idempotencyKey } = at;
  if (error instanceof HttpStatusError) {
    const response = error.response;
    return apiErrorFor({
      status: response.status,
      problem: await problemOf(response),
      method,
      path,
      idempotencyKey,
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }
  if (error instanceof HttpTimeoutError) return new TimeoutError({ method, path, timeout: at.timeout, idempotencyKey });
  if (error instanceof HttpRetryLimitError) {
    return new AsnError(`${method} ${path}: a hook asked for another attempt (retryRequest()) after the last one allowed; check its retryCount`);
  }
  if (error instanceof ApiError) return error;
  return new NetworkError({ method, path, idempotencyKey, cause: error });
}

/** The RFC 9457 body, or one made from the status when the body is not a problem (a proxy's HTML page). */
export async function problemOf(response: Response): Promise<Problem> {
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    raw = undefined;
  }
  const parsed = Problem.safeParse(raw);
  if (parsed.success) return parsed.data;
  const partial = (raw ?? {}) as Partial<Problem>;
  return {
    type: typeof partial.type === 'string' ? partial.type : 'about:blank',
    title: typeof partial.title === 'string' ? partial.title : response.statusText || `HTTP ${response.status}`,
    status: response.status,
    ...(typeof partial.detail === 'string' ? { detail: partial.detail } : {}),
    requestId: typeof partial.requestId === 'string' ? partial.requestId : (response.headers.get('X-Request-Id') ?? ''),
    ...(Array.isArray(partial.errors) ? { errors: partial.errors.filter((e) => e && typeof e.path === 'string' && typeof e.message === 'string') } : {}),
  };
}
