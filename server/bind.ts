// Binds a route of the contract (src/contract/routes.ts) to a handler: access, rate limits, input validation; for
// mutations one request transaction holding the handler's writes, the check of its answer against the contract and
// the idempotency record; for reads, in development and tests, the check of the answer.
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod/mini';
import type { FieldError, RouteDef } from '../src/contract/index.js';
import { authenticate, type Caller } from './auth.js';
import type { AppDeps, AppEnv } from './deps.js';
import { findKeyByValue, originAllowed } from './keys.js';
import { requireJsonBody } from './media-type.js';
import { ApiProblem } from './problem.js';
import type { KeyCaller } from './publishable.js';
import { IdempotencyStore } from './idempotency.js';
import { clientAddress, isPrivateRoute, rateLimitsFor, spendFor } from './rate-limit.js';
import { inRequestTransaction } from './request-scope.js';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface HandlerInput<R extends RouteDef> {
  c: Context<AppEnv>;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** The signed-in employee; null on public and sandbox routes. */
  caller: R['access'] extends { kind: 'user' } ? Caller : Caller | null;
  /** The publishable key a `publishable` route was called with (null with a token, and on every other route). */
  key: KeyCaller | null;
  deps: AppDeps;
}

export type HandlerResult<R extends RouteDef> = { status?: number; body: z.output<R['response']> } | Response;
export type Handler<R extends RouteDef> = (input: HandlerInput<R>) => Promise<HandlerResult<R>>;

/** `NaN` is what a coerced query value that is not a number becomes. */
const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'NaN' : typeof value;

/** The value at `path` inside `root` (what an issue is about), undefined when absent. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A readable message where zod only says "Invalid input"; `input` is the whole validated value. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'too_small':
      return i.origin === 'string' ? `Must be at least ${i.minimum} characters` : `Must be ${i.inclusive ? 'at least' : 'greater than'} ${i.minimum}`;
    case 'too_big':
      return i.origin === 'string' ? `Must be at most ${i.maximum} characters` : `Must be ${i.inclusive ? 'at most' : 'less than'} ${i.maximum}`;
    case 'invalid_value':
      return `Must be one of: ${(i.values as unknown[]).join(', ')}`;
    case 'invalid_format':
      return i.format === 'url' ? 'Must be an http(s) URL' : i.format === 'datetime' ? 'Must be an ISO 8601 date-time with an offset' : `Must be a valid ${i.format}`;
    case 'invalid_type':
      // Only the input's type, never its value (it may be personal data, and it would be echoed back).
      // Found by path, not through zod's `reportInput`: that serialises the input into the error, and a deeply
      // nested body overflowed the stack there (`npm run fuzz`).
      {
        const received = valueAt(input, issue.path);
        return received === undefined ? 'Required' : `Expected ${i.expected}, received ${typeName(received)}`;
      }
    case 'unrecognized_keys':
      return `Unknown field(s): ${(i.keys as string[]).join(', ')}`;
    default:
      return 'Invalid value';
  }
}

export function fieldErrors(error: z.core.$ZodError, prefix?: string, input?: unknown): FieldError[] {
  const dotted = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');
  // zod still runs size checks on a value of the wrong type that has a `length` (an array for a string):
  // "Must be at least 3 characters" after "Expected string, received array" would only mislead.
  const wrongType = new Set(error.issues.filter((i) => i.code === 'invalid_type').map(dotted));
  const issues = error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(dotted(i)));
  return issues.map((issue) => {
    const path = dotted(issue);
    const params = (issue as { params?: { rule?: unknown } }).params;
    return {
      path: path || prefix || '',
      code: typeof params?.rule === 'string' ? params.rule : issue.code,
      message: describe(issue, input),
    };
  });
}

function validate<S extends Schema>(schema: S, value: unknown, what: string, prefix?: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ApiProblem('validation', `The ${what} is invalid`, { errors: fieldErrors(result.error, prefix, value) });
  return result.data;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** No request body of the contract nests deeper than a few levels; a deep one is only an attack on the parser. */
const MAX_BODY_DEPTH = 32;

/** The deepest `[`/`{` nesting of a JSON text, brackets inside strings not counted (one pass, no recursion). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The `pk_…` of `Authorization: Bearer pk_…`, else null (a JWT, another scheme, no header). */
export function presentedKey(header: string | undefined): string | null {
  const match = /^Bearer\s+(pk_\S*)$/i.exec(header?.trim() ?? '');
  return match ? match[1] : null;
}

/**
 * Checks a presented publishable key: known and not revoked (else 401), of the server's mode (test keys only in
 * sandbox mode, live keys only outside it: 401), and used from one of its allowed origins (else 403 naming the
 * refused origin).
 *
 * A request without an `Origin` header is let through, bound to the key's partner like any other: browsers always
 * send `Origin` on the cross-origin requests a university's page makes, so its absence means a server-to-server
 * call (a university's backend, curl), and such a client could forge any `Origin` anyway. The origin check keeps
 * other websites from using a key in their visitors' browsers; it is not what keeps a key's power small: that is
 * the few routes it may call, for its own partner only, under rate limits.
 */
export async function checkKey(deps: AppDeps, c: Context<AppEnv>, presented: string): Promise<KeyCaller> {
  const row = await findKeyByValue(deps.db, presented);
  if (!row) throw new ApiProblem('unauthorized', 'The publishable key is not known to this server');
  if (row.revoked_at !== null) throw new ApiProblem('unauthorized', 'The publishable key was revoked; ask BKPSDM for a new one');
  if (row.mode === 'test' && !deps.config.sandbox) {
    throw new ApiProblem('unauthorized', 'A test key (pk_test_…) works only against the sandbox; use a live key (pk_live_…) here');
  }
  if (row.mode === 'live' && deps.config.sandbox) {
    throw new ApiProblem('unauthorized', 'A live key (pk_live_…) does not work against the sandbox; use a test key (pk_test_…)');
  }
  const origin = c.req.header('origin') ?? null;
  if (origin !== null && !originAllowed(origin, JSON.parse(row.allowed_origins) as string[])) {
    // The header is the client's text: JSON-escaped in the problem, and cut so it cannot bloat the answer.
    const named = origin.length > 200 ? `${origin.slice(0, 200)}…` : origin;
    throw new ApiProblem('forbidden', `The origin ${named} is not allowed for this publishable key; add it to the key's allowed origins`);
  }
  return { id: row.id, partnerId: row.partner_id, mode: row.mode, origin };
}

/** Who calls: a token's employee (`caller`) or, on publishable routes, a partner's key (`key`); both null on public routes. */
async function accessFor(route: RouteDef, c: Context<AppEnv>, deps: AppDeps): Promise<{ caller: Caller | null; key: KeyCaller | null }> {
  const authorization = c.req.header('authorization');
  const presented = presentedKey(authorization);
  switch (route.access.kind) {
    case 'public':
      // A key sent along is checked (a revoked key or a foreign origin is refused) but grants nothing here.
      if (presented !== null) await checkKey(deps, c, presented);
      return { caller: null, key: null };
    case 'publishable':
      if (presented !== null) return { caller: null, key: await checkKey(deps, c, presented) };
      return { caller: await authenticate(deps, authorization), key: null };
    case 'sandbox':
    case 'user': {
      // Off sandbox mode the sandbox routes are not there for anyone: not even a key's 403 may say they exist.
      if (route.access.kind === 'sandbox' && !deps.config.sandbox) throw new ApiProblem('notFound', 'Sandbox mode is off on this server');
      if (presented !== null) {
        throw new ApiProblem('forbidden', 'Publishable keys may only read open internships, fetch a challenge and apply; this route needs a bearer token');
      }
      if (route.access.kind === 'sandbox') return { caller: null, key: null };
      const caller = await authenticate(deps, authorization);
      const roles = route.access.roles;
      if (roles && !roles.includes(caller.role)) throw new ApiProblem('forbidden', `This needs the role ${roles.join(' or ')}`);
      return { caller, key: null };
    }
  }
}

/** Who a mutation's Idempotency-Key belongs to; null for an anonymous caller without a credential (the key is ignored). */
function idempotencyCaller(caller: Caller | null, key: KeyCaller | null, params: unknown): string | null {
  if (caller) return `sub:${caller.id}`;
  if (key) return `pk:${key.id}`;
  // The private-link routes: the link's token is the credential, so it is the key space (as its hash).
  const token = (params as { token?: unknown } | undefined)?.token;
  if (typeof token === 'string') return `link:${createHash('sha256').update(token).digest('hex')}`;
  // Other anonymous mutations (sandbox token minting) have no one to scope a key to: sharing one key space among
  // all anonymous callers would let one replay another's answer, so the key is ignored and the request just runs.
  return null;
}

/** Path parameters with `me` resolved to the caller: `/employees/me/goals` and `/employees/emp_…/goals` are one resource. */
function resolvedParams(params: unknown, caller: Caller | null): unknown {
  if (!params || typeof params !== 'object' || !caller) return params;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, value === 'me' ? caller.id : value]));
}

/** Counts a failed authentication of `address`: past the limit the answer is 429 instead of the 401. */
async function accessCountingFailures(route: RouteDef, c: Context<AppEnv>, deps: AppDeps, address: string): Promise<{ caller: Caller | null; key: KeyCaller | null }> {
  try {
    return await accessFor(route, c, deps);
  } catch (error) {
    if (error instanceof ApiProblem && error.kind === 'unauthorized') await rateLimitsFor(deps.config).consume('authFailure', address);
    throw error;
  }
}

function checkResponse(route: RouteDef, body: unknown): void {
  const check = z.safeParse(route.response, body);
  if (!check.success) {
    const where = fieldErrors(check.error).map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
    throw new Error(`Response of ${route.id} does not match the contract: ${where}`);
  }
}

const jsonResponse = (text: string, status: number, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

export function bind<R extends RouteDef>(app: Hono<AppEnv>, deps: AppDeps, route: R, handler: Handler<R>): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
  const mutation = method !== 'get';
  app.on(route.method, honoPath(route.path), async (c) => {
    const limits = rateLimitsFor(deps.config);
    const address = clientAddress(c, deps.config.trustedProxyHops);
    // Points are spent before any work. The private link first: it has no caller to wait for.
    if (isPrivateRoute(route)) await limits.consume('private', address);
    const { caller, key: keyCaller } = await accessCountingFailures(route, c, deps, address);
    if (!isPrivateRoute(route)) {
      const spend = spendFor(route, { caller, key: keyCaller }, address);
      await limits.consume(spend.bucket, spend.subject);
    }
    const params = route.params ? validate(route.params, c.req.param(), 'path') : undefined;
    const query = route.query ? validate(route.query, c.req.query(), 'query') : undefined;

    if (!mutation) {
      const result = await handler({ c, params, query, body: undefined, caller, key: keyCaller, deps } as HandlerInput<R>);
      if (result instanceof Response) return result;
      if (deps.config.validateResponses) checkResponse(route, result.body);
      return jsonResponse(JSON.stringify(result.body), result.status ?? route.status ?? 200);
    }

    // The body is read and validated before the request transaction: a slow client must not hold it open.
    requireJsonBody(c); // 415 for a body that is not JSON, before it is read (server/media-type.ts)
    let raw: string;
    try {
      // Strict: invalid UTF-8 is refused, not stored with U+FFFD in place of what was sent (`npm run fuzz`).
      raw = UTF8.decode(await c.req.arrayBuffer());
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new ApiProblem('validation', 'The request body is not valid UTF-8', {
        errors: [{ path: '', code: 'json.encoding', message: 'The request body must be UTF-8 encoded JSON' }],
      });
    }
    let json: unknown;
    if (route.body && nestingDepth(raw) > MAX_BODY_DEPTH) {
      throw new ApiProblem('validation', 'The request body is nested too deeply', {
        errors: [{ path: '', code: 'json.depth', message: `JSON may be nested at most ${MAX_BODY_DEPTH} levels deep` }],
      });
    }
    try {
      // A route without a body ignores whatever was sent, as before.
      json = !route.body || raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch {
      throw new ApiProblem('validation', 'The request body is not valid JSON', {
        errors: [{ path: '', code: 'json.malformed', message: 'The request body is not valid JSON' }],
      });
    }
    const body = route.body ? validate(route.body, json, 'request body') : undefined;

    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey !== undefined) IdempotencyStore.check(idempotencyKey);
    const scopeCaller = idempotencyKey !== undefined ? idempotencyCaller(caller, keyCaller, params) : null;
    if (scopeCaller !== null) await deps.idempotency.purgeNowAndThen();

    // One transaction (server/request-scope.ts): the handler's writes, the check of its answer and the key's record
    // commit together. A response that fails the contract is a 500 and leaves nothing stored, no event sent.
    return inRequestTransaction(deps.db, async () => {
      let idempotencyId: string | null = null;
      if (scopeCaller !== null) {
        const scope = { caller: scopeCaller, route: route.id, resource: { params: resolvedParams(params, caller), query: query ?? null } };
        const begun = await deps.idempotency.begin(scope, idempotencyKey!, json);
        if (begun.kind === 'replay') return jsonResponse(begun.body, begun.status, { 'idempotency-replayed': 'true' });
        idempotencyId = begun.id;
      }
      const result = await handler({ c, params, query, body, caller, key: keyCaller, deps } as HandlerInput<R>);
      if (result instanceof Response) {
        // Not a JSON answer we could replay: the writes stand, the key is not kept.
        if (idempotencyId) await deps.idempotency.abandon(idempotencyId);
        return result;
      }
      const answer = deps.hooks?.corruptResponse ? deps.hooks.corruptResponse(route.id, result.body) : result.body;
      // Always, also in production, where reads are not checked: a write must not commit an answer outside the
      // contract (it would break every later read of that data).
      checkResponse(route, answer);
      const status = result.status ?? route.status ?? 200;
      const text = JSON.stringify(answer);
      if (idempotencyId) await deps.idempotency.complete(idempotencyId, status, text);
      return jsonResponse(text, status);
    });
  });
}
