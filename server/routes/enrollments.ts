// POST /v1/programs/{id}/enrollments, GET /v1/programs/{id}/enrollments, POST /v1/enrollments/{id}/cancel,
// GET /v1/employees/{id}/enrollments, PUT /v1/programs/{id}/sessions/{n}/attendance, POST /v1/programs/{id}/complete
//
// Concurrency (SQLite today, PostgreSQL later; docs/architecture.md, "Programs"): every transaction that changes
// a program's enrolments first writes the program's row (the seat counter, or a no-op update as a lock), so on
// PostgreSQL they queue on that row lock in one order and never deadlock, and every decision taken after it
// (seats left, the first on the waitlist, who completes) sees the committed state. No read-then-write races:
// a seat is one conditional UPDATE, a status change is a compare-and-set on the old status, and the database's
// unique indexes (one active enrolment, one learning record per enrolment) are the last guard.
import type { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import {
  cancelEnrollment,
  completeProgram,
  createEnrollment,
  listEmployeeEnrollments,
  listProgramEnrollments,
  putAttendance,
  topicFor,
  type Enrollment,
  type FieldError,
} from '../../src/contract/index.js';
import { assertCanRead, assertOwnerOrAdmin, resolveRef, type Caller } from '../auth.js';
import { bind } from '../bind.js';
import type { DB, EnrollmentTable, LearningRecordTable } from '../db/database.js';
import { enrollmentEvent, enrollmentQuery, loadEnrollment, toEnrollments } from '../db/enrollments.js';
import { loadProgram, originOf, programEvent, programIsManagedBy } from '../db/programs.js';
import { announceMoved, moveEnrollments, promoteWaitlist } from '../db/waitlist.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { topicsFor, type EventDraft, type ServerEvent } from '../events.js';
import { newCertificateNumber, newId } from '../ids.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor, keysetPage, pageOf } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { WIT_OFFSET_MS, witYear } from '../time.js';

/** Rows per multi-row INSERT (well under SQLite's and PostgreSQL's bound-parameter limits). */
const CHUNK = 200;

const conflict = (detail: string) => new ApiProblem('conflict', detail);

/** `2026-03-01 08.00 WIT`: a deadline as people in Sorong read it, beside the ISO value. */
const witClock = (iso: string) => `${new Date(Date.parse(iso) + WIT_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ').replace(':', '.')} WIT`;

type ProgramRow = Awaited<ReturnType<typeof findProgram>>;

function findProgram(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('programs')
    .select(['id', 'title', 'status', 'organizer_id', 'enroll_from', 'enroll_until', 'cancel_until'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Unknown, or a draft the caller may not see (only admins and the organiser do): 404 either way. */
function assertVisible(program: ProgramRow, caller: Caller, id: string): asserts program is NonNullable<ProgramRow> {
  if (!program || (program.status === 'draft' && !programIsManagedBy(program, caller))) throw new ApiProblem('notFound', `No program ${id}`);
}

function assertManages(program: NonNullable<ProgramRow>, caller: Caller, what: string): void {
  if (!programIsManagedBy(program, caller)) throw new ApiProblem('forbidden', `Only an admin or the program's organiser may ${what}`);
}

/**
 * Takes the program row's write lock (PostgreSQL; SQLite runs one writer at a time anyway) with a no-op
 * UPDATE, portable where `SELECT … FOR UPDATE` is not. True when the row exists with a status not in `notIn`.
 */
async function lockProgram(trx: Kysely<DB>, id: string, notIn: DB['programs']['status'][] = []): Promise<boolean> {
  let q = trx.updateTable('programs').set((eb) => ({ seats_taken: eb.ref('seats_taken') })).where('id', '=', id);
  if (notIn.length) q = q.where('status', 'not in', notIn);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function activeEnrollment(db: Kysely<DB>, programId: string, employeeId: string) {
  return db
    .selectFrom('enrollments')
    .select(['id', 'status'])
    .where('program_id', '=', programId)
    .where('employee_id', '=', employeeId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

const alreadyEnrolled = (existing: { id: string; status: string }) =>
  conflict(`This employee already has an active enrolment in this program: ${existing.id} (${existing.status})`);

/** The database refused a second active enrolment (index `enrollments_active`): SQLite or PostgreSQL wording. */
function isActiveEnrollmentViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code === '23505') return e.constraint === 'enrollments_active';
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('enrollments.program_id');
}

/** Page cursor of the roster: [group, name, ticket, id], the sort key below. */
function rosterCursor(cursor: string): [number, string, number, string] {
  const [g, n, t, id] = decodeCursor(cursor, 4);
  if (typeof g !== 'number' || typeof n !== 'string' || typeof t !== 'number' || typeof id !== 'string') {
    throw fieldProblem('cursor', 'cursor.invalid', 'The cursor is not one this server gave out');
  }
  return [g, n, t, id];
}

// The roster's order: seated (registered, completed, incomplete) by name, then the waitlist by ticket, then
// cancelled by name; the id breaks ties so the order, and so the cursor, is total.
const rosterGroup = sql<number>`(case when en.status = 'waitlisted' then 1 when en.status = 'cancelled' then 2 else 0 end)`;
const rosterName = sql<string>`(case when en.status = 'waitlisted' then '' else e.name end)`;
const rosterTicket = sql<number>`coalesce(en.waitlist_ticket, 0)`;

export function registerEnrollments(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, createEnrollment, async ({ c, caller, params, body }) => {
    const employeeId = body.employeeId ?? caller.id;
    const { supervisorId } = await assertOwnerOrAdmin(db, caller, employeeId, 'You may enrol only yourself; an admin may enrol anyone');
    const program = await findProgram(db, params.id);
    assertVisible(program, caller, params.id);
    if (program.status !== 'open') throw conflict(`This program is ${program.status}: it does not take enrolments`);
    const nowMs = Date.now();
    if (nowMs < Date.parse(program.enroll_from)) throw conflict(`Enrolment opens at ${witClock(program.enroll_from)} (enrollFrom ${program.enroll_from})`);
    if (nowMs > Date.parse(program.enroll_until)) throw conflict(`Enrolment closed at ${witClock(program.enroll_until)} (enrollUntil ${program.enroll_until})`);
    const now = new Date(nowMs).toISOString();
    const id = newId('enr');
    let events: ServerEvent[];
    try {
      events = await db.transaction().execute(async (trx) => {
        // The seat check and the seat are one statement: it cannot overfill, however many run at once.
        const seat = await trx
          .updateTable('programs')
          .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
          .where('id', '=', program.id)
          .where('status', '=', 'open')
          .whereRef('seats_taken', '<', 'capacity')
          .executeTakeFirst();
        let status: EnrollmentTable['status'] = 'registered';
        let ticket: number | null = null;
        if (Number(seat.numUpdatedRows) === 0) {
          const drawn = await trx
            .updateTable('programs')
            .set((eb) => ({ waitlist_seq: eb('waitlist_seq', '+', 1) }))
            .where('id', '=', program.id)
            .where('status', '=', 'open')
            .returning('waitlist_seq')
            .executeTakeFirst();
          if (!drawn) throw conflict('This program stopped taking enrolments a moment ago');
          status = 'waitlisted';
          ticket = drawn.waitlist_seq;
        }
        const row = { id, program_id: program.id, employee_id: employeeId, status, waitlist_ticket: ticket, certificate_number: null, created_at: now, updated_at: now, cancelled_at: null, completed_at: null };
        await trx.insertInto('enrollments').values(row).execute();
        return [
          ...(await deps.events.write(trx, [enrollmentEvent('enrollment.created', row, now)], topicsFor(employeeId, supervisorId))),
          ...(await deps.events.write(trx, [programEvent(program.id, now)], [topicFor.programs])),
        ];
      });
    } catch (error) {
      // One path for a repeat and a race alike: the unique index refused the row, the transaction (seat or
      // ticket included) rolled back, and the enrolment that holds the place is named.
      if (!isActiveEnrollmentViolation(error)) throw error;
      const winner = await activeEnrollment(db, program.id, employeeId);
      throw winner ? alreadyEnrolled(winner) : conflict('This employee was enrolled by another request at the same moment');
    }
    deps.events.notify(events);
    const enrollment = await loadEnrollment(db, id, originOf(c.req.url));
    if (!enrollment) throw new Error(`enrolment ${id} vanished after its commit`);
    return { status: 201, body: enrollment };
  });

  bind(app, deps, cancelEnrollment, async ({ c, caller, params }) => {
    const found = await db
      .selectFrom('enrollments as en')
      .innerJoin('employees as e', 'e.id', 'en.employee_id')
      .innerJoin('programs as p', 'p.id', 'en.program_id')
      .select(['en.id', 'en.employee_id', 'en.program_id', 'e.supervisor_id', 'p.cancel_until'])
      .where('en.id', '=', params.id)
      .executeTakeFirst();
    const message = 'Only the enrolled employee, or an admin, may cancel an enrolment';
    if (!found) throw caller.role === 'admin' ? new ApiProblem('notFound', `No enrolment ${params.id}`) : new ApiProblem('forbidden', message);
    if (found.employee_id !== caller.id && caller.role !== 'admin') throw new ApiProblem('forbidden', message);
    if (Date.now() > Date.parse(found.cancel_until)) {
      throw conflict(`The cancellation deadline of this program has passed: ${witClock(found.cancel_until)} (cancelUntil ${found.cancel_until})`);
    }

    const now = new Date().toISOString();
    const events = await db.transaction().execute(async (trx) => {
      await lockProgram(trx, found.program_id);
      const current = await trx.selectFrom('enrollments').select('status').where('id', '=', found.id).executeTakeFirstOrThrow();
      if (current.status !== 'registered' && current.status !== 'waitlisted') {
        throw conflict(`This enrolment is ${current.status}: only a registered or waitlisted one can be cancelled`);
      }
      const cancelled = await trx
        .updateTable('enrollments')
        .set({ status: 'cancelled', waitlist_ticket: null, cancelled_at: now, updated_at: now })
        .where('id', '=', found.id)
        .where('status', '=', current.status)
        .executeTakeFirst();
      if (Number(cancelled.numUpdatedRows) !== 1) throw conflict('This enrolment changed at the same moment; reload it and try again');
      const out = await announceMoved(deps.events, trx, [found], now);

      if (current.status === 'registered') {
        // The seat is given back, and goes straight to the lowest ticket when someone waits.
        await trx
          .updateTable('programs')
          .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1) }))
          .where('id', '=', found.program_id)
          .where('seats_taken', '>', 0)
          .execute();
        out.push(...(await announceMoved(deps.events, trx, await promoteWaitlist(trx, found.program_id, now), now)));
      }
      out.push(...(await deps.events.write(trx, [programEvent(found.program_id, now)], [topicFor.programs])));
      return out;
    });
    deps.events.notify(events);
    const enrollment = await loadEnrollment(db, found.id, originOf(c.req.url));
    return { body: enrollment! };
  });

  bind(app, deps, listEmployeeEnrollments, async ({ c, caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(db, caller, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = enrollmentQuery(db).where('en.employee_id', '=', id);
    if (query.status) q = q.where('en.status', '=', query.status);
    const rows = await keysetPage(q, { at: 'en.created_at', id: 'en.id' }, { limit, cursor: query.cursor }).execute();
    const page = pageOf(rows, limit, (r) => [r.created_at, r.id]);
    return { body: { data: await toEnrollments(db, page.data, originOf(c.req.url)), nextCursor: page.nextCursor } };
  });

  bind(app, deps, listProgramEnrollments, async ({ c, caller, params, query }) => {
    const program = await findProgram(db, params.id);
    assertVisible(program, caller, params.id);
    assertManages(program, caller, "read a program's roster");
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = enrollmentQuery(db)
      .select([rosterGroup.as('sort_group'), rosterName.as('sort_name'), rosterTicket.as('sort_ticket')])
      .where('en.program_id', '=', program.id);
    // Cancelled ones only when asked for by name: the roster is who takes part.
    q = query.status ? q.where('en.status', '=', query.status) : q.where('en.status', '<>', 'cancelled');
    if (query.cursor) {
      const [g, n, t, id] = rosterCursor(query.cursor);
      q = q.where((eb) =>
        eb.or([
          eb(rosterGroup, '>', g),
          eb.and([
            eb(rosterGroup, '=', g),
            eb.or([
              eb(rosterName, '>', n),
              eb.and([eb(rosterName, '=', n), eb.or([eb(rosterTicket, '>', t), eb.and([eb(rosterTicket, '=', t), eb('en.id', '>', id)])])]),
            ]),
          ]),
        ]),
      );
    }
    const rows = await q.orderBy(rosterGroup).orderBy(rosterName).orderBy(rosterTicket).orderBy('en.id').limit(limit + 1).execute();
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor([Number(last.sort_group), last.sort_name, Number(last.sort_ticket), last.id]) : null;
    return { body: { data: await toEnrollments(db, data, originOf(c.req.url)), nextCursor } };
  });

  bind(app, deps, putAttendance, async ({ caller, params, body }) => {
    const program = await findProgram(db, params.id);
    assertVisible(program, caller, params.id);
    assertManages(program, caller, 'mark attendance');
    const sessions = await countSessions(db, program.id);
    if (params.n > sessions) throw fieldProblem('n', 'session.unknown', `This program has ${sessions} session(s); n must be between 1 and ${sessions}`);
    // Each id once, at the index it first appears (the index a field error names).
    const present = [...new Set(body.present)];
    const firstIndex = new Map(present.map((id) => [id, body.present.indexOf(id)]));

    const now = new Date().toISOString();
    const events = await db.transaction().execute(async (trx) => {
      if (!(await lockProgram(trx, program.id, ['completed', 'cancelled']))) {
        const current = await trx.selectFrom('programs').select('status').where('id', '=', program.id).executeTakeFirstOrThrow();
        throw conflict(`This program is ${current.status}: its attendance can no longer change`);
      }
      const enrolled = new Set<string>();
      for (let i = 0; i < present.length; i += CHUNK) {
        const rows = await trx
          .selectFrom('enrollments')
          .select('employee_id')
          .where('program_id', '=', program.id)
          .where('status', 'in', ['registered', 'completed'])
          .where('employee_id', 'in', present.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) enrolled.add(r.employee_id);
      }
      const errors: FieldError[] = present
        .filter((id) => !enrolled.has(id))
        .map((id) => ({ path: `present.${firstIndex.get(id)}`, code: 'attendance.not_enrolled', message: `${id} has no registered enrolment in this program` }));
      if (errors.length) throw new ApiProblem('validation', 'Everyone marked present must be registered in the program', { errors });

      await trx.deleteFrom('attendance').where('program_id', '=', program.id).where('session_n', '=', params.n).execute();
      for (let i = 0; i < present.length; i += CHUNK) {
        const rows = present.slice(i, i + CHUNK).map((employee_id) => ({ program_id: program.id, session_n: params.n, employee_id }));
        await trx.insertInto('attendance').values(rows).execute();
      }
      return deps.events.write(trx, [programEvent(program.id, now)], [topicFor.programs]);
    });
    deps.events.notify(events);
    return { body: { programId: program.id as Enrollment['programId'], session: params.n, present: present as Enrollment['employeeId'][], updatedAt: now } };
  });

  bind(app, deps, completeProgram, async ({ c, caller, params }) => {
    const program = await findProgram(db, params.id);
    assertVisible(program, caller, params.id);
    assertManages(program, caller, 'complete a program');
    if (program.status === 'draft' || program.status === 'cancelled') throw conflict(`This program is ${program.status}: it cannot be completed`);

    const { recordsCreated, events } = await db.transaction().execute((trx) => completeInTransaction(trx, deps, program.id));
    deps.events.notify(events);
    const counts = await db
      .selectFrom('enrollments')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .where('program_id', '=', program.id)
      .where('status', 'in', ['completed', 'incomplete'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(counts.find((r) => r.status === status)?.n ?? 0);
    const loaded = await loadProgram(db, program.id, caller.id, originOf(c.req.url));
    if (!loaded) throw new Error(`program ${program.id} vanished after its completion`);
    return { body: { program: loaded, completed: count('completed'), incomplete: count('incomplete'), recordsCreated } };
  });
}

async function countSessions(db: Kysely<DB>, programId: string): Promise<number> {
  const row = await db.selectFrom('program_sessions').select((eb) => eb.fn.countAll().as('n')).where('program_id', '=', programId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The completion, inside one transaction. The program's status flips first (open|closed → completed): that
 * UPDATE is the gate, so of two concurrent calls only one gets past it, and a repeat creates nothing. Then each
 * registered enrolment that attended enough moves to `completed` by a compare-and-set on `registered`, and
 * only the rows that move get a learning record (the unique `learning_records.enrollment_id` is the last guard).
 * `seats_taken` stays: the seats are still those of the registered, now completed or incomplete.
 */
async function completeInTransaction(trx: Kysely<DB>, deps: AppDeps, programId: string): Promise<{ recordsCreated: number; events: ServerEvent[] }> {
  const now = new Date().toISOString();
  const flipped = await trx
    .updateTable('programs')
    .set((eb) => ({ status: 'completed', version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', programId)
    .where('status', 'in', ['open', 'closed'])
    .executeTakeFirst();
  if (Number(flipped.numUpdatedRows) === 0) {
    const current = await trx.selectFrom('programs').select('status').where('id', '=', programId).executeTakeFirstOrThrow();
    if (current.status !== 'completed') throw conflict(`This program is ${current.status}: it cannot be completed`);
    return { recordsCreated: 0, events: [] }; // already done: the same counts, nothing new
  }

  const p = await trx
    .selectFrom('programs')
    .select(['title', 'competency', 'jp', 'ends_at', 'attendance_threshold'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  const sessions = await countSessions(trx, programId);
  const threshold = Math.min(p.attendance_threshold ?? sessions, sessions);
  const recordAt = new Date(Math.min(Date.parse(p.ends_at), Date.parse(now))).toISOString();
  const year = witYear(recordAt);

  const registered = await trx
    .selectFrom('enrollments as en')
    .innerJoin('employees as e', 'e.id', 'en.employee_id')
    .select(['en.id', 'en.employee_id', 'en.program_id', 'e.supervisor_id'])
    .select((eb) =>
      eb
        .selectFrom('attendance as a')
        .innerJoin('program_sessions as s', (j) => j.onRef('s.program_id', '=', 'a.program_id').onRef('s.n', '=', 'a.session_n'))
        .select((a) => a.fn.countAll().as('n'))
        .whereRef('a.program_id', '=', 'en.program_id')
        .whereRef('a.employee_id', '=', 'en.employee_id')
        .as('attended'),
    )
    .where('en.program_id', '=', programId)
    .where('en.status', '=', 'registered')
    .execute();

  const credited: Array<(typeof registered)[number] & { record: LearningRecordTable }> = [];
  for (const r of registered.filter((x) => Number(x.attended ?? 0) >= threshold)) {
    const moved = await trx
      .updateTable('enrollments')
      .set({ status: 'completed', completed_at: now, certificate_number: newCertificateNumber(year), updated_at: now })
      .where('id', '=', r.id)
      .where('status', '=', 'registered')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) continue;
    const record: LearningRecordTable = {
      id: newId('lrn'),
      employee_id: r.employee_id,
      title: p.title,
      competency: p.competency,
      jp: p.jp,
      completed_at: recordAt,
      program_id: programId,
      evidence_url: null,
      created_at: now,
      enrollment_id: r.id,
    };
    credited.push({ ...r, record });
  }
  let recordsCreated = 0;
  for (let i = 0; i < credited.length; i += CHUNK) {
    const result = await trx
      .insertInto('learning_records')
      .values(credited.slice(i, i + CHUNK).map((x) => x.record))
      .onConflict((oc) => oc.column('enrollment_id').where('enrollment_id', 'is not', null).doNothing())
      .executeTakeFirst();
    recordsCreated += Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  // Everyone else: registered without enough attendance, and those still waiting (the program is over).
  const incomplete = await moveEnrollments(trx, programId, ['registered'], 'incomplete', now);
  const dropped = await moveEnrollments(trx, programId, ['waitlisted'], 'cancelled', now);

  const events: ServerEvent[] = [];
  for (const x of credited) {
    const progress: EventDraft = { type: 'progress.updated', employeeId: x.employee_id as Enrollment['employeeId'], programId: programId as Enrollment['programId'], year, subjectId: x.record.id, occurredAt: now };
    events.push(...(await deps.events.write(trx, [enrollmentEvent('enrollment.updated', x, now), progress], topicsFor(x.employee_id, x.supervisor_id))));
  }
  events.push(...(await announceMoved(deps.events, trx, [...incomplete, ...dropped], now)));
  events.push(...(await deps.events.write(trx, [programEvent(programId, now)], [topicFor.programs])));
  return { recordsCreated, events };
}
