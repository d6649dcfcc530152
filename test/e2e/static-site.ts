// What the end-to-end tests of built pages share: a static file server for a directory (Storybook's build, a Vite
// example's dist/, a guide's page), optionally with response headers such as a strict CSP, and a Vite build of an
// example app under examples/ into .tmp/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.map': 'application/json',
};

export interface StaticSite {
  url: string;
  /** Every path requested so far, in order (`/assets/x.js`). */
  requests: string[];
  close(): Promise<void>;
}

export interface StaticSiteOptions {
  /** Headers on every HTML answer (a Content-Security-Policy, say). */
  htmlHeaders?: Record<string, string>;
  /** URL prefix → directory, besides the root (`{ '/vendor/pembinaan-asn/': 'dist/cdn' }`). */
  mounts?: Record<string, string>;
  /** `localhost` (the default) is another origin than the API's `127.0.0.1`, as a portal's is. */
  hostname?: string;
}

/** Serves `root` over HTTP on a free port; `/` is `index.html`. Paths outside a served directory answer 404. */
export async function serveStatic(root: string, options: StaticSiteOptions = {}): Promise<StaticSite> {
  const requests: string[] = [];
  const mounts = Object.entries({ ...options.mounts, '/': root }).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p)) ?? mounts[mounts.length - 1];
    const rest = pathname.slice(prefix.length).replace(/^[/\\]+/, '');
    const file = join(dir, rest ? normalize(rest) : 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(type.startsWith('text/html') ? options.htmlHeaders : {}) });
    res.end(readFileSync(file));
  });
  const hostname = options.hostname ?? 'localhost';
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${hostname}:${port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Builds `examples/<name>` with its own vite.config into `.tmp/examples/<name>`; returns that directory. */
export async function buildExample(name: string): Promise<string> {
  const { build } = await import('vite');
  const root = resolve('examples', name);
  const outDir = resolve('.tmp/examples', name);
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
