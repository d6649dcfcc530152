// Binds a route of the contract (src/contract/routes.ts) to a handler: access, input validation,
// idempotency for mutations, and — in development and tests — validation of the handler's own response.
import type { Context, Hono } from 'hono';
import { z } from 'zod/mini';
import type { FieldError, RouteDef } from '../src/contract/index.js';
import { authenticate, type Caller } from './auth.js';
import type { AppDeps, AppEnv } from './deps.js';
import { findKeyByValue, originAllowed } from './keys.js';
import { ApiProblem } from './problem.js';
import type { KeyCaller } from './publishable.js';
import { bucketFor, clientAddress, rateLimitsFor } from './rate-limit.js';

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

/** A readable message where zod only says "Invalid input". */
function describe(issue: z.core.$ZodIssue): string {
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
      return i.input === undefined ? 'Required' : `Expected ${i.expected}`;
    case 'unrecognized_keys':
      return `Unknown field(s): ${(i.keys as string[]).join(', ')}`;
    default:
      return 'Invalid value';
  }
}

export function fieldErrors(error: z.core.$ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params = (issue as { params?: { rule?: unknown } }).params;
    return {
      path: path || prefix || '',
      code: typeof params?.rule === 'string' ? params.rule : issue.code,
      message: describe(issue),
    };
  });
}

function validate<S extends Schema>(schema: S, value: unknown, what: string, prefix?: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ApiProblem('validation', `The ${what} is invalid`, { errors: fieldErrors(result.error, prefix) });
  return result.data;
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
      return { caller: await authenticate(deps.db, deps.config.jwtSecret, authorization), key: null };
    case 'sandbox':
    case 'user': {
      if (presented !== null) {
        throw new ApiProblem('forbidden', 'Publishable keys may only read open internships, fetch a challenge and apply; this route needs a bearer token');
      }
      if (route.access.kind === 'sandbox') {
        if (!deps.config.sandbox) throw new ApiProblem('notFound', 'Sandbox mode is off on this server');
        return { caller: null, key: null };
      }
      const caller = await authenticate(deps.db, deps.config.jwtSecret, authorization);
      const roles = route.access.roles;
      if (roles && !roles.includes(caller.role)) throw new ApiProblem('forbidden', `This needs the role ${roles.join(' or ')}`);
      return { caller, key: null };
    }
  }
}

export function bind<R extends RouteDef>(app: Hono<AppEnv>, deps: AppDeps, route: R, handler: Handler<R>): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
  app.on(route.method, honoPath(route.path), async (c) => {
    const { caller, key: keyCaller } = await accessFor(route, c, deps);
    // Rate limits of what the whole internet reaches: per key and address, the private link per address.
    const bucket = bucketFor(route, keyCaller);
    if (bucket) {
      const address = clientAddress(c, deps.config.trustedProxyHops);
      await rateLimitsFor(deps.config).consume(bucket, bucket === 'private' ? address : `${keyCaller!.id}|${address}`);
    }
    const params = route.params ? validate(route.params, c.req.param(), 'path') : undefined;
    const query = route.query ? validate(route.query, c.req.query(), 'query') : undefined;

    const mutation = method !== 'get';
    const raw = mutation ? await c.req.text() : '';
    const key = mutation ? c.req.header('idempotency-key') : undefined;
    let idempotencyId: string | null = null;
    if (key !== undefined) {
      const scope = {
        caller: caller ? `sub:${caller.id}` : keyCaller ? `pk:${keyCaller.id}` : 'anonymous',
        method: route.method,
        path: new URL(c.req.url).pathname,
      };
      const begun = await deps.idempotency.begin(scope, key, raw);
      if (begun.kind === 'replay') {
        return new Response(begun.body, {
          status: begun.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-replayed': 'true' },
        });
      }
      idempotencyId = begun.id;
    }

    try {
      let body: unknown;
      if (route.body) {
        let json: unknown;
        try {
          json = raw.trim() === '' ? undefined : JSON.parse(raw);
        } catch {
          throw new ApiProblem('validation', 'The request body is not valid JSON', {
            errors: [{ path: '', code: 'json.malformed', message: 'The request body is not valid JSON' }],
          });
        }
        body = validate(route.body, json, 'request body');
      }

      const result = await handler({ c, params, query, body, caller, key: keyCaller, deps } as HandlerInput<R>);
      if (result instanceof Response) {
        if (idempotencyId) await deps.idempotency.abandon(idempotencyId);
        return result;
      }
      if (deps.config.validateResponses) {
        const check = z.safeParse(route.response, result.body);
        if (!check.success) {
          const where = fieldErrors(check.error).map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
          throw new Error(`Response of ${route.id} does not match the contract: ${where}`);
        }
      }
      const status = result.status ?? route.status ?? 200;
      const text = JSON.stringify(result.body);
      if (idempotencyId) await deps.idempotency.complete(idempotencyId, status, text);
      return new Response(text, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
    } catch (error) {
      if (idempotencyId) await deps.idempotency.abandon(idempotencyId);
      throw error;
    }
  });
}
