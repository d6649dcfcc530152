// Publishable keys (`Authorization: Bearer pk_…`): only from the key's allowed origins (403 naming the refused one),
// revoked → 401, test keys only in the sandbox and live keys only outside it, never on user, admin or sandbox routes
// (403), checked but granting nothing on public routes; CORS that echoes exactly an allowed origin; rate limits per
// key and address (429 + Retry-After); the key shown once at creation and never listed; admin only.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { PublishableKey, PublishableKeyCreated } from '../../src/contract/index.js';
import { generateKey, originMatches, originRuleErrors, sandboxKeyFor } from '../../server/keys.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { caller } from './coaching-helpers.js';
import { authHeader, expectProblem } from './helpers.js';

interface KeyCall {
  key?: string;
  origin?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const callWith = (server: TestServer) => (path: string, { key, origin, method = 'GET', body, headers = {} }: KeyCall = {}) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(key ? authHeader(key) : {}),
      ...(origin ? { origin } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const preflight = (server: TestServer, path: string, origin: string, method = 'GET') =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
  });

const LOCAL = 'http://localhost:5173';
const NOTICE = '/v1/privacy-notices/internship-application';
/** 43 characters of the private link's alphabet: well-formed, belongs to nobody. */
const NOBODYS_TOKEN = 'A'.repeat(43);

describe('origin matching and key rules (unit)', () => {
  it('exact origins, subdomain wildcards (not the apex, not a look-alike), localhost on any port', () => {
    assert.ok(originMatches('https://sia.umsorong.ac.id', 'https://sia.umsorong.ac.id'));
    assert.ok(!originMatches('https://sia.umsorong.ac.id:8443', 'https://sia.umsorong.ac.id'));
    assert.ok(originMatches('https://sia.umsorong.ac.id', 'https://sia.umsorong.ac.id:443'), 'the default port is the same origin');
    assert.ok(!originMatches('http://sia.umsorong.ac.id', 'https://sia.umsorong.ac.id'));
    assert.ok(originMatches('https://pmb.umsorong.ac.id', 'https://*.umsorong.ac.id'));
    assert.ok(originMatches('https://a.b.umsorong.ac.id', 'https://*.umsorong.ac.id'));
    assert.ok(!originMatches('https://umsorong.ac.id', 'https://*.umsorong.ac.id'), 'not the apex');
    assert.ok(!originMatches('https://evilumsorong.ac.id', 'https://*.umsorong.ac.id'), 'not a look-alike');
    assert.ok(!originMatches('https://umsorong.ac.id.evil.example', 'https://*.umsorong.ac.id'));
    assert.ok(!originMatches('http://pmb.umsorong.ac.id', 'https://*.umsorong.ac.id'));
    assert.ok(originMatches('http://localhost:5173', 'http://localhost:*'));
    assert.ok(originMatches('http://localhost', 'http://localhost:*'));
    assert.ok(originMatches('http://127.0.0.1:8080', 'http://127.0.0.1:*'));
    assert.ok(!originMatches('http://localhost.evil.example:5173', 'http://localhost:*'));
    assert.ok(!originMatches('null', 'http://localhost:*'));
    assert.ok(!originMatches('https://localhost:5173', 'http://localhost:*'));
  });

  it('live keys take neither localhost nor plain HTTP; only localhost may use any port', () => {
    assert.deepEqual(originRuleErrors('test', ['http://localhost:*', 'http://127.0.0.1:*', 'https://*.umsorong.ac.id', 'http://sia.local:8080']), []);
    assert.deepEqual(
      originRuleErrors('live', ['https://sia.umsorong.ac.id', 'http://localhost:*', 'http://127.0.0.1:3000', 'http://sia.umsorong.ac.id']).map((e) => e.path),
      ['allowedOrigins.1', 'allowedOrigins.2', 'allowedOrigins.3'],
    );
    assert.deepEqual(originRuleErrors('test', ['https://sia.umsorong.ac.id:*']).map((e) => e.code), ['origin.port_wildcard']);
  });

  it('keys: pk_<mode>_ and 32 base62 characters, never the same twice; sandbox keys are fixed per partner', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateKey('live')));
    assert.equal(keys.size, 200);
    for (const k of keys) assert.match(k, /^pk_live_[A-Za-z0-9]{32}$/);
    assert.match(generateKey('test'), /^pk_test_[A-Za-z0-9]{32}$/);
    assert.equal(sandboxKeyFor('ptn_umsorong'), sandboxKeyFor('ptn_umsorong'));
    assert.notEqual(sandboxKeyFor('ptn_umsorong'), sandboxKeyFor('ptn_uvictory'));
    assert.match(sandboxKeyFor('ptn_umsorong'), /^pk_test_[A-Za-z0-9]{32}$/);
  });
});

describe('publishable keys on a sandbox server', () => {
  let server: TestServer;
  let call: ReturnType<typeof callWith>;
  let admin: ReturnType<typeof caller>;
  let asnToken: string;
  let umsKey: string;
  /** A test key of UM Sorong for its real sites (no localhost). */
  let siteKey: PublishableKeyCreated;

  const createKey = async (partnerId: string, body: Record<string, unknown>) => {
    const res = await admin('POST', `/v1/partners/${partnerId}/keys`, body);
    assert.equal(res.status, 201, await res.clone().text());
    return z.parse(PublishableKeyCreated, await res.json());
  };

  before(async () => {
    server = await startServer({ quiet: true });
    call = callWith(server);
    admin = caller(server, (await server.tokenFor('admin')).token);
    asnToken = (await server.tokenFor('employee')).token;
    umsKey = server.publishableKey('ptn_umsorong');
    siteKey = await createKey('ptn_umsorong', { mode: 'test', label: 'Situs SIA dan PMB', allowedOrigins: ['https://*.umsorong.ac.id', 'https://pmb.example.ac.id'] });
  });
  after(() => server.close());

  it('the seeded sandbox key works from localhost on any port, and CORS echoes exactly that origin', async () => {
    for (const origin of [LOCAL, 'http://127.0.0.1:8000', 'http://localhost:6006']) {
      const res = await call('/v1/internships', { key: umsKey, origin });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.match(res.headers.get('vary') ?? '', /origin/i);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    }
  });

  it('a key from an origin it does not allow → 403 naming the origin, and no CORS grant for it', async () => {
    for (const origin of ['https://umsorong.ac.id', 'https://evilumsorong.ac.id', 'http://sia.umsorong.ac.id', 'https://evil.example', LOCAL]) {
      const res = await call('/v1/internships', { key: siteKey.key, origin });
      assert.equal(res.headers.get('access-control-allow-origin'), null, `no CORS grant for ${origin}`);
      const problem = await expectProblem(res, 403);
      assert.ok(problem.detail?.includes(origin), `the detail names ${origin}: ${problem.detail}`);
    }
    for (const origin of ['https://sia.umsorong.ac.id', 'https://a.b.umsorong.ac.id', 'https://pmb.example.ac.id']) {
      const res = await call('/v1/internships', { key: siteKey.key, origin });
      assert.equal(res.status, 200, `${origin}: ${await res.clone().text()}`);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
    }
    // The sandbox key of another partner does not open UM Sorong's sites either.
    await expectProblem(await call('/v1/internships', { key: server.publishableKey('ptn_uvictory'), origin: 'https://sia.umsorong.ac.id' }), 403);
  });

  it('without an Origin header (a server-to-server call) the key works, still for its own partner', async () => {
    const res = await call('/v1/internships', { key: siteKey.key });
    assert.equal(res.status, 200, await res.clone().text());
  });

  it('an unknown or malformed key → 401; the X-Publishable-Key header is not a way in', async () => {
    await expectProblem(await call('/v1/internships', { key: generateKey('test'), origin: LOCAL }), 401);
    await expectProblem(await call('/v1/internships', { key: 'pk_test_short', origin: LOCAL }), 401);
    await expectProblem(await call('/v1/internships', { origin: LOCAL, headers: { 'x-publishable-key': umsKey } }), 401);
  });

  it('a pk_ key on user, admin and sandbox routes → 403 saying what keys may do', async () => {
    const denied = [
      ['GET', '/v1/me'],
      ['GET', '/v1/partners'],
      ['GET', '/v1/programs'],
      ['GET', '/v1/applications'],
      ['GET', '/v1/partners/ptn_umsorong/keys'],
      ['POST', '/v1/sandbox/tokens'],
    ] as const;
    for (const [method, path] of denied) {
      const res = await call(path, { key: umsKey, origin: LOCAL, method, body: method === 'POST' ? {} : undefined });
      const problem = await expectProblem(res, 403);
      assert.match(problem.detail ?? '', /publishable keys may only/i, `${method} ${path}`);
    }
  });

  it('public routes: a key is checked (origin, revocation) but not needed', async () => {
    assert.equal((await call(NOTICE)).status, 200);
    assert.equal((await call(NOTICE, { key: siteKey.key, origin: 'https://sia.umsorong.ac.id' })).status, 200);
    await expectProblem(await call(NOTICE, { key: siteKey.key, origin: 'https://evil.example' }), 403);
    const open = await call(NOTICE, { origin: 'https://sia.umsorong.ac.id' });
    assert.equal(open.headers.get('access-control-allow-origin'), 'https://sia.umsorong.ac.id', 'CORS-open for key origins');
    assert.equal((await call(NOTICE, { origin: 'https://evil.example' })).headers.get('access-control-allow-origin'), null);
  });

  it('CORS preflight: any non-revoked key allowing the origin lets it in; others get nothing', async () => {
    for (const [path, method] of [['/v1/internships', 'GET'], ['/v1/challenges', 'POST'], ['/v1/internships/int_satudata/applications', 'POST'], [NOTICE, 'GET'], [`/v1/applications/private/${NOBODYS_TOKEN}/withdraw`, 'POST']] as const) {
      const ok = await preflight(server, path, 'https://pmb.umsorong.ac.id', method);
      assert.ok(ok.status < 300, `${method} ${path}: ${ok.status}`);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://pmb.umsorong.ac.id', `${method} ${path}`);
      const headers = (ok.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const h of ['authorization', 'content-type', 'idempotency-key']) assert.ok(headers.includes(h), h);
      assert.ok(!headers.includes('x-publishable-key'));
      for (const evil of ['https://evil.example', 'https://evilumsorong.ac.id', 'https://umsorong.ac.id']) {
        assert.equal((await preflight(server, path, evil, method)).headers.get('access-control-allow-origin'), null, `${evil} ${path}`);
      }
    }
    // A key's origins open only the routes a key may call, not the staff API.
    assert.equal((await preflight(server, '/v1/me', 'https://pmb.umsorong.ac.id')).headers.get('access-control-allow-origin'), null);
    assert.equal((await preflight(server, '/v1/partners', 'https://pmb.umsorong.ac.id')).headers.get('access-control-allow-origin'), null);
  });

  it('a revoked key → 401 at once (also on public routes), and its origins no longer pass a preflight', async () => {
    const key = await createKey('ptn_uvictory', { mode: 'test', label: 'Sementara', allowedOrigins: ['https://sia.uvictory.ac.id'] });
    const origin = 'https://sia.uvictory.ac.id';
    assert.equal((await call('/v1/internships', { key: key.key, origin })).status, 200);
    assert.equal((await preflight(server, '/v1/internships', origin)).headers.get('access-control-allow-origin'), origin);
    const revoked = await admin('POST', `/v1/keys/${key.id}/revoke`, {});
    assert.equal(revoked.status, 200, await revoked.clone().text());
    const listed = z.parse(PublishableKey, await revoked.json());
    assert.ok(listed.revokedAt);
    const problem = await expectProblem(await call('/v1/internships', { key: key.key, origin }), 401);
    assert.match(problem.detail ?? '', /revoked/);
    await expectProblem(await call(NOTICE, { key: key.key, origin }), 401);
    assert.equal((await preflight(server, '/v1/internships', origin)).headers.get('access-control-allow-origin'), null);
    // Revoking again keeps the first time.
    const again = z.parse(PublishableKey, await (await admin('POST', `/v1/keys/${key.id}/revoke`, {})).json());
    assert.equal(again.revokedAt, listed.revokedAt);
    await expectProblem(await admin('POST', '/v1/keys/key_nosuchkey/revoke', {}), 404);
  });

  it('a live key is refused by the sandbox (401), and cannot allow localhost (400 allowedOrigins.N)', async () => {
    const live = await createKey('ptn_unimuda', { mode: 'live', label: 'Situs resmi', allowedOrigins: ['https://unimudasorong.ac.id'] });
    assert.match(live.key, /^pk_live_/);
    const problem = await expectProblem(await call('/v1/internships', { key: live.key, origin: 'https://unimudasorong.ac.id' }), 401);
    assert.match(problem.detail ?? '', /live key/i);
    const bad = await expectProblem(
      await admin('POST', '/v1/partners/ptn_unimuda/keys', { mode: 'live', label: 'Salah', allowedOrigins: ['https://unimudasorong.ac.id', 'http://localhost:*'] }),
      400,
    );
    assert.deepEqual(bad.errors?.map((e) => e.path), ['allowedOrigins.1']);
    const bad2 = await expectProblem(await admin('POST', '/v1/partners/ptn_unimuda/keys', { mode: 'live', label: 'Salah', allowedOrigins: ['http://127.0.0.1:*'] }), 400);
    assert.deepEqual(bad2.errors?.map((e) => e.path), ['allowedOrigins.0']);
    const bad3 = await expectProblem(await admin('POST', '/v1/partners/ptn_unimuda/keys', { mode: 'test', label: 'Salah', allowedOrigins: ['https://example.ac.id/path'] }), 400);
    assert.deepEqual(bad3.errors?.map((e) => e.path), ['allowedOrigins.0']);
  });

  it('the key is shown once, at creation: lists show its last four characters, the database only its hash', async () => {
    const created = await createKey('ptn_polikpsorong', { mode: 'test', label: 'Portal Taruna', allowedOrigins: ['https://taruna.polikpsorong.ac.id'] });
    assert.match(created.key, /^pk_test_[A-Za-z0-9]{32}$/);
    assert.equal(created.hint, `pk_test_…${created.key.slice(-4)}`);
    assert.equal(created.partnerId, 'ptn_polikpsorong');
    assert.equal(created.revokedAt, null);

    const res = await admin('GET', '/v1/partners/ptn_polikpsorong/keys');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes(created.key), 'the list never carries the key');
    assert.ok(!text.includes(server.publishableKey('ptn_polikpsorong')), 'nor the sandbox key');
    const listed = z.parse(z.object({ data: z.array(PublishableKey) }), JSON.parse(text)).data;
    assert.equal(listed[0].id, created.id, 'newest first');
    assert.ok(listed.every((k) => !('key' in k)));
    assert.ok(listed.some((k) => k.id === 'key_sandboxpolikpsorong'));

    const row = await server.deps.db.selectFrom('publishable_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.equal(row.key_hash, createHash('sha256').update(created.key).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(created.key.slice(8)), 'no column holds the key');
    await expectProblem(await admin('GET', '/v1/partners/ptn_nosuchpartner/keys'), 404);
  });

  it('keys are for admins only', async () => {
    for (const who of [caller(server, asnToken), caller(server, (await server.tokenFor('supervisor')).token)]) {
      await expectProblem(await who('GET', '/v1/partners/ptn_umsorong/keys'), 403);
      await expectProblem(await who('POST', '/v1/partners/ptn_umsorong/keys', { mode: 'test', label: 'X', allowedOrigins: ['https://x.example'] }), 403);
      await expectProblem(await who('POST', `/v1/keys/${siteKey.id}/revoke`, {}), 403);
    }
    await expectProblem(await call(`/v1/keys/${siteKey.id}/revoke`, { key: siteKey.key, origin: 'https://sia.umsorong.ac.id', method: 'POST', body: {} }), 403);
    assert.equal((await call('/v1/internships', { key: siteKey.key, origin: 'https://sia.umsorong.ac.id' })).status, 200, 'still not revoked');
  });

  it('a bearer token on publishable routes works as before (and is not rate limited as a key)', async () => {
    const res = await call('/v1/internships', { key: asnToken, origin: LOCAL });
    assert.equal(res.status, 200, await res.clone().text());
  });

  it('idempotency is scoped per key: the same Idempotency-Key from two keys does not collide', async () => {
    const post = (key: string) => call('/v1/challenges', { key, origin: LOCAL, method: 'POST', body: {}, headers: { 'idempotency-key': 'idem-pk-scope-1' } });
    const a = await post(umsKey);
    assert.equal(a.status, 201, await a.clone().text());
    const b = await post(server.publishableKey('ptn_uvictory'));
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotency-replayed'), null, 'another key: a request of its own');
    const again = await post(umsKey);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
  });
});

describe('publishable keys: rate limits', () => {
  let server: TestServer;
  let call: ReturnType<typeof callWith>;
  before(async () => {
    server = await startServer({ quiet: true, rateLimits: { read: 3, challenge: 2, private: 2 } });
    call = callWith(server);
  });
  after(() => server.close());

  it('a burst past the limit → 429 problem+json with Retry-After, per key (another key still reads)', async () => {
    const key = server.publishableKey('ptn_umsorong');
    for (let i = 0; i < 3; i++) assert.equal((await call('/v1/internships', { key, origin: LOCAL })).status, 200);
    const res = await call('/v1/internships', { key, origin: LOCAL });
    assert.equal(res.headers.get('access-control-allow-origin'), LOCAL, 'the page can read the 429');
    const problem = await expectProblem(res, 429);
    assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/rate-limited');
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers.get('retry-after')}`);
    // A spoofed X-Forwarded-For does not make a new client when no proxy is trusted.
    await expectProblem(await call('/v1/internships', { key, origin: LOCAL, headers: { 'x-forwarded-for': '198.51.100.7' } }), 429);
    assert.equal((await call('/v1/internships', { key: server.publishableKey('ptn_uvictory'), origin: LOCAL })).status, 200);
    // Signed-in staff are not limited as a key.
    const { token } = await server.tokenFor('admin');
    for (let i = 0; i < 4; i++) assert.equal((await call('/v1/internships', { key: token })).status, 200);
  });

  it('challenges have a bucket of their own', async () => {
    const key = server.publishableKey('ptn_unimuda');
    for (let i = 0; i < 2; i++) assert.equal((await call('/v1/challenges', { key, origin: LOCAL, method: 'POST', body: {} })).status, 201);
    const res = await call('/v1/challenges', { key, origin: LOCAL, method: 'POST', body: {} });
    await expectProblem(res, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.equal((await call('/v1/internships', { key, origin: LOCAL })).status, 200, 'reading is another bucket');
  });

  it('the private link is limited per address, whatever the token (no walking the tokens)', async () => {
    for (let i = 0; i < 2; i++) await expectProblem(await call(`/v1/applications/private/${String.fromCharCode(65 + i).repeat(43)}`), 404);
    const res = await call(`/v1/applications/private/${'C'.repeat(43)}`);
    await expectProblem(res, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
  });
});

describe('publishable keys: behind a trusted proxy, and outside the sandbox', () => {
  it('with one trusted hop, X-Forwarded-For tells clients apart', async () => {
    const server = await startServer({ quiet: true, rateLimits: { read: 2 }, trustedProxyHops: 1 });
    try {
      const call = callWith(server);
      const key = server.publishableKey('ptn_umsorong');
      const from = (address: string) => call('/v1/internships', { key, origin: LOCAL, headers: { 'x-forwarded-for': `192.0.2.1, ${address}` } });
      for (let i = 0; i < 2; i++) assert.equal((await from('203.0.113.5')).status, 200);
      await expectProblem(await from('203.0.113.5'), 429);
      assert.equal((await from('203.0.113.6')).status, 200, 'the rightmost address is the client our proxy saw');
    } finally {
      await server.close();
    }
  });

  it('a test key is refused when sandbox mode is off; a live key works there', async () => {
    const server = await startServer({ quiet: true, sandbox: false });
    try {
      const call = callWith(server);
      const problem = await expectProblem(await call('/v1/internships', { key: server.publishableKey('ptn_umsorong'), origin: LOCAL }), 401);
      assert.match(problem.detail ?? '', /test key/i);
      const admin = caller(server, (await server.tokenFor('admin')).token);
      const res = await admin('POST', '/v1/partners/ptn_umsorong/keys', { mode: 'live', label: 'Situs resmi', allowedOrigins: ['https://*.umsorong.ac.id'] });
      assert.equal(res.status, 201, await res.clone().text());
      const live = z.parse(PublishableKeyCreated, await res.json());
      const ok = await call('/v1/internships', { key: live.key, origin: 'https://pmb.umsorong.ac.id' });
      assert.equal(ok.status, 200, await ok.clone().text());
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://pmb.umsorong.ac.id');
      // Outside the sandbox, localhost is not a portal origin, and no live key allows it.
      assert.equal((await preflight(server, '/v1/internships', LOCAL)).headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });
});
