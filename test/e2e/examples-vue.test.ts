// End to end: the Vue example (examples/vue, docs/embedding/vue.md) built by Vite against dist/, on an origin of its
// own, signed in through the sandbox server. The card shows the employee's JP, its event reaches the app's own
// state, the year chosen in Vue reaches the widgets as a property, and Vue has nothing to warn about because
// `isCustomElement` from `pembinaan-asn/vue` tells it the tags are custom elements (a development build without it
// warns "Failed to resolve component"). vue-tsc type-checks the example, and refuses what its TypeChecks.vue marks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import vue from '@vitejs/plugin-vue';
import type { Page } from 'playwright-core';
import { build, loadConfigFromFile, type InlineConfig } from 'vite';
import type { AsnProgressCard } from '../../components/index.js';
import { demoHarness, watchPage } from './demo-harness.js';
import { buildExample, serveStatic, type StaticSite } from './static-site.js';

const EXAMPLE = resolve('examples/vue');
const VUE_TSC = 'node_modules/vue-tsc/bin/vue-tsc.js';
const jpFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const thisYear = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jayapura', year: 'numeric' }).format(new Date()));

/** A development build (Vue's warnings on) of the example into `.tmp/examples/<name>`, with `plugins` replaced if given. */
async function developmentBuild(name: string, plugins?: InlineConfig['plugins']): Promise<string> {
  const outDir = resolve('.tmp/examples', name);
  const nodeEnv = process.env.NODE_ENV;
  // Vite decides production or not from NODE_ENV, which an earlier build in this process set to `production`.
  process.env.NODE_ENV = 'development';
  try {
    const configFile = join(EXAMPLE, 'vite.config.ts');
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'development' }, configFile);
    assert.ok(loaded, `no config in ${configFile}`);
    await build({
      ...loaded.config,
      ...(plugins ? { plugins } : {}),
      root: EXAMPLE,
      configFile: false,
      mode: 'development',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** Runs vue-tsc on a tsconfig; returns its exit status and output. */
function vueTsc(project: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VUE_TSC, '--noEmit', '-p', project], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the Vue example (examples/vue)', () => {
  const demo = demoHarness();
  let site: StaticSite;
  let employeeId: string;
  let token: string;

  before(async () => {
    assert.ok(existsSync('dist/vue/index.js') && existsSync('dist/vue/index.d.ts'), 'dist/vue/ is missing: run `npm run build` first');
    site = await serveStatic(await buildExample('vue'));
    ({ token, employee: { id: employeeId } } = await demo.server.tokenFor('employee'));
  });
  after(async () => site?.close());

  /** The employee's JP in `year`, from the API. */
  async function jpIn(year: number): Promise<number> {
    const response = await fetch(`${demo.server.url}/v1/employees/${employeeId}/progress?year=${year}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { learning: { jp: number } }).learning.jp;
  }

  /** Opens the example signed in as the employee; collects console errors and every console message. */
  async function open(url: string): Promise<{ page: Page; problems: string[]; messages: string[] }> {
    const page = await (await demo.browser.newContext()).newPage();
    const problems: string[] = [];
    const messages: string[] = [];
    watchPage(page, problems);
    page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
    await page.goto(`${url}/?api=${encodeURIComponent(demo.server.url)}&as=${employeeId}`);
    return { page, problems, messages };
  }

  it('shows the JP from the sandbox, hands the event to the app and the chosen year to the widgets', async () => {
    const [jpNow, jpBefore] = await Promise.all([jpIn(thisYear), jpIn(thisYear - 1)]);
    assert.notEqual(jpNow, jpBefore, 'the seeded employee has different JP in the two years (else the switch proves nothing)');
    const { page, problems, messages } = await open(site.url);
    assert.notEqual(new URL(site.url).origin, new URL(demo.server.url).origin, 'the portal is on an origin of its own');

    // The card's shadow DOM shows the JP the API has; its event put the same number into the app's own text.
    const card = page.locator('asn-progress-card');
    await card.locator('.jp-text').getByText(`${jpFormat.format(jpNow)} dari 20 JP`).waitFor({ timeout: 30_000 });
    await page.getByRole('status').getByText(`Dimuat: ${jpFormat.format(jpNow)} JP tahun ${thisYear}`).waitFor({ timeout: 10_000 });

    // Vue set the bindings as properties (`key in el`): numbers and a function, no attributes.
    const bound = await page.evaluate(() => {
      const cardEl = document.querySelector('asn-progress-card')!;
      const provider = document.querySelector('asn-provider')!;
      return {
        year: cardEl.year,
        yearAttribute: cardEl.hasAttribute('year'),
        goalListYear: document.querySelector('asn-goal-list')!.year,
        pageSize: document.querySelector('asn-feedback-feed')!.pageSize,
        getToken: typeof provider.getToken,
        getTokenAttribute: provider.hasAttribute('gettoken'),
      };
    });
    assert.deepEqual(bound, {
      year: thisYear,
      yearAttribute: false,
      goalListYear: thisYear,
      pageSize: 5,
      getToken: 'function',
      getTokenAttribute: false,
    });

    // The year chosen in Vue's state reaches the card as a property; it re-renders with that year's data.
    await page.getByLabel('Tahun', { exact: true }).selectOption(String(thisYear - 1));
    await card.getByText(`Progres belajar ${thisYear - 1}`).waitFor({ timeout: 20_000 });
    await card.locator('.jp-text').getByText(`${jpFormat.format(jpBefore)} dari 20 JP`).waitFor({ timeout: 20_000 });
    await page.getByRole('status').getByText(`Dimuat: ${jpFormat.format(jpBefore)} JP tahun ${thisYear - 1}`).waitFor({ timeout: 10_000 });
    assert.deepEqual(
      await page.evaluate(() => [document.querySelector<AsnProgressCard>('asn-progress-card')!.year, document.querySelector('asn-goal-list')!.year]),
      [thisYear - 1, thisYear - 1],
    );

    assert.deepEqual(problems, [], 'no console error');
    assert.deepEqual(messages.filter((m) => m.includes('Failed to resolve component')), []);
    await page.context().close();
  });

  it('in a development build Vue warns of nothing; without isCustomElement it warns "Failed to resolve component"', async () => {
    const withOption = await serveStatic(await developmentBuild('vue-development'));
    const without = await serveStatic(await developmentBuild('vue-development-without-option', [vue()]));
    try {
      const good = await open(withOption.url);
      await good.page.locator('asn-progress-card .jp-text').waitFor({ timeout: 30_000 });
      await good.page.getByRole('status').getByText(/^Dimuat: /).waitFor({ timeout: 10_000 });
      assert.deepEqual(good.messages.filter((m) => m.includes('[Vue warn]')), [], 'no Vue warning');
      assert.deepEqual(good.problems, [], 'no console error');
      await good.page.context().close();

      // The control: the same app compiled without the option; the elements still render (as unresolved tags).
      const bad = await open(without.url);
      await bad.page.locator('asn-progress-card .jp-text').waitFor({ timeout: 30_000 });
      const warned = bad.messages.filter((m) => m.includes('Failed to resolve component'));
      for (const tag of ['asn-provider', 'asn-progress-card', 'asn-goal-list', 'asn-feedback-feed']) {
        assert.ok(warned.some((m) => m.includes(`Failed to resolve component: ${tag}`)), `no warning for ${tag}:\n${warned.join('\n')}`);
      }
      await bad.page.context().close();
    } finally {
      await withOption.close();
      await without.close();
    }
  });

  it('vue-tsc type-checks the example, and refuses each template error TypeChecks.vue expects', () => {
    const clean = vueTsc('examples/vue');
    assert.equal(clean.status, 0, `vue-tsc --noEmit -p examples/vue failed:\n${clean.output}`);

    // The same sources with the `@vue-expect-error` comments made plain: exactly the marked lines fail, and why.
    // Beside a copy of examples/shared/, which the app imports as `../../shared/…`.
    const dir = resolve('.tmp/examples-typecheck/vue');
    rmSync(resolve('.tmp/examples-typecheck'), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync('examples/shared', resolve('.tmp/examples-typecheck/shared'), { recursive: true });
    cpSync(join(EXAMPLE, 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(EXAMPLE, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    const file = join(dir, 'src/TypeChecks.vue');
    const lines = readFileSync(file, 'utf8').split('\n');
    const expected = lines.flatMap((line, i) => (line.includes('<!-- @vue-expect-error') ? [i + 2] : []));
    assert.equal(expected.length, 3, 'TypeChecks.vue has its three expected errors');
    writeFileSync(file, lines.map((line) => line.replace('<!-- @vue-expect-error', '<!-- expected error:')).join('\n'));
    const strict = vueTsc(dir);
    assert.notEqual(strict.status, 0);
    const errors = [...strict.output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
      file: m[1]!.replace(/\\/g, '/'),
      line: Number(m[2]),
      code: m[3],
      message: m[4],
    }));
    assert.deepEqual(
      errors.map((e) => [e.file.endsWith('src/TypeChecks.vue'), e.line]),
      expected.map((line) => [true, line]),
      strict.output,
    );
    assert.match(errors[0]!.message, /'string' is not assignable to type 'number'/, 'year="2026" is a string for a number');
    assert.match(errors[1]!.message, /'string' is not assignable to type '\(\) =>/, 'a token for the getToken function');
    assert.match(errors[2]!.message, /Property 'jp' does not exist on type 'AsnProgressLoadedDetail'/, '$event is the typed CustomEvent');
  });
});
