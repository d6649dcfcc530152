// Hardening of writes (#9): a mutation commits only with a valid answer (one request transaction: writes, answer,
// idempotency record), Idempotency-Key scoped to the caller and the resolved resource with bodies compared as JSON,
// and rate limits for every caller (per token subject, per address for failed sign-ins).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { topicFor, type ServerEvent } from '../../src/contract/index.js';
import pg from 'pg';
import { ApiProblem } from '../../server/problem.js';
import { DEFAULT_RATE_LIMITS, postgresLimiterStore, RateLimits } from '../../server/rate-limit.js';
import { deferUntilCommit, inRequestTransaction } from '../../server/request-scope.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { caller, castOf, feedbackBody, goalBody, lastSeq, type Cast } from './coaching-helpers.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';
import { applicationBody, applyOk, currentNotice, insertOpening, internshipServer, solvedChallenge, viaKey, viaToken } from './internship-helpers.js';

const countRows = async (server: TestServer, table: 'learning_records' | 'goals' | 'feedback' | 'internship_applications', where: [string, string]) => {
  const row = await server.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where[0] as never, '=', where[1] as never)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('a write commits only with a valid answer', () => {
  let server: TestServer;
  let cast: Cast;

  before(async () => {
    server = await internshipServer();
    cast = await castOf(server);
  });
  after(async () => {
    server.deps.hooks!.corruptResponse = undefined;
    await server.close();
  });

  it('an answer outside the contract → 500, nothing stored, no live event; a retry with the same key runs once', async () => {
    const post = caller(server, cast.asn.token);
    const path = `/v1/employees/${cast.asn.id}/learning-records`;
    const body = learningBody({ title: 'Jawaban di luar kontrak' });
    const key = randomUUID();
    const before = await countRows(server, 'learning_records', ['employee_id', cast.asn.id]);
    const seq = await lastSeq(server);
    const live: ServerEvent[] = [];
    const unsubscribe = server.deps.events.subscribe(new Set([topicFor.employee(cast.asn.id)]), (event) => live.push(event));
    try {
      // The handler writes the record and its event in its own transaction; the answer then fails the contract.
      server.deps.hooks!.corruptResponse = (routeId, answer) => (routeId === 'createLearningRecord' ? { ...(answer as object), jp: -1 } : answer);
      const failed = await post('POST', path, body, { 'idempotency-key': key });
      await expectProblem(failed, 500);
      assert.equal(await countRows(server, 'learning_records', ['employee_id', cast.asn.id]), before, 'the record was rolled back');
      assert.equal(await lastSeq(server), seq, 'its stored event too');
      assert.equal(live.length, 0, 'and no live event went out');

      server.deps.hooks!.corruptResponse = undefined;
      const retried = await post('POST', path, body, { 'idempotency-key': key });
      assert.equal(retried.status, 201);
      assert.equal(retried.headers.get('idempotency-replayed'), null, 'the failed attempt left no answer to replay');
      const again = await post('POST', path, body, { 'idempotency-key': key });
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.equal(await countRows(server, 'learning_records', ['employee_id', cast.asn.id]), before + 1, 'stored once');
      // Live delivery happens right after the commit, before the answer is sent: the one stored record's event.
      assert.equal(live.filter((e) => e.type === 'learning.created').length, 1);
    } finally {
      unsubscribe();
      server.deps.hooks!.corruptResponse = undefined;
    }
  });

  it("a handler's own transactions are savepoints of the request's: a failed one undoes only itself", async () => {
    const { db } = server.deps;
    const mark = (tag: string) => db.insertInto('used_challenges').values({ signature_hash: `${tag}-${randomUUID()}`, expires_at: '2999-01-01T00:00:00.000Z' }).execute();
    const marked = async (tag: string) =>
      (await db.selectFrom('used_challenges').select('signature_hash').where('signature_hash', 'like', `${tag}-%`).execute()).length;
    const tag = `scope${randomUUID().slice(0, 6)}`;
    const ran: string[] = [];
    await inRequestTransaction(db, async () => {
      await mark(`${tag}a`);
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('used_challenges').values({ signature_hash: `${tag}b-1`, expires_at: '2999-01-01T00:00:00.000Z' }).execute();
          throw new Error('inner failure');
        }),
        /inner failure/,
      );
      await db.transaction().execute(() => mark(`${tag}c`));
      assert.ok(deferUntilCommit(() => ran.push('after commit')));
      assert.deepEqual(ran, [], 'deferred work waits for the commit');
    });
    assert.deepEqual([await marked(`${tag}a`), await marked(`${tag}b`), await marked(`${tag}c`)], [1, 0, 1]);
    assert.deepEqual(ran, ['after commit']);

    await assert.rejects(
      inRequestTransaction(db, async () => {
        await db.transaction().execute(() => mark(`${tag}d`));
        deferUntilCommit(() => ran.push('never'));
        throw new Error('request failure');
      }),
      /request failure/,
    );
    assert.equal(await marked(`${tag}d`), 0, "the request's rollback undoes a committed savepoint");
    assert.deepEqual(ran, ['after commit'], 'deferred work is dropped on rollback');
    assert.equal(deferUntilCommit(() => undefined), false, 'outside a request nothing is deferred');
  });

  it('a spent ALTCHA solution stays spent when its application rolls back', async () => {
    const opening = await insertOpening(server);
    const key = viaKey(server, 'ptn_umsorong');
    const altcha = await solvedChallenge(key);
    const body = applicationBody(await currentNotice(server), altcha);
    const before = await countRows(server, 'internship_applications', ['opening_id', opening]);
    server.deps.hooks!.corruptResponse = (routeId, answer) => (routeId === 'createApplication' ? { ...(answer as object), reference: 'x' } : answer);
    try {
      await expectProblem(await key('POST', `/v1/internships/${opening}/applications`, body), 500);
    } finally {
      server.deps.hooks!.corruptResponse = undefined;
    }
    assert.equal(await countRows(server, 'internship_applications', ['opening_id', opening]), before, 'no application stored');
    const reused = await expectProblem(await key('POST', `/v1/internships/${opening}/applications`, body), 400);
    assert.deepEqual(reused.errors?.map((e) => e.code), ['altcha.reused']);
  });
});

describe('Idempotency-Key: one resource, the JSON body, the caller', () => {
  let server: TestServer;
  let cast: Cast;

  before(async () => {
    server = await internshipServer();
    cast = await castOf(server);
  });
  after(() => server.close());

  const goalsTitled = async (title: string) =>
    Number(
      (
        await server.deps.db
          .selectFrom('goals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('title', '=', title)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('spellings of one path (me, the id, URL-encoded, a trailing slash, doubled slashes) are one resource', async () => {
    const title = `Satu sumber daya ${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify(goalBody({ title }));
    const key = randomUUID();
    const encodedId = cast.asn.id.replace(/^e/, '%65');
    const post = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: jsonHeaders(cast.asn.token, { 'idempotency-key': key }), body });
      const text = await res.text();
      return { path, status: res.status, replayed: res.headers.get('idempotency-replayed'), id: res.ok ? (JSON.parse(text) as { id: string }).id : text };
    };
    const first = await post('/v1/employees/me/goals');
    assert.equal(first.status, 201);
    assert.equal(first.replayed, null);
    for (const path of [`/v1/employees/${cast.asn.id}/goals`, `/v1/employees/${encodedId}/goals`, '/v1/employees/%6De/goals']) {
      const again = await post(path);
      assert.deepEqual([again.status, again.replayed, again.id], [201, 'true', first.id], path);
    }
    // Spellings the router does not take store nothing either (404), or replay.
    for (const path of [`/v1/employees/${cast.asn.id}/goals/`, `/v1//employees/${cast.asn.id}/goals`]) {
      const again = await post(path);
      assert.ok(again.status === 404 || (again.status === 201 && again.replayed === 'true' && again.id === first.id), JSON.stringify(again));
    }
    assert.equal(await goalsTitled(title), 1);
  });

  it('ten concurrent requests with one key: one runs, the others wait for its commit and replay it', async () => {
    const title = `Serentak ${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify(goalBody({ title }));
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${server.url}/v1/employees/me/goals`, { method: 'POST', headers: jsonHeaders(cast.asn.token, { 'idempotency-key': key }), body }),
      ),
    );
    assert.deepEqual(answers.map((r) => r.status), Array(10).fill(201));
    assert.equal(answers.filter((r) => r.headers.get('idempotency-replayed') === null).length, 1);
    assert.equal(new Set(await Promise.all(answers.map(async (r) => (await r.json()).id))).size, 1);
    assert.equal(await goalsTitled(title), 1);
  });

  it('a re-indented body with its keys in another order is the same request: replayed', async () => {
    const title = `Badan JSON kanonik ${randomUUID().slice(0, 8)}`;
    const body = goalBody({ title });
    const key = randomUUID();
    const url = `${server.url}/v1/employees/me/goals`;
    const first = await fetch(url, { method: 'POST', headers: jsonHeaders(cast.asn.token, { 'idempotency-key': key }), body: JSON.stringify(body) });
    assert.equal(first.status, 201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await fetch(url, { method: 'POST', headers: jsonHeaders(cast.asn.token, { 'idempotency-key': key }), body: `\n${JSON.stringify(reordered, null, 4)}\n` });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotency-replayed'), 'true');
    assert.equal(await goalsTitled(title), 1);
    // Another value is another request.
    await expectProblem(
      await fetch(url, { method: 'POST', headers: jsonHeaders(cast.asn.token, { 'idempotency-key': key }), body: JSON.stringify({ ...body, title: `${title}!` }) }),
      422,
    );
  });

  it('two callers with one key on one resource do not collide', async () => {
    const key = randomUUID();
    const path = `/v1/employees/${cast.asn.id}/learning-records`;
    const body = learningBody({ title: 'Kunci sama, pemanggil lain' });
    const own = await caller(server, cast.asn.token)('POST', path, body, { 'idempotency-key': key });
    const admin = await caller(server, cast.admin.token)('POST', path, body, { 'idempotency-key': key });
    assert.equal(own.status, 201);
    assert.equal(admin.status, 201);
    assert.equal(admin.headers.get('idempotency-replayed'), null);
    assert.notEqual((await own.json()).id, (await admin.json()).id);
  });

  it('anonymous callers never share a key space: each private link is its own, other anonymous writes ignore the key', async () => {
    const opening = await insertOpening(server, { quota: 5 });
    const key = viaKey(server, 'ptn_umsorong');
    const a = await applyOk(server, key, opening);
    const b = await applyOk(server, key, opening);
    const anyone = viaToken(server);
    const idem = randomUUID();
    const change = { email: 'alamat.baru@mahasiswa.example.ac.id' };
    const ra = await anyone('PATCH', `/v1/applications/private/${a.token}`, change, { 'idempotency-key': idem });
    const rb = await anyone('PATCH', `/v1/applications/private/${b.token}`, change, { 'idempotency-key': idem });
    assert.equal(ra.status, 200);
    assert.equal(rb.status, 200);
    assert.equal(rb.headers.get('idempotency-replayed'), null, "b's link did not get a's answer");
    assert.equal((await rb.json()).reference, b.receipt.reference);
    const again = await anyone('PATCH', `/v1/applications/private/${a.token}`, change, { 'idempotency-key': idem });
    assert.equal(again.headers.get('idempotency-replayed'), 'true', 'the same link replays');
    assert.equal((await again.json()).reference, a.receipt.reference);

    // Sandbox token minting has no credential to scope a key to: the key is ignored.
    const mint = () => anyone('POST', '/v1/sandbox/tokens', { role: 'employee' }, { 'idempotency-key': idem });
    const m1 = await mint();
    const m2 = await mint();
    assert.equal(m1.status, 201);
    assert.equal(m2.status, 201);
    assert.equal(m2.headers.get('idempotency-replayed'), null);
  });
});

describe('rate limits for every caller', () => {
  it("a supervisor's 100 feedback posts in a burst: 429 with Retry-After past the write bucket, nothing more stored", async () => {
    const server = await startServer({ quiet: true, rateLimits: { userWrite: DEFAULT_RATE_LIMITS.userWrite } });
    try {
      const cast = await castOf(server);
      const before = await countRows(server, 'feedback', ['employee_id', cast.asn.id]);
      const post = caller(server, cast.supervisor.token);
      const answers = await Promise.all(Array.from({ length: 100 }, () => post('POST', `/v1/employees/${cast.asn.id}/feedback`, feedbackBody())));
      const created = answers.filter((r) => r.status === 201).length;
      const limited = answers.filter((r) => r.status === 429);
      assert.equal(created, DEFAULT_RATE_LIMITS.userWrite);
      assert.equal(limited.length, 100 - DEFAULT_RATE_LIMITS.userWrite);
      assert.match(limited[0].headers.get('retry-after') ?? '', /^\d+$/);
      await expectProblem(limited[0], 429);
      assert.equal(await countRows(server, 'feedback', ['employee_id', cast.asn.id]), before + created);
      // Reads are another bucket: the supervisor still reads.
      assert.equal((await fetch(`${server.url}/v1/me`, { headers: authHeader(cast.supervisor.token) })).status, 200);
    } finally {
      await server.close();
    }
  });

  it('repeated bad tokens from one address: 401 up to the limit, then 429 with Retry-After; good tokens still work', async () => {
    const limit = 10;
    const server = await startServer({ quiet: true, rateLimits: { authFailure: limit } });
    try {
      const { token } = await server.tokenFor('employee');
      const bad = `${token.slice(0, -4)}AAAA`;
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(`${server.url}/v1/me`, { headers: i % 2 ? authHeader(bad) : {} })));
      const statuses = answers.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, limit);
      assert.equal(statuses.filter((s) => s === 429).length, 60 - limit);
      const limited = answers.find((r) => r.status === 429)!;
      assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
      assert.equal((await expectProblem(limited, 429)).type, 'https://pembinaan-asn.dev/problems/rate-limited');
      assert.equal((await fetch(`${server.url}/v1/me`, { headers: authHeader(token) })).status, 200, 'a valid token from the address is served');
    } finally {
      await server.close();
    }
  });

  it('reads are limited per token subject: one caller at the limit gets 429, another caller and writes do not', async () => {
    const server = await startServer({ quiet: true, rateLimits: { userRead: 5 } });
    try {
      const cast = await castOf(server);
      const read = (token: string) => fetch(`${server.url}/v1/me`, { headers: authHeader(token) });
      for (let i = 0; i < 5; i++) assert.equal((await read(cast.asn.token)).status, 200);
      const limited = await read(cast.asn.token);
      await expectProblem(limited, 429);
      assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
      assert.equal((await read(cast.colleague.token)).status, 200, 'another subject has its own bucket');
      const write = await caller(server, cast.asn.token)('POST', `/v1/employees/${cast.asn.id}/learning-records`, learningBody());
      assert.equal(write.status, 201, 'writes spend from another bucket');
    } finally {
      await server.close();
    }
  });
});

describe('rate limits counted in PostgreSQL', { skip: process.env.ASN_TEST_DATABASE_URL ? false : 'needs ASN_TEST_DATABASE_URL (scripts/pg-cluster.mjs)' }, () => {
  it('two instances on one database spend from one bucket', async () => {
    const pool = new pg.Pool({ connectionString: process.env.ASN_TEST_DATABASE_URL, max: 2 });
    try {
      const limits = { ...DEFAULT_RATE_LIMITS, userWrite: 3 };
      const one = new RateLimits(limits, await postgresLimiterStore(pool));
      const other = new RateLimits(limits, await postgresLimiterStore(pool));
      const subject = `sub:emp_${randomUUID()}`;
      await one.consume('userWrite', subject);
      await other.consume('userWrite', subject);
      await one.consume('userWrite', subject);
      await assert.rejects(other.consume('userWrite', subject), (error: unknown) => {
        assert.ok(error instanceof ApiProblem);
        assert.equal(error.status, 429);
        assert.match(error.headers['Retry-After'] ?? '', /^\d+$/);
        return true;
      });
      await one.consume('userRead', subject);
    } finally {
      await pool.end();
    }
  });
});
