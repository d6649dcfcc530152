// End to end: the CDN loader (dist/cdn/loader.js, src/cdn-loader.ts) on a portal page of its own origin under a
// strict CSP (`script-src 'self'`), with dist/cdn copied under /vendor/pembinaan-asn/ as docs/embedding/php.md
// says. A page fetches the chunks of the elements it shows and no other's, upgrades an element added later,
// preloads its chunks at start, and reports no CSP violation or console error; the PHP guide's page
// (examples/php/public) renders from the sandbox server with the token its own script hands over.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoHarness, watchPage } from './demo-harness.js';
import { serveStatic, type StaticSite } from './static-site.js';

const VENDOR = '/vendor/pembinaan-asn/';
const CDN = 'dist/cdn';
const PHP_PUBLIC = 'examples/php/public';
/** The API origin examples/php/public/index.html was printed with (examples/php/config/asn.php). */
const EXAMPLE_API = 'https://api.asn.sorongkota.go.id';
const ASN_VIEW = ['asn-progress-card', 'asn-goal-list', 'asn-feedback-feed'];

type ChunkMap = Record<string, string[]>;
const chunkMap = (): ChunkMap => JSON.parse(readFileSync(`${CDN}/chunks.json`, 'utf8')) as ChunkMap;

/** The header of docs/embedding/php.md (and examples/php's middleware), for an API at `api`. */
const strictCsp = (api: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');

/** What a page preloads for `tags` (provider first, each file once), as URL paths on the portal. */
function filesFor(tags: string[], map = chunkMap()): string[] {
  return [...new Set(['asn-provider', ...tags].flatMap((tag) => map[tag] ?? assert.fail(`${tag} is not in chunks.json`)))].map(
    (file) => `${VENDOR}${file}`,
  );
}

/** The portal's token endpoint (`GET /asn/token`, examples/php's AsnTokenController), as a file in `dir`. */
function writeTokenEndpoint(dir: string, token: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'token'), JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
}

async function openPage(
  demo: ReturnType<typeof demoHarness>,
  url: string,
): Promise<{ page: Page; problems: string[]; csp: () => Promise<string[]>; authorizations: string[] }> {
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  watchPage(page, problems);
  const authorizations: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${demo.server.url}/v1/`) && request.method() !== 'OPTIONS') {
      authorizations.push(request.headers().authorization ?? '');
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url);
  assert.equal(response?.status(), 200);
  assert.equal(response?.headers()['content-security-policy'], strictCsp(demo.server.url));
  return { page, problems, authorizations, csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

const vendorRequests = (site: StaticSite): string[] => [...new Set(site.requests.filter((path) => path.startsWith(VENDOR)))];

/** The modulepreload links in the document, as URL paths, in document order. */
const preloadLinks = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname));

/** Waits until the card shows the employee's JP for the year (its text is in its shadow root). */
async function cardShowsJp(demo: ReturnType<typeof demoHarness>, page: Page, employeeId: string, token: string): Promise<void> {
  const summary = (await (
    await fetch(`${demo.server.url}/v1/employees/${employeeId}/progress`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { learning: { jp: number } };
  const expected = `${new Intl.NumberFormat('id-ID').format(summary.learning.jp)} dari 20 JP`;
  await page.waitForFunction(
    (text) => (document.querySelector('asn-progress-card')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(text),
    expected,
    { timeout: 20_000 },
  );
}

describe('CDN loader (dist/cdn/loader.js) on a portal page under a strict CSP', () => {
  const demo = demoHarness();
  const root = resolve('.tmp/e2e-loader');
  let site: StaticSite;
  let token: string;
  let employeeId: string;

  before(async () => {
    assert.ok(existsSync(`${CDN}/loader.js`) && existsSync(`${CDN}/chunks.json`), 'dist/cdn/loader.js is missing: run `npm run build` first');
    ({ token, employee: { id: employeeId } } = await demo.server.tokenFor('employee'));
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeTokenEndpoint(join(root, 'asn'), token);
    cpSync(`${PHP_PUBLIC}/favicon.svg`, join(root, 'favicon.svg'));
    // One card in a provider; the portal's script (examples/php/public/js/asn.js) hands over the token.
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8">
    <title>Progres belajar</title>
    <link rel="icon" href="/favicon.svg">
    <script type="module" src="${VENDOR}loader.js"></script>
    <script type="module" src="/js/asn.js"></script>
  </head>
  <body>
    <asn-provider base-url="${demo.server.url}" locale="id">
      <asn-progress-card employee="me"></asn-progress-card>
    </asn-provider>
  </body>
</html>
`,
    );
    site = await serveStatic(root, {
      htmlHeaders: { 'Content-Security-Policy': strictCsp(demo.server.url) },
      mounts: { [VENDOR]: CDN, '/js/': `${PHP_PUBLIC}/js` },
    });
    assert.notEqual(new URL(site.url).origin, new URL(demo.server.url).origin, 'the portal is on an origin of its own');
  });
  after(async () => site?.close());

  it('loader.js has no static import, so its first run asks for every chunk the page needs', () => {
    const code = readFileSync(`${CDN}/loader.js`, 'utf8');
    assert.doesNotMatch(code, /(?:^|[;}])\s*import\s*[{"'*\w]/, 'a static import would be fetched before the loader can scan the page');
    assert.ok(!code.includes('__ASN_LOADER_CHUNKS__'), 'the build replaced the placeholder with the chunk map');
  });

  it('served from the API server, the hashed chunks are cached for a year and the loader is revalidated', async () => {
    const head = async (path: string) => (await fetch(`${demo.server.url}/dist/cdn/${path}`)).headers.get('cache-control');
    const map = chunkMap();
    for (const file of new Set([...map['asn-provider']!, ...map['asn-goal-list']!])) {
      assert.equal(await head(file), 'public, max-age=31536000, immutable', file);
    }
    assert.equal(await head('loader.js'), 'no-cache');
    assert.equal(await head('chunks.json'), 'no-cache');
  });

  it('a page with one card fetches the card, the core and the loader, nothing of another element, and renders', async () => {
    site.requests.length = 0;
    const { page, problems, csp } = await openPage(demo, `${site.url}/index.html`);
    await cardShowsJp(demo, page, employeeId, token);

    const map = chunkMap();
    const expected = filesFor(['asn-progress-card'], map);
    const requested = vendorRequests(site);
    for (const file of [`${VENDOR}loader.js`, ...expected]) assert.ok(requested.includes(file), `${file} was not requested: ${requested.join(', ')}`);
    const others = new Set(
      Object.keys(map)
        .filter((tag) => tag !== 'asn-provider' && tag !== 'asn-progress-card')
        .flatMap((tag) => map[tag])
        .map((file) => `${VENDOR}${file}`)
        .filter((file) => !expected.includes(file)),
    );
    assert.deepEqual(requested.filter((file) => others.has(file)), [], 'chunks of elements the page does not show');
    assert.equal(await page.evaluate(() => customElements.get('asn-goal-list')), undefined, 'the goal list is not defined');
    assert.ok(site.requests.includes('/asn/token'), "the page's getToken asked the portal for the token");

    assert.deepEqual(await csp(), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error');
    await page.context().close();
  });

  it('preloads the chunks of the tags present at start, once each', async () => {
    const { page, problems, csp } = await openPage(demo, `${site.url}/index.html`);
    await cardShowsJp(demo, page, employeeId, token);
    const links = await preloadLinks(page);
    assert.deepEqual([...links].sort(), filesFor(['asn-progress-card']).sort());
    assert.deepEqual(await csp(), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('upgrades an element added after load and renders it', async () => {
    const { page, problems, csp } = await openPage(demo, `${site.url}/index.html`);
    await cardShowsJp(demo, page, employeeId, token);
    assert.equal(await page.evaluate(() => customElements.get('asn-goal-list')), undefined, 'not loaded before it is on the page');
    site.requests.length = 0;

    await page.evaluate(() => {
      const list = document.createElement('asn-goal-list');
      list.setAttribute('employee', 'me');
      document.querySelector('asn-provider')!.append(list);
    });
    await page.waitForFunction(() => customElements.get('asn-goal-list') !== undefined, undefined, { timeout: 20_000 });
    const goals = (await (
      await fetch(`${demo.server.url}/v1/employees/${employeeId}/goals?year=${new Date().getFullYear()}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { data: Array<{ title: string }> };
    assert.ok(goals.data.length > 0, 'the seeded employee has goals this year');
    await page.waitForFunction(
      (title) => (document.querySelector('asn-goal-list')?.shadowRoot?.textContent ?? '').includes(title),
      goals.data[0]!.title,
      { timeout: 20_000 },
    );
    const requested = vendorRequests(site);
    const [goalChunk] = chunkMap()['asn-goal-list']!;
    assert.ok(requested.includes(`${VENDOR}${goalChunk}`), `the goal list's chunk was fetched after it was added: ${requested.join(', ')}`);
    assert.ok((await preloadLinks(page)).includes(`${VENDOR}${goalChunk}`), 'and preloaded with its imports');

    assert.deepEqual(await csp(), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error');
    await page.context().close();
  });
});

describe('the PHP / Laravel guide (docs/embedding/php.md): examples/php/public under its CSP', () => {
  const demo = demoHarness();
  const root = resolve('.tmp/e2e-loader-php');
  let site: StaticSite;
  let token: string;
  let employeeId: string;

  before(async () => {
    assert.ok(existsSync(`${CDN}/chunks.json`), 'dist/cdn/chunks.json is missing: run `npm run build` first');
    ({ token, employee: { id: employeeId } } = await demo.server.tokenFor('employee'));
    rmSync(root, { recursive: true, force: true });
    cpSync(PHP_PUBLIC, join(root, 'public'), { recursive: true });
    // index.html is what the Blade view printed; on each request the view prints the modulepreload lines from the
    // current chunks.json (App\Support\AsnAssets) and the API origin from config: do the same here.
    const printed = readFileSync(`${PHP_PUBLIC}/index.html`, 'utf8');
    assert.ok(printed.includes(`base-url="${EXAMPLE_API}"`), `index.html carries the configured API origin ${EXAMPLE_API}`);
    const lines = printed.split('\n');
    const first = lines.findIndex((line) => line.includes('rel="modulepreload"'));
    assert.ok(first > 0, 'index.html has the modulepreload lines the view prints');
    const count = lines.filter((line) => line.includes('rel="modulepreload"')).length;
    lines.splice(first, count, ...filesFor(ASN_VIEW).map((href) => `    <link rel="modulepreload" href="${href}">`));
    writeFileSync(join(root, 'public/index.html'), lines.join('\n').replace(`base-url="${EXAMPLE_API}"`, `base-url="${demo.server.url}"`));
    writeTokenEndpoint(join(root, 'token'), token);
    site = await serveStatic(join(root, 'public'), {
      htmlHeaders: { 'Content-Security-Policy': strictCsp(demo.server.url) },
      mounts: { [VENDOR]: CDN, '/asn/': join(root, 'token') },
    });
  });
  after(async () => site?.close());

  it('renders the ASN view from the sandbox through the loader, with the token getToken fetched, and nothing reported', async () => {
    site.requests.length = 0;
    const { page, problems, csp, authorizations } = await openPage(demo, `${site.url}/index.html`);
    await cardShowsJp(demo, page, employeeId, token);
    for (const tag of ASN_VIEW) {
      await page.waitForFunction((name) => customElements.get(name) !== undefined, tag, { timeout: 20_000 });
    }
    await page.waitForFunction(
      () => (document.querySelector('asn-feedback-feed')?.shadowRoot?.textContent ?? '').trim().length > 0,
      undefined,
      { timeout: 20_000 },
    );

    assert.ok(site.requests.includes('/asn/token'), 'js/asn.js asked the portal for the token');
    assert.ok(authorizations.length > 0, 'the widgets called the API');
    assert.deepEqual([...new Set(authorizations)], [`Bearer ${token}`], 'every API request carried the token getToken returned');

    const requested = vendorRequests(site);
    for (const file of filesFor(ASN_VIEW)) assert.ok(requested.includes(file), `${file} was not requested`);
    const links = await preloadLinks(page);
    assert.deepEqual(links, filesFor(ASN_VIEW), 'the printed links, and the loader added none twice');

    assert.deepEqual(await csp(), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error');
    await page.context().close();
  });
});
