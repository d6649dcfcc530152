// Dates out of range are refused before anything is stored (issue #9): a learning record with
// `completedAt: "0000-01-01T00:30:00+01:00"` was stored as `-000001-12-31T23:30:00.000Z`, and from then on that
// employee's learning list answered 500 because its response failed the contract. And a wrong type says so.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';

describe('dates out of range', () => {
  let server: TestServer;
  let token: string;
  let employeeId: string;
  let url: string;

  before(async () => {
    server = await startServer({ quiet: true });
    const signedIn = await server.tokenFor('employee');
    token = signedIn.token;
    employeeId = signedIn.employee.id;
    url = `${server.url}/v1/employees/me/learning-records`;
  });
  after(() => server.close());

  const post = (body: unknown, extra: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: jsonHeaders(token, extra), body: JSON.stringify(body) });
  const storedRecords = async () =>
    Number((await server.deps.db.selectFrom('learning_records').select((eb) => eb.fn.countAll().as('n')).where('employee_id', '=', employeeId).executeTakeFirstOrThrow()).n);
  const storedKeys = async () =>
    Number((await server.deps.db.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const listStatus = async () => (await fetch(`${url}?limit=100`, { headers: authHeader(token) })).status;

  it('the year-0000 record → 400 naming completedAt and date.range; nothing stored, also not on a retry with its key; the list still 200', async () => {
    const records = await storedRecords();
    const keys = await storedKeys();
    const body = learningBody({ completedAt: '0000-01-01T00:30:00+01:00' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const problem = await expectProblem(await post(body, { 'idempotency-key': 'year-zero-1' }), 400);
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['completedAt', 'date.range']]);
      assert.match(problem.errors![0].message, /1900/);
    }
    assert.equal(await storedRecords(), records, 'no record stored');
    assert.equal(await storedKeys(), keys, 'no idempotency key left behind');
    assert.equal(await listStatus(), 200);
  });

  it('years 1899 and 2101, and an offset that carries 2100 into 2101 in UTC, are refused; nothing stored', async () => {
    const records = await storedRecords();
    for (const completedAt of ['1899-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2100-12-31T23:30:00-01:00', '1900-01-01T00:30:00+01:00']) {
      const problem = await expectProblem(await post(learningBody({ completedAt })), 400);
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['completedAt', 'date.range']], completedAt);
    }
    assert.equal(await storedRecords(), records);
  });

  it('completedAt two days ahead → date.future', async () => {
    const ahead = await expectProblem(await post(learningBody({ completedAt: new Date(Date.now() + 2 * 86_400_000).toISOString() })), 400);
    assert.deepEqual(ahead.errors?.map((e) => [e.path, e.code]), [['completedAt', 'date.future']]);
  });

  it('a learning record before the WIT year 2000 (no progress year, its events would fail the contract) → date.range', async () => {
    const records = await storedRecords();
    for (const completedAt of ['1950-06-01T00:00:00Z', '1999-12-31T23:30:00+09:00', '1999-12-31T14:59:59Z']) {
      const problem = await expectProblem(await post(learningBody({ completedAt })), 400);
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['completedAt', 'date.range']], completedAt);
    }
    assert.equal(await storedRecords(), records);
  });

  it('the first WIT minute of 2000, written with its offset, is stored as UTC of the day before; the list (validated against the contract) still answers 200', async () => {
    const res = await post(learningBody({ completedAt: '2000-01-01T00:30:00+09:00' }));
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal((await res.json()).completedAt, '1999-12-31T15:30:00.000Z');
    assert.equal(await listStatus(), 200);
    const year2000 = await (await fetch(`${url}?year=2000`, { headers: authHeader(token) })).json();
    assert.equal(year2000.data.length, 1, 'counted in the WIT year 2000');
  });

  it('an out-of-range goal due date → 400 naming dueDate', async () => {
    const goal = { title: 'Menyusun kajian', kind: 'performance', competency: 'technical', measure: { unit: 'dokumen', target: 2 }, year: 2026, dueDate: '0000-12-31' };
    const problem = await expectProblem(
      await fetch(`${server.url}/v1/employees/me/goals`, { method: 'POST', headers: jsonHeaders(token), body: JSON.stringify(goal) }),
      400,
    );
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['dueDate', 'date.range']]);
  });
});

describe('a wrong type says so', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startServer({ quiet: true });
    ({ token } = await server.tokenFor('employee'));
  });
  after(() => server.close());

  it('"jp": "4" → "Expected number, received string", not "Required"; a missing field is still "Required"; the value is not echoed', async () => {
    const res = await fetch(`${server.url}/v1/employees/me/learning-records`, {
      method: 'POST',
      headers: jsonHeaders(token),
      body: JSON.stringify({ ...learningBody({ jp: '4-secret-value' }), title: undefined }),
    });
    const problem = await expectProblem(res, 400);
    const byPath = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e]));
    assert.equal(byPath.jp?.message, 'Expected number, received string');
    assert.equal(byPath.jp?.code, 'invalid_type');
    assert.equal(byPath.title?.message, 'Required');
    assert.doesNotMatch(JSON.stringify(problem), /secret-value/);
  });

  it('null, an array and an object are named by their type', async () => {
    const res = await fetch(`${server.url}/v1/employees/me/learning-records`, {
      method: 'POST',
      headers: jsonHeaders(token),
      body: JSON.stringify(learningBody({ jp: null, title: ['x'], completedAt: { at: 1 } })),
    });
    const messages = Object.fromEntries(((await expectProblem(res, 400)).errors ?? []).map((e) => [e.path, e.message]));
    assert.deepEqual(messages, {
      jp: 'Expected number, received null',
      title: 'Expected string, received array',
      completedAt: 'Expected string, received object',
    });
  });
});
