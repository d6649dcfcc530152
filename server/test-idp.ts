// A stand-in for the portal's identity provider in tests: a Keycloak-shaped JWKS endpoint on a random port (it
// counts its fetches) and a signer of access tokens. Keys are made per run; nothing here is a secret.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload, type CryptoKey } from 'jose';

export type IdpAlg = 'RS256' | 'ES256';

interface IdpKey {
  kid: string;
  alg: IdpAlg;
  privateKey: CryptoKey;
  jwk: JWK;
}

export interface SignOptions {
  /** Signs with this key (default: the newest published one). */
  kid?: string;
  issuer?: string;
  audience?: string | string[];
  /** `exp` as seconds since the epoch (default: an hour from now); null leaves it out. */
  exp?: number | null;
}

export interface TestIdentityProvider {
  /** `…/realms/test/protocol/openid-connect/certs`, as Keycloak names it. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** How many times the JWKS was fetched. */
  readonly fetches: number;
  /** Makes and publishes a key; returns its kid. With `publish: false` it signs but the JWKS does not list it. */
  addKey(alg: IdpAlg, options?: { kid?: string; publish?: boolean }): Promise<string>;
  /** Stops publishing a key (a rotation's second half). */
  removeKey(kid: string): void;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIdentityProvider(options: { alg?: IdpAlg } = {}): Promise<TestIdentityProvider> {
  const keys: IdpKey[] = [];
  const published = new Set<string>();
  let fetches = 0;
  let counter = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/protocol/openid-connect/certs')) {
      fetches += 1;
      const body = JSON.stringify({ keys: keys.filter((k) => published.has(k.kid)).map((k) => k.jwk) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;

  const idp: TestIdentityProvider = {
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    issuer: base,
    audience: 'pembinaan-asn',
    get fetches() {
      return fetches;
    },
    async addKey(alg, { kid, publish = true } = {}) {
      const pair = await generateKeyPair(alg);
      const id = kid ?? `test-${alg.toLowerCase()}-${++counter}`;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: id, alg, use: 'sig' };
      keys.push({ kid: id, alg, privateKey: pair.privateKey, jwk });
      if (publish) published.add(id);
      return id;
    },
    removeKey(kid) {
      published.delete(kid);
    },
    async sign(claims, { kid, issuer = base, audience = idp.audience, exp } = {}) {
      const key = kid ? keys.find((k) => k.kid === kid) : keys.findLast((k) => published.has(k.kid));
      if (!key) throw new Error(`test identity provider: no key ${kid ?? '(none published)'}`);
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).setIssuer(issuer).setAudience(audience).setIssuedAt(now);
      if (exp !== null) jwt.setExpirationTime(exp ?? now + 3600);
      return jwt.sign(key.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  await idp.addKey(options.alg ?? 'ES256');
  return idp;
}
