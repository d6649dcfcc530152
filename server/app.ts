// The Hono app: request ids, security headers, CORS, the contract's routes, static demo and bundle.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimits, DEFAULT_BODY_LIMIT_BYTES } from './body-limit.js';
import { privateForAuthenticated, staticCacheControl } from './caching.js';
import { compressApi, staticDelivery } from './compression.js';
import { corsOrigin } from './cors.js';
import type { AppDeps, AppEnv } from './deps.js';
import { ApiProblem, problemResponse, renderProblem } from './problem.js';
import { registerEmployees } from './routes/employees.js';
import { registerEnrollments } from './routes/enrollments.js';
import { registerEvents } from './routes/events.js';
import { registerFeedback } from './routes/feedback.js';
import { registerInternships } from './routes/internships.js';
import { registerGoals } from './routes/goals.js';
import { registerLearning } from './routes/learning.js';
import { registerMeta } from './routes/meta.js';
import { registerPartners } from './routes/partners.js';
import { registerPrograms } from './routes/programs.js';
import { registerProgress } from './routes/progress.js';
import { registerSandbox } from './routes/sandbox.js';
import { registerTeam } from './routes/team.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const LOCAL_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;

export function isAllowedOrigin(origin: string, allowed: readonly string[], sandbox: boolean): boolean {
  return allowed.includes(origin) || (sandbox && LOCAL_ORIGIN.test(origin));
}

/** Serves `dir` once it exists (demo/ and dist/ may be built after the server starts). */
function lazyStatic(dir: string, rewrite?: (path: string) => string): MiddlewareHandler<AppEnv> {
  let handler: MiddlewareHandler | undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!handler) {
      if (!existsSync(dir)) return next();
      handler = serveStatic({ root: dir, rewriteRequestPath: rewrite });
    }
    return handler(c, next);
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { hooks } = deps;

  // Request id (accepted from a sane incoming header, else generated) and the request log hook.
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    const done = hooks?.onRequest?.({ method: c.req.method, path: new URL(c.req.url).pathname });
    try {
      await next();
    } finally {
      try {
        c.res.headers.set('X-Request-Id', requestId);
        c.res.headers.set('X-Content-Type-Options', 'nosniff');
      } catch {
        // immutable headers: nothing to add
      }
      done?.(c.res.status);
    }
  });
  app.use('*', privateForAuthenticated());

  app.use(
    '*',
    cors({
      // The portal's origins everywhere; publishable and public routes also a key's origins (server/cors.ts).
      origin: corsOrigin(deps),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotency-Replayed', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  );

  if (hooks?.intercept) {
    const intercept = hooks.intercept;
    app.use('*', async (c, next) => {
      const response = intercept(c);
      if (response) return response;
      return next();
    });
  }

  // Bodies past their route's limit are refused before they are read (server/body-limit.ts); JSON is compressed.
  app.use('/v1/*', bodyLimits(deps.config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES));
  app.use('/v1/*', compressApi());

  registerMeta(app, deps);
  registerEmployees(app, deps);
  registerProgress(app, deps);
  registerLearning(app, deps);
  registerGoals(app, deps);
  registerFeedback(app, deps);
  registerTeam(app, deps);
  registerPrograms(app, deps);
  registerPartners(app, deps);
  registerInternships(app, deps);
  registerEnrollments(app, deps);
  registerEvents(app, deps);
  registerSandbox(app, deps);

  // Static: the built bundle under /dist/, the demo portal at / with a strict CSP.
  // The bundle is public, like a CDN's: a university's page on another origin loads it as a module script, which
  // the browser fetches with CORS.
  app.use('/dist/*', async (c, next) => {
    await next();
    if (c.res.ok || c.res.status === 304) c.res.headers.set('Access-Control-Allow-Origin', '*');
  });
  // Static files compressed (once per version), with an ETag and 304, cached for a year when hashed (server/caching.ts).
  const staticOnly = (middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> => (c, next) =>
    c.req.path.startsWith('/v1/') || c.req.path === '/healthz' ? next() : middleware(c, next);
  app.use('*', staticOnly(staticDelivery()), staticOnly(staticCacheControl()));
  app.use('/dist/*', lazyStatic(resolve(REPO_ROOT, 'dist'), (p) => p.replace(/^\/dist/, '')));
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/v1/') || path.startsWith('/dist/') || path === '/healthz') return next();
    await next();
    if (c.res.ok) c.res.headers.set('Content-Security-Policy', DEMO_CSP);
  });
  // The demo portal signs in with sandbox tokens: a server not in sandbox mode does not serve it (nor its university page).
  if (deps.config.sandbox) app.use('*', lazyStatic(resolve(REPO_ROOT, 'demo')));

  app.notFound((c) => problemResponse(c, 'notFound', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return renderProblem(c, error);
    console.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse(c, 'internal', 'Something went wrong on the server; quote the requestId when reporting it');
  });
  return app;
}
