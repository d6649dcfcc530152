// Would the contract accept this request? `npm run fuzz` sends only requests this says no to on every route that can
// write (and on streams), so an unchanged database is a real claim and not luck.
//
// It models what the server checks before a handler runs (server/bind.ts): the route the path and method reach (with
// Hono's own path and query decoding), the credentials, the path, query and body schemas of the contract, and the
// Idempotency-Key's syntax. It errs towards "accepted": where the server could read a request two ways (a repeated
// header) either reading counts, every route that matches the path is tried, and checks the server may add (content
// type, body size, rate limits) are ignored. So "rejected" means rejected before any handler.
import { getPath, getQueryParam, tryDecodeURIComponent } from 'hono/utils/url';
import { z } from 'zod/mini';
import type { RouteDef } from '../src/contract/index.js';
import { originAllowed } from '../server/keys.js';

/** A request as it goes on the wire: raw request-target, raw header values, raw body bytes. */
export interface WireRequest {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: Buffer | null;
}

export interface Credentials {
  /** Tokens the server accepts, with the role of their employee. Every other token is refused. */
  tokens: Map<string, 'employee' | 'supervisor' | 'admin'>;
  /** Publishable keys the server accepts, with their allowed origins. Every other `pk_…` is refused. */
  keys: Map<string, readonly string[]>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
// What the Headers API does to a value (server side, @hono/node-server builds a Request).
const headerTrim = (value: string) => value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

/** Each way the server could read header `name`: absent, the first value, or all joined. */
function readings(headers: WireRequest['headers'], name: string): Array<string | undefined> {
  const values = headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => headerTrim(v));
  if (values.length === 0) return [undefined];
  return [...new Set([values[0], values.join(', ')])];
}

const segmentsOf = (routePath: string) => routePath.split('/');

/** Params of `routePath` in `path` (Hono's router: `{name}` is one non-slash segment), or null. */
function matchPath(routePath: string, path: string): Record<string, string> | null {
  const pattern = segmentsOf(routePath);
  const actual = path.split('/');
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const name = /^\{(\w+)\}$/.exec(p)?.[1];
    if (name) params[name] = tryDecodeURIComponent(actual[i]);
    else if (p !== actual[i]) return null;
  }
  return params;
}

/** The URLs the server could build from the request-target (relative to its host, or absolute-form). */
function urlsOf(target: string, host: string): string[] {
  const urls: string[] = [];
  for (const candidate of [`http://${host}${target}`, target]) {
    try {
      urls.push(new URL(candidate).href);
    } catch {
      // not a URL this way
    }
  }
  return urls;
}

export function makeOracle(routes: readonly RouteDef[], credentials: Credentials, host: string) {
  const tokenOk = (authorization: string | undefined, roles: readonly string[] | undefined): boolean => {
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(authorization ?? '');
    const role = match ? credentials.tokens.get(match[1]) : undefined;
    return role !== undefined && (!roles || roles.includes(role));
  };
  const keyOk = (presented: string, origin: string | undefined): boolean => {
    const allowed = credentials.keys.get(presented);
    return allowed !== undefined && (origin === undefined || originAllowed(origin, allowed));
  };

  function accessOk(route: RouteDef, authorization: string | undefined, origin: string | undefined): boolean {
    const presented = /^Bearer\s+(pk_\S*)$/i.exec(authorization ?? '')?.[1] ?? null;
    switch (route.access.kind) {
      case 'public':
        return presented === null || keyOk(presented, origin);
      case 'publishable':
        return presented !== null ? keyOk(presented, origin) : tokenOk(authorization, undefined);
      case 'sandbox':
        return presented === null;
      case 'user':
        return presented === null && tokenOk(authorization, route.access.roles);
    }
  }

  function bodyOk(route: RouteDef, body: Buffer | null): boolean {
    if (!route.body) return true;
    // The server decodes the body twice on some paths (the body-limit middleware re-reads it), so a second leading
    // BOM is dropped too: both readings count.
    const decoded = new TextDecoder().decode(body ?? Buffer.alloc(0));
    return (decoded.startsWith('\ufeff') ? [decoded, decoded.slice(1)] : [decoded]).some((raw) => {
      let json: unknown;
      try {
        json = raw.trim() === '' ? undefined : JSON.parse(raw);
      } catch {
        return false;
      }
      return z.safeParse(route.body!, json).success;
    });
  }

  /** True when some route could run its handler for this request. */
  return function mayBeAccepted(request: WireRequest): boolean {
    const method = request.method.toUpperCase() === 'HEAD' ? 'GET' : request.method.toUpperCase();
    const candidates = routes.filter((r) => r.method === method);
    if (candidates.length === 0) return false;
    const authorizations = readings(request.headers, 'authorization');
    const origins = readings(request.headers, 'origin');
    const keys = readings(request.headers, 'idempotency-key');
    const idempotencyOk = keys.some((k) => k === undefined || IDEMPOTENCY_KEY.test(k));
    for (const href of urlsOf(request.target, host)) {
      const path = getPath(new Request(href));
      const query = getQueryParam(href) as Record<string, string>;
      for (const route of candidates) {
        const params = matchPath(route.path, path);
        if (!params) continue;
        if (!authorizations.some((a) => origins.some((o) => accessOk(route, a, o)))) continue;
        if (route.params && !z.safeParse(route.params, params).success) continue;
        if (route.query && !z.safeParse(route.query, query).success) continue;
        if (route.method !== 'GET' && !idempotencyOk) continue;
        if (!bodyOk(route, request.body)) continue;
        return true;
      }
    }
    return false;
  };
}
