// Idempotency keys (Stripe-style) for POST/PATCH: key → stored response for 24 h.
//  - scoped per caller (token subject or publishable key) + method + path, so two callers never collide;
//  - the request body's SHA-256 is stored: the same key with another body → 422;
//  - while the first request still runs, the same key → 409;
//  - a finished 2xx is replayed (same status and body, `Idempotency-Replayed: true`) and not stored again;
//  - a request that ends in an error leaves nothing behind, so a retry runs again;
//  - expired keys are purged on the way.
import { createHash } from 'node:crypto';
import type { Database } from './db/database.js';
import { ApiProblem, fieldProblem } from './problem.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A `running` row older than this is treated as abandoned (its process died). */
const STALE_RUNNING_MS = 5 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type IdempotencyBegin = { kind: 'new'; id: string } | { kind: 'replay'; status: number; body: string };

export class IdempotencyStore {
  constructor(private readonly db: Database, private readonly ttlMs = IDEMPOTENCY_TTL_MS, private readonly now = () => Date.now()) {}

  async begin(scope: { caller: string; method: string; path: string }, key: string, body: string): Promise<IdempotencyBegin> {
    if (!KEY_PATTERN.test(key)) {
      throw fieldProblem('Idempotency-Key', 'idempotency.format', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
    const id = sha256(`${scope.caller}\n${scope.method}\n${scope.path}\n${key}`);
    const requestHash = sha256(body);
    const nowMs = this.now();
    await this.purge(nowMs);

    const existing = await this.db.selectFrom('idempotency_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (existing) {
      const stale = existing.state === 'running' && Date.parse(existing.created_at) < nowMs - STALE_RUNNING_MS;
      if (!stale) {
        if (existing.request_hash !== requestHash) {
          throw new ApiProblem('idempotencyMismatch', 'This Idempotency-Key was used with a different request body; use a new key');
        }
        if (existing.state === 'running') {
          throw new ApiProblem('conflict', 'A request with this Idempotency-Key is still being processed; retry later', {
            headers: { 'Retry-After': '1' },
          });
        }
        return { kind: 'replay', status: existing.status ?? 200, body: existing.response_body ?? 'null' };
      }
      await this.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
    }
    const result = await this.db
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
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new ApiProblem('conflict', 'A request with this Idempotency-Key is still being processed; retry later', {
        headers: { 'Retry-After': '1' },
      });
    }
    return { kind: 'new', id };
  }

  async complete(id: string, status: number, body: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ state: 'done', status, response_body: body })
      .where('id', '=', id)
      .execute();
  }

  async abandon(id: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
  }

  async purge(nowMs = this.now()): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('expires_at', '<', new Date(nowMs).toISOString()).execute();
  }
}
