// Server configuration from the environment. Read once at start; tests build their own Config.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file and the generated JWT secret live. */
  dataDir: string;
  /** Sandbox mode: mints tokens for seeded users and lists them. On unless `ASN_SANDBOX=0`. */
  sandbox: boolean;
  jwtSecret: string;
  /** Allowed CORS origins (exact). In sandbox mode any http://localhost:* / http://127.0.0.1:* is allowed too. */
  corsOrigins: string[];
  /** Validate every response against the contract and throw on mismatch (development and tests). */
  validateResponses: boolean;
  version: string;
}

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
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir,
    sandbox: env.ASN_SANDBOX !== '0',
    jwtSecret: resolveJwtSecret(env, dataDir),
    corsOrigins: (env.ASN_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    validateResponses: env.NODE_ENV !== 'production',
    version: packageVersion(),
  };
}

export const defaultVersion = packageVersion;
