// The proof of work in front of the internship form (ALTCHA, altcha-lib v2): challenges signed with the server's
// HMAC key, expiring, single use, carrying the time they were issued so a minimum fill time can be enforced.
// Nothing third-party: the form solves it on the page with SubtleCrypto (components/internship-form/solver.ts).
//
// Cost: SHA-256 `cost` times per attempt, a key prefix of one zero byte (256 attempts expected, geometrically
// distributed, so one in ten takes over 2.3× the mean). Measured solving 40 real challenges of cost 100 with
// SubtleCrypto in a headless Chromium on the development machine (2 shared, busy cores), each verified here: mean
// 0.18 s (p90 0.37 s) on a desktop core, mean 0.76 s (median 0.44 s, p90 1.86 s) at 4× CPU throttling, Lighthouse's
// mid-range phone. Hence the default 100 (config.ts, `ASN_ALTCHA_COST`); verifying costs the server 100 hashes.
//
// Two clocks, on purpose: `expiresAt` (seconds) is real time, as altcha-lib checks it against `Date.now()` and the
// browser compares it with its own clock; `data.issuedAt` (ms) is the server's clock (`nowOf(deps)`), the one the
// minimum fill time is measured on, so a test can move it instead of waiting.
import { createHash } from 'node:crypto';
import { createChallenge as createAltcha, solveChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod/mini';
import { Challenge } from '../src/contract/index.js';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/database.js';
import { fieldProblem } from './problem.js';
import { keepOnRollback } from './request-scope.js';

export const ALGORITHM = 'SHA-256';
/** How long a challenge may be solved and sent: long enough for a slow form on 2G, short enough to keep few used ones. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const KEY_PREFIX = '00';

/**
 * A fresh challenge. `scope` names who fetched it (`key:<id>` or `user:<id>`): it is signed in, and an application
 * through anyone else is refused, so one partner's solved challenges cannot be spent through another's key.
 */
export async function issueChallenge(config: Config, scope: string, issuedAtMs: number): Promise<Challenge> {
  const challenge = await createAltcha({
    algorithm: ALGORITHM,
    cost: config.altchaCost,
    deriveKey,
    keyPrefix: KEY_PREFIX,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    data: { issuedAt: issuedAtMs, scope },
    hmacSignatureSecret: config.altchaHmacKey,
  });
  return z.parse(Challenge, challenge);
}

const Payload = z.object({
  challenge: Challenge,
  solution: z.object({ counter: z.number(), derivedKey: z.string(), time: z.optional(z.number()) }),
});

const refuse = (rule: string, message: string) => fieldProblem('altcha', rule, message);

/** The payload's JSON, or null when it is not base64 of a JSON object of the right shape. */
function decodePayload(altcha: string): z.infer<typeof Payload> | null {
  try {
    const result = z.safeParse(Payload, JSON.parse(Buffer.from(altcha, 'base64').toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export interface VerifiedChallenge {
  /** SHA-256 (hex) of the challenge's signature: the key of its single use. */
  signatureHash: string;
  /** When the challenge stops being valid (real time), as UTC ISO: until then its use is remembered. */
  expiresAt: string;
}

/**
 * Checks a solved challenge (`ApplicationCreate.altcha`): signed by us, not expired, solved, fetched by `scope` and
 * at least `config.altchaMinFillMs` ago on the server's clock. Throws a 400 on the field `altcha` otherwise
 * (`altcha.invalid`, `altcha.expired`, `altcha.too-fast`). Does not mark it used: `spendChallenge` does.
 */
export async function checkChallenge(config: Config, altcha: string, scope: string, nowMs: number): Promise<VerifiedChallenge> {
  const payload = decodePayload(altcha);
  if (!payload || !payload.challenge.signature) throw refuse('altcha.invalid', 'The challenge solution is not valid: solve a new challenge');
  const { challenge, solution } = payload;
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: config.altchaHmacKey });
  } catch {
    // Malformed parameters that slipped past the shape check (the signature would not have matched anyway).
    throw refuse('altcha.invalid', 'The challenge solution is not valid: solve a new challenge');
  }
  if (result.expired) throw refuse('altcha.expired', 'The challenge has expired: solve a new challenge');
  if (!result.verified) throw refuse('altcha.invalid', 'The challenge solution is not valid: solve a new challenge');
  // Signed, so these are the values we issued.
  const { data, expiresAt } = challenge.parameters;
  if (data?.scope !== scope) throw refuse('altcha.invalid', 'The challenge was issued to another form: solve a new challenge');
  const issuedAt = Number(data?.issuedAt);
  if (!Number.isFinite(issuedAt) || nowMs - issuedAt < config.altchaMinFillMs) {
    throw refuse('altcha.too-fast', 'The form was sent too quickly after it was opened: wait a moment and send it again');
  }
  return {
    signatureHash: createHash('sha256').update(challenge.signature).digest('hex'),
    expiresAt: new Date((expiresAt ?? Date.now() / 1000 + CHALLENGE_TTL_MS / 1000) * 1000).toISOString(),
  };
}

/**
 * Marks a checked challenge used, inside the caller's transaction or on its own; a second use → 400 `altcha.reused`.
 * The primary key decides, so two requests racing with one solution cannot both pass.
 */
export async function spendChallenge(db: Kysely<DB>, verified: VerifiedChallenge): Promise<void> {
  const inserted = await db
    .insertInto('used_challenges')
    .values({ signature_hash: verified.signatureHash, expires_at: verified.expiresAt })
    .onConflict((oc) => oc.column('signature_hash').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw refuse('altcha.reused', 'This challenge solution was already used: solve a new challenge');
  // A solution stays spent even when the request then fails (a duplicate application, a 500) and its transaction
  // rolls back: else one proof of work would buy any number of probes of which NIMs applied.
  keepOnRollback(async () => {
    await db
      .insertInto('used_challenges')
      .values({ signature_hash: verified.signatureHash, expires_at: verified.expiresAt })
      .onConflict((oc) => oc.column('signature_hash').doNothing())
      .execute();
  });
}

/** Forgets the uses of challenges that have expired (they are refused as expired anyway). Returns how many. */
export async function pruneUsedChallenges(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const result = await db.deleteFrom('used_challenges').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Server tests: solves a challenge in Node (altcha-lib's solver) and returns the `altcha` field of an application. */
export async function solveForTest(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('solveForTest: the challenge was not solved in time');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
