// GET /v1/programs, GET|PATCH /v1/programs/{id}, POST /v1/programs, POST /v1/employees/{id}/recommendations,
// GET /v1/certificates/{number}
//
// The catalog's rules (who sees drafts, JP, sessions, versions) are in docs/architecture.md, "Programs".
// Titles, descriptions and notes are plain text, stored as given; the components render them as text.
import type { Hono } from 'hono';
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import {
  createProgram, createRecommendation, getProgram, listPrograms, topicFor, updateProgram, verifyCertificate,
  type FieldError, type Program, type ProgramSession, type ServerEvent,
} from '../../src/contract/index.js';
import { assertCanGiveFeedback, resolveRef, type Caller } from '../auth.js';
import { bind } from '../bind.js';
import { forUpdate, type DB, type Database, type ProgramTable } from '../db/database.js';
import { freshProgram, loadProgram, loadPrograms, originOf, programEvent, programIsManagedBy, sessionJp, toRecommendation } from '../db/programs.js';
import { announceMoved, moveEnrollments, promoteWaitlist } from '../db/waitlist.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { topicsFor, type EventDraft } from '../events.js';
import { newId } from '../ids.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { WIT_OFFSET_MS, toUtcIso } from '../time.js';

type ProgramRow = Selectable<ProgramTable>;
type EventEmployeeId = NonNullable<ServerEvent['employeeId']>;

/** The highest JP a program may credit (the contract's `Jp`). */
const MAX_JP = 200;

/** A draft exists only for admins and its organiser: to everyone else it is not there at all (404, never listed). */
const visibleTo = (p: Pick<ProgramRow, 'status' | 'organizer_id'>, caller: Caller) => p.status !== 'draft' || programIsManagedBy(p, caller);

/** `[start, end)` of a WIT calendar month `YYYY-MM`, as UTC ISO strings. */
function witMonthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  return [new Date(Date.UTC(y, m - 1, 1) - WIT_OFFSET_MS).toISOString(), new Date(Date.UTC(y, m, 1) - WIT_OFFSET_MS).toISOString()];
}

/**
 * `q` as a LIKE pattern that matches the text anywhere; `%`, `_` and `\` in it match themselves. Compared with
 * `lower()` on both sides, which PostgreSQL needs too (its LIKE is case-sensitive).
 */
const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

// ── Validation of a whole program (create, and the merged result of a PATCH) ─────────────────────────────────

interface ProgramShape {
  mode: ProgramRow['mode'];
  /** As given (times may carry any offset); validated in this order, so `sessions.N` is the caller's N. */
  sessions: ProgramSession[];
  /** A JP set by hand, or null to compute it from the sessions. */
  jp: number | null;
  jpReason: string | null;
  /** Whether the caller sent a `jpReason` in this request (a reason without a hand-set JP is refused). */
  jpReasonSent: boolean;
  capacity: number;
  enrollFrom: string;
  enrollUntil: string;
  /** Undefined: the default, `enrollUntil`. */
  cancelUntil: string | undefined;
  attendanceThreshold: number | null;
  partnerId: string | null;
  organizerId: string | null;
  /** Registered now (0 for a new program): capacity may not go below it. */
  seatsTaken: number;
}

interface CheckedProgram {
  sessions: ProgramSession[];
  jp: number;
  jpReason: string | null;
  enrollFrom: string;
  enrollUntil: string;
  cancelUntil: string;
  startsAt: string;
  endsAt: string;
}

/** Every rule at once, so a form can mark all its wrong fields in one round trip. */
async function checkProgram(db: Kysely<DB>, p: ProgramShape): Promise<CheckedProgram> {
  const errors: FieldError[] = [];
  const fail = (path: string, code: string, message: string) => errors.push({ path, code, message });

  const sessions = p.sessions.map((s) => ({ ...s, startsAt: toUtcIso(s.startsAt), endsAt: toUtcIso(s.endsAt) }));
  sessions.forEach((s, i) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) fail(`sessions.${i}.endsAt`, 'session.ends_before_start', 'A session must end after it starts');
    // The card says where to go: a room for classroom, a link for online, at least one of them for blended.
    if (p.mode === 'classroom') {
      if (!s.location) fail(`sessions.${i}.location`, 'session.location_required', 'A classroom session needs a location');
      if (s.onlineUrl) fail(`sessions.${i}.onlineUrl`, 'session.mode_mismatch', 'A classroom session has no online link (use mode blended)');
    } else if (p.mode === 'online') {
      if (!s.onlineUrl) fail(`sessions.${i}.onlineUrl`, 'session.online_url_required', 'An online session needs an onlineUrl');
      if (s.location) fail(`sessions.${i}.location`, 'session.mode_mismatch', 'An online session has no location (use mode blended)');
    } else if (!s.location && !s.onlineUrl) {
      fail(`sessions.${i}.location`, 'session.place_required', 'A blended session needs a location, an onlineUrl, or both');
    }
  });
  const order = sessions.map((s, i) => ({ s, i })).sort((a, b) => (a.s.startsAt === b.s.startsAt ? a.i - b.i : a.s.startsAt < b.s.startsAt ? -1 : 1));
  for (let k = 1; k < order.length; k++) {
    const previous = order[k - 1].s;
    // A previous session that ends before it starts already has its own error.
    if (previous.endsAt > previous.startsAt && order[k].s.startsAt < previous.endsAt) {
      fail(`sessions.${order[k].i}.startsAt`, 'session.overlap', 'Sessions may not overlap: this one starts before the previous one ends');
    }
  }
  const sorted = order.map((o) => o.s);
  const startsAt = sorted[0].startsAt;
  const endsAt = sorted.reduce((max, s) => (s.endsAt > max ? s.endsAt : max), sorted[0].endsAt);

  let jp: number;
  if (p.jp !== null) {
    jp = p.jp;
    if (!p.jpReason) fail('jpReason', 'jp.reason_required', 'A JP set by hand needs a jpReason');
  } else {
    if (p.jpReasonSent && p.jpReason) fail('jpReason', 'jp.reason_without_jp', 'jpReason goes with a JP set by hand; leave both out to compute JP from the sessions');
    jp = sessionJp(sorted);
    if (jp === 0) fail('sessions', 'jp.too_short', 'The sessions add up to less than 45 minutes (0 JP): set jp by hand with a jpReason');
    else if (jp > MAX_JP) fail('sessions', 'jp.too_long', `The sessions add up to more than ${MAX_JP} JP: set jp by hand with a jpReason`);
  }

  const enrollFrom = toUtcIso(p.enrollFrom);
  const enrollUntil = toUtcIso(p.enrollUntil);
  if (enrollFrom >= enrollUntil) fail('enrollUntil', 'enroll.window', 'enrollUntil must be after enrollFrom');
  const cancelUntil = toUtcIso(p.cancelUntil ?? p.enrollUntil);
  if (cancelUntil > startsAt) {
    fail(
      'cancelUntil',
      'cancel.after_start',
      p.cancelUntil === undefined
        ? 'cancelUntil (by default enrollUntil) must be at or before the first session starts: set cancelUntil'
        : 'cancelUntil must be at or before the first session starts',
    );
  }
  if (p.attendanceThreshold !== null && p.attendanceThreshold > sorted.length) {
    fail('attendanceThreshold', 'attendance.threshold_too_high', `attendanceThreshold cannot exceed the number of sessions (${sorted.length})`);
  }
  if (p.capacity < p.seatsTaken) fail('capacity', 'capacity.below_enrolled', belowSeatsTaken(p.seatsTaken));
  if (p.partnerId) {
    const partner = await db.selectFrom('partners').select('id').where('id', '=', p.partnerId).executeTakeFirst();
    if (!partner) fail('partnerId', 'partner.unknown', 'No such partner');
  }
  if (p.organizerId) {
    const organizer = await db.selectFrom('employees').select('id').where('id', '=', p.organizerId).executeTakeFirst();
    if (!organizer) fail('organizerId', 'employee.unknown', 'No such employee');
  }
  if (errors.length > 0) throw new ApiProblem('validation', errors[0].message, { errors });
  return { sessions: sorted, jp, jpReason: p.jp !== null ? p.jpReason : null, enrollFrom, enrollUntil, cancelUntil, startsAt, endsAt };
}

async function writeSessions(trx: Kysely<DB>, programId: string, sessions: ProgramSession[]): Promise<void> {
  await trx.deleteFrom('program_sessions').where('program_id', '=', programId).execute();
  await trx
    .insertInto('program_sessions')
    .values(sessions.map((s, i) => ({ program_id: programId, n: i + 1, starts_at: s.startsAt, ends_at: s.endsAt, location: s.location, online_url: s.onlineUrl })))
    .execute();
}

/** The columns that follow from a checked program; the Release 1 place columns keep in step with the first session. */
const checkedColumns = (checked: CheckedProgram) =>
  ({
    starts_at: checked.startsAt,
    ends_at: checked.endsAt,
    location: checked.sessions[0].location,
    online_url: checked.sessions[0].onlineUrl,
    jp: checked.jp,
    jp_reason: checked.jpReason,
    enroll_from: checked.enrollFrom,
    enroll_until: checked.enrollUntil,
    cancel_until: checked.cancelUntil,
  }) satisfies Updateable<ProgramTable>;

const staleVersion = (sent: number, current: number) =>
  new ApiProblem(
    'conflict',
    `The program was changed since you read it: you sent version ${sent}, the current version is ${current}. Reload it and apply your change again.`,
  );

const belowSeatsTaken = (seatsTaken: number) => `capacity cannot go below the ${seatsTaken} seats already taken`;

/**
 * Recommending follows feedback's rule (docs/architecture.md, "Who may do what"): the employee's *direct*
 * supervisor or an admin, never oneself. An unknown employee is a 403 for a non-admin, a 404 for an admin.
 */
const assertCanRecommend = (db: Database, caller: Caller, employeeId: string) =>
  assertCanGiveFeedback(db, caller, employeeId, {
    self: 'You cannot recommend a program to yourself',
    others: "Only the employee's direct supervisor, or an admin, may recommend a program to them",
  });

export function registerPrograms(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, listPrograms, async ({ c, caller, query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = db.selectFrom('programs as p').select(['p.id', 'p.starts_at']);
    if (caller.role !== 'admin') q = q.where((eb) => eb.or([eb('p.status', '!=', 'draft'), eb('p.organizer_id', '=', caller.id)]));
    // A cancelled program is news only to whoever looks for it.
    q = query.status ? q.where('p.status', '=', query.status) : q.where('p.status', '!=', 'cancelled');
    if (query.type) q = q.where('p.type', '=', query.type);
    if (query.competency) q = q.where('p.competency', '=', query.competency);
    if (query.partner) q = q.where('p.partner_id', '=', query.partner);
    if (query.month) {
      const [start, end] = witMonthRange(query.month);
      // A session in the month: it overlaps [start, end) on the WIT clock.
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('program_sessions as s').select('s.n').whereRef('s.program_id', '=', 'p.id').where('s.starts_at', '<', end).where('s.ends_at', '>', start)),
      );
    }
    if (query.q) {
      const pattern = containsPattern(query.q);
      q = q.where(
        (eb) => sql<boolean>`(lower(${eb.ref('p.title')}) like ${pattern} escape '\\' or lower(${eb.ref('p.description')}) like ${pattern} escape '\\')`,
      );
    }
    // Soonest first: the ascending twin of keysetPage, on the same cursor codec.
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2).map(String);
      q = q.where((eb) => eb.or([eb('p.starts_at', '>', at), eb.and([eb('p.starts_at', '=', at), eb('p.id', '>', id)])]));
    }
    const rows = await q.orderBy('p.starts_at').orderBy('p.id').limit(limit + 1).execute();
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    const loaded = await loadPrograms(db, pageRows.map((r) => r.id), query.for === 'me' ? caller.id : undefined, originOf(c.req.url));
    return {
      body: {
        data: pageRows.map((r) => loaded.get(r.id)).filter((p): p is Program => p !== undefined),
        nextCursor: rows.length > limit && last ? encodeCursor([last.starts_at, last.id]) : null,
      },
    };
  });

  bind(app, deps, getProgram, async ({ c, caller, params }) => {
    const program = await loadProgram(db, params.id, caller.id, originOf(c.req.url));
    if (!program || !visibleTo({ status: program.status, organizer_id: program.organizerId }, caller)) {
      throw new ApiProblem('notFound', `No program ${params.id}`);
    }
    return { body: program };
  });

  bind(app, deps, createProgram, async ({ c, caller, body }) => {
    const checked = await checkProgram(db, {
      mode: body.mode,
      sessions: body.sessions,
      jp: body.jp ?? null,
      jpReason: body.jpReason ?? null,
      jpReasonSent: body.jpReason !== undefined && body.jpReason !== null,
      capacity: body.capacity,
      enrollFrom: body.enrollFrom,
      enrollUntil: body.enrollUntil,
      cancelUntil: body.cancelUntil,
      attendanceThreshold: body.attendanceThreshold ?? null,
      partnerId: body.partnerId ?? null,
      organizerId: body.organizerId ?? null,
      seatsTaken: 0,
    });
    const now = new Date().toISOString();
    const row: ProgramRow = {
      id: newId('prg'),
      title: body.title,
      description: body.description ?? '',
      type: body.type,
      competency: body.competency,
      mode: body.mode,
      partner_id: body.partnerId ?? null,
      ...checkedColumns(checked),
      capacity: body.capacity,
      attendance_threshold: body.attendanceThreshold ?? null,
      organizer_id: body.organizerId ?? null,
      status: body.status ?? 'draft',
      ...freshProgram(now),
    };
    const events = await db.transaction().execute(async (trx) => {
      await trx.insertInto('programs').values(row).execute();
      await writeSessions(trx, row.id, checked.sessions);
      // A draft is nobody's news: announcing it would show its id to every subscriber.
      return row.status === 'draft' ? [] : deps.events.write(trx, [programEvent(row.id, now)], [topicFor.programs]);
    });
    deps.events.notify(events);
    const program = await loadProgram(db, row.id, caller.id, originOf(c.req.url));
    return { status: 201, body: program! };
  });

  bind(app, deps, updateProgram, async ({ c, caller, params, body }) => {
    const now = new Date().toISOString();
    const events = await db.transaction().execute(async (trx) => {
      // Locked (PostgreSQL): the checks below read seats and the waitlist, which enrolments change under this row's lock.
      const before = await forUpdate(trx, trx.selectFrom('programs').selectAll().where('id', '=', params.id)).executeTakeFirst();
      if (!before) throw new ApiProblem('notFound', `No program ${params.id}`);
      if (before.status === 'completed' || before.status === 'cancelled') {
        throw new ApiProblem('conflict', `The program is ${before.status} and can no longer be changed`);
      }
      if (body.version !== before.version) throw staleVersion(body.version, before.version);
      const storedSessions = await trx.selectFrom('program_sessions').selectAll().where('program_id', '=', before.id).orderBy('n').execute();
      const waitlisted = await trx
        .selectFrom('enrollments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('program_id', '=', before.id)
        .where('status', '=', 'waitlisted')
        .executeTakeFirstOrThrow();
      const status = body.status ?? before.status;
      if (status === 'draft' && before.status !== 'draft' && (before.seats_taken > 0 || Number(waitlisted.n) > 0)) {
        throw fieldProblem('status', 'status.draft_with_enrollments', 'A program with enrolments cannot go back to draft (close or cancel it)');
      }
      // A JP set by hand stays until `jp: null` asks to compute it again, which also drops the reason.
      const jp = body.jp === undefined ? (before.jp_reason !== null ? before.jp : null) : body.jp;
      const jpReason = body.jpReason !== undefined ? body.jpReason : body.jp === null ? null : before.jp_reason;
      const attendanceThreshold = body.attendanceThreshold === undefined ? before.attendance_threshold : body.attendanceThreshold;
      const capacity = body.capacity ?? before.capacity;
      const organizerId = body.organizerId === undefined ? before.organizer_id : body.organizerId;
      const partnerId = body.partnerId === undefined ? before.partner_id : body.partnerId;
      const mode = body.mode ?? before.mode;
      const checked = await checkProgram(trx, {
        mode,
        sessions: body.sessions ?? storedSessions.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at, location: s.location, onlineUrl: s.online_url })),
        jp,
        jpReason,
        jpReasonSent: body.jpReason !== undefined && body.jpReason !== null,
        capacity,
        enrollFrom: body.enrollFrom ?? before.enroll_from,
        enrollUntil: body.enrollUntil ?? before.enroll_until,
        cancelUntil: body.cancelUntil ?? before.cancel_until,
        attendanceThreshold,
        partnerId,
        organizerId,
        seatsTaken: before.seats_taken,
      });
      // Compare-and-set on the version, and the seat count re-checked in the same statement, so neither a
      // concurrent PATCH nor a concurrent enrolment slips between the check above and this write. This is
      // also the program row's write, the lock taken before any enrolment changes (docs/architecture.md, "Programs").
      const cancelling = status === 'cancelled';
      const result = await trx
        .updateTable('programs')
        .set((eb) => ({
          title: body.title ?? before.title,
          description: body.description ?? before.description,
          type: body.type ?? before.type,
          competency: body.competency ?? before.competency,
          mode,
          partner_id: partnerId,
          ...checkedColumns(checked),
          capacity,
          attendance_threshold: attendanceThreshold,
          organizer_id: organizerId,
          status,
          // A cancelled program holds no seats: its enrolments are cancelled below, in this transaction.
          ...(cancelling ? { seats_taken: 0 } : {}),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', before.id)
        .where('version', '=', body.version)
        .where('seats_taken', '<=', capacity)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('programs').select(['version', 'seats_taken']).where('id', '=', before.id).executeTakeFirstOrThrow();
        if (current.version !== body.version) throw staleVersion(body.version, current.version);
        throw fieldProblem('capacity', 'capacity.below_enrolled', belowSeatsTaken(current.seats_taken));
      }
      if (body.sessions) {
        await writeSessions(trx, before.id, checked.sessions);
        // Attendance of sessions that no longer exist would count towards completion.
        await trx.deleteFrom('attendance').where('program_id', '=', before.id).where('session_n', '>', checked.sessions.length).execute();
      }
      const written: ServerEvent[] = [];
      if (cancelling) {
        // Everyone still registered or waiting is cancelled with the program, and hears of it.
        const cancelled = await moveEnrollments(trx, before.id, ['registered', 'waitlisted'], 'cancelled', now);
        written.push(...(await announceMoved(deps.events, trx, cancelled, now)));
      } else if (status === 'open' || status === 'closed') {
        // Seats added while people wait go to the waitlist in order, in this transaction (like a cancellation).
        written.push(...(await announceMoved(deps.events, trx, await promoteWaitlist(trx, before.id, now), now)));
      }
      if (before.status !== 'draft' || status !== 'draft') written.push(...(await deps.events.write(trx, [programEvent(before.id, now)], [topicFor.programs])));
      return written;
    });
    deps.events.notify(events);
    const program = await loadProgram(db, params.id, caller.id, originOf(c.req.url));
    return { body: program! };
  });

  bind(app, deps, createRecommendation, async ({ caller, params, body }) => {
    const employeeId = resolveRef(caller, params.id);
    const { supervisorId } = await assertCanRecommend(db, caller, employeeId);
    const now = new Date().toISOString();
    const program = await db.selectFrom('programs').select(['id', 'status', 'enroll_until']).where('id', '=', body.programId).executeTakeFirst();
    // Only what the report can still enrol in (so never a draft); an unknown program gets the same answer.
    if (!program || program.status !== 'open' || program.enroll_until <= now) {
      throw fieldProblem('programId', 'program.not_open', 'programId must be a program open for enrolment');
    }
    const row = {
      id: newId('rec'),
      employee_id: employeeId,
      program_id: program.id,
      author_id: caller.id,
      note: body.note ? body.note : null,
      created_at: now,
    };
    const repeat = (id: string) => new ApiProblem('conflict', `You already recommended this program to this employee: ${id}`);
    const events = await db.transaction().execute(async (trx) => {
      const existingOne = () =>
        trx
          .selectFrom('recommendations')
          .select('id')
          .where('employee_id', '=', employeeId)
          .where('program_id', '=', program.id)
          .where('author_id', '=', caller.id)
          .executeTakeFirst();
      const existing = await existingOne();
      if (existing) throw repeat(existing.id);
      // A racing twin (PostgreSQL runs both at once) loses on the unique key without an error, then reads the winner.
      const inserted = await trx
        .insertInto('recommendations')
        .values(row)
        .onConflict((oc) => oc.columns(['employee_id', 'program_id', 'author_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw repeat((await existingOne())?.id ?? 'a concurrent one');
      const draft: EventDraft = { type: 'recommendation.created', employeeId: employeeId as EventEmployeeId, programId: program.id as Program['id'], subjectId: row.id, occurredAt: now };
      return deps.events.write(trx, [draft], topicsFor(employeeId, supervisorId));
    });
    deps.events.notify(events);
    const author = await db.selectFrom('employees').select('name').where('id', '=', caller.id).executeTakeFirst();
    return { status: 201, body: toRecommendation({ ...row, author_name: author?.name ?? null }) };
  });

  bind(app, deps, verifyCertificate, async ({ params }) => {
    // Public: exactly the fields of CertificateVerification, nothing that identifies more than the holder's name.
    const row = await db
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .innerJoin('programs as p', 'p.id', 'e.program_id')
      .select(['e.certificate_number', 'e.status', 'm.name', 'p.title', 'p.starts_at', 'p.ends_at', 'p.jp'])
      .where('e.certificate_number', '=', params.number)
      .executeTakeFirst();
    if (!row) throw new ApiProblem('notFound', 'No certificate has this number');
    return {
      body: {
        number: params.number,
        name: row.name,
        program: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        jp: row.jp,
        valid: row.status === 'completed',
      },
    };
  });
}
