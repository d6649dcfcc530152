// Binds a route of the contract (src/contract/routes.ts) to a handler: access, input validation,
// idempotency for mutations, and — in development and tests — validation of the handler's own response.
import type { Context, Hono } from 'hono';
import { z } from 'zod/mini';
import type { FieldError, RouteDef } from '../src/contract/index.js';
import { authenticate, type Caller } from './auth.js';
import type { AppDeps, AppEnv } from './deps.js';
import { ApiProblem } from './problem.js';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface HandlerInput<R extends RouteDef> {
  c: Context<AppEnv>;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** The signed-in employee; null on public and sandbox routes. */
  caller: R['access'] extends { kind: 'user' } ? Caller : Caller | null;
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

async function callerFor(route: RouteDef, c: Context<AppEnv>, deps: AppDeps): Promise<Caller | null> {
  switch (route.access.kind) {
    case 'public':
      return null;
    case 'sandbox':
      if (!deps.config.sandbox) throw new ApiProblem('notFound', 'Sandbox mode is off on this server');
      return null;
    case 'publishable':
    // Publishable partner keys arrive with the internship routes; until then these routes need a token.
    case 'user': {
      const caller = await authenticate(deps.db, deps.config.jwtSecret, c.req.header('authorization'));
      const roles = route.access.kind === 'user' ? route.access.roles : undefined;
      if (roles && !roles.includes(caller.role)) throw new ApiProblem('forbidden', `This needs the role ${roles.join(' or ')}`);
      return caller;
    }
  }
}

export function bind<R extends RouteDef>(app: Hono<AppEnv>, deps: AppDeps, route: R, handler: Handler<R>): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
  app.on(route.method, honoPath(route.path), async (c) => {
    const caller = await callerFor(route, c, deps);
    const params = route.params ? validate(route.params, c.req.param(), 'path') : undefined;
    const query = route.query ? validate(route.query, c.req.query(), 'query') : undefined;

    const mutation = method !== 'get';
    const raw = mutation ? await c.req.text() : '';
    const key = mutation ? c.req.header('idempotency-key') : undefined;
    let idempotencyId: string | null = null;
    if (key !== undefined) {
      const scope = {
        caller: caller ? `sub:${caller.id}` : `pk:${c.req.header('x-publishable-key') ?? 'anonymous'}`,
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

      const result = await handler({ c, params, query, body, caller, deps } as HandlerInput<R>);
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
