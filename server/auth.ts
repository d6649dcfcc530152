// Bearer tokens (HS256 JWT: sub, role, exp) and who may read or write whose records.
import { sign, verify } from 'hono/jwt';
import type { Employee, Me, Role } from '../src/contract/index.js';
import type { Database } from './db/database.js';
import { ApiProblem } from './problem.js';

export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

export interface Caller {
  id: string;
  role: Role;
  supervisorId: string | null;
}

export async function signToken(secret: string, employeeId: string, role: Role, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const exp = Math.floor(now / 1000) + TOKEN_TTL_SECONDS;
  const token = await sign({ sub: employeeId, role, iat: Math.floor(now / 1000), exp }, secret, 'HS256');
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * Verifies `Authorization: Bearer …` and loads the caller. The role is re-derived from the database (the
 * claim is informational), so a token never grants more than the employee has now.
 */
export async function authenticate(db: Database, secret: string, header: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header?.trim() ?? '');
  if (!match) throw new ApiProblem('unauthorized', 'Send a bearer token: Authorization: Bearer <token>');
  let sub: unknown;
  try {
    const payload = await verify(match[1], secret, 'HS256');
    sub = payload.sub;
  } catch {
    throw new ApiProblem('unauthorized', 'The token is invalid or has expired');
  }
  if (typeof sub !== 'string') throw new ApiProblem('unauthorized', 'The token is invalid or has expired');
  const row = await db
    .selectFrom('employees')
    .select(['id', 'supervisor_id', 'is_admin'])
    .where('id', '=', sub)
    .executeTakeFirst();
  if (!row) throw new ApiProblem('unauthorized', 'The token names no current employee');
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
