// Who may read what: self, the direct supervisor, an admin; 403 for everyone else, also for
// unknown ids unless the caller is an admin (404).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signToken } from '../../server/auth.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';

describe('access control', () => {
  let server: TestServer;
  let asn: { id: string; supervisorId: string; token: string };
  let supervisorToken: string;
  let grandSupervisorToken: string;
  let colleagueToken: string;
  let adminToken: string;

  before(async () => {
    server = await startServer({ quiet: true });
    const employee = await server.tokenFor('employee');
    assert.ok(employee.employee.supervisorId, 'the default sandbox ASN has a supervisor');
    asn = { id: employee.employee.id, supervisorId: employee.employee.supervisorId!, token: employee.token };
    const sup = await server.tokenFor(asn.supervisorId);
    supervisorToken = sup.token;
    assert.ok(sup.employee.supervisorId);
    grandSupervisorToken = (await server.tokenFor(sup.employee.supervisorId!)).token;
    // A colleague: someone else who is not the ASN's supervisor and not an admin.
    const colleague = await server.deps.db
      .selectFrom('employees')
      .select('id')
      .where('id', '!=', asn.id)
      .where('id', '!=', asn.supervisorId)
      .where('is_admin', '=', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    colleagueToken = (await server.tokenFor(colleague.id)).token;
    adminToken = (await server.tokenFor('admin')).token;
  });
  after(() => server.close());

  it('401 without a token and with a bad one, as problem+json with a requestId', async () => {
    const none = await expectProblem(await fetch(`${server.url}/v1/me`), 401);
    assert.equal(none.type, 'https://pembinaan-asn.dev/problems/unauthorized');
    await expectProblem(await fetch(`${server.url}/v1/me`, { headers: authHeader('not.a.token') }), 401);
    // Right shape, wrong signature.
    const [h, p] = asn.token.split('.');
    await expectProblem(await fetch(`${server.url}/v1/me`, { headers: authHeader(`${h}.${p}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`) }), 401);
    await expectProblem(await fetch(`${server.url}/v1/employees/${asn.id}/progress`), 401);
  });

  it('GET /v1/me answers the caller with their derived role', async () => {
    const me = await (await fetch(`${server.url}/v1/me`, { headers: authHeader(asn.token) })).json();
    assert.equal(me.id, asn.id);
    assert.equal(me.role, 'employee');
    const sup = await (await fetch(`${server.url}/v1/me`, { headers: authHeader(supervisorToken) })).json();
    assert.equal(sup.role, 'supervisor');
    const admin = await (await fetch(`${server.url}/v1/me`, { headers: authHeader(adminToken) })).json();
    assert.equal(admin.role, 'admin');
  });

  for (const path of ['', '/progress', '/learning-records']) {
    it(`GET /v1/employees/{id}${path}: self, direct supervisor and admin 200; others 403`, async () => {
      const url = `${server.url}/v1/employees/${asn.id}${path}`;
      for (const token of [asn.token, supervisorToken, adminToken]) {
        const res = await fetch(url, { headers: authHeader(token) });
        assert.equal(res.status, 200, await res.text());
      }
      const self = await fetch(`${server.url}/v1/employees/me${path}`, { headers: authHeader(asn.token) });
      assert.equal(self.status, 200);
      const forbidden = await expectProblem(await fetch(url, { headers: authHeader(colleagueToken) }), 403);
      assert.equal(forbidden.type, 'https://pembinaan-asn.dev/problems/forbidden');
      // The supervisor's supervisor is not a *direct* supervisor.
      await expectProblem(await fetch(url, { headers: authHeader(grandSupervisorToken) }), 403);
    });
  }

  it('an unknown id: 403 for a non-admin (existence does not leak), 404 for an admin', async () => {
    const url = `${server.url}/v1/employees/emp_doesnotexist1/progress`;
    await expectProblem(await fetch(url, { headers: authHeader(asn.token) }), 403);
    await expectProblem(await fetch(url, { headers: authHeader(supervisorToken) }), 403);
    const notFound = await expectProblem(await fetch(url, { headers: authHeader(adminToken) }), 404);
    assert.equal(notFound.type, 'https://pembinaan-asn.dev/problems/not-found');
  });

  it('POST learning-records: self and admin may, the supervisor and colleagues may not', async () => {
    const url = `${server.url}/v1/employees/${asn.id}/learning-records`;
    const post = (token: string) => fetch(url, { method: 'POST', headers: jsonHeaders(token), body: JSON.stringify(learningBody()) });
    assert.equal((await post(asn.token)).status, 201);
    assert.equal((await post(adminToken)).status, 201);
    await expectProblem(await post(supervisorToken), 403);
    await expectProblem(await post(colleagueToken), 403);
    const unknown = `${server.url}/v1/employees/emp_doesnotexist1/learning-records`;
    await expectProblem(await fetch(unknown, { method: 'POST', headers: jsonHeaders(asn.token), body: JSON.stringify(learningBody()) }), 403);
    await expectProblem(await fetch(unknown, { method: 'POST', headers: jsonHeaders(adminToken), body: JSON.stringify(learningBody()) }), 404);
  });

  it('sandbox tokens: by role and id in sandbox mode', async () => {
    const res = await fetch(`${server.url}/v1/sandbox/tokens`, { method: 'POST', headers: jsonHeaders(), body: '{}' });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.employee.role, 'employee');
    assert.ok(body.employee.supervisorId);
    assert.ok(Date.parse(body.expiresAt) > Date.now() + 11 * 3600_000);
    const me = await (await fetch(`${server.url}/v1/me`, { headers: authHeader(body.token) })).json();
    assert.equal(me.id, body.employee.id);
    for (const role of ['supervisor', 'admin'] as const) {
      const r = await (await fetch(`${server.url}/v1/sandbox/tokens`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ role }) })).json();
      assert.equal(r.employee.role, role);
    }
    await expectProblem(await fetch(`${server.url}/v1/sandbox/tokens`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ employeeId: 'emp_nobody' }) }), 404);
  });
});

describe('sandbox mode off', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true, sandbox: false });
  });
  after(() => server.close());

  it('refuses sandbox tokens and the sandbox user list with 404 problems', async () => {
    await expectProblem(await fetch(`${server.url}/v1/sandbox/tokens`, { method: 'POST', headers: jsonHeaders(), body: '{}' }), 404);
    await expectProblem(await fetch(`${server.url}/v1/sandbox/users`), 404);
    const health = await (await fetch(`${server.url}/healthz`)).json();
    assert.equal(health.sandbox, false);
  });

  it("accepts the identity provider's tokens (tokenFor signs with the built-in test provider), not HS256 sandbox tokens", async () => {
    const { token, employee } = await server.tokenFor('employee');
    assert.equal((await fetch(`${server.url}/v1/me`, { headers: authHeader(token) })).status, 200);
    const { token: sandboxToken } = await signToken(server.deps.config.jwtSecret, employee.id, employee.role);
    await expectProblem(await fetch(`${server.url}/v1/me`, { headers: authHeader(sandboxToken) }), 401);
  });
});
