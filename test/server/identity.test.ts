// Identity from the portal: OpenID Connect access tokens verified against the provider's JWKS (server/oidc.ts),
// mapped to an employee by NIP; HS256 sandbox tokens only in sandbox mode; sandbox mode off unless asked for.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { signToken } from '../../server/auth.js';
import { loadConfig } from '../../server/config.js';
import { pickEmployeeForRole, toMe } from '../../server/db/employees.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../server/test-idp.js';
import { authHeader, expectProblem, jsonHeaders } from './helpers.js';

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function seeded(server: TestServer, role: 'employee' | 'supervisor' | 'admin') {
  const row = await pickEmployeeForRole(server.deps.db, role);
  assert.ok(row, `a seeded ${role}`);
  return toMe(row);
}

const me = (server: TestServer, token: string) => fetch(`${server.url}/v1/me`, { headers: authHeader(token) });

/** A 401 problem with RFC 6750's `invalid_token` challenge. */
async function expectInvalidToken(response: Response): Promise<string> {
  const challenge = response.headers.get('www-authenticate') ?? '';
  const problem = await expectProblem(response, 401);
  assert.match(challenge, /^Bearer realm="pembinaan-asn", error="invalid_token", error_description="[^"]*"$/);
  return problem.detail ?? '';
}

describe('portal tokens verified against the JWKS', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  let rsaKid: string;
  let esKid: string;
  before(async () => {
    idp = await startTestIdentityProvider({ alg: 'ES256' });
    esKid = 'test-es256-1';
    rsaKid = await idp.addKey('RS256');
    // A long cooldown: made-up kids must not make the server fetch the JWKS again and again.
    server = await startServer({
      quiet: true,
      sandbox: false,
      jwks: { url: idp.jwksUrl, issuer: idp.issuer, audience: idp.audience, cooldownMs: 600_000 },
      // These tests send a few dozen refused tokens from one address; the failure limit is not what they show.
      rateLimits: { authFailure: 1000 },
    });
  });
  after(async () => {
    await server.close();
    await idp.close();
  });

  it('accepts RS256 and ES256 access tokens and maps the nip claim to the employee', async () => {
    const employee = await seeded(server, 'employee');
    for (const kid of [rsaKid, esKid]) {
      const res = await me(server, await idp.sign({ sub: 'f3c1-kc-user', nip: employee.nip }, { kid }));
      assert.equal(res.status, 200, `${kid}: ${await res.clone().text()}`);
      const body = await res.json();
      assert.equal(body.id, employee.id);
      assert.equal(body.nip, employee.nip);
    }
  });

  it('derives the role from the database, never from a role claim', async () => {
    const employee = await seeded(server, 'employee');
    const token = await idp.sign({ nip: employee.nip, role: 'admin', realm_access: { roles: ['admin'] } });
    assert.equal((await (await me(server, token)).json()).role, 'employee');
    // An admin-only route stays closed to them.
    await expectProblem(await fetch(`${server.url}/v1/programs`, { method: 'POST', headers: jsonHeaders(token), body: '{}' }), 403);
    const admin = await seeded(server, 'admin');
    assert.equal((await (await me(server, await idp.sign({ nip: admin.nip, role: 'employee' }))).json()).role, 'admin');
  });

  it('accepts a NIP written with spaces', async () => {
    const employee = await seeded(server, 'employee');
    const spaced = `${employee.nip.slice(0, 8)} ${employee.nip.slice(8, 14)} ${employee.nip.slice(14, 15)} ${employee.nip.slice(15)}`;
    assert.equal((await (await me(server, await idp.sign({ nip: spaced }))).json()).id, employee.id);
  });

  it('refuses a token of another issuer, for another audience, or signed with an unpublished kid (401 invalid_token)', async () => {
    const { nip } = await seeded(server, 'employee');
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip }, { issuer: 'https://sso.elsewhere.example/realms/asn' }))), /iss/);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip }, { audience: 'another-client' }))), /aud/);
    const hidden = await idp.addKey('ES256', { publish: false });
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip }, { kid: hidden }))), /key/);
  });

  it('bounds the clock skew: expired 20 s ago passes (60 s tolerance), 120 s ago does not; exp is required, nbf checked', async () => {
    const { nip } = await seeded(server, 'employee');
    assert.equal((await me(server, await idp.sign({ nip }, { exp: now() - 20 }))).status, 200);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip }, { exp: now() - 120 }))), /expired/);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip }, { exp: null }))), /exp claim/);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip, nbf: now() + 120 }))), /nbf claim/);
  });

  it('refuses HS256 (alg confusion, also with the server secret) and alg none', async () => {
    const { nip, id } = await seeded(server, 'employee');
    const claims = { nip, sub: id, iss: idp.issuer, aud: idp.audience, exp: now() + 600 };
    const keys = (await (await fetch(idp.jwksUrl)).json()) as { keys: Array<Record<string, string>> };
    // The classic attack: HMAC keyed with the provider's public key.
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(keys.keys[0]));
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: esKid }).sign(publicKeyAsSecret);
    assert.match(await expectInvalidToken(await me(server, confused)), /sandbox/i);
    // A sandbox token signed with this very server's secret: refused, the server is not in sandbox mode.
    const { token: sandboxToken } = await signToken(server.deps.config.jwtSecret, id, 'admin');
    assert.match(await expectInvalidToken(await me(server, sandboxToken)), /sandbox/i);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    await expectInvalidToken(await me(server, unsigned));
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new Uint8Array(64));
    await expectInvalidToken(await me(server, hs512));
  });

  it('401 for a missing or non-string nip claim; 403 for an unknown NIP, the same for every NIP', async () => {
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ sub: 'no-nip' }))), /nip/);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip: 198001012005011001 }))), /nip/);
    const unknown = ['199001012015011001', '000000000000000000'];
    const details = [];
    for (const nip of unknown) {
      const res = await me(server, await idp.sign({ nip }));
      assert.equal(res.headers.get('www-authenticate'), null);
      const problem = await expectProblem(res, 403);
      assert.ok(!JSON.stringify(problem).includes(nip), 'the problem does not echo the NIP');
      details.push(problem.detail);
    }
    assert.equal(details[0], details[1]);
  });

  it('401 without a token carries a challenge without an error code (RFC 6750 §3.1)', async () => {
    const res = await fetch(`${server.url}/v1/me`);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="pembinaan-asn"');
    await expectProblem(res, 401);
    await expectInvalidToken(await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Bearer not-a-jwt' } }));
  });

  it('made-up kids cost no JWKS fetch while the cooldown lasts', async () => {
    const { nip } = await seeded(server, 'employee');
    assert.equal((await me(server, await idp.sign({ nip }))).status, 200);
    const before = idp.fetches;
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 20; i++) {
      const forged = await new SignJWT({ nip, iss: idp.issuer, aud: idp.audience, exp: now() + 600 })
        .setProtectedHeader({ alg: 'ES256', kid: `made-up-${i}` })
        .sign(privateKey);
      await expectInvalidToken(await me(server, forged));
    }
    assert.equal(idp.fetches, before);
  });

  it('the sandbox is closed: sandbox routes, the demo page and the test keys answer as on a production server', async () => {
    await expectProblem(await fetch(`${server.url}/v1/sandbox/tokens`, { method: 'POST', headers: jsonHeaders(), body: '{"role":"admin"}' }), 404);
    await expectProblem(await fetch(`${server.url}/v1/sandbox/users`), 404);
    await expectProblem(await fetch(`${server.url}/`), 404);
    await expectProblem(await fetch(`${server.url}/university/`), 404);
    await expectProblem(await fetch(`${server.url}/v1/internships`, { headers: authHeader(server.publishableKey('ptn_umsorong')) }), 401);
    assert.equal((await (await fetch(`${server.url}/healthz`)).json()).sandbox, false);
  });
});

describe('key rotation', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  before(async () => {
    idp = await startTestIdentityProvider({ alg: 'RS256' });
    // No cooldown, so the test need not wait 30 s for jose to look again.
    server = await startServer({ quiet: true, sandbox: false, jwks: { url: idp.jwksUrl, issuer: idp.issuer, audience: idp.audience, cooldownMs: 0 } });
  });
  after(async () => {
    await server.close();
    await idp.close();
  });

  it('a token signed with a newly published kid is accepted without a restart (one refetch)', async () => {
    const { nip } = await seeded(server, 'supervisor');
    const oldKid = 'test-rs256-1';
    assert.equal((await me(server, await idp.sign({ nip }, { kid: oldKid }))).status, 200);
    const fetched = idp.fetches;
    const newKid = await idp.addKey('ES256');
    idp.removeKey(oldKid);
    const res = await me(server, await idp.sign({ nip }, { kid: newKid }));
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(idp.fetches, fetched + 1);
    // Further tokens of the new key come from the cache.
    assert.equal((await me(server, await idp.sign({ nip }, { kid: newKid }))).status, 200);
    assert.equal(idp.fetches, fetched + 1);
  });
});

describe('identity provider unreachable', () => {
  let server: TestServer;
  before(async () => {
    const idp = await startTestIdentityProvider();
    const { jwksUrl, issuer, audience } = idp;
    await idp.close(); // nothing listens there any more
    server = await startServer({ quiet: true, sandbox: false, jwks: { url: jwksUrl, issuer, audience } });
  });
  after(() => server.close());

  it('answers 503 with Retry-After, not 401 (the token may be fine)', async () => {
    const idp = await startTestIdentityProvider();
    const token = await idp.sign({ nip: '198001012005011001' });
    await idp.close();
    const original = console.error;
    console.error = () => undefined;
    try {
      const res = await me(server, token);
      assert.ok(res.headers.get('retry-after'));
      await expectProblem(res, 503);
    } finally {
      console.error = original;
    }
  });
});

describe('a sandbox server that also trusts a provider', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  before(async () => {
    idp = await startTestIdentityProvider();
    server = await startServer({ quiet: true, sandbox: true, jwks: { url: idp.jwksUrl, issuer: idp.issuer, audience: idp.audience, employeeClaim: 'asn_nip' } });
  });
  after(async () => {
    await server.close();
    await idp.close();
  });

  it('accepts its HS256 sandbox tokens and the provider tokens, by the configured claim', async () => {
    const { token, employee } = await server.tokenFor('employee');
    assert.equal((await (await me(server, token)).json()).id, employee.id);
    assert.equal((await (await me(server, await idp.sign({ asn_nip: employee.nip }))).json()).id, employee.id);
    assert.match(await expectInvalidToken(await me(server, await idp.sign({ nip: employee.nip }))), /asn_nip/);
  });

  it('still refuses HS256 tokens signed with another secret', async () => {
    const { id } = await seeded(server, 'employee');
    await expectInvalidToken(await me(server, (await signToken('another-secret-of-at-least-32-characters', id, 'employee')).token));
  });
});

describe('a server with sandbox mode off and no provider of its own (tests)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true, sandbox: false });
  });
  after(() => server.close());

  it('tokenFor signs with the built-in test provider; HS256 is refused', async () => {
    const { token, employee } = await server.tokenFor('admin');
    assert.equal((await (await me(server, token)).json()).id, employee.id);
    const { token: sandboxToken } = await signToken(server.deps.config.jwtSecret, employee.id, 'admin');
    await expectInvalidToken(await me(server, sandboxToken));
  });
});

describe('loadConfig: sandbox mode off unless asked for', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'asn-config-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  const provider = {
    ASN_JWKS_URL: 'https://sso.sorongkota.go.id/realms/asn/protocol/openid-connect/certs',
    ASN_JWT_ISSUER: 'https://sso.sorongkota.go.id/realms/asn',
    ASN_JWT_AUDIENCE: 'pembinaan-asn',
  };

  it('defaults to sandbox off, and then refuses to start without a provider', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir }), /ASN_JWKS_URL, ASN_JWT_ISSUER and ASN_JWT_AUDIENCE.*ASN_SANDBOX=1/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ASN_SANDBOX: '0' }), /no identity provider/);
    const config = loadConfig({ DATA_DIR: dataDir, ...provider });
    assert.equal(config.sandbox, false);
    assert.deepEqual(config.oidc, {
      jwksUrl: provider.ASN_JWKS_URL,
      issuer: provider.ASN_JWT_ISSUER,
      audience: ['pembinaan-asn'],
      employeeClaim: 'nip',
      clockToleranceS: 60,
      cooldownMs: 30_000,
      cacheMaxAgeMs: 600_000,
      timeoutMs: 5_000,
    });
  });

  it('ASN_SANDBOX=1 turns sandbox mode on (no provider needed); other values are an error', () => {
    const config = loadConfig({ DATA_DIR: dataDir, ASN_SANDBOX: '1' });
    assert.equal(config.sandbox, true);
    assert.equal(config.oidc, null);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ASN_SANDBOX: 'yes' }), /ASN_SANDBOX must be 1/);
  });

  it('needs the three provider variables together, https, and sane numbers', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ASN_JWKS_URL: provider.ASN_JWKS_URL }), /missing: ASN_JWT_ISSUER, ASN_JWT_AUDIENCE/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ...provider, ASN_JWKS_URL: 'http://sso.example/certs' }), /https/);
    assert.equal(loadConfig({ DATA_DIR: dataDir, ...provider, ASN_JWKS_URL: 'http://127.0.0.1:8080/certs' }).oidc?.jwksUrl, 'http://127.0.0.1:8080/certs');
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ...provider, ASN_JWT_CLOCK_TOLERANCE_S: '3600' }), /ASN_JWT_CLOCK_TOLERANCE_S/);
    const custom = loadConfig({ DATA_DIR: dataDir, ...provider, ASN_JWT_AUDIENCE: 'a, b', ASN_JWT_EMPLOYEE_CLAIM: 'asn_nip', ASN_JWT_CLOCK_TOLERANCE_S: '30' });
    assert.deepEqual(custom.oidc?.audience, ['a', 'b']);
    assert.equal(custom.oidc?.employeeClaim, 'asn_nip');
    assert.equal(custom.oidc?.clockToleranceS, 30);
  });
});
