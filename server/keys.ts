// Publishable partner keys (Stripe's model): `pk_test_…` / `pk_live_…` + 32 base62 characters from the system's
// CSPRNG. Only the key's SHA-256 is stored, so a leaked database gives no usable key; a request's key is found by
// its hash (an indexed equality lookup: nothing secret is compared byte by byte, so no constant-time compare is
// needed). Origin rules: README, "Publishable keys"; the access check that uses them is in server/bind.ts.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { FieldError, KeyMode, PublishableKey } from '../src/contract/index.js';
import type { Database, PublishableKeyTable } from './db/database.js';

export type KeyRow = Selectable<PublishableKeyTable>;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 32 base62 characters ≈ 190 bits. */
export const KEY_SECRET_LENGTH = 32;
/** What a bearer token that is a publishable key looks like (the contract's `PublishableKeyCreated.key`). */
export const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9]{24,64}$/;

/** `length` uniformly drawn base62 characters: bytes ≥ 248 (4 × 62) are rejected so that no character is likelier. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export const generateKey = (mode: KeyMode): string => `pk_${mode}_${randomBase62(KEY_SECRET_LENGTH)}`;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The key row of a presented key (revoked ones too: the caller decides), or undefined. */
export async function findKeyByValue(db: Database, key: string): Promise<KeyRow | undefined> {
  if (!PUBLISHABLE_KEY.test(key)) return undefined;
  return db.selectFrom('publishable_keys').selectAll().where('key_hash', '=', hashKey(key)).executeTakeFirst();
}

/**
 * The sandbox key of a seeded partner: `pk_test_` + base62 of an HMAC of the partner id under a fixed, public label.
 * Deterministic on purpose, so the demo page, the docs and the tests can show it. It is not a secret: a test key works
 * only against a server in sandbox mode (server/bind.ts) and only from http://localhost:* and http://127.0.0.1:*.
 */
export function sandboxKeyFor(partnerId: string): string {
  const digest = createHmac('sha256', 'pembinaan-asn sandbox publishable key v1').update(partnerId).digest();
  let n = BigInt(`0x${digest.toString('hex')}`);
  let out = '';
  while (out.length < KEY_SECRET_LENGTH) {
    out += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return `pk_test_${out}`;
}

/** The id of a seeded partner's sandbox key (`ptn_umsorong` → `key_sandboxumsorong`). */
export const sandboxKeyId = (partnerId: string): string => `key_sandbox${partnerId.replace(/^ptn_/, '')}`;

/** A key row → the contract's `PublishableKey` (never the key itself: only its last four characters). */
export const toPublishableKey = (row: KeyRow): PublishableKey => ({
  id: row.id as PublishableKey['id'],
  partnerId: row.partner_id as PublishableKey['partnerId'],
  mode: row.mode,
  label: row.label,
  hint: `pk_${row.mode}_…${row.hint}`,
  allowedOrigins: JSON.parse(row.allowed_origins) as string[],
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

// ── Origins ───────────────────────────────────────────────────────────────────────────────────────────────────

interface ParsedOrigin {
  scheme: 'http' | 'https';
  /** `*.` stripped for a wildcard pattern. */
  host: string;
  wildcard: boolean;
  /** null: the scheme's default port; `*`: any port. */
  port: string | null;
}

const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d{1,5}|\*))?$/;
const DEFAULT_PORT = { http: '80', https: '443' } as const;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

function parseOrigin(value: string): ParsedOrigin | null {
  const m = ORIGIN.exec(value.toLowerCase());
  if (!m) return null;
  const scheme = m[1] as ParsedOrigin['scheme'];
  const port = m[4] === undefined || m[4] === DEFAULT_PORT[scheme] ? null : m[4];
  return { scheme, host: m[3], wildcard: m[2] !== undefined, port };
}

/**
 * Does a browser's `Origin` match one allowed origin? Exact (scheme, host and port); `https://*.example.ac.id`: any
 * subdomain over HTTPS, not the apex and not `https://evilexample.ac.id`; `http://localhost:*`: any port.
 */
export function originMatches(origin: string, pattern: string): boolean {
  const o = parseOrigin(origin);
  const p = parseOrigin(pattern);
  if (!o || !p || o.wildcard || o.port === '*') return false;
  if (o.scheme !== p.scheme) return false;
  if (p.port !== '*' && p.port !== o.port) return false;
  if (p.wildcard) return o.host.endsWith(`.${p.host}`) && o.host.length > p.host.length + 1;
  return o.host === p.host;
}

export const originAllowed = (origin: string, allowed: readonly string[]): boolean => allowed.some((p) => originMatches(origin, p));

/**
 * The rules the contract's pattern cannot say: a port wildcard only on `http://localhost:*` / `http://127.0.0.1:*`,
 * and those only on test keys; a live key also takes no other plain-HTTP origin (the form needs a secure context,
 * and a live key is for a university's real site). Errors name `allowedOrigins.N`.
 */
export function originRuleErrors(mode: KeyMode, origins: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  origins.forEach((value, i) => {
    const path = `allowedOrigins.${i}`;
    const o = parseOrigin(value);
    if (!o) {
      errors.push({ path, code: 'origin.format', message: 'Expected an origin such as https://sia.example.ac.id or https://*.example.ac.id' });
      return;
    }
    const local = LOCAL_HOSTS.has(o.host) && !o.wildcard;
    if (o.port === '*' && !(local && o.scheme === 'http')) {
      errors.push({ path, code: 'origin.port_wildcard', message: 'Only http://localhost:* and http://127.0.0.1:* may use any port' });
    } else if (mode === 'live' && local) {
      errors.push({ path, code: 'origin.local_on_live', message: 'A live key cannot allow localhost or 127.0.0.1: use a test key for development' });
    } else if (mode === 'live' && o.scheme === 'http') {
      errors.push({ path, code: 'origin.insecure_on_live', message: 'A live key allows only https:// origins' });
    }
  });
  return errors;
}

// ── Which origins some key allows (CORS preflights carry no key) ─────────────────────────────────────────────────

const ORIGIN_CACHE_MS = 5_000;
const originCache = new WeakMap<Database, { mode: KeyMode; at: number; patterns: string[] }>();

/** Forget the cached origins after a key was created or revoked in this process (other instances wait ≤ 5 s). */
export const forgetKeyOrigins = (db: Database): void => void originCache.delete(db);

/**
 * Whether any non-revoked key of the server's mode allows `origin`: what a CORS preflight for a publishable route
 * is answered by, as it has no Authorization header. The patterns are cached for a few seconds; the actual request
 * is then checked against its own key.
 */
export async function someKeyAllows(db: Database, mode: KeyMode, origin: string): Promise<boolean> {
  let cached = originCache.get(db);
  const now = Date.now();
  if (!cached || cached.mode !== mode || now - cached.at > ORIGIN_CACHE_MS) {
    const rows = await db.selectFrom('publishable_keys').select('allowed_origins').where('mode', '=', mode).where('revoked_at', 'is', null).execute();
    const patterns = [...new Set(rows.flatMap((r) => JSON.parse(r.allowed_origins) as string[]))];
    cached = { mode, at: now, patterns };
    originCache.set(db, cached);
  }
  return originAllowed(origin, cached.patterns);
}
