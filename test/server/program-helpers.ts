// Shared bits of the program tests (catalog, enrolment, completion): programs straight into the database,
// employees beyond the cast, enrolling through the API, and statements that interleave like a networked database's.
import assert from 'node:assert/strict';
import { SqliteDriver } from 'kysely';
import { z } from 'zod/mini';
import { Enrollment } from '../../src/contract/index.js';
import type { ProgramTable } from '../../server/db/database.js';
import { freshProgram } from '../../server/db/programs.js';
import { newId } from '../../server/ids.js';
import type { TestServer } from '../../server/testing.js';
import { caller, type Cast } from './coaching-helpers.js';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const iso = (ms: number) => new Date(ms).toISOString();

/** What `insertProgram` writes unless told otherwise. */
export const PROGRAM_DEFAULTS = { title: 'Workshop Komunikasi Publik', competency: 'managerial', jp: 6 } as const;

export interface ProgramSeed {
  capacity?: number;
  /** How many sessions: 3 hours each, one a day. */
  sessions?: number;
  /** Sessions already held (the last one began a day ago), ready for completion; else they start tomorrow. */
  held?: boolean;
  jp?: number;
  threshold?: number | null;
  status?: ProgramTable['status'];
  organizerId?: string | null;
  /** Offsets from now, in ms: by default enrolment opened a day ago and it and cancelling close in a day. */
  enrollFrom?: number;
  enrollUntil?: number;
  cancelUntil?: number;
}

/**
 * A program straight into the database (rows of programs + program_sessions), so a test needs no program routes
 * and may set what the routes refuse (windows in the past, sessions already held).
 */
export async function insertProgram(server: TestServer, seed: ProgramSeed = {}): Promise<string> {
  const now = Date.now();
  const id = newId('prg');
  const count = seed.sessions ?? 2;
  const sessions = Array.from({ length: count }, (_, i) => {
    const startsAt = now + (seed.held ? i - count : i + 1) * DAY;
    return { program_id: id, n: i + 1, starts_at: iso(startsAt), ends_at: iso(startsAt + 3 * HOUR), location: 'Aula BKPSDM Kota Sorong', online_url: null };
  });
  const row: ProgramTable = {
    id,
    title: PROGRAM_DEFAULTS.title,
    description: 'Menyampaikan informasi pemerintah dengan jelas kepada warga.',
    type: 'workshop',
    competency: PROGRAM_DEFAULTS.competency,
    mode: 'classroom',
    partner_id: null,
    starts_at: sessions[0].starts_at,
    ends_at: sessions.at(-1)!.ends_at,
    location: sessions[0].location,
    online_url: null,
    jp: seed.jp ?? PROGRAM_DEFAULTS.jp,
    jp_reason: null,
    capacity: seed.capacity ?? 10,
    enroll_from: iso(now + (seed.enrollFrom ?? -DAY)),
    enroll_until: iso(now + (seed.enrollUntil ?? DAY)),
    cancel_until: iso(now + (seed.cancelUntil ?? DAY)),
    attendance_threshold: seed.threshold ?? null,
    organizer_id: seed.organizerId ?? null,
    status: seed.status ?? 'open',
    ...freshProgram(iso(now - 10 * DAY)),
  };
  await server.deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('programs').values(row).execute();
    await trx.insertInto('program_sessions').values(sessions).execute();
  });
  return id;
}

export interface Someone {
  id: string;
  token: string;
  supervisorId: string | null;
}

/** `count` non-admin employees outside the cast, each with a token; with `supervised`, only those with a supervisor. */
export async function peopleBeyond(server: TestServer, cast: Cast, count: number, { supervised = false } = {}): Promise<Someone[]> {
  const taken = new Set([cast.asn.id, cast.supervisor.id, cast.skipLevel.id, cast.colleague.id, cast.admin.id]);
  let q = server.deps.db.selectFrom('employees').select(['id', 'supervisor_id']).where('is_admin', '=', 0);
  if (supervised) q = q.where('supervisor_id', 'is not', null);
  const rows = (await q.orderBy('id').execute()).filter((r) => !taken.has(r.id)).slice(0, count);
  assert.equal(rows.length, count, 'the sandbox seed has enough employees');
  const out: Someone[] = [];
  for (const r of rows) out.push({ id: r.id, supervisorId: r.supervisor_id, token: (await server.tokenFor(r.id)).token });
  return out;
}

/** Enrols through the API (`body.employeeId` for an admin enrolling someone else); asserts the 201. */
export async function enrolOk(server: TestServer, token: string, programId: string, body: unknown = {}): Promise<Enrollment> {
  const res = await caller(server, token)('POST', `/v1/programs/${programId}/enrollments`, body);
  assert.equal(res.status, 201, await res.clone().text());
  return z.parse(Enrollment, await res.json());
}

/**
 * better-sqlite3 answers synchronously, so requests in one process never interleave between two statements and a
 * read-then-write race could not show. This makes every statement wait a turn of the event loop, as one sent to a
 * networked database (PostgreSQL) does, so concurrent requests interleave between their statements; a
 * transaction keeps the single connection throughout, so it stays one unit, as SQLite has it.
 */
export async function interleaved<T>(run: () => Promise<T>): Promise<T> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const driver = SqliteDriver.prototype;
  const acquire = driver.acquireConnection;
  let connection: { executeQuery: (...args: never[]) => Promise<unknown> } | undefined;
  let execute: ((...args: never[]) => Promise<unknown>) | undefined;
  driver.acquireConnection = async function (this: SqliteDriver) {
    await turn();
    const got = await acquire.call(this);
    if (!execute) {
      connection = Object.getPrototypeOf(got);
      execute = connection!.executeQuery;
      connection!.executeQuery = async function (this: unknown, ...args: never[]) {
        await turn();
        return execute!.apply(this, args);
      };
    }
    return got;
  };
  try {
    return await run();
  } finally {
    driver.acquireConnection = acquire;
    if (connection && execute) connection.executeQuery = execute;
  }
}
