// Health, OpenAPI, static demo with CSP, CORS, pagination, the deterministic seed and the test harness itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { Employee, Me, routes, type RouteDef } from '../../src/contract/index.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDatabase } from '../../server/db/seed.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem } from './helpers.js';

describe('server basics', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true });
  });
  after(() => server.close());

  it('GET /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Object.keys(await res.json()).sort(), ['sandbox', 'status', 'version']);
  });

  it('GET /v1/openapi.json lists every route of the contract', async () => {
    const doc = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const route of Object.values(routes) as RouteDef[]) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${route.path} is in openapi.json`);
      assert.equal(op.operationId, route.id);
    }
  });

  it('every route of the contract is served (none answers 404 "no route")', async () => {
    const { token } = await server.tokenFor('employee');
    for (const route of Object.values(routes) as RouteDef[]) {
      if (route.stream) continue;
      const path = route.path.replace('{id}', 'me');
      const res = await fetch(`${server.url}${path}`, {
        method: route.method,
        headers: { ...authHeader(token), 'content-type': 'application/json' },
        body: route.method === 'GET' ? undefined : '{}',
      });
      const text = await res.text();
      assert.ok(!text.includes('No route for'), `${route.method} ${route.path}: ${res.status} ${text}`);
    }
  });

  it('serves the demo at / with the strict CSP', async () => {
    const res = await fetch(`${server.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.doesNotMatch(csp, /unsafe/);
  });

  it('CORS: localhost origins in sandbox mode, not others; custom headers allowed and exposed', async () => {
    const preflight = await fetch(`${server.url}/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-request-id']) assert.ok(allowed.includes(h), h);
    assert.ok(!allowed.includes('x-publishable-key'), 'a publishable key travels only as Authorization: Bearer pk_…');
    const simple = await fetch(`${server.url}/healthz`, { headers: { origin: 'http://127.0.0.1:8000' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
    assert.match(simple.headers.get('access-control-expose-headers') ?? '', /Idempotency-Replayed/);
    const evil = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  it('learning records paginate newest first with an opaque cursor, null on the last page', async () => {
    const { token } = await server.tokenFor('admin');
    // Someone with several records.
    const row = await server.deps.db
      .selectFrom('learning_records')
      .select((eb) => ['employee_id', eb.fn.countAll<number>().as('n')])
      .groupBy('employee_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: Array<{ id: string; completedAt: string }>; nextCursor: string | null } = await (
        await fetch(`${server.url}/v1/employees/${row.employee_id}/learning-records?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: authHeader(token) })
      ).json();
      assert.ok(page.data.length <= 2);
      seen.push(...page.data.map((d) => d.completedAt));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    assert.equal(cursor, null);
    assert.equal(seen.length, Number(row.n));
    assert.deepEqual([...seen].sort().reverse(), seen, 'newest first');
  });

  it('progress sums the learning records of the year (WIT) against 20 JP', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const summary = await (await fetch(`${server.url}/v1/employees/me/progress`, { headers: authHeader(token) })).json();
    assert.equal(summary.employeeId, employee.id);
    assert.equal(summary.learning.targetJp, 20);
    const sumMonths = summary.learning.byMonth.reduce((a: number, b: number) => a + b, 0);
    const sumCompetencies = Object.values(summary.learning.byCompetency as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.equal(sumMonths, summary.learning.jp);
    assert.equal(sumCompetencies, summary.learning.jp);
    const before = summary.learning.jp;
    const res = await fetch(`${server.url}/v1/employees/me/learning-records`, {
      method: 'POST',
      headers: { ...authHeader(token), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Seminar singkat', competency: 'managerial', jp: 3, completedAt: new Date(Date.now() - 60_000).toISOString() }),
    });
    assert.equal(res.status, 201);
    const afterSummary = await (await fetch(`${server.url}/v1/employees/me/progress`, { headers: authHeader(token) })).json();
    assert.equal(afterSummary.learning.jp, before + 3);
  });

  it('faults and the request log are in-process only', async () => {
    server.faults.add({ method: 'GET', path: '/healthz', status: 503, times: 1, retryAfter: 2 });
    const failed = await fetch(`${server.url}/healthz`);
    const problem = await expectProblem(failed, 503);
    assert.equal(failed.headers.get('retry-after'), '2');
    assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/unavailable');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'times: 1 means once');
    server.faults.add({ method: 'GET', path: /^\/v1\/me$/, status: 429, times: 5 });
    server.faults.clear();
    const log = server.requestLog.filter((r) => r.path === '/healthz').slice(-2);
    assert.deepEqual(log.map((r) => r.status), [503, 200]);
    assert.ok(server.requestLog.every((r) => r.method && r.path && r.status > 0));
  });
});

describe('seed', () => {
  it('is deterministic and every seeded employee passes the contract (valid NIP)', async () => {
    const ids: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(':memory:');
      await migrateToLatest(db);
      await seedDatabase(db, { employees: 60 });
      const rows = await db.selectFrom('employees').select(['id', 'nip', 'name']).orderBy('id').execute();
      ids.push(rows.map((r) => `${r.id} ${r.nip} ${r.name}`));
      await db.destroy();
    }
    assert.equal(ids[0].length, 60);
    assert.deepEqual(ids[0], ids[1]);
  });

  it('serves every seeded employee in the contract shape, with a supervisor tree and BKPSDM admins', async () => {
    const server = await startServer({ quiet: true, seedEmployees: 80 });
    try {
      const users: z.infer<typeof Me>[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: unknown[]; nextCursor: string | null } = await (
          await fetch(`${server.url}/v1/sandbox/users?limit=30${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        for (const u of page.data) users.push(z.parse(Me, u));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(users.length, 80);
      for (const u of users) assert.ok(z.safeParse(Employee, u).success, u.nip);
      assert.equal(new Set(users.map((u) => u.nip)).size, 80, 'NIPs are unique');
      const roots = users.filter((u) => u.supervisorId === null);
      assert.equal(roots.length, 1, 'one Sekda at the top');
      const admins = users.filter((u) => u.role === 'admin');
      assert.ok(admins.length >= 1 && admins.length <= 2);
      assert.ok(admins.every((a) => /BKPSDM|Kepegawaian/.test(a.unit.name)));
      assert.ok(users.some((u) => u.employmentType === 'PPPK') && users.some((u) => u.employmentType === 'PNS'));
      assert.ok(users.some((u) => u.role === 'supervisor') && users.some((u) => u.role === 'employee'));
      // Some at 0 JP this year and some past 20.
      const { token } = await server.tokenFor('admin');
      const jps = await Promise.all(
        users.map(async (u) => (await (await fetch(`${server.url}/v1/employees/${u.id}/progress`, { headers: authHeader(token) })).json()).learning.jp as number),
      );
      assert.ok(jps.some((j) => j === 0), 'someone at 0 JP');
      assert.ok(jps.some((j) => j > 20), 'someone past 20 JP');
      // Nothing dated in the future.
      const future = await server.deps.db.selectFrom('learning_records').select('id').where('completed_at', '>', new Date().toISOString()).execute();
      assert.equal(future.length, 0);
    } finally {
      await server.close();
    }
  });
});
