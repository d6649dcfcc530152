// Input validation through the binder: 400 problem+json with errors[].path naming each field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';

describe('validation', () => {
  let server: TestServer;
  let token: string;
  let url: string;

  before(async () => {
    server = await startServer({ quiet: true });
    ({ token } = await server.tokenFor('employee'));
    url = `${server.url}/v1/employees/me/learning-records`;
  });
  after(() => server.close());

  const post = (body: unknown, extra: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: jsonHeaders(token, extra), body: typeof body === 'string' ? body : JSON.stringify(body) });
  const paths = (problem: { errors?: Array<{ path: string }> }) => (problem.errors ?? []).map((e) => e.path);

  it('a bad year → 400 with path "year"', async () => {
    for (const year of ['abc', '1999', '2101', '2024.5']) {
      const problem = await expectProblem(await fetch(`${server.url}/v1/employees/me/progress?year=${year}`, { headers: authHeader(token) }), 400);
      assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/validation');
      assert.deepEqual(paths(problem), ['year'], `year=${year}`);
    }
    const ok = await fetch(`${server.url}/v1/employees/me/progress?year=2024`, { headers: authHeader(token) });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).year, 2024);
  });

  it('jp 0 → path "jp"', async () => {
    const problem = await expectProblem(await post(learningBody({ jp: 0 })), 400);
    assert.deepEqual(paths(problem), ['jp']);
    assert.ok(problem.errors![0].message.length > 0);
  });

  it('jp not in steps of 0.5 → path "jp"', async () => {
    assert.deepEqual(paths(await expectProblem(await post(learningBody({ jp: 1.3 })), 400)), ['jp']);
  });

  it('completedAt in the future → path "completedAt"', async () => {
    const future = new Date(Date.now() + 2 * 86400_000).toISOString();
    const problem = await expectProblem(await post(learningBody({ completedAt: future })), 400);
    assert.deepEqual(paths(problem), ['completedAt']);
    assert.equal(problem.errors![0].code, 'date.future');
  });

  it('a non-http evidenceUrl → path "evidenceUrl"', async () => {
    for (const evidenceUrl of ['javascript:alert(1)', 'not a url', 'ftp://example.com/x']) {
      assert.deepEqual(paths(await expectProblem(await post(learningBody({ evidenceUrl })), 400)), ['evidenceUrl'], evidenceUrl);
    }
  });

  it('several bad fields → one error per field; nothing stored', async () => {
    const before = (await (await fetch(`${url}?limit=100`, { headers: authHeader(token) })).json()).data.length;
    const problem = await expectProblem(await post({ title: 'x', competency: 'cooking', jp: -1, completedAt: 'yesterday' }), 400);
    assert.deepEqual(paths(problem).sort(), ['competency', 'completedAt', 'jp', 'title']);
    const after = (await (await fetch(`${url}?limit=100`, { headers: authHeader(token) })).json()).data.length;
    assert.equal(after, before);
  });

  it('malformed JSON and a missing body → 400', async () => {
    await expectProblem(await post('{"title": '), 400);
    await expectProblem(await post(''), 400);
  });

  it('a bad path id and a bad cursor → 400 with their paths', async () => {
    const badId = await expectProblem(await fetch(`${server.url}/v1/employees/42/progress`, { headers: authHeader(token) }), 400);
    assert.deepEqual(paths(badId), ['id']);
    const badCursor = await expectProblem(await fetch(`${url}?cursor=nonsense`, { headers: authHeader(token) }), 400);
    assert.deepEqual(paths(badCursor), ['cursor']);
    const badLimit = await expectProblem(await fetch(`${url}?limit=0`, { headers: authHeader(token) }), 400);
    assert.deepEqual(paths(badLimit), ['limit']);
  });

  it('a valid record → 201, served in the contract shape, normalised to UTC', async () => {
    const res = await post(learningBody({ completedAt: '2024-03-05T10:00:00+09:00', jp: 2.5, evidenceUrl: 'https://example.org/sertifikat.pdf' }));
    assert.equal(res.status, 201);
    const record = await res.json();
    assert.match(record.id, /^lrn_/);
    assert.equal(record.completedAt, '2024-03-05T01:00:00.000Z');
    assert.equal(record.jp, 2.5);
    assert.equal(record.evidenceUrl, 'https://example.org/sertifikat.pdf');
  });

  it('X-Request-Id: a sane incoming id is echoed, a bad one replaced; unknown routes are 404 problems', async () => {
    const echoed = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-12345-XYZ' } });
    assert.equal(echoed.headers.get('x-request-id'), 'abc-12345-XYZ');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[A-Za-z0-9-]{8,64}$/);
    assert.notEqual(replaced.headers.get('x-request-id'), 'bad id <script>');
    const problem = await expectProblem(await fetch(`${server.url}/v1/nothing-here`, { headers: { 'x-request-id': 'trace-0001-abcd' } }), 404);
    assert.equal(problem.requestId, 'trace-0001-abcd');
  });

  it('a deeply nested body → 400 json.depth, not a 500 (found by npm run fuzz), also with nothing to sign in with', async () => {
    const deep = `${'['.repeat(2400)}${']'.repeat(2400)}`;
    let problem = await expectProblem(await post(deep), 400);
    assert.equal(problem.errors?.[0]?.code, 'json.depth');
    problem = await expectProblem(await post({ ...learningBody(), title: JSON.parse(`${'['.repeat(40)}"x"${']'.repeat(40)}`) }), 400);
    assert.equal(problem.errors?.[0]?.code, 'json.depth');
    const anonymous = await fetch(`${server.url}/v1/applications/private/${'A'.repeat(43)}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    assert.equal(anonymous.status, 400);
    // Brackets inside strings are text, not nesting.
    const res = await post({ ...learningBody(), title: `Pelatihan ${'['.repeat(100)}` });
    assert.equal(res.status, 201);
  });

  it('a wrong type names the type received, and a missing field says Required', async () => {
    const problem = await expectProblem(await post({ ...learningBody(), jp: '8' }), 400);
    const jp = problem.errors?.find((e) => e.path === 'jp');
    assert.match(jp?.message ?? '', /Expected number, received string/);
    const { title: _omitted, ...rest } = learningBody();
    const missing = await expectProblem(await post(rest), 400);
    assert.equal(missing.errors?.find((e) => e.path === 'title')?.message, 'Required');
  });

  it('a body that is not valid UTF-8 → 400 json.encoding, nothing stored (found by npm run fuzz)', async () => {
    const before = await server.deps.db.selectFrom('learning_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const json = Buffer.from(JSON.stringify({ ...learningBody(), title: 'Laporan XX' }));
    const bytes = Buffer.concat([json.subarray(0, json.indexOf('XX')), Buffer.from([0xff, 0xc0]), json.subarray(json.indexOf('XX') + 2)]);
    const problem = await expectProblem(await fetch(url, { method: 'POST', headers: jsonHeaders(token), body: bytes }), 400);
    assert.equal(problem.errors?.[0]?.code, 'json.encoding');
    const after = await server.deps.db.selectFrom('learning_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
