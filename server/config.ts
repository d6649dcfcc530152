// Server configuration from the environment. Read once at start; tests build their own Config.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOidcConfig, type OidcConfig } from './oidc.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limit.js';
import { envInt } from './env.js';
import { EVENTS_RETENTION_DAYS } from './retention.js';

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file and the generated JWT secret live. */
  dataDir: string;
  /**
   * Sandbox mode: mints HS256 tokens for seeded users and lists them, accepts those tokens, test keys, the demo.
   * Off unless `ASN_SANDBOX=1` (`npm start` asks for it).
   */
  sandbox: boolean;
  /** The sandbox tokens' HS256 secret; unused (and never accepted) outside sandbox mode. */
  jwtSecret: string;
  /** The portal's identity provider (server/oidc.ts): required outside sandbox mode, optional in it. */
  oidc: OidcConfig | null;
  /** Allowed CORS origins (exact). In sandbox mode any http://localhost:* / http://127.0.0.1:* is allowed too. */
  corsOrigins: string[];
  /** Validate every response against the contract and throw on mismatch (development and tests). */
  validateResponses: boolean;
  version: string;
  /** Points per minute of each rate-limit bucket (server/rate-limit.ts): `ASN_RATE_READ|CHALLENGE|SUBMIT|PRIVATE|USER_READ|USER_WRITE|ANONYMOUS|AUTH_FAILURE`. */
  rateLimits: RateLimitConfig;
  /**
   * `ASN_TRUSTED_PROXY_HOPS`: how many proxies of our own stand in front of the server. 0 (the default): the client's
   * address is the socket's; N: the N-th address from the right of X-Forwarded-For.
   */
  trustedProxyHops: number;
  /**
   * HMAC key signing the ALTCHA challenges (`ASN_ALTCHA_HMAC_KEY`). By default random per process: a restart only
   * voids the challenges handed out in the last minutes. Several instances must share one.
   */
  altchaHmacKey: string;
  /** SHA-256 rounds per attempt of the proof of work (`ASN_ALTCHA_COST`), server/challenge.ts. */
  altchaCost: number;
  /** The least time between fetching a challenge and applying with it (`ASN_ALTCHA_MIN_FILL_MS`); bots are faster. */
  altchaMinFillMs: number;
  /** The default request body limit in bytes (`ASN_BODY_LIMIT_BYTES`, 64 KiB); a few routes allow more (server/body-limit.ts). */
  bodyLimitBytes?: number;
  /** Days the events log keeps a row (`ASN_EVENTS_RETENTION_DAYS`, 30 by default); older ones are pruned hourly. */
  eventsRetentionDays?: number;
}

/**
 * The proof of work's default cost, measured solving real challenges with SubtleCrypto in Chromium (server/challenge.ts):
 * 100 takes 0.2 s on average on a desktop core and 0.8 s (one in ten over 1.9 s) at 4× CPU throttling, a mid-range phone.
 */
export const DEFAULT_ALTCHA_COST = 100;
export const DEFAULT_ALTCHA_MIN_FILL_MS = 3000;

/** A whole number from the environment in `[min, max]`, else `fallback` when unset. */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** `ASN_JWT_SECRET`, else a random secret generated once and kept in `DATA_DIR/jwt-secret`. */
export function resolveJwtSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  const fromEnv = env.ASN_JWT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.DATA_DIR?.trim() || '.data';
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const sandboxRaw = env.ASN_SANDBOX?.trim() ?? '';
  if (!['', '0', '1'].includes(sandboxRaw)) throw new Error(`ASN_SANDBOX must be 1 (sandbox mode) or 0, got "${sandboxRaw}"`);
  const sandbox = sandboxRaw === '1';
  const oidc = loadOidcConfig(env);
  // Without either there would be no way to sign in at all.
  if (!sandbox && !oidc) {
    throw new Error(
      'Sandbox mode is off and no identity provider is configured: set ASN_JWKS_URL, ASN_JWT_ISSUER and ASN_JWT_AUDIENCE ' +
        '(README, "Production"), or ASN_SANDBOX=1 for the sandbox (npm start does that)',
    );
  }
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir,
    sandbox,
    // Outside sandbox mode nothing is written to DATA_DIR for it: a random key no token is ever checked against.
    jwtSecret: sandbox ? resolveJwtSecret(env, dataDir) : randomBytes(48).toString('base64url'),
    oidc,
    corsOrigins: (env.ASN_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    validateResponses: env.NODE_ENV !== 'production',
    version: packageVersion(),
    rateLimits: {
      read: envInt(env, 'ASN_RATE_READ', DEFAULT_RATE_LIMITS.read, 1, 1_000_000),
      challenge: envInt(env, 'ASN_RATE_CHALLENGE', DEFAULT_RATE_LIMITS.challenge, 1, 1_000_000),
      submit: envInt(env, 'ASN_RATE_SUBMIT', DEFAULT_RATE_LIMITS.submit, 1, 1_000_000),
      private: envInt(env, 'ASN_RATE_PRIVATE', DEFAULT_RATE_LIMITS.private, 1, 1_000_000),
      userRead: envInt(env, 'ASN_RATE_USER_READ', DEFAULT_RATE_LIMITS.userRead, 1, 1_000_000),
      userWrite: envInt(env, 'ASN_RATE_USER_WRITE', DEFAULT_RATE_LIMITS.userWrite, 1, 1_000_000),
      anonymous: envInt(env, 'ASN_RATE_ANONYMOUS', DEFAULT_RATE_LIMITS.anonymous, 1, 1_000_000),
      authFailure: envInt(env, 'ASN_RATE_AUTH_FAILURE', DEFAULT_RATE_LIMITS.authFailure, 1, 1_000_000),
    },
    trustedProxyHops: envInt(env, 'ASN_TRUSTED_PROXY_HOPS', 0, 0, 10),
    altchaHmacKey: env.ASN_ALTCHA_HMAC_KEY?.trim() || randomBytes(32).toString('base64url'),
    altchaCost: envInt(env, 'ASN_ALTCHA_COST', DEFAULT_ALTCHA_COST, 1, 100_000),
    altchaMinFillMs: envInt(env, 'ASN_ALTCHA_MIN_FILL_MS', DEFAULT_ALTCHA_MIN_FILL_MS, 0, 3_600_000),
    bodyLimitBytes: envInt(env, 'ASN_BODY_LIMIT_BYTES', 64 * 1024, 1024, 64 * 1024 * 1024),
    eventsRetentionDays: envInt(env, 'ASN_EVENTS_RETENTION_DAYS', EVENTS_RETENTION_DAYS, 1, 3650),
  };
}

export const defaultVersion = packageVersion;
