// Who is calling (bearer tokens: the portal's OpenID Connect access tokens, and HS256 sandbox tokens in sandbox
// mode only) and who may read or write whose records.
import { SignJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { Employee, Me, Role } from '../src/contract/index.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { OidcError, oidcVerifierFor } from './oidc.js';
import { ApiProblem } from './problem.js';

export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

export interface Caller {
  id: string;
  role: Role;
  supervisorId: string | null;
}

const encoder = new TextEncoder();

/** A sandbox token (HS256: sub = employee id, role informational). Only a sandbox server accepts it. */
export async function signToken(secret: string, employeeId: string, role: Role, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ role }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(employeeId).setIssuedAt(iat).setExpirationTime(exp).sign(encoder.encode(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

const REALM = 'realm="pembinaan-asn"';

/**
 * 401 with RFC 6750's challenge: no error code when no token came, `invalid_token` when one did and was refused
 * (the description keeps only the characters RFC 6750 allows there).
 */
function unauthorized(detail: string, tokenPresented: boolean): ApiProblem {
  const challenge = tokenPresented ? `Bearer ${REALM}, error="invalid_token", error_description="${detail.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '')}"` : `Bearer ${REALM}`;
  return new ApiProblem('unauthorized', detail, { headers: { 'WWW-Authenticate': challenge } });
}

const NOT_REGISTERED = 'Your account has no employee record in Pembinaan ASN; ask your BKPSDM to register your NIP';

/** NIPs are often written with spaces (`19800101 200501 1 001`); the database keeps the 18 digits. */
const normaliseNip = (value: string): string => value.replace(/\s+/g, '');

/**
 * Verifies `Authorization: Bearer …` and loads the caller. The role is always derived from the database (admin
 * flag, direct reports), never from a claim, so a token never grants more than the employee has now.
 *
 * - An HS256 token is a sandbox token (sub = employee id): accepted only in sandbox mode, verified with the
 *   sandbox secret (never with the provider's keys).
 * - Any other token goes to the portal's identity provider (server/oidc.ts): RS256/ES256 by the JWKS, issuer,
 *   audience, expiry; then the configured claim (`nip`) names the employee. Unknown NIP → 403, the same for
 *   every NIP.
 */
export async function authenticate(deps: { db: Database; config: Config }, header: string | undefined): Promise<Caller> {
  const { db, config } = deps;
  const value = header?.trim() ?? '';
  if (value === '' || !/^Bearer\s/i.test(value)) throw unauthorized('Send a bearer token: Authorization: Bearer <token>', false);
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(value);
  if (!match) throw unauthorized('The token is malformed', true);
  const token = match[1];
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw unauthorized('The token is malformed', true);
  }

  if (alg === 'HS256') {
    if (!config.sandbox) throw unauthorized('Sandbox tokens are accepted only by a sandbox server; sign in through the portal', true);
    let sub: unknown;
    try {
      ({ sub } = (await jwtVerify(token, encoder.encode(config.jwtSecret), { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload);
    } catch (error) {
      throw unauthorized(error instanceof errors.JWTExpired ? 'The token has expired' : 'The token is invalid or has expired', true);
    }
    if (typeof sub !== 'string') throw unauthorized('The token is invalid or has expired', true);
    const row = await db.selectFrom('employees').select(['id', 'supervisor_id', 'is_admin']).where('id', '=', sub).executeTakeFirst();
    if (!row) throw unauthorized('The token names no current employee', true);
    return { id: row.id, role: await roleOf(db, row), supervisorId: row.supervisor_id };
  }

  if (!config.oidc) throw unauthorized('This server accepts only its sandbox tokens (HS256)', true);
  let claims;
  try {
    claims = await oidcVerifierFor(config.oidc)(token);
  } catch (error) {
    if (error instanceof OidcError && error.reason === 'unavailable') {
      throw new ApiProblem('unavailable', error.message, { headers: { 'Retry-After': '5' } });
    }
    throw unauthorized(error instanceof OidcError ? error.message : 'The token is invalid', true);
  }
  const nip = claims[config.oidc.employeeClaim];
  if (typeof nip !== 'string' || normaliseNip(nip) === '') {
    throw unauthorized(`The token carries no ${config.oidc.employeeClaim} claim (a string) naming the employee`, true);
  }
  const row = await db.selectFrom('employees').select(['id', 'supervisor_id', 'is_admin']).where('nip', '=', normaliseNip(nip)).executeTakeFirst();
  if (!row) throw new ApiProblem('forbidden', NOT_REGISTERED);
  return { id: row.id, role: await roleOf(db, row), supervisorId: row.supervisor_id };
}

/** admin if flagged, supervisor if they have direct reports, else employee. */
export async function roleOf(db: Database, row: { id: string; is_admin: number }): Promise<Role> {
  if (row.is_admin) return 'admin';
  const report = await db.selectFrom('employees').select('id').where('supervisor_id', '=', row.id).limit(1).executeTakeFirst();
  return report ? 'supervisor' : 'employee';
}

/** `me` → the caller's id. */
export const resolveRef = (caller: Caller, ref: string): string => (ref === 'me' ? caller.id : ref);

/**
 * May `caller` read `employeeId`'s data? Self, their direct supervisor, an admin. Everyone else gets 403,
 * also for an unknown id (existence must not leak); only an admin learns that an id does not exist (404).
 * Returns the employee's supervisor id.
 */
export async function assertCanRead(db: Database, caller: Caller, employeeId: string): Promise<{ supervisorId: string | null }> {
  const row = await db.selectFrom('employees').select(['id', 'supervisor_id']).where('id', '=', employeeId).executeTakeFirst();
  if (caller.role === 'admin') {
    if (!row) throw new ApiProblem('notFound', `No employee ${employeeId}`);
    return { supervisorId: row.supervisor_id };
  }
  if (row && (row.id === caller.id || row.supervisor_id === caller.id)) return { supervisorId: row.supervisor_id };
  throw new ApiProblem('forbidden', "You may read only your own and your direct reports' data");
}

/** Writes of learning records: an admin for anyone, the employee for themselves (a self-report). */
export async function assertCanRecordLearning(db: Database, caller: Caller, employeeId: string): Promise<{ supervisorId: string | null }> {
  const row = await db.selectFrom('employees').select(['id', 'supervisor_id']).where('id', '=', employeeId).executeTakeFirst();
  if (caller.role === 'admin') {
    if (!row) throw new ApiProblem('notFound', `No employee ${employeeId}`);
    return { supervisorId: row.supervisor_id };
  }
  if (row && row.id === caller.id) return { supervisorId: row.supervisor_id };
  throw new ApiProblem('forbidden', 'Only an admin, or the employee themselves, may record learning');
}

export type { Employee, Me };

/**
 * Writes that belong to the owner (goals, check-ins): the employee themselves, or — when `admin` is true — an
 * admin for anyone. An unknown id is a 403 for a non-admin (existence must not leak), a 404 for an admin.
 */
export async function assertOwnerOrAdmin(
  db: Database,
  caller: Caller,
  employeeId: string,
  message: string,
): Promise<{ supervisorId: string | null }> {
  const row = await db.selectFrom('employees').select(['id', 'supervisor_id']).where('id', '=', employeeId).executeTakeFirst();
  if (caller.role === 'admin') {
    if (!row) throw new ApiProblem('notFound', `No employee ${employeeId}`);
    return { supervisorId: row.supervisor_id };
  }
  if (row && row.id === caller.id) return { supervisorId: row.supervisor_id };
  throw new ApiProblem('forbidden', message);
}

/**
 * Feedback (umpan balik berkelanjutan, PermenPANRB 6/2022) and program recommendations: only the employee's
 * *direct* supervisor, or an admin; never to oneself. Unknown employee: 403 for a non-admin, 404 for an admin.
 */
export async function assertCanGiveFeedback(
  db: Database,
  caller: Caller,
  employeeId: string,
  messages: { self: string; others: string } = {
    self: 'You cannot give feedback to yourself',
    others: "Only the employee's direct supervisor, or an admin, may give feedback",
  },
): Promise<{ supervisorId: string | null }> {
  const row = await db.selectFrom('employees').select(['id', 'supervisor_id']).where('id', '=', employeeId).executeTakeFirst();
  if (row && row.id === caller.id) throw new ApiProblem('forbidden', messages.self);
  if (caller.role === 'admin') {
    if (!row) throw new ApiProblem('notFound', `No employee ${employeeId}`);
    return { supervisorId: row.supervisor_id };
  }
  if (row && row.supervisor_id === caller.id) return { supervisorId: row.supervisor_id };
  throw new ApiProblem('forbidden', messages.others);
}
