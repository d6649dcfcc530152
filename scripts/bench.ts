// `npm run bench`: performance figures measured in ONE headless Chromium run, each against a baseline measured in
// the same run. No test asserts a time; the numbers go in the closing notes of issues.
//  (a) first render of <asn-team-overview> with 1,000 and 5,000 rows vs a plain-DOM <table> of the same rows;
//  (b) validating 1,000 goals against the contract vs JSON.parse alone (zod jitless, as shipped to browsers);
//  (c) time from a POSTed feedback to its appearance in an open <asn-feedback-feed>, on loopback (median of 20).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../server/testing.js';
import { bundle } from './bundle.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

if (!existsSync('dist/cdn/pembinaan-asn.js')) {
  console.error('dist/cdn/pembinaan-asn.js is missing: run `npm run build` first.');
  process.exit(1);
}

const server = await startServer({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const contractJs = await bundle(
    "import './src/client/zod-setup.ts'; export { Goal } from './src/contract/goal.ts'; export { z } from 'zod/mini';",
  );
  await page.route(`${server.url}/__bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/contract.js')) return route.fulfill({ body: contractJs, contentType: 'text/javascript' });
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="id"><head><meta charset="utf-8"><script type="module" src="/dist/cdn/pembinaan-asn.js"></script></head><body></body></html>`,
    });
  });
  // tsx (esbuild, keepNames) wraps named functions inside the callbacks below in `__name(...)`: give the page one.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(`${server.url}/__bench/page.html`);
  await page.waitForFunction(() => customElements.get('asn-team-overview') && customElements.get('asn-feedback-feed'));

  // (a) first render: component vs plain DOM, same rows, alternating, median of RUNS.
  console.log('\n(a) first render of asn-team-overview vs a plain-DOM table of the same rows');
  for (const count of [1000, 5000]) {
    const result = await page.evaluate(
      async ({ count, runs }) => {
        const members = Array.from({ length: count }, (_, i) => ({
          employee: { id: `emp_b${i}`, name: `Pegawai ${i}`, position: 'Analis', grade: 'III/a', unit: { id: 'unit_b', name: 'Diskominfo' } },
          jp: (i * 7) % 31,
          targetJp: 20,
          goals: { total: 4, achieved: i % 5, atRisk: i % 3 === 0 ? 1 : 0 },
          feedback: { lastAt: i % 4 ? new Date(Date.now() - (i % 60) * 864e5).toISOString() : null, unacknowledged: i % 2 },
        }));
        const settle = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
        const component: number[] = [];
        const baseline: number[] = [];
        for (let run = 0; run < runs; run++) {
          // Component: set the rows, attach, wait for its render and force layout.
          let t0 = performance.now();
          const el = document.createElement('asn-team-overview') as HTMLElement & { members: unknown; updateComplete: Promise<unknown> };
          el.members = members;
          document.body.append(el);
          await el.updateComplete;
          void (el.shadowRoot as ShadowRoot).firstElementChild?.getBoundingClientRect();
          void document.body.offsetHeight;
          component.push(performance.now() - t0);
          el.remove();
          await settle();
          // Baseline: the same rows as a plain table built with DOM calls, attached, layout forced.
          t0 = performance.now();
          const table = document.createElement('table');
          const body = table.createTBody();
          for (const m of members) {
            const row = body.insertRow();
            row.insertCell().textContent = m.employee.name;
            row.insertCell().textContent = m.employee.position;
            row.insertCell().textContent = `${m.jp} / ${m.targetJp} JP`;
            row.insertCell().textContent = `${m.goals.achieved}/${m.goals.total}`;
            row.insertCell().textContent = String(m.goals.atRisk);
            row.insertCell().textContent = m.feedback.lastAt ?? '—';
          }
          document.body.append(table);
          void document.body.offsetHeight;
          baseline.push(performance.now() - t0);
          table.remove();
          await settle();
        }
        const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        return { component: med(component), baseline: med(baseline) };
      },
      { count, runs: RUNS },
    );
    console.log(
      `  ${String(count).padStart(5)} rows: component ${ms(result.component)}, plain table ${ms(result.baseline)}, ratio ${(result.component / result.baseline).toFixed(2)}×`,
    );
  }

  // (b) validation cost: JSON.parse + z.array(Goal).parse vs JSON.parse alone.
  const validation = await page.evaluate(async ({ runs }) => {
    const { Goal, z } = (await import('/__bench/contract.js' as string)) as typeof import('../src/contract/goal.js') & typeof import('zod/mini');
    const goals = Array.from({ length: 1000 }, (_, i) => ({
      id: `goal_b${i}`, employeeId: 'emp_b1', title: `Menyelesaikan pelatihan ${i}`, kind: 'development', competency: 'technical',
      measure: { unit: 'pelatihan', target: 5, current: i % 6 }, status: 'active', year: 2026, dueDate: '2026-12-31',
      alignedGoalId: null, version: 1, createdAt: '2026-01-05T09:00:00+09:00', updatedAt: '2026-02-05T09:00:00+09:00',
    }));
    const text = JSON.stringify(goals);
    const schema = z.array(Goal);
    const time = (fn: () => void) => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) fn();
      return (performance.now() - t0) / 20;
    };
    time(() => schema.parse(JSON.parse(text))); // warm up
    const parse: number[] = [];
    const validate: number[] = [];
    for (let r = 0; r < runs; r++) {
      parse.push(time(() => JSON.parse(text)));
      validate.push(time(() => schema.parse(JSON.parse(text))));
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { parse: med(parse), validate: med(validate), bytes: text.length };
  }, { runs: RUNS });
  console.log('\n(b) 1,000 goals (%d KB of JSON): JSON.parse %s, JSON.parse + contract validation %s, ratio %s×', Math.round(validation.bytes / 1024), ms(validation.parse), ms(validation.validate), (validation.validate / validation.parse).toFixed(2));

  // (c) feedback POSTed by the supervisor → visible in the recipient's open feed.
  const recipient = await server.tokenFor('employee');
  const supervisorId = recipient.employee.supervisorId as string;
  const supervisor = await server.tokenFor(supervisorId);
  const latencies = await page.evaluate(
    async ({ base, recipientToken, supervisorToken, recipientId, samples }) => {
      document.body.replaceChildren();
      const provider = document.createElement('asn-provider') as HTMLElement & { token: string };
      provider.setAttribute('base-url', base);
      provider.token = recipientToken;
      const feed = document.createElement('asn-feedback-feed') as HTMLElement & { updateComplete: Promise<unknown> };
      feed.setAttribute('employee', 'me');
      provider.append(feed);
      document.body.append(provider);
      const textOf = () => (feed.shadowRoot?.textContent ?? '');
      await new Promise((r) => setTimeout(r, 1500)); // first load and the event stream
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const marker = `Bench umpan balik ${Date.now()}-${i}`;
        const seen = new Promise<number>((resolve) => {
          const check = () => textOf().includes(marker) && (observer.disconnect(), resolve(performance.now()));
          const observer = new MutationObserver(check);
          observer.observe(feed.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
        });
        const t0 = performance.now();
        const response = await fetch(`${base}/v1/employees/${recipientId}/feedback`, {
          method: 'POST',
          headers: { authorization: `Bearer ${supervisorToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'appreciation', message: marker }),
        });
        if (!response.ok) throw new Error(`POST feedback: ${response.status}`);
        out.push((await seen) - t0);
      }
      return out;
    },
    { base: server.url, recipientToken: recipient.token, supervisorToken: supervisor.token, recipientId: recipient.employee.id, samples: 20 },
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log('\n(c) feedback POST → shown in the open feed (loopback, n=20): median %s, p90 %s, min %s, max %s', ms(median(latencies)), ms(sorted[17]), ms(sorted[0]), ms(sorted[19]));
} finally {
  await browser.close();
  await server.close();
}
