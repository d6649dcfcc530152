// Internship openings and applications in the contract's shape (docs/architecture.md, "Partners and internships"):
// the status an opening shows, the token and public views of an opening, an application as admins see it and as
// its private link shows it, and the columns that erasure clears.
import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type {
  ApplicationPrivateView, ConsentRecord, InternshipApplication, InternshipOpening, OpeningStatus, ServerEvent, Student,
} from '../../src/contract/index.js';
import type { EventDraft } from '../events.js';
import type { DB, InternshipApplicationTable, InternshipOpeningTable } from './database.js';

type OpeningRow = Selectable<InternshipOpeningTable>;
type ApplicationRow = Selectable<InternshipApplicationTable>;

/**
 * The status an opening shows on the WIT day `today` (`YYYY-MM-DD`): a draft or a closed one as set; `filled` once
 * `accepted` reached `quota`; `closed` after its `applyBy` (the last day to apply); else `open`. Release 1's stored
 * `filled` counts as `open`: whether it is full follows from the counts, so raising the quota opens it again.
 */
export function openingStatus(o: Pick<OpeningRow, 'status' | 'accepted' | 'quota' | 'apply_by'>, today: string): OpeningStatus {
  if (o.status === 'draft' || o.status === 'closed') return o.status;
  if (o.accepted >= o.quota) return 'filled';
  return o.apply_by < today ? 'closed' : 'open';
}

/** `openingStatus` in SQL, for filters (the same rules, in the same order), on the opening aliased `alias`. */
export const openingStatusSql = (today: string, alias = 'o'): RawBuilder<OpeningStatus> => {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<OpeningStatus>`(case when ${col('status')} in ('draft', 'closed') then ${col('status')} when ${col('accepted')} >= ${col('quota')} then 'filled' when ${col('apply_by')} < ${today} then 'closed' else 'open' end)`;
};

/**
 * A JSON array of ids (text on SQLite, jsonb on PostgreSQL) contains `id`: a LIKE on its text and the quoted id,
 * with `_` and `%` escaped (ids have `_`). Portable, as the arrays hold only strings written by this code and both
 * print a string the way `JSON.stringify` does.
 */
export const jsonListContains = (column: Expression<string>, id: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`cast(${column} as text) like ${`%${JSON.stringify(id).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`;

/** `q` as a LIKE pattern that matches anywhere, case-insensitively (`lower()` on both sides); wildcards match themselves. */
export const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export const parseIds = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * The openings of `ids` (unknown ones left out), in the token view: every field. `today` is the WIT day their
 * status is computed for. No visibility check: the route decides who sees which, and strips for a key.
 */
export async function loadOpenings(db: Kysely<DB>, ids: readonly string[], today: string): Promise<Map<string, InternshipOpening>> {
  const out = new Map<string, InternshipOpening>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('internship_openings as o')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .selectAll('o')
    .select('u.name as unit_name')
    .where('o.id', 'in', unique)
    .execute();
  const counts = await db
    .selectFrom('internship_applications')
    .select(['opening_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('opening_id', 'in', unique)
    .where('status', '<>', 'withdrawn')
    .groupBy('opening_id')
    .execute();
  const applications = new Map(counts.map((c) => [c.opening_id, Number(c.n)]));
  for (const row of rows) out.set(row.id, toOpening(row, row.unit_name, applications.get(row.id) ?? 0, today));
  return out;
}

export async function loadOpening(db: Kysely<DB>, id: string, today: string): Promise<InternshipOpening | undefined> {
  return (await loadOpenings(db, [id], today)).get(id);
}

function toOpening(o: OpeningRow, unitName: string, applications: number, today: string): InternshipOpening {
  return {
    id: o.id as InternshipOpening['id'],
    title: o.title,
    unit: { id: o.unit_id as InternshipOpening['unit']['id'], name: unitName },
    description: o.description,
    skills: parseIds(o.skills),
    quota: o.quota,
    accepted: o.accepted,
    applications,
    startsOn: o.starts_on,
    endsOn: o.ends_on,
    applyBy: o.apply_by,
    status: openingStatus(o, today),
    partnerIds: parseIds(o.partner_ids) as NonNullable<InternshipOpening['partnerIds']>,
    version: o.version,
  };
}

/** What a publishable key may see of an opening: the token-only fields are not there at all (not even as null). */
export function publicOpening(o: InternshipOpening): InternshipOpening {
  const { accepted: _a, applications: _n, partnerIds: _p, version: _v, ...rest } = o;
  return rest;
}

// ── Applications ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The personal columns: the ones erasure clears (withdrawal, the end of retention). The reviewer's reason goes too:
 * it was written about the student.
 */
export const erasedColumns = {
  name: null,
  nim: null,
  study_program: null,
  semester: null,
  email: null,
  phone: null,
  motivation: null,
  reason: null,
} satisfies Partial<ApplicationRow>;

/** An application with its opening's title and its partner's name, as the admin and private views need. */
export const applicationQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('internship_applications as a')
    .innerJoin('internship_openings as o', 'o.id', 'a.opening_id')
    .innerJoin('partners as p', 'p.id', 'a.partner_id')
    .selectAll('a')
    .select(['o.title as opening_title', 'p.name as partner_name']);

export type ApplicationView = ApplicationRow & { opening_title: string; partner_name: string };

/** The student as stored, or null once erased (a row half-erased by hand counts as erased too). */
function studentOf(a: ApplicationRow): Student | null {
  if (a.erased_at || a.name === null || a.nim === null || a.study_program === null || a.semester === null || a.email === null || a.phone === null) return null;
  return { name: a.name, nim: a.nim, studyProgram: a.study_program, semester: a.semester, email: a.email, phone: a.phone };
}

/**
 * The proof of consent. Kept after erasure: it names no one (a notice version and hash, purposes, a time, the
 * university's site and key) and shows when consent was given and withdrawn (UU 27/2022 Pasal 24).
 */
function consentOf(a: ApplicationRow): ConsentRecord {
  return {
    noticeVersion: a.notice_version,
    noticeHash: a.notice_hash,
    purposes: parseIds(a.purposes) as ConsentRecord['purposes'],
    acceptedAt: a.consent_at,
    origin: a.origin,
    keyId: a.key_id as ConsentRecord['keyId'],
    withdrawnAt: a.withdrawn_at,
  };
}

export function toApplication(a: ApplicationView): InternshipApplication {
  return {
    id: a.id as InternshipApplication['id'],
    reference: a.reference,
    openingId: a.opening_id as InternshipApplication['openingId'],
    openingTitle: a.opening_title,
    partnerId: a.partner_id as InternshipApplication['partnerId'],
    partnerName: a.partner_name,
    student: studentOf(a),
    motivation: a.erased_at ? null : a.motivation,
    consent: consentOf(a),
    status: a.status,
    reason: a.reason,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    erasedAt: a.erased_at,
    version: a.version,
  };
}

/** What the private link shows: this one application, never anyone else's. */
export const toPrivateView = (a: ApplicationView): ApplicationPrivateView => ({
  reference: a.reference,
  openingTitle: a.opening_title,
  partnerName: a.partner_name,
  status: a.status,
  student: studentOf(a),
  createdAt: a.created_at,
  erasedAt: a.erased_at,
  notice: { version: a.notice_version, hash: a.notice_hash },
});

/** `application.created|updated` for the `applications` topic (admins): which opening, which application. */
export const applicationEvent = (type: 'application.created' | 'application.updated', a: Pick<ApplicationRow, 'id' | 'opening_id'>, occurredAt: string): EventDraft => ({
  type,
  openingId: a.opening_id as NonNullable<ServerEvent['openingId']>,
  subjectId: a.id,
  occurredAt,
});
