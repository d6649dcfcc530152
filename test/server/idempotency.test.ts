// Idempotency-Key on POST: replay, mismatch (422), still running (409), scoped per caller and resource
// (test/server/hardening-writes.test.ts: one resource across path spellings, canonical bodies, rollbacks).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';

describe('idempotency keys', () => {
  let server: TestServer;
  let token: string;
  let employeeId: string;
  let url: string;

  before(async () => {
    server = await startServer({ quiet: true });
    const t = await server.tokenFor('employee');
    token = t.token;
    employeeId = t.employee.id;
    url = `${server.url}/v1/employees/${employeeId}/learning-records`;
  });
  after(() => server.close());

  const count = async () => {
    let n = 0;
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; nextCursor: string | null } = await (
        await fetch(`${url}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: authHeader(token) })
      ).json();
      n += page.data.length;
      cursor = page.nextCursor;
    } while (cursor);
    return n;
  };

  it('a replay returns the same record with Idempotency-Replayed and stores exactly one', async () => {
    const before = await count();
    const key = randomUUID();
    const body = JSON.stringify(learningBody({ title: 'Workshop idempoten' }));
    const first = await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotency-replayed'), null);
    const created = await first.json();
    for (let i = 0; i < 2; i++) {
      const again = await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await again.json(), created);
    }
    assert.equal(await count(), before + 1);
    // Without a key, every POST creates.
    await fetch(url, { method: 'POST', headers: jsonHeaders(token), body });
    assert.equal(await count(), before + 2);
  });

  it('the same key with another body → 422, nothing stored', async () => {
    const key = randomUUID();
    const ok = await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body: JSON.stringify(learningBody({ jp: 2 })) });
    assert.equal(ok.status, 201);
    const before = await count();
    const problem = await expectProblem(
      await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body: JSON.stringify(learningBody({ jp: 3 })) }),
      422,
    );
    assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/idempotency-key-reused');
    assert.equal(await count(), before);
  });

  it('the same key while the first request still runs → 409', async () => {
    const key = randomUUID();
    const body = JSON.stringify(learningBody({ title: 'Masih berjalan' }));
    // Mark the key as running, as the first of two concurrent requests would.
    // (Outside a request transaction the `running` row commits at once; a request's own row is never seen running.)
    const scope = { caller: `sub:${employeeId}`, route: 'createLearningRecord', resource: { params: { id: employeeId }, query: null } };
    const begun = await server.deps.idempotency.begin(scope, key, JSON.parse(body));
    assert.equal(begun.kind, 'new');
    const problem = await expectProblem(await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body }), 409);
    assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/conflict');
  });

  it('keys are scoped per caller: another caller with the same key creates its own record', async () => {
    const key = randomUUID();
    const admin = await server.tokenFor('admin');
    const body = JSON.stringify(learningBody({ title: 'Satu kunci dua pemanggil' }));
    const a = await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body });
    const b = await fetch(url, { method: 'POST', headers: jsonHeaders(admin.token, { 'idempotency-key': key }), body });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotency-replayed'), null);
    assert.notEqual((await a.json()).id, (await b.json()).id);
  });

  it('a failed request leaves no key behind: a corrected retry with the same key succeeds', async () => {
    const key = randomUUID();
    await expectProblem(await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body: JSON.stringify(learningBody({ jp: 0 })) }), 400);
    const ok = await fetch(url, { method: 'POST', headers: jsonHeaders(token, { 'idempotency-key': key }), body: JSON.stringify(learningBody({ jp: 1 })) });
    assert.equal(ok.status, 201);
  });

  it('expired keys are purged', async () => {
    const rows = await server.deps.db.selectFrom('idempotency_keys').select('id').execute();
    assert.ok(rows.length > 0);
    await server.deps.db.updateTable('idempotency_keys').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    await server.deps.idempotency.purge();
    const left = await server.deps.db.selectFrom('idempotency_keys').select('id').execute();
    assert.equal(left.length, 0);
  });
});
