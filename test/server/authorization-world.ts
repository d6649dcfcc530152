// The people and resources the authorization table (authorization-table.ts) points at: one subject ASN and the seven
// kinds of caller around them, read from the sandbox seed, and fresh resources for cases whose success would change
// another case's outcome (a goal PATCHed at version 1, an enrolment cancelled, an application withdrawn).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { z } from 'zod/mini';
import { Challenge, type PrivacyNotice } from '../../src/contract/index.js';
import { solveForTest } from '../../server/challenge.js';
import { DEFAULT_RATE_LIMITS } from '../../server/rate-limit.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { castOf, feedbackBody, goalBody } from './coaching-helpers.js';
import { jsonHeaders } from './helpers.js';
import { ORIGIN, applicationBody, currentNotice, insertOpening } from './internship-helpers.js';
import { insertProgram, type ProgramSeed } from './program-helpers.js';

/** Who calls, relative to the subject (an ASN with a supervisor who has a supervisor). */
export const ROLES = ['anonymous', 'publishable', 'self', 'peer', 'supervisor', 'grandSupervisor', 'otherSupervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The partner whose seeded test key the `publishable` role presents; the world's openings are offered to it. */
export const KEY_PARTNER = 'ptn_umsorong';

export interface World extends People {
  server: TestServer;
  /** Calls the API as `admin` (or another role) and asserts the 2xx, for setting things up. */
  setup(role: Role, method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** Read-only resources of the subject, made once. */
  goalId: string;
  feedbackId: string;
  programId: string;
  openingId: string;
  applicationId: string;
  applicationToken: string;
  certificateNumber: string;
  notice: PrivacyNotice;
  /** Fresh resources, one per case that changes them. */
  freshGoal(): Promise<{ id: string; version: number }>;
  freshFeedback(): Promise<string>;
  freshProgram(seed?: ProgramSeed): Promise<string>;
  freshEnrollment(): Promise<string>;
  freshOpening(): Promise<string>;
  freshApplication(): Promise<{ id: string; token: string; version: number }>;
  freshPartner(): Promise<{ id: string; version: number }>;
  freshAgreement(): Promise<{ id: string; version: number }>;
  freshKey(): Promise<string>;
  /** A solved challenge issued to `role` (a placeholder for anonymous, who gets 401 before the body is read). */
  altchaFor(role: Role): Promise<string>;
}

/** A unique-enough suffix for numbers and names the database keeps unique. */
export const unique = () => randomBytes(4).toString('hex');

export const agreementBody = () => ({
  kind: 'mou',
  parentId: null,
  number: `000.5/${unique()}/PKS-MoU/2026`,
  title: 'Nota Kesepahaman Uji Otorisasi',
  scope: ['magang mahasiswa'],
  signatories: {
    partner: { name: 'Dr. Rina Tuasikal, M.Pd.', position: 'Rektor' },
    government: { name: 'Drs. Yohanis Mandacan, M.Si.', position: 'Wali Kota Sorong' },
  },
  startsOn: '2026-01-01',
  endsOn: '2030-12-31',
});

export const partnerBody = () => ({ name: `Universitas Uji ${unique()}`, kind: 'university', city: 'Kabupaten Sorong', website: null });

/** Every rate-limit bucket far out of the way: the walk sends a few hundred requests from one address in seconds. */
const noRateLimits = () => Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((k) => [k, 1_000_000]));

/** The ids up the subject's chain of supervisors (nearest first). */
async function chainAbove(server: TestServer, id: string): Promise<string[]> {
  const chain: string[] = [];
  for (let at: string | null = id; at; ) {
    const row: { supervisor_id: string | null } | undefined = await server.deps.db
      .selectFrom('employees')
      .select('supervisor_id')
      .where('id', '=', at)
      .executeTakeFirst();
    at = row?.supervisor_id ?? null;
    if (at) chain.push(at);
  }
  return chain;
}

export interface People {
  /** Employee ids of every signed-in role. */
  ids: Record<Exclude<Role, 'anonymous' | 'publishable'>, string>;
  /** The request headers of a role: nothing, the partner's key from its origin, or a bearer token. */
  headers(role: Role): Record<string, string>;
}

/** The subject and the callers around them, from the seed; asserts the relations the table relies on. */
export async function peopleOf(server: TestServer): Promise<People> {
  const { db } = server.deps;
  const cast = await castOf(server);
  const chain = await chainAbove(server, cast.asn.id);
  assert.deepEqual(chain.slice(0, 2), [cast.supervisor.id, cast.skipLevel.id], 'supervisor and grand-supervisor are the subject’s chain');
  // Another supervisor: has reports, is no admin, and is neither above the subject nor one of their peers.
  const other = await db
    .selectFrom('employees as e')
    .select('e.id')
    .where('e.is_admin', '=', 0)
    .where('e.id', 'not in', chain)
    .where('e.supervisor_id', '!=', cast.asn.supervisorId)
    .where(({ exists, selectFrom }) => exists(selectFrom('employees as r').select('r.id').whereRef('r.supervisor_id', '=', 'e.id')))
    .orderBy('e.id')
    .executeTakeFirstOrThrow();
  const otherSupervisor = await server.tokenFor(other.id);
  assert.equal(otherSupervisor.employee.role, 'supervisor');
  const admin = await server.tokenFor('admin');
  assert.ok(!chain.includes(admin.employee.id), 'the admin is not in the subject’s chain (it would blur what an admin may)');
  for (const id of [cast.supervisor.id, cast.skipLevel.id, cast.colleague.id]) {
    const row = await db.selectFrom('employees').select('is_admin').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.is_admin, 0, `${id} is no admin`);
  }

  const ids = {
    self: cast.asn.id,
    peer: cast.colleague.id,
    supervisor: cast.supervisor.id,
    grandSupervisor: cast.skipLevel.id,
    otherSupervisor: other.id,
    admin: admin.employee.id,
  };
  const tokens: Record<string, string> = {
    self: cast.asn.token,
    peer: cast.colleague.token,
    supervisor: cast.supervisor.token,
    grandSupervisor: cast.skipLevel.token,
    otherSupervisor: otherSupervisor.token,
    admin: admin.token,
  };
  const key = server.publishableKey(KEY_PARTNER);
  const headers = (role: Role): Record<string, string> =>
    role === 'anonymous' ? {} : role === 'publishable' ? { authorization: `Bearer ${key}`, origin: ORIGIN } : { authorization: `Bearer ${tokens[role]}` };
  return { ids, headers };
}

export const testServer = (sandbox: boolean) => startServer({ quiet: true, sandbox, rateLimits: noRateLimits() });

export async function buildWorld(): Promise<World> {
  const server = await testServer(true);
  const { db } = server.deps;
  const { ids, headers } = await peopleOf(server);

  const setup = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? headers(role) : { ...jsonHeaders(), ...headers(role) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `setup ${method} ${path} as ${role}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  const altchaFor = async (role: Role) => {
    if (role === 'anonymous') return 'not-solved';
    return solveForTest(z.parse(Challenge, await setup(role, 'POST', '/v1/challenges', {})));
  };

  const notice = await currentNotice(server);
  const freshOpening = () => insertOpening(server, { partners: [KEY_PARTNER] });
  const openingId = await freshOpening();
  const freshApplication = async () => {
    const receipt = await setup('publishable', 'POST', `/v1/internships/${openingId}/applications`, applicationBody(notice, await altchaFor('publishable')));
    const token = new URL(String(receipt.privateUrl)).hash.slice(1);
    const row = await db.selectFrom('internship_applications').select('version').where('id', '=', String(receipt.id)).executeTakeFirstOrThrow();
    return { id: String(receipt.id), token, version: row.version };
  };
  const freshGoal = async () => {
    const goal = await setup('self', 'POST', `/v1/employees/${ids.self}/goals`, goalBody());
    return { id: String(goal.id), version: Number(goal.version) };
  };
  const freshFeedback = async () => String((await setup('supervisor', 'POST', `/v1/employees/${ids.self}/feedback`, feedbackBody())).id);
  const freshProgram = (seed: ProgramSeed = {}) => insertProgram(server, seed);
  const freshEnrollment = async () => {
    const programId = await freshProgram();
    return String((await setup('admin', 'POST', `/v1/programs/${programId}/enrollments`, { employeeId: ids.self })).id);
  };
  const freshPartner = async () => {
    const p = await setup('admin', 'POST', '/v1/partners', partnerBody());
    return { id: String(p.id), version: Number(p.version) };
  };
  const freshAgreement = async () => {
    const a = await setup('admin', 'POST', `/v1/partners/${KEY_PARTNER}/agreements`, agreementBody());
    return { id: String(a.id), version: Number(a.version) };
  };
  const freshKey = async () =>
    String((await setup('admin', 'POST', `/v1/partners/${KEY_PARTNER}/keys`, { mode: 'test', label: 'Kunci uji', allowedOrigins: [ORIGIN] })).id);

  const application = await freshApplication();
  // A certificate of the subject's when the seed gave them one, else anyone's (the route is public either way).
  const certificates = await db
    .selectFrom('enrollments')
    .select(['certificate_number', 'employee_id'])
    .where('certificate_number', 'is not', null)
    .orderBy('id')
    .execute();
  const certificate = certificates.find((c) => c.employee_id === ids.self) ?? certificates[0];
  assert.ok(certificate?.certificate_number, 'the seed has a certificate');

  return {
    server,
    ids,
    headers,
    setup,
    goalId: (await freshGoal()).id,
    feedbackId: await freshFeedback(),
    programId: await freshProgram(),
    openingId,
    applicationId: application.id,
    applicationToken: application.token,
    certificateNumber: certificate.certificate_number!,
    notice,
    freshGoal,
    freshFeedback,
    freshProgram,
    freshEnrollment,
    freshOpening,
    freshApplication,
    freshPartner,
    freshAgreement,
    freshKey,
    altchaFor,
  };
}
