// Rate limits for every caller (README, "Rate limits"), in points per minute, with rate-limiter-flexible. A request
// spends its point before any work (validation, the handler, the request transaction):
//  - signed-in staff: per token subject, reads and writes in separate buckets (`userRead`, `userWrite`);
//  - publishable keys: per key AND client address (`read`, `challenge`, `submit`);
//  - the private-link routes: per address (`private`; the link itself is the only credential);
//  - every other unauthenticated request (public and sandbox routes): per address (`anonymous`);
//  - failed authentication (no, a malformed, a bad or an expired token; an unknown or refused publishable key): per
//    address (`authFailure`). Past the limit the failure is answered 429 instead of 401, so a flood of bad tokens
//    stops at a cheap check. Only failures count: colleagues behind one office NAT keep working while one
//    misconfigured client keeps failing.
//
// The store is RateLimiterMemory: right for one process. Several instances must share counters: `postgresLimiterStore`
// builds RateLimiterPostgres limiters on the server's `pg` pool, plugged in with `useLimiterStore` before the first
// request (server/main.ts, when the database is PostgreSQL). `RateLimits.consume` only sees RateLimiterAbstract.
import type { Context } from 'hono';
import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RouteDef } from '../src/contract/index.js';
import type { Config } from './config.js';
import { ApiProblem } from './problem.js';
import type { KeyCaller } from './publishable.js';

export const RATE_BUCKETS = ['read', 'challenge', 'submit', 'private', 'userRead', 'userWrite', 'anonymous', 'authFailure'] as const;
export type RateBucket = (typeof RATE_BUCKETS)[number];
/** Points per minute of each bucket. */
export type RateLimitConfig = Record<RateBucket, number>;

/**
 * `userWrite` 60: a person clicking through forms writes a few times a minute; a script posting feedback in a loop
 * does not get far. `userRead` 600: a page load is a handful of reads, a team overview with 50 reports a few more.
 */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  read: 120,
  challenge: 20,
  submit: 10,
  private: 30,
  userRead: 600,
  userWrite: 60,
  anonymous: 300,
  authFailure: 30,
};

const PRIVATE_ROUTES = new Set(['getPrivateApplication', 'updatePrivateApplication', 'withdrawPrivateApplication']);

/** Private-link routes are limited per address before anything else (they have no caller to wait for). */
export const isPrivateRoute = (route: RouteDef): boolean => PRIVATE_ROUTES.has(route.id);

/** The bucket and subject a request spends from, once its caller (a token's subject, a key, nobody) is known. */
export function spendFor(
  route: RouteDef,
  who: { caller: { id: string } | null; key: KeyCaller | null },
  address: string,
): { bucket: RateBucket; subject: string } {
  if (PRIVATE_ROUTES.has(route.id)) return { bucket: 'private', subject: address };
  if (who.key) {
    const bucket: RateBucket = route.id === 'createChallenge' ? 'challenge' : route.method === 'GET' ? 'read' : 'submit';
    return { bucket, subject: `${who.key.id}|${address}` };
  }
  if (who.caller) return { bucket: route.method === 'GET' ? 'userRead' : 'userWrite', subject: `sub:${who.caller.id}` };
  return { bucket: 'anonymous', subject: address };
}

export type LimiterStore = (bucket: RateBucket, pointsPerMinute: number) => RateLimiterAbstract;

export const memoryStore: LimiterStore = (bucket, points) => new RateLimiterMemory({ keyPrefix: `asn-${bucket}`, points, duration: 60 });

const PG_TABLE = 'asn_rate_limits';

/**
 * Limiters whose counters live in PostgreSQL (one table, `asn_rate_limits`, created here if missing), shared by every
 * instance on that database. Should the database fail, a limiter falls back to counting in memory (its
 * `insuranceLimiter`) rather than answering 500.
 */
export async function postgresLimiterStore(pool: Pool): Promise<LimiterStore> {
  // The library's own DDL (RateLimiterPostgres#_getCreateTableStmt), made once here so no limiter races to create it.
  await pool.query(`create table if not exists "${PG_TABLE}" (key varchar(255) primary key, points integer not null default 0, expire bigint)`);
  let sweeping = false;
  return (bucket, points) => {
    // One sweeper of expired rows per table is enough.
    const clearExpiredByTimeout = !sweeping;
    sweeping = true;
    return new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: PG_TABLE,
      tableCreated: true,
      clearExpiredByTimeout,
      keyPrefix: `asn-${bucket}`,
      points,
      duration: 60,
      insuranceLimiter: memoryStore(bucket, points),
    });
  };
}

export class RateLimits {
  private readonly limiters: Record<RateBucket, RateLimiterAbstract>;

  constructor(config: RateLimitConfig, store: LimiterStore = memoryStore) {
    this.limiters = Object.fromEntries(RATE_BUCKETS.map((bucket) => [bucket, store(bucket, config[bucket])])) as Record<RateBucket, RateLimiterAbstract>;
  }

  /** Spends one point of `subject` in `bucket`; over the limit → 429 problem with `Retry-After` in seconds. */
  async consume(bucket: RateBucket, subject: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(subject);
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the limit is reached, with an Error when its store failed.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const what = bucket === 'authFailure' ? 'failed sign-ins from this address' : `requests (${bucket})`;
      throw new ApiProblem('rateLimited', `Too many ${what}; retry in ${seconds} s`, { headers: { 'Retry-After': String(seconds) } });
    }
  }
}

// One set of limiters per server (its Config), made on first use unless `useLimiterStore` came first.
const perConfig = new WeakMap<Config, RateLimits>();
export function rateLimitsFor(config: Config): RateLimits {
  let limits = perConfig.get(config);
  if (!limits) {
    limits = new RateLimits(config.rateLimits);
    perConfig.set(config, limits);
  }
  return limits;
}

/** Makes the server of `config` count in `store` (e.g. `await postgresLimiterStore(pool)`); call before it serves. */
export function useLimiterStore(config: Config, store: LimiterStore): void {
  perConfig.set(config, new RateLimits(config.rateLimits, store));
}

/**
 * The client's address. With no trusted proxy (`ASN_TRUSTED_PROXY_HOPS=0`, the default) the socket's peer: a client
 * can put anything in X-Forwarded-For, so it is ignored. Behind N proxies of our own, each appends the address it saw:
 * the N-th entry from the right is the one our outermost proxy saw (the leftmost, when there are fewer).
 */
export function clientAddress(c: Context, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - trustedProxyHops)];
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
