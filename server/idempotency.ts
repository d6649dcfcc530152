// Idempotency keys (Stripe-style) for POST/PATCH/PUT: key → stored response for 24 h.
//  - scoped to the caller (token subject, publishable key, or a private link's token hash: server/bind.ts) and to the
//    resolved route and resource: the route's id plus its validated path and query parameters, `me` resolved to the
//    caller, never the URL's text (so `/employees/me/goals`, `/employees/emp_…/goals`, a trailing slash or an
//    encoded path are one resource);
//  - the request body is compared as parsed JSON in a canonical form (sorted keys, no whitespace): a re-indented
//    body is the same request; another body with the same key → 422;
//  - `begin` runs inside the request's transaction (server/request-scope.ts), and so does `complete`: the key, the
//    data and the response commit together or not at all. A request that fails or crashes leaves nothing, so a
//    retry runs again at once; a concurrent duplicate waits on the key's row (PostgreSQL: the unique index; SQLite:
//    the one connection) and then replays the committed answer. A `running` row is only ever seen when it was
//    committed outside a request transaction (older servers, tests): → 409, and treated as abandoned after 5 min;
//  - a finished answer is replayed (same status and body, `Idempotency-Replayed: true`) and not stored again;
//  - expired keys are purged now and then, outside any request transaction.
import { createHash } from 'node:crypto';
import type { Database } from './db/database.js';
import { ApiProblem, fieldProblem } from './problem.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A `running` row older than this is treated as abandoned (its process died). */
const STALE_RUNNING_MS = 5 * 60 * 1000;
/** Expired keys are purged at most this often. */
const PURGE_EVERY_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every level and no whitespace; `undefined` (no body) is the empty string. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Who asks, about what: `caller` a principal (`sub:…`, `pk:…`, `link:…`), `route` the contract's route id. */
export interface IdempotencyScope {
  caller: string;
  route: string;
  /** The validated path and query parameters, `me` resolved. */
  resource: unknown;
}

export type IdempotencyBegin = { kind: 'new'; id: string } | { kind: 'replay'; status: number; body: string };

const stillRunning = () =>
  new ApiProblem('conflict', 'A request with this Idempotency-Key is still being processed; retry later', { headers: { 'Retry-After': '1' } });

export class IdempotencyStore {
  private lastPurge = 0;

  constructor(private readonly db: Database, private readonly ttlMs = IDEMPOTENCY_TTL_MS, private readonly now = () => Date.now()) {}

  /** Checks the key's format (400 problem on the `Idempotency-Key` field); call before any work. */
  static check(key: string): void {
    if (!KEY_PATTERN.test(key)) {
      throw fieldProblem('Idempotency-Key', 'idempotency.format', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
  }

  /** Inside the request transaction: a replay of the stored answer, or the new key's row (`running` until complete). */
  async begin(scope: IdempotencyScope, key: string, body: unknown): Promise<IdempotencyBegin> {
    IdempotencyStore.check(key);
    const id = sha256(`${scope.caller}\n${scope.route}\n${canonicalJson(scope.resource)}\n${key}`);
    const requestHash = sha256(canonicalJson(body));
    const nowMs = this.now();

    const found = await this.existing(id, requestHash, nowMs);
    if (found) return found;
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({
        id,
        request_hash: requestHash,
        state: 'running',
        status: null,
        response_body: null,
        created_at: new Date(nowMs).toISOString(),
        expires_at: new Date(nowMs + this.ttlMs).toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'new', id };
    // PostgreSQL: the insert waited for a concurrent request with this key, which committed: its answer is visible
    // now (READ COMMITTED reads per statement).
    const committed = await this.existing(id, requestHash, nowMs);
    if (committed) return committed;
    throw stillRunning();
  }

  /** The stored answer for `id` (or a 422/409 problem); null when there is none, or only an expired or abandoned one. */
  private async existing(id: string, requestHash: string, nowMs: number): Promise<IdempotencyBegin | null> {
    const row = await this.db.selectFrom('idempotency_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const expired = row.expires_at < new Date(nowMs).toISOString();
    const stale = row.state === 'running' && Date.parse(row.created_at) < nowMs - STALE_RUNNING_MS;
    if (expired || stale) {
      await this.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
      return null;
    }
    if (row.request_hash !== requestHash) {
      throw new ApiProblem('idempotencyMismatch', 'This Idempotency-Key was used with a different request body; use a new key');
    }
    if (row.state === 'running') throw stillRunning();
    return { kind: 'replay', status: row.status ?? 200, body: row.response_body ?? 'null' };
  }

  async complete(id: string, status: number, body: string): Promise<void> {
    await this.db.updateTable('idempotency_keys').set({ state: 'done', status, response_body: body }).where('id', '=', id).execute();
  }

  async abandon(id: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
  }

  async purge(nowMs = this.now()): Promise<void> {
    this.lastPurge = nowMs;
    await this.db.deleteFrom('idempotency_keys').where('expires_at', '<', new Date(nowMs).toISOString()).execute();
  }

  /** `purge`, at most once a minute; call outside a request transaction (its deletes should not wait for one). */
  async purgeNowAndThen(): Promise<void> {
    const nowMs = this.now();
    if (nowMs - this.lastPurge < PURGE_EVERY_MS) return;
    await this.purge(nowMs);
  }
}
