// A portal page rendered on the server (docs/embedding/ssr.md): on each request it loads the signed-in user's data
// through the SDK, renders <asn-provider> with the three read-only widgets into declarative shadow DOM with
// @lit-labs/ssr, and serves a page that reads without JavaScript. The client bundle (client.ts, built by Vite)
// then hydrates the same DOM with the same data and the widgets go live.
//
// `@lit-labs/ssr` comes first: lit's server build (and our element modules) then load under Node.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'lit';
// The package's own entry points (package.json `exports` → dist/), by Node's self-reference: what a portal imports.
import { createClient, type Client } from 'pembinaan-asn';
import 'pembinaan-asn/components/asn-provider';
import 'pembinaan-asn/components/asn-progress-card';
import 'pembinaan-asn/components/asn-feedback-feed';
import 'pembinaan-asn/components/asn-partner-directory';
import { DATA_ID, scriptJson, type PortalData } from './data.js';

export interface SsrPortalOptions {
  /** The API's origin, e.g. `https://asn.sorongkota.go.id`. */
  apiUrl: string;
  /**
   * The signed-in user's bearer token, or how to get it for a request (a real portal reads its session). In this
   * example a sandbox token stands in for the session.
   */
  token: string | ((request: Request) => string | Promise<string>);
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where `vite build` put the client bundle: `.tmp/examples/ssr-portal` (test/e2e/static-site.ts `buildExample`). */
  clientDir?: string;
}

export interface SsrPortal {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** The data of one page, read through the SDK as the signed-in user; what fails is left to the widget's own load. */
async function loadData(client: Client, token: string): Promise<PortalData> {
  const [summary, feedback, goals, partners] = await Promise.allSettled([
    client.progress.get('me'),
    client.feedback.list('me', { limit: 20 }),
    client.goals.list('me', { limit: 100 }),
    client.partners.list({ limit: 20 }),
  ]);
  return {
    token,
    now: new Date().toISOString(),
    ...(summary.status === 'fulfilled' ? { summary: summary.value } : {}),
    ...(feedback.status === 'fulfilled'
      ? { feedback: { items: feedback.value.data, goals: goals.status === 'fulfilled' ? goals.value.data.map(({ id, title }) => ({ id, title })) : [] } }
      : {}),
    ...(partners.status === 'fulfilled' ? { partners: partners.value.data } : {}),
  };
}

/**
 * The widgets as the server renders them. Every element carries `defer-hydration`: the client bundle sets the same
 * properties first and then removes it, so each hydrates with the data it was rendered with.
 */
function widgets(apiUrl: string, d: PortalData) {
  return html`<asn-provider base-url=${apiUrl} defer-hydration>
    <div class="widgets">
      <asn-progress-card defer-hydration year=${d.summary?.year ?? ''} .summary=${d.summary} .now=${d.now}></asn-progress-card>
      <asn-feedback-feed defer-hydration .items=${d.feedback?.items} .goals=${d.feedback?.goals}></asn-feedback-feed>
      <asn-partner-directory defer-hydration .partners=${d.partners} .now=${d.now}></asn-partner-directory>
    </div>
  </asn-provider>`;
}

/** `'sha256-…'` of every distinct `<style>` the renderer wrote (each element's static styles), for `style-src`. */
function styleHashes(markup: string): string[] {
  const hashes = new Set<string>();
  for (const [, css] of markup.matchAll(/<style>([\s\S]*?)<\/style>/g)) hashes.add(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  return [...hashes];
}

/** The strict CSP of the page: scripts from the portal only, the widgets' styles by hash, requests to the API. */
export function portalCsp(apiUrl: string, hashes: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${hashes.join(' ')}`.trim(),
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function page(body: string, data: PortalData, entry: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal ASN · Pengembangan kompetensi</title>
<link rel="stylesheet" href="/portal.css">
<script type="module" src="/${entry}"></script>
</head>
<body>
<header class="portal-header"><p class="portal-name">Portal ASN Kota Sorong</p><h1>Pengembangan kompetensi saya</h1></header>
<main>
${body}
</main>
<script type="application/json" id="${DATA_ID}">${scriptJson(data)}</script>
</body>
</html>
`;
}

/** Starts the portal on `127.0.0.1` (another origin than the API's, as a portal is); `url` uses `localhost`. */
export async function startSsrPortal(options: SsrPortalOptions): Promise<SsrPortal> {
  const clientDir = resolve(options.clientDir ?? '.tmp/examples/ssr-portal');
  const manifestFile = join(clientDir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the client bundle first (vite build examples/ssr-portal)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)?.file;
  if (!entry) throw new Error(`no entry in ${manifestFile}`);

  const app = new Hono();
  app.get('/', async (c) => {
    const token = typeof options.token === 'function' ? await options.token(c.req.raw) : options.token;
    // One client per request: its cache and credentials belong to this user only.
    const client = createClient({ baseUrl: options.apiUrl, token });
    try {
      const data = await loadData(client, token);
      const markup = await collectResult(render(widgets(options.apiUrl, data)));
      return c.html(page(markup, data, entry), 200, {
        'Content-Security-Policy': portalCsp(options.apiUrl, styleHashes(markup)),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
    } finally {
      client.close();
    }
  });
  // The client bundle and the page's stylesheet, from the Vite build.
  app.get('/*', (c) => {
    const file = join(clientDir, normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(clientDir + '/') || file.includes('/.vite/') || !existsSync(file) || !statSync(file).isFile()) return c.notFound();
    return c.body(readFileSync(file), 200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' });
  });

  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => done(s));
  });
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
