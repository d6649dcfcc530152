// End to end: the React example apps (docs/embedding/react.md). examples/react19 renders the elements themselves,
// examples/react18 (React 18 through Vite aliases) the @lit/react wrappers of `pembinaan-asn/react`. Each is built
// with Vite, served on an origin of its own and signs in through the sandbox token API: the card shows the
// employee's JP from the server, its `asn-progress-loaded` event reaches the app's React state, and the year and
// offline switch set in React state reach the elements as properties. tsc checks each app against the generated
// types (dist/react), whose @ts-expect-error lines prove what the types refuse.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { demoHarness, watchPage } from './demo-harness.js';
import { buildExample, serveStatic } from './static-site.js';

const TSC = 'node_modules/typescript/bin/tsc';
const jpFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const thisYear = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jayapura', year: 'numeric' }).format(new Date()));

function tsc(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [TSC, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('React example apps (examples/react19, examples/react18)', () => {
  before(() => {
    for (const file of ['dist/react/index.js', 'dist/react/index.d.ts', 'dist/react/jsx.d.ts', 'dist/react/jsx.js']) {
      assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first (scripts/frameworks/react.mjs writes dist/react/)`);
    }
  });
  const demo = demoHarness();

  it('the generated declarations (dist/react/index.d.ts, jsx.d.ts) type-check, libraries included', () => {
    const { status, output } = tsc([
      '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
      '--lib', 'ES2023,DOM,DOM.Iterable', '--types', 'node', 'dist/react/index.d.ts', 'dist/react/jsx.d.ts',
    ]);
    assert.equal(status, 0, output);
  });

  for (const app of ['react19', 'react18'] as const) {
    it(`${app}: tsc type-checks the app against dist/react, and each @ts-expect-error line is refused`, () => {
      const checks = readFileSync(`examples/${app}/src/type-checks.tsx`, 'utf8');
      assert.ok((checks.match(/@ts-expect-error/g) ?? []).length >= 4, 'type-checks.tsx holds the refused props');
      const { status, output } = tsc(['-p', `examples/${app}/tsconfig.json`, '--noEmit']);
      assert.equal(status, 0, output);
    });

    it(`${app}: the card shows the JP from the sandbox, its event reaches React state, React state reaches the elements`, async () => {
      const outDir = await buildExample(app);
      const bundle = readdirSync(`${outDir}/assets`).filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${outDir}/assets/${f}`, 'utf8')).join('\n');
      const react = app === 'react19' ? '19.' : '18.';
      const versions = new Set(bundle.match(/"1[89]\.\d+\.\d+"/g) ?? []);
      assert.ok(versions.size > 0 && [...versions].every((v) => v.startsWith(`"${react}`)), `one React copy, ${react}x: ${[...versions].join(', ')}`);

      const site = await serveStatic(outDir);
      const { token, employee } = await demo.server.tokenFor('employee');
      const api = createClient({ baseUrl: demo.server.url, token });
      const context = await demo.browser.newContext();
      try {
        const [now, before] = await Promise.all([
          api.progress.get('me', { year: thisYear }),
          api.progress.get('me', { year: thisYear - 1 }),
        ]);
        const page = await context.newPage();
        const problems: string[] = [];
        watchPage(page, problems);
        // `/index.html`: serveStatic answers `/` with 404 (normalize('') is `.`; reported).
        const url = new URL(`${site.url}/index.html`);
        url.searchParams.set('api', demo.server.url);
        url.searchParams.set('as', employee.id);
        await page.goto(url.href);

        const card = page.locator('asn-progress-card');
        const status = page.locator('p.loaded');
        // The JP in the card's shadow DOM, from the server through the provider's getToken.
        await card.locator('.jp-text').filter({ hasText: `${jpFormat.format(now.learning.jp)} dari 20 JP` }).waitFor();
        // The event in the app's own state.
        await status.filter({ hasText: `Dimuat: ${jpFormat.format(now.learning.jp)} JP tahun ${thisYear}` }).waitFor();

        const provider = await page.locator('asn-provider').evaluate((el: HTMLElement & { getToken?: unknown; baseUrl?: string }) => ({
          getToken: typeof el.getToken,
          attributes: el.getAttributeNames(),
          baseUrl: el.baseUrl,
        }));
        assert.equal(provider.getToken, 'function', 'getToken is set as a property');
        assert.equal(provider.baseUrl, demo.server.url);
        assert.ok(!provider.attributes.some((a) => a.toLowerCase() === 'gettoken'), `no getToken attribute: ${provider.attributes.join(', ')}`);

        // The year chosen in React state reaches the card (a property), which loads and renders that year.
        await page.locator('select').selectOption(String(thisYear - 1));
        await card.locator('.title').filter({ hasText: `Progres belajar ${thisYear - 1}` }).waitFor();
        await card.locator('.jp-text').filter({ hasText: `${jpFormat.format(before.learning.jp)} dari 20 JP` }).waitFor();
        await status.filter({ hasText: `Dimuat: ${jpFormat.format(before.learning.jp)} JP tahun ${thisYear - 1}` }).waitFor();
        assert.equal(await card.evaluate((el: HTMLElement & { year?: number }) => el.year), thisYear - 1);
        assert.equal(await page.locator('asn-goal-list').evaluate((el: HTMLElement & { year?: number }) => el.year), thisYear - 1);

        // The offline switch: a boolean property, which the card reflects and shows as its notice.
        assert.equal(await card.evaluate((el: HTMLElement & { offline?: boolean }) => el.offline), false);
        await page.getByLabel('Mode luring').check();
        await card.locator('[part~="offline"]').filter({ hasText: 'Anda sedang luring' }).waitFor();
        assert.deepEqual(await card.evaluate((el: HTMLElement & { offline?: boolean }) => [el.offline, el.hasAttribute('offline')]), [true, true]);

        assert.deepEqual(problems, [], 'no console errors');
      } finally {
        api.close();
        await context.close();
        await site.close();
      }
    });
  }
});
