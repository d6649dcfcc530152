// Rate limits of the routes the whole internet can reach (README, "Publishable keys"): per publishable key AND client
// address, in points per minute, with rate-limiter-flexible.
//
// The store is RateLimiterMemory: right for one process. When the server runs as several instances the counters must
// be shared: pass a `store` that builds a RateLimiterPostgres (same library, same options, plus the pool and a
// table name) and nothing else changes: `RateLimits.consume` only sees the RateLimiterAbstract interface.
import type { Context } from 'hono';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RouteDef } from '../src/contract/index.js';
import type { Config } from './config.js';
import { ApiProblem } from './problem.js';
import type { KeyCaller } from './publishable.js';

/**
 * `read`: GETs through a publishable key; `challenge`: createChallenge; `submit`: createApplication (both per key and
 * address); `private`: the private-link routes, per address (the link itself is the only credential).
 */
export type RateBucket = 'read' | 'challenge' | 'submit' | 'private';
/** Points per minute of each bucket. */
export type RateLimitConfig = Record<RateBucket, number>;

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { read: 120, challenge: 20, submit: 10, private: 30 };

const PRIVATE_ROUTES = new Set(['getPrivateApplication', 'updatePrivateApplication', 'withdrawPrivateApplication']);

/** The bucket a request spends from, or null when it is not limited (signed-in staff, every other route). */
export function bucketFor(route: RouteDef, key: KeyCaller | null): RateBucket | null {
  if (PRIVATE_ROUTES.has(route.id)) return 'private';
  if (!key) return null;
  if (route.id === 'createChallenge') return 'challenge';
  if (route.id === 'createApplication') return 'submit';
  if (route.method === 'GET') return 'read';
  return null;
}

export type LimiterStore = (bucket: RateBucket, pointsPerMinute: number) => RateLimiterAbstract;

const memoryStore: LimiterStore = (bucket, points) => new RateLimiterMemory({ keyPrefix: `asn-${bucket}`, points, duration: 60 });

export class RateLimits {
  private readonly limiters: Record<RateBucket, RateLimiterAbstract>;

  constructor(config: RateLimitConfig, store: LimiterStore = memoryStore) {
    this.limiters = {
      read: store('read', config.read),
      challenge: store('challenge', config.challenge),
      submit: store('submit', config.submit),
      private: store('private', config.private),
    };
  }

  /** Spends one point of `subject` in `bucket`; over the limit → 429 problem with `Retry-After` in seconds. */
  async consume(bucket: RateBucket, subject: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(subject);
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the limit is reached, with an Error when its store failed.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new ApiProblem('rateLimited', `Too many requests (${bucket}); retry in ${seconds} s`, { headers: { 'Retry-After': String(seconds) } });
    }
  }
}

// One set of limiters per server (its Config), made on first use.
const perConfig = new WeakMap<Config, RateLimits>();
export function rateLimitsFor(config: Config): RateLimits {
  let limits = perConfig.get(config);
  if (!limits) {
    limits = new RateLimits(config.rateLimits);
    perConfig.set(config, limits);
  }
  return limits;
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
