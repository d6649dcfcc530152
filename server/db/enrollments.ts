// Enrolments in the contract's shape (`Enrollment`): one query for the rows, joined with the employee's name and
// the program's brief, with the waitlist position computed from the tickets; one more for the sessions attended.
import type { Kysely } from 'kysely';
import type { Enrollment } from '../../src/contract/index.js';
import type { EventDraft } from '../events.js';
import type { DB } from './database.js';
import { certificateOf } from './programs.js';

/** The rows behind `Enrollment`; add `where`s and an order. `en` is the enrolment, `e` the employee, `p` the program. */
export function enrollmentQuery(db: Kysely<DB>) {
  return db
    .selectFrom('enrollments as en')
    .innerJoin('employees as e', 'e.id', 'en.employee_id')
    .innerJoin('programs as p', 'p.id', 'en.program_id')
    .selectAll('en')
    .select([
      'e.name as employee_name',
      'p.title as program_title',
      'p.type as program_type',
      'p.starts_at as program_starts_at',
      'p.ends_at as program_ends_at',
      'p.jp as program_jp',
      'p.status as program_status',
      'p.cancel_until as program_cancel_until',
    ])
    .select((eb) =>
      // Waiting ahead of this one: the position is 1 + that, so it closes up as others get a seat or leave.
      eb
        .selectFrom('enrollments as w')
        .select((w) => w.fn.countAll().as('n'))
        .whereRef('w.program_id', '=', 'en.program_id')
        .where('w.status', '=', 'waitlisted')
        .whereRef('w.waitlist_ticket', '<', 'en.waitlist_ticket')
        .as('waitlist_ahead'),
    );
}

export type EnrollmentRow = Awaited<ReturnType<ReturnType<typeof enrollmentQuery>['executeTakeFirstOrThrow']>>;

const pairKey = (programId: string, employeeId: string) => `${programId}\n${employeeId}`;

/**
 * Session numbers each (program, employee) of `rows` attended, ascending. Only sessions the program still has
 * count (a session removed later leaves its rows behind, unused).
 */
export async function attendedSessions(
  db: Kysely<DB>,
  rows: readonly { program_id: string; employee_id: string }[],
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (rows.length === 0) return out;
  const byProgram = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byProgram.get(r.program_id) ?? new Set<string>();
    set.add(r.employee_id);
    byProgram.set(r.program_id, set);
  }
  const found = await db
    .selectFrom('attendance as a')
    .innerJoin('program_sessions as s', (j) => j.onRef('s.program_id', '=', 'a.program_id').onRef('s.n', '=', 'a.session_n'))
    .select(['a.program_id', 'a.employee_id', 'a.session_n'])
    .where((eb) => eb.or([...byProgram].map(([program, employees]) => eb.and([eb('a.program_id', '=', program), eb('a.employee_id', 'in', [...employees])]))))
    .orderBy('a.session_n')
    .execute();
  for (const a of found) {
    const key = pairKey(a.program_id, a.employee_id);
    const list = out.get(key) ?? [];
    list.push(a.session_n);
    out.set(key, list);
  }
  return out;
}

export function toEnrollment(row: EnrollmentRow, attended: number[], baseUrl: string): Enrollment {
  return {
    id: row.id as Enrollment['id'],
    programId: row.program_id as Enrollment['programId'],
    employeeId: row.employee_id as Enrollment['employeeId'],
    employeeName: row.employee_name,
    program: {
      title: row.program_title,
      type: row.program_type,
      startsAt: row.program_starts_at,
      endsAt: row.program_ends_at,
      jp: row.program_jp,
      status: row.program_status,
      cancelUntil: row.program_cancel_until,
    },
    status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? 1 + Number(row.waitlist_ahead ?? 0) : null,
    attended,
    certificate: certificateOf(row, baseUrl),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cancelledAt: row.cancelled_at,
    completedAt: row.completed_at,
  };
}

/** Rows (from `enrollmentQuery`) → `Enrollment`s, in the same order, with their attendance. */
export async function toEnrollments(db: Kysely<DB>, rows: readonly EnrollmentRow[], baseUrl: string): Promise<Enrollment[]> {
  const attended = await attendedSessions(db, rows);
  return rows.map((r) => toEnrollment(r, attended.get(pairKey(r.program_id, r.employee_id)) ?? [], baseUrl));
}

export async function loadEnrollment(db: Kysely<DB>, id: string, baseUrl: string): Promise<Enrollment | undefined> {
  const row = await enrollmentQuery(db).where('en.id', '=', id).executeTakeFirst();
  return row ? (await toEnrollments(db, [row], baseUrl))[0] : undefined;
}

/** `enrollment.updated` (or `.created`) about `e`, for the employee's topic and their supervisor's team topic. */
export const enrollmentEvent = (
  type: 'enrollment.created' | 'enrollment.updated',
  e: { id: string; employee_id: string; program_id: string },
  occurredAt: string,
): EventDraft => ({
  type,
  employeeId: e.employee_id as Enrollment['employeeId'],
  programId: e.program_id as Enrollment['programId'],
  subjectId: e.id,
  occurredAt,
});
