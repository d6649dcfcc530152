// Programs in the contract's shape: rows of programs + program_sessions + partners (+ the viewer's enrolment and
// recommendations) → `Program`. Shared by the catalog routes and the enrolment routes (docs/architecture.md,
// "Programs").
import type { Kysely, Selectable } from 'kysely';
import type { Program, ProgramViewerState, Recommendation } from '../../src/contract/index.js';
import type { Caller } from '../auth.js';
import type { EventDraft } from '../events.js';
import type { DB, Database, EnrollmentTable, ProgramTable, RecommendationTable } from './database.js';

/** 1 JP = 45 minutes (docs/architecture.md, "Domain rules"). */
const JP_MINUTES = 45;
/** Ids per `in (…)` list, well under any database's parameter limit. */
const CHUNK = 500;

/** JP of a program's sessions: their minutes added up, ÷ 45, rounded down. */
export function sessionJp(sessions: { startsAt: string; endsAt: string }[]): number {
  const ms = sessions.reduce((sum, s) => sum + Math.max(0, Date.parse(s.endsAt) - Date.parse(s.startsAt)), 0);
  return Math.floor(ms / (JP_MINUTES * 60_000));
}

/** Admins run every program; the organiser runs their own (attendance, completion, seeing its draft). */
export function programIsManagedBy(program: { organizer_id: string | null }, caller: Caller): boolean {
  return caller.role === 'admin' || (program.organizer_id !== null && program.organizer_id === caller.id);
}

/** The origin of a request's URL: the base of the absolute links (certificates) its answer carries. */
export const originOf = (requestUrl: string): string => new URL(requestUrl).origin;

/** The public verification address of a certificate; `baseUrl` is the request's origin (`originOf`). */
export const certificateUrl = (baseUrl: string, number: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/v1/certificates/${encodeURIComponent(number)}`;

/** The counters of a program as first written: no seat taken, no ticket drawn, version 1. */
export const freshProgram = (at: string) => ({ seats_taken: 0, waitlist_seq: 0, version: 1, created_at: at, updated_at: at }) satisfies Partial<ProgramTable>;

/** An enrolment's certificate: only a completed one has it (a revoked one keeps its number, for the check). */
export const certificateOf = (
  e: { status: EnrollmentTable['status']; certificate_number: string | null },
  baseUrl: string,
): { number: string; url: string } | null =>
  e.status === 'completed' && e.certificate_number ? { number: e.certificate_number, url: certificateUrl(baseUrl, e.certificate_number) } : null;

/** `program.updated`, for the `programs` topic: no `employeeId`, so any signed-in user may hear it. */
export const programEvent = (programId: string, occurredAt: string): EventDraft => ({
  type: 'program.updated',
  programId: programId as Program['id'],
  subjectId: programId,
  occurredAt,
});

type ProgramRow = Selectable<ProgramTable> & { partner_name: string | null };

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** An enrolment that still holds (or held to the end) its place beats a cancelled one; then the newest. */
const enrollmentRank = (e: Pick<EnrollmentTable, 'status' | 'created_at' | 'id'>) => `${e.status === 'cancelled' ? 0 : 1}|${e.created_at}|${e.id}`;

async function viewerStates(
  db: Kysely<DB>,
  ids: string[],
  viewerId: string,
  baseUrl: string,
): Promise<Map<string, ProgramViewerState>> {
  const states = new Map<string, ProgramViewerState>(ids.map((id) => [id, { enrollment: null, recommendations: [] }]));
  for (const part of chunks(ids)) {
    const enrollments = await db
      .selectFrom('enrollments')
      .select(['id', 'program_id', 'status', 'waitlist_ticket', 'certificate_number', 'created_at'])
      .where('employee_id', '=', viewerId)
      .where('program_id', 'in', part)
      .execute();
    const best = new Map<string, (typeof enrollments)[number]>();
    for (const e of enrollments) {
      const current = best.get(e.program_id);
      if (!current || enrollmentRank(e) > enrollmentRank(current)) best.set(e.program_id, e);
    }
    for (const e of best.values()) {
      let waitlistPosition: number | null = null;
      if (e.status === 'waitlisted' && e.waitlist_ticket !== null) {
        // The order is the ticket; the position is how many still wait ahead, plus one.
        const ahead = await db
          .selectFrom('enrollments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('program_id', '=', e.program_id)
          .where('status', '=', 'waitlisted')
          .where('waitlist_ticket', '<', e.waitlist_ticket)
          .executeTakeFirstOrThrow();
        waitlistPosition = Number(ahead.n) + 1;
      }
      states.get(e.program_id)!.enrollment = {
        id: e.id as NonNullable<ProgramViewerState['enrollment']>['id'],
        status: e.status,
        waitlistPosition,
        certificate: certificateOf(e, baseUrl),
      };
    }
    const recommendations = await db
      .selectFrom('recommendations as r')
      .leftJoin('employees as a', 'a.id', 'r.author_id')
      .selectAll('r')
      .select('a.name as author_name')
      .where('r.employee_id', '=', viewerId)
      .where('r.program_id', 'in', part)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    for (const r of recommendations) states.get(r.program_id)!.recommendations.push(toRecommendation(r));
  }
  return states;
}

/** A recommendation row, with its author's name (null when the author is gone), → `Recommendation`. */
export const toRecommendation = (r: Selectable<RecommendationTable> & { author_name: string | null }): Recommendation => ({
  id: r.id as Recommendation['id'],
  employeeId: r.employee_id as Recommendation['employeeId'],
  programId: r.program_id as Recommendation['programId'],
  authorId: r.author_id as Recommendation['authorId'],
  authorName: r.author_name ?? '',
  note: r.note,
  createdAt: r.created_at,
});

/**
 * The programs of `ids` (unknown ids are left out), by id. With `viewerId`, each carries `viewer`: that employee's
 * active enrolment of it (else their latest, cancelled one) and the recommendations they got. `baseUrl` (the
 * request's origin, `originOf(c.req.url)`) gives the viewer's certificate its absolute verification URL: it is
 * required, so no route can answer a certificate without its link.
 * No visibility check here: the caller decides who may see a program.
 */
export async function loadPrograms(
  db: Kysely<DB> | Database,
  ids: readonly string[],
  viewerId: string | undefined,
  baseUrl: string,
): Promise<Map<string, Program>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Program>();
  if (unique.length === 0) return out;
  const rows: ProgramRow[] = [];
  const sessions = new Map<string, Program['sessions']>();
  const waiting = new Map<string, number>();
  for (const part of chunks(unique)) {
    rows.push(
      ...(await db
        .selectFrom('programs as p')
        .leftJoin('partners as pt', 'pt.id', 'p.partner_id')
        .selectAll('p')
        .select('pt.name as partner_name')
        .where('p.id', 'in', part)
        .execute()),
    );
    const sessionRows = await db.selectFrom('program_sessions').selectAll().where('program_id', 'in', part).orderBy('program_id').orderBy('n').execute();
    for (const s of sessionRows) {
      const list = sessions.get(s.program_id) ?? [];
      list.push({ startsAt: s.starts_at, endsAt: s.ends_at, location: s.location, onlineUrl: s.online_url as Program['sessions'][number]['onlineUrl'] });
      sessions.set(s.program_id, list);
    }
    const counts = await db
      .selectFrom('enrollments')
      .select(['program_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('program_id', 'in', part)
      .where('status', '=', 'waitlisted')
      .groupBy('program_id')
      .execute();
    for (const c of counts) waiting.set(c.program_id, Number(c.n));
  }
  const viewers = viewerId ? await viewerStates(db, rows.map((r) => r.id), viewerId, baseUrl) : null;
  for (const row of rows) {
    const program = toProgram(row, sessions.get(row.id) ?? [], waiting.get(row.id) ?? 0);
    if (viewers) program.viewer = viewers.get(row.id);
    out.set(row.id, program);
  }
  return out;
}

/** One program (see `loadPrograms`), or undefined when there is no such id. */
export async function loadProgram(db: Kysely<DB> | Database, id: string, viewerId: string | undefined, baseUrl: string): Promise<Program | undefined> {
  return (await loadPrograms(db, [id], viewerId, baseUrl)).get(id);
}

function toProgram(p: ProgramRow, sessions: Program['sessions'], waitlisted: number): Program {
  return {
    id: p.id as Program['id'],
    title: p.title,
    description: p.description,
    type: p.type,
    competency: p.competency,
    mode: p.mode,
    sessions,
    startsAt: p.starts_at,
    endsAt: p.ends_at,
    jp: p.jp,
    jpReason: p.jp_reason,
    capacity: p.capacity,
    enrolled: p.seats_taken,
    waitlisted,
    enrollFrom: p.enroll_from,
    enrollUntil: p.enroll_until,
    cancelUntil: p.cancel_until,
    // Null in the table means "every session".
    attendanceThreshold: p.attendance_threshold ?? Math.max(1, sessions.length),
    partnerId: p.partner_id as Program['partnerId'],
    partnerName: p.partner_name,
    organizerId: p.organizer_id as Program['organizerId'],
    status: p.status,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
