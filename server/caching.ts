// Cache-Control: nothing answered to an authenticated request is kept by a browser or a shared cache; static files
// are revalidated by ETag, and those whose name carries a content hash are kept for a year.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.js';

export const PRIVATE_NO_STORE = 'private, no-store';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Names rollup gives chunks (rollup.config.js): `chunks/[name]-[hash].js`, `cdn/pembinaan-asn-[name]-[hash].js` and
 * the loader's `cdn/elements/[name]-[hash].js` (8 characters of base64url), and their source maps. Entry files
 * (`index.js`, `cdn/pembinaan-asn.js`, `cdn/loader.js`) keep their names across builds, so they are only revalidated.
 */
const HASHED_ASSET = /^\/dist\/(?:chunks\/[\w.-]+|cdn\/pembinaan-asn-[\w.-]+|cdn\/elements\/[\w.-]+)-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

export const isHashedAsset = (path: string): boolean => HASHED_ASSET.test(path);

/**
 * `private, no-store` on every response to a request that carried `Authorization` (problems too), unless the route
 * already said `no-store`. Outermost, so it sees what the error handler rendered.
 */
export function privateForAuthenticated(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.header('authorization') === undefined) return;
    const current = c.res.headers.get('cache-control');
    if (current && /(?:^|,)\s*no-store\s*(?:,|$)/i.test(current)) return;
    try {
      c.res.headers.set('Cache-Control', PRIVATE_NO_STORE);
    } catch {
      // immutable headers: nothing to add
    }
  };
}

/** For static files: a year for hashed names, revalidation (by the ETag `etag()` adds) for the others. */
export function staticCacheControl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('cache-control')) return;
    c.res.headers.set('Cache-Control', isHashedAsset(c.req.path) ? IMMUTABLE : REVALIDATE);
  };
}
