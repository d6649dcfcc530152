// `npm run bench`: performance figures measured in ONE headless Chromium run, each against a baseline measured in
// the same run. No test asserts a time; the numbers go in the closing notes of issues.
//  (a) first render of <asn-team-overview> with 1,000 and 5,000 rows vs a plain-DOM <table> of the same rows;
//  (b) validating 1,000 goals against the contract vs JSON.parse alone (zod jitless, as shipped to browsers);
//  (c) time from a POSTed feedback to its appearance in an open <asn-feedback-feed>, on loopback (median of 20), and
//      the reads the feed made for them (the event carries the feedback: none, since issue #9; one per event before).
// Server only (no browser, no build; they run first and fail the run when a count is wrong):
//  (d) enrolment: 200 concurrent POSTs for 50 seats, requests/s and p50/p95 latency; seats taken must be exactly 50;
//  (e) completing a program of 500 enrolled, attendance for all: time; records created must equal completed enrolments.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../server/testing.js';
import { bundle } from './bundle.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

await benchEnrolmentAndCompletion();

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
  const feedReads = () => server.requestLog.filter((r) => r.method === 'GET' && r.path.endsWith('/feedback')).length;
  let readsBefore = 0;
  await page.exposeFunction('__benchReadsStart', () => {
    readsBefore = feedReads();
  });
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
      await (window as unknown as { __benchReadsStart: () => Promise<void> }).__benchReadsStart();
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
      await new Promise((r) => setTimeout(r, 300)); // past the refresh debounce: a refetch would be counted
      return out;
    },
    { base: server.url, recipientToken: recipient.token, supervisorToken: supervisor.token, recipientId: recipient.employee.id, samples: 20 },
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log('\n(c) feedback POST → shown in the open feed (loopback, n=20): median %s, p90 %s, min %s, max %s', ms(median(latencies)), ms(sorted[17]), ms(sorted[0]), ms(sorted[19]));
  console.log('    reads of the feed caused by those 20 events: %d', feedReads() - readsBefore);
} finally {
  await browser.close();
  await server.close();
}

/** (d) and (e): a server of its own with 700 seeded employees (one enrolment each per program). */
async function benchEnrolmentAndCompletion(): Promise<void> {
  const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
  const fail = (message: string) => {
    console.error(`  FAIL: ${message}`);
    process.exitCode = 1;
  };
  const server = await startServer({ port: 0, quiet: true, seedEmployees: 700 });
  try {
    const { db } = server.deps;
    const now = Date.now();
    const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const addProgram = async (id: string, capacity: number, sessions: number) => {
      const rows = Array.from({ length: sessions }, (_, i) => ({
        program_id: id, n: i + 1, starts_at: at((i - sessions) * 864e5), ends_at: at((i - sessions) * 864e5 + 3 * 36e5), location: 'Aula BKPSDM Kota Sorong', online_url: null,
      }));
      await db.insertInto('programs').values({
        id, title: `Bench ${id}`, description: '', type: 'training', competency: 'technical', mode: 'classroom', partner_id: null,
        starts_at: rows[0].starts_at, ends_at: rows.at(-1)!.ends_at, location: null, online_url: null, jp: 6, jp_reason: null, capacity,
        enroll_from: at(-30 * 864e5), enroll_until: at(864e5), cancel_until: at(864e5), attendance_threshold: null, organizer_id: null,
        seats_taken: 0, waitlist_seq: 0, status: 'open', version: 1, created_at: at(-30 * 864e5), updated_at: at(-30 * 864e5),
      }).execute();
      await db.insertInto('program_sessions').values(rows).execute();
    };
    const employees = (await db.selectFrom('employees').select('id').orderBy('id').execute()).map((e) => e.id);
    const tokens = await Promise.all(employees.map(async (id) => (await server.tokenFor(id)).token));
    const enrol = (token: string, programId: string) =>
      fetch(`${server.url}/v1/programs/${programId}/enrollments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });

    // (d) 200 distinct employees at once for 50 seats, after an untimed warm-up round on another program (JIT).
    await addProgram('prg_benchwarmup', 50, 1);
    await Promise.all(tokens.slice(200, 400).map(async (token) => (await enrol(token, 'prg_benchwarmup')).arrayBuffer()));
    await addProgram('prg_benchseats', 50, 1);
    const latencies: number[] = [];
    const t0 = performance.now();
    const statuses = await Promise.all(
      tokens.slice(0, 200).map(async (token) => {
        const start = performance.now();
        const res = await enrol(token, 'prg_benchseats');
        await res.arrayBuffer();
        latencies.push(performance.now() - start);
        return res.status;
      }),
    );
    const elapsed = performance.now() - t0;
    const seats = await db.selectFrom('programs').select(['seats_taken', 'waitlist_seq']).where('id', '=', 'prg_benchseats').executeTakeFirstOrThrow();
    const registered = await db.selectFrom('enrollments').select((eb) => eb.fn.countAll().as('n')).where('program_id', '=', 'prg_benchseats').where('status', '=', 'registered').executeTakeFirstOrThrow();
    console.log(
      '\n(d) enrolment, 200 concurrent requests for 50 seats: %s requests/s (%s in all), latency p50 %s, p95 %s; seats taken %d (registered %d), waitlisted %d, non-201 answers %d',
      (200 / (elapsed / 1000)).toFixed(0), ms(elapsed), ms(pct(latencies, 0.5)), ms(pct(latencies, 0.95)), seats.seats_taken, Number(registered.n), seats.waitlist_seq, statuses.filter((s) => s !== 201).length,
    );
    if (seats.seats_taken !== 50 || Number(registered.n) !== 50) fail(`seats taken ${seats.seats_taken}, registered ${registered.n}: expected exactly 50`);
    if (statuses.some((s) => s !== 201)) fail('every enrolment should be answered 201 (registered or waitlisted)');

    // (e) 500 enrolled, all present at both sessions, then one completion.
    const admin = (await server.tokenFor('admin')).token;
    const adminCall = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    await addProgram('prg_benchcomplete', 500, 2);
    const enrolled = employees.slice(0, 500);
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(tokens.slice(i, i + 50).map((token) => enrol(token, 'prg_benchcomplete')));
      if (batch.some((r) => r.status !== 201)) throw new Error('(e) setup: an enrolment failed');
    }
    for (const n of [1, 2]) {
      const res = await adminCall('PUT', `/v1/programs/prg_benchcomplete/sessions/${n}/attendance`, { present: enrolled });
      if (res.status !== 200) throw new Error(`(e) setup: attendance ${n} → ${res.status} ${await res.text()}`);
    }
    const c0 = performance.now();
    const res = await adminCall('POST', '/v1/programs/prg_benchcomplete/complete');
    const result = (await res.json()) as { completed: number; incomplete: number; recordsCreated: number };
    const took = performance.now() - c0;
    const records = await db.selectFrom('learning_records').select((eb) => eb.fn.countAll().as('n')).where('program_id', '=', 'prg_benchcomplete').executeTakeFirstOrThrow();
    console.log(
      '(e) completing a program of 500 enrolled (2 sessions, all present): %s; completed %d, incomplete %d, records created %d (stored %d)',
      ms(took), result.completed, result.incomplete, result.recordsCreated, Number(records.n),
    );
    if (res.status !== 200 || result.recordsCreated !== result.completed || Number(records.n) !== result.completed || result.completed !== 500) {
      fail(`status ${res.status}: records created ${result.recordsCreated} (stored ${records.n}) should equal completed enrolments ${result.completed} (500)`);
    }
  } finally {
    await server.close();
  }
}
