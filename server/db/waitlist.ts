// Seats and the waitlist, moved inside the caller's transaction. The caller has already written the program's row
// (every transaction that changes a program's enrolments writes it first: one lock order, so no deadlock on
// PostgreSQL, docs/architecture.md "Programs"), so what is read here is the committed state, and it stays so
// until the commit. The moved rows come back with what their events need.
import type { Kysely } from 'kysely';
import type { EventHub, ServerEvent } from '../events.js';
import { topicsFor } from '../events.js';
import type { DB, EnrollmentTable } from './database.js';
import { enrollmentEvent } from './enrollments.js';

/** Rows per `in (…)` list, well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** An enrolment that moved, with its employee's supervisor (whose team topic hears of it too). */
export interface MovedEnrollment {
  id: string;
  employee_id: string;
  program_id: string;
  supervisor_id: string | null;
}

/**
 * Gives the program's free seats (capacity − seats_taken, now) to the lowest tickets, one seat each, and counts
 * them in `seats_taken`. Whoever frees a seat gives it back first (seats_taken − 1), then calls this. Returns the
 * promoted enrolments, lowest ticket first; a row that stopped waiting meanwhile (compare-and-set on
 * `waitlisted`) is neither promoted nor counted.
 */
export async function promoteWaitlist(trx: Kysely<DB>, programId: string, now: string): Promise<MovedEnrollment[]> {
  const program = await trx.selectFrom('programs').select(['capacity', 'seats_taken']).where('id', '=', programId).executeTakeFirstOrThrow();
  const free = program.capacity - program.seats_taken;
  if (free <= 0) return [];
  const next = await trx
    .selectFrom('enrollments as en')
    .innerJoin('employees as e', 'e.id', 'en.employee_id')
    .select(['en.id', 'en.employee_id', 'en.program_id', 'e.supervisor_id'])
    .where('en.program_id', '=', programId)
    .where('en.status', '=', 'waitlisted')
    .orderBy('en.waitlist_ticket')
    .limit(free)
    .execute();
  if (next.length === 0) return [];
  const moved = await trx
    .updateTable('enrollments')
    .set({ status: 'registered', waitlist_ticket: null, updated_at: now })
    .where('id', 'in', next.map((e) => e.id))
    .where('status', '=', 'waitlisted')
    .returning('id')
    .execute();
  const movedIds = new Set(moved.map((m) => m.id));
  const promoted = next.filter((e) => movedIds.has(e.id));
  if (promoted.length > 0) {
    await trx.updateTable('programs').set((eb) => ({ seats_taken: eb('seats_taken', '+', promoted.length) })).where('id', '=', programId).execute();
  }
  return promoted;
}

/**
 * Every enrolment of the program in one of `from` becomes `to` (a cancellation stamps `cancelled_at`; either way
 * the ticket goes). Seats are the caller's business: the count is the program row, which it wrote already.
 */
export async function moveEnrollments(
  trx: Kysely<DB>,
  programId: string,
  from: EnrollmentTable['status'][],
  to: 'cancelled' | 'incomplete',
  now: string,
): Promise<MovedEnrollment[]> {
  const moved = await trx
    .updateTable('enrollments')
    .set({ status: to, waitlist_ticket: null, updated_at: now, ...(to === 'cancelled' ? { cancelled_at: now } : {}) })
    .where('program_id', '=', programId)
    .where('status', 'in', from)
    .returning(['id', 'employee_id', 'program_id'])
    .execute();
  const supervisors = new Map<string, string | null>();
  const employees = [...new Set(moved.map((m) => m.employee_id))];
  for (let i = 0; i < employees.length; i += CHUNK) {
    const rows = await trx.selectFrom('employees').select(['id', 'supervisor_id']).where('id', 'in', employees.slice(i, i + CHUNK)).execute();
    for (const r of rows) supervisors.set(r.id, r.supervisor_id);
  }
  return moved.map((m) => ({ ...m, supervisor_id: supervisors.get(m.employee_id) ?? null }));
}

/** `enrollment.updated` for each moved enrolment, to its employee's topic and their supervisor's team topic. */
export async function announceMoved(events: EventHub, trx: Kysely<DB>, moved: readonly MovedEnrollment[], now: string): Promise<ServerEvent[]> {
  const out: ServerEvent[] = [];
  for (const e of moved) out.push(...(await events.write(trx, [enrollmentEvent('enrollment.updated', e, now)], topicsFor(e.employee_id, e.supervisor_id))));
  return out;
}
