// The database: table types for Kysely and the connection. SQLite (better-sqlite3) for the sandbox and by default;
// PostgreSQL (Kysely's PostgresDialect over a `pg` pool) when given a `postgres://` URL (`DATABASE_URL`).
//
// The row types are the same on both, because the pool's type parsers make `pg` hand back what better-sqlite3
// does: int8 (events.seq, count(*), sum of integers) and numeric as numbers, jsonb as its JSON text (the code
// JSON.parses stored JSON, like the SQLite text columns). Timestamps stay UTC ISO 8601 text on both dialects (see
// server/db/migrations/dialect.ts for why).
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import { requestScopedDialect } from '../request-scope.js';

export interface UnitTable {
  id: string;
  name: string;
  short_name: string;
}

export interface EmployeeTable {
  id: string;
  nip: string;
  name: string;
  employment_type: 'PNS' | 'PPPK';
  position: string;
  grade: string;
  unit_id: string;
  supervisor_id: string | null;
  /** Role is derived: admin if flagged, supervisor if they have direct reports, else employee. */
  is_admin: number;
  created_at: string;
}

export interface LearningRecordTable {
  id: string;
  employee_id: string;
  title: string;
  competency: 'technical' | 'managerial' | 'socio-cultural';
  jp: number;
  /** UTC ISO 8601 (`…Z`), so text order is time order. */
  completed_at: string;
  program_id: string | null;
  evidence_url: string | null;
  created_at: string;
  /** Set on the record a program's completion created: unique, so an enrolment is credited once. */
  enrollment_id?: string | null;
}

export interface GoalTable {
  id: string;
  employee_id: string;
  title: string;
  kind: 'performance' | 'development';
  competency: 'technical' | 'managerial' | 'socio-cultural';
  measure_unit: string;
  measure_target: number;
  measure_current: number;
  status: 'draft' | 'active' | 'achieved' | 'missed' | 'cancelled';
  year: number;
  due_date: string;
  aligned_goal_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CheckInTable {
  id: string;
  goal_id: string;
  value: number;
  note: string | null;
  author_id: string;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  employee_id: string;
  author_id: string;
  kind: 'appreciation' | 'guidance';
  rating: 'above' | 'meets' | 'below' | null;
  goal_id: string | null;
  message: string;
  created_at: string;
  acknowledged_at: string | null;
  response: string | null;
}

export interface PartnerTable {
  id: string;
  name: string;
  kind: 'university' | 'company' | 'government' | 'ngo';
  city: string;
  website: string | null;
  version: number;
}

export interface AgreementTable {
  id: string;
  partner_id: string;
  number: string;
  title: string;
  /** JSON array of strings. */
  scope: string;
  starts_on: string;
  ends_on: string;
  kind: 'mou' | 'pks' | 'implementation';
  /** An MoU for a PKS, a PKS for an implementation arrangement; null for an MoU. */
  parent_id: string | null;
  /** JSON `{ partner: Signatory, government: Signatory }`. */
  signatories: string;
  version: number;
}

/** A partner's publishable key: its SHA-256 only, never the key (server/keys.ts). */
export interface PublishableKeyTable {
  id: string;
  partner_id: string;
  mode: 'test' | 'live';
  label: string;
  key_hash: string;
  /** The key's last four characters. */
  hint: string;
  /** JSON array of allowed origins. */
  allowed_origins: string;
  created_at: string;
  revoked_at: string | null;
}

/**
 * `agreement_id` of programs and internship openings (migration 003): what was delivered under an agreement. A table
 * type of its own, joined in `DB`, so the programs' and openings' row types stay as their routes build them.
 */
export interface DeliveredUnderColumn {
  agreement_id: string | null;
}

export interface ProgramTable {
  id: string;
  title: string;
  description: string;
  type: 'training' | 'seminar' | 'workshop' | 'e-learning';
  competency: 'technical' | 'managerial' | 'socio-cultural';
  mode: 'classroom' | 'online' | 'blended';
  partner_id: string | null;
  /** The first session's start and the last session's end (UTC ISO), kept in step with program_sessions. */
  starts_at: string;
  ends_at: string;
  /** Release 1 columns, superseded by program_sessions. */
  location: string | null;
  online_url: string | null;
  jp: number;
  /** Non-null when an admin set `jp` by hand. */
  jp_reason: string | null;
  capacity: number;
  enroll_from: string;
  enroll_until: string;
  cancel_until: string;
  /** Sessions needed to complete; null: every session. */
  attendance_threshold: number | null;
  organizer_id: string | null;
  /** Registered enrolments; changed only in the transaction that changes one. */
  seats_taken: number;
  /** Last waitlist ticket handed out. */
  waitlist_seq: number;
  status: 'draft' | 'open' | 'closed' | 'completed' | 'cancelled';
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProgramSessionTable {
  program_id: string;
  /** From 1, in time order. */
  n: number;
  starts_at: string;
  ends_at: string;
  location: string | null;
  online_url: string | null;
}

export interface EnrollmentTable {
  id: string;
  program_id: string;
  employee_id: string;
  status: 'registered' | 'waitlisted' | 'cancelled' | 'completed' | 'incomplete';
  /** The waitlist order while `waitlisted`; null otherwise. */
  waitlist_ticket: number | null;
  certificate_number: string | null;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  completed_at: string | null;
}

export interface AttendanceTable {
  program_id: string;
  session_n: number;
  employee_id: string;
}

export interface RecommendationTable {
  id: string;
  employee_id: string;
  program_id: string;
  author_id: string;
  note: string | null;
  created_at: string;
}

export interface InternshipOpeningTable {
  id: string;
  title: string;
  unit_id: string;
  description: string;
  /** JSON array of strings. */
  skills: string;
  quota: number;
  accepted: number;
  starts_on: string;
  ends_on: string;
  apply_by: string;
  /**
   * As set by admins: `draft`, `open` or `closed` (release 1 also wrote `filled`, read as `open`). The status an
   * opening shows is computed from it, the WIT date and `accepted` (server/db/internships.ts).
   */
  status: 'draft' | 'open' | 'closed' | 'filled';
  /** JSON array of partner ids. */
  partner_ids: string;
  /** Migration 004. */
  version: number;
}

/** An internship application (migration 004). The personal columns are null once `erased_at` is set. */
export interface InternshipApplicationTable {
  id: string;
  /** `MG-YYYY-NNNNNN`. */
  reference: string;
  opening_id: string;
  partner_id: string;
  name: string | null;
  nim: string | null;
  study_program: string | null;
  semester: number | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  motivation: string | null;
  notice_version: string;
  notice_hash: string;
  /** JSON array of ConsentPurpose. */
  purposes: string;
  /** The server's clock when the application (and so the consent) arrived. */
  consent_at: string;
  /** The request's `Origin` (the university's page), null when the client sent none. */
  origin: string | null;
  /** The publishable key it came through; null when an admin entered it with a token. */
  key_id: string | null;
  withdrawn_at: string | null;
  status: 'submitted' | 'reviewing' | 'accepted' | 'rejected' | 'withdrawn';
  reason: string | null;
  /** SHA-256 (hex) of the private link's token. */
  private_token_hash: string;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
  version: number;
}

/** The last reference number handed out in a WIT year. */
export interface ApplicationCounterTable {
  year: number;
  last: number;
}

/** An ALTCHA solution already used: the SHA-256 of its challenge's signature, until the challenge expires. */
export interface UsedChallengeTable {
  signature_hash: string;
  expires_at: string;
}

export interface IdempotencyKeyTable {
  /** caller scope + method + path + key, hashed. */
  id: string;
  request_hash: string;
  state: 'running' | 'done';
  status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export interface EventTable {
  seq: Generated<number>;
  type: string;
  topic: string;
  /** JSON of the ServerEvent without its id (the id is the seq); jsonb on PostgreSQL. */
  payload: string;
  created_at: string;
}

export interface DB {
  units: UnitTable;
  employees: EmployeeTable;
  learning_records: LearningRecordTable;
  goals: GoalTable;
  check_ins: CheckInTable;
  feedback: FeedbackTable;
  partners: PartnerTable;
  agreements: AgreementTable;
  publishable_keys: PublishableKeyTable;
  programs: ProgramTable & DeliveredUnderColumn;
  program_sessions: ProgramSessionTable;
  enrollments: EnrollmentTable;
  attendance: AttendanceTable;
  recommendations: RecommendationTable;
  internship_openings: InternshipOpeningTable & DeliveredUnderColumn;
  internship_applications: InternshipApplicationTable;
  application_counters: ApplicationCounterTable;
  used_challenges: UsedChallengeTable;
  idempotency_keys: IdempotencyKeyTable;
  events: EventTable;
}

export type Database = Kysely<DB>;

export type Dialect = 'sqlite' | 'postgres';

/** A `postgres://` or `postgresql://` URL, as opposed to a SQLite file path or `':memory:'`. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/** A PostgreSQL URL to print: without its password (and query, which may carry one). */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    const host = u.searchParams.get('host');
    u.search = '';
    return `${u.toString()}${host ? ` (socket in ${host})` : ''}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Which database `db` talks to; for the few statements that differ (row locks, DDL types). */
export const dialectOf = (db: Kysely<any>): Dialect => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/**
 * `SELECT … FOR UPDATE` on PostgreSQL: the rows stay locked until the transaction ends, so a read-then-write on them
 * cannot interleave with another transaction's. SQLite has no such clause and needs none (one writer at a time).
 */
export const forUpdate = <QB extends { forUpdate(): QB }>(db: Kysely<any>, query: QB): QB =>
  dialectOf(db) === 'postgres' ? query.forUpdate() : query;

// pg's type OIDs (pg_type.oid): values as the SQLite driver returns them.
const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;
const asNumber = (value: string) => Number(value);
const asText = (value: string) => value;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    // int8 as a number: event seqs and counts stay far below 2^53.
    if (oid === INT8 || oid === NUMERIC) return asNumber;
    if (oid === JSONB || oid === JSON_OID) return asText;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** Connections per PostgreSQL pool (`ASN_PG_POOL_MAX`), 10 by default. */
function poolMax(): number {
  const n = Number(process.env.ASN_PG_POOL_MAX ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/**
 * Opens the database: PostgreSQL for a `postgres://` URL (the schema is created by `migrateToLatest`), else the
 * SQLite file at `target`, created if missing (`':memory:'` for tests).
 */
export function openDatabase(target: string, options: { poolMax?: number } = {}): Database {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: options.poolMax ?? poolMax(), types: pgTypes, idleTimeoutMillis: 10_000 });
    // An idle client's error (the server restarted, the connection was cut) must not crash the process: the pool
    // drops that client and the next query opens a new one.
    pool.on('error', (error) => console.error('PostgreSQL pool:', error.message));
    // Wrapped (both dialects) so a mutation's queries share its request transaction: server/request-scope.ts.
    return new Kysely<DB>({ dialect: requestScopedDialect(new PostgresDialect({ pool })) });
  }
  const sqlite = new SQLite(target);
  if (target !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DB>({ dialect: requestScopedDialect(new SqliteDialect({ database: sqlite })) });
}
