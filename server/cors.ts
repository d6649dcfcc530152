// Which origin CORS answers (`Access-Control-Allow-Origin`), per request. The portal's origins (`ASN_CORS_ORIGINS`,
// localhost in sandbox mode) reach every route. On the routes a publishable key may call, and on the public ones
// (privacy notice, private link), a university's page is let in by its key's allowed origins:
//  - a request that carries `Bearer pk_…`: exactly that key's origins, nothing else (not even the portal's), so the
//    browser lets a page read the answer only where the key may be used;
//  - a preflight carries no Authorization header: the origin is allowed when ANY non-revoked key of the server's mode
//    allows it (cached a few seconds, server/keys.ts); the actual request is then checked against its own key
//    (server/bind.ts), which answers 403 for a page its key does not allow.
import type { Context } from 'hono';
import { routes, type RouteDef } from '../src/contract/index.js';
import { isAllowedOrigin } from './app.js';
import { presentedKey } from './bind.js';
import type { AppDeps } from './deps.js';
import { findKeyByValue, originAllowed, someKeyAllows } from './keys.js';

interface KeyRoute {
  method: string;
  pattern: RegExp;
}

const keyRoutes: KeyRoute[] = (Object.values(routes) as RouteDef[])
  .filter((r) => r.access.kind === 'publishable' || r.access.kind === 'public')
  .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`) }));

const reachableByKey = (method: string, path: string) => keyRoutes.some((r) => r.method === method && r.pattern.test(path));

/** The CORS `origin` option of the app: the request's origin when it is allowed (see above), else null. */
export function corsOrigin(deps: AppDeps): (origin: string, c: Context) => Promise<string | null> {
  const { config, db } = deps;
  return async (origin, c) => {
    if (!origin) return null;
    const preflight = c.req.method === 'OPTIONS';
    const method = preflight ? (c.req.header('access-control-request-method') ?? '').toUpperCase() : c.req.method;
    const keyRoute = reachableByKey(method, c.req.path);
    const presented = preflight ? null : presentedKey(c.req.header('authorization'));
    if (keyRoute && presented !== null) {
      // A revoked key's origins still count, so the page can read the 401 that says so.
      const row = await findKeyByValue(db, presented);
      return row && originAllowed(origin, JSON.parse(row.allowed_origins) as string[]) ? origin : null;
    }
    if (isAllowedOrigin(origin, config.corsOrigins, config.sandbox)) return origin;
    if (keyRoute && (await someKeyAllows(db, config.sandbox ? 'test' : 'live', origin))) return origin;
    return null;
  };
}
