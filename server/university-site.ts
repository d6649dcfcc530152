// A page dressed as a partner university's site, served from an origin of its own with the university's own strict
// Content-Security-Policy: what a university web team gets when it pastes our snippet (README, "Embedding the
// internship form"). Sandbox only; nothing here is part of the API.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'university');

export interface UniversitySiteOptions {
  /** Where the API and the CDN bundle live (the sandbox server), e.g. `http://localhost:8787`. */
  apiOrigin: string;
  /** The university's publishable key (a sandbox test key allowed for `http://localhost:*`). */
  publishableKey: string;
}

/** The CSP a university needs for the form: our CDN for scripts, our API for requests, nothing inline. */
export const universityCsp = (apiOrigin: string) =>
  [
    "default-src 'none'",
    `script-src 'self' ${apiOrigin}`,
    "style-src 'self'",
    `connect-src ${apiOrigin}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function createUniversitySite(options: UniversitySiteOptions): Hono {
  const app = new Hono();
  const origin = new URL(options.apiOrigin).origin;
  const csp = universityCsp(origin);
  const template = readFileSync(resolve(DIR, 'index.html'), 'utf8');
  const css = readFileSync(resolve(DIR, 'kampus.css'), 'utf8');

  app.get('/', (c) => {
    // The page's own language switch is a plain link (`?lang=en`): the page runs no script of its own.
    const locale = c.req.query('lang') === 'en' ? 'en' : 'id';
    const html = template
      .replaceAll('{{API}}', escapeAttr(origin))
      .replaceAll('{{KEY}}', escapeAttr(options.publishableKey))
      .replaceAll('{{LOCALE}}', locale);
    return c.html(html, 200, { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' });
  });
  app.get('/kampus.css', (c) =>
    c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }),
  );
  app.get('/favicon.svg', (c) =>
    c.body(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1d4f91"/></svg>',
      200,
      { 'Content-Type': 'image/svg+xml' },
    ),
  );
  return app;
}
