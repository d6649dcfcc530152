// Who may call what: one row per route of the contract, with the request that reaches the subject's resource and
// the outcome each role must get. authorization.test.ts walks it (and fails when a route has no row, or a row no
// route). The policy (docs/architecture.md, "Who may do what"): the employee themselves, their *direct* supervisor
// and admins see the employee's private data; a grand-supervisor, a peer and an unrelated supervisor see nothing
// of it (403; a 404 where the code hides existence). The code has no chains: assertCanRead (server/auth.ts) knows
// only the direct supervisor.
import type { RouteId } from '../../src/contract/index.js';
import { feedbackBody, goalBody, thisYear } from './coaching-helpers.js';
import { learningBody } from './helpers.js';
import { applicationBody, freshNim, witDay } from './internship-helpers.js';
import { DAY, HOUR, iso } from './program-helpers.js';
import { KEY_PARTNER, agreementBody, partnerBody, unique, type Role, type World } from './authorization-world.js';

/** 'ok': the route's success status (`status` of the contract, else 200); otherwise the problem's status. */
export type Outcome = 'ok' | 401 | 403 | 404;
export type Expectation = Record<Role, Outcome>;

export interface Request {
  /** Values of the route's `{name}` placeholders. */
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  /** JSON; mutations without one send `{}`. */
  body?: unknown;
}

export interface Row {
  expect: Expectation;
  /** A minimal valid request as `role`: a 2xx means access was granted, a 400 is a bug of this table. */
  request(w: World, role: Role): Request | Promise<Request>;
}

// ── The policies, by who is let in ───────────────────────────────────────────────────────────────────────────

const deny = { anonymous: 401, publishable: 403, self: 403, peer: 403, supervisor: 403, grandSupervisor: 403, otherSupervisor: 403, admin: 403 } as const;

/** Public: anyone, a key sent along is checked and grants nothing more. */
const PUBLIC: Expectation = { anonymous: 'ok', publishable: 'ok', self: 'ok', peer: 'ok', supervisor: 'ok', grandSupervisor: 'ok', otherSupervisor: 'ok', admin: 'ok' };
/** Any signed-in employee (a key is refused: it may call only the internship routes). */
const SIGNED_IN: Expectation = { ...PUBLIC, anonymous: 401, publishable: 403 };
/** A partner's key or any signed-in employee. */
const KEY_OR_SIGNED_IN: Expectation = { ...PUBLIC, anonymous: 401 };
/** The subject's private data: themselves, their direct supervisor, an admin. */
const PRIVATE: Expectation = { ...deny, self: 'ok', supervisor: 'ok', admin: 'ok' };
/** What the subject writes about themselves, or an admin for them. */
const OWNER_OR_ADMIN: Expectation = { ...deny, self: 'ok', admin: 'ok' };
/** Only the subject (an admin neither: it is the subject's own word). */
const OWNER: Expectation = { ...deny, self: 'ok' };
/** What the direct supervisor gives the subject (feedback, recommendations), or an admin; never oneself. */
const SUPERVISOR_OR_ADMIN: Expectation = { ...deny, supervisor: 'ok', admin: 'ok' };
const ADMIN: Expectation = { ...deny, admin: 'ok' };
/** Sandbox mode on: anyone without a key (a bearer token is ignored), test server only. */
const SANDBOX: Expectation = { ...PUBLIC, publishable: 403 };

/** The WIT day `offset` days from the server's clock, `YYYY-MM-DD`. */
const day = (w: World, offset: number) => witDay(w.server, offset);

export const table: Record<RouteId, Row> = {
  // ── Meta ──
  getHealth: { expect: PUBLIC, request: () => ({}) },
  getOpenApi: { expect: PUBLIC, request: () => ({}) },
  getMe: { expect: SIGNED_IN, request: () => ({}) },

  // ── The subject's own data (issue #1, #3) ──
  getEmployee: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self } }) },
  getProgress: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self }, query: { year: String(thisYear()) } }) },
  listLearningRecords: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self } }) },
  // A self-report or an admin's record; the supervisor reads but does not record.
  createLearningRecord: { expect: OWNER_OR_ADMIN, request: (w) => ({ params: { id: w.ids.self }, body: learningBody() }) },
  listGoals: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self } }) },
  createGoal: { expect: OWNER_OR_ADMIN, request: (w) => ({ params: { id: w.ids.self }, body: goalBody() }) },
  updateGoal: {
    expect: OWNER_OR_ADMIN,
    request: async (w) => {
      const goal = await w.freshGoal();
      return { params: { id: goal.id }, body: { version: goal.version, title: 'Judul diubah untuk uji otorisasi' } };
    },
  },
  listCheckIns: { expect: PRIVATE, request: (w) => ({ params: { id: w.goalId } }) },
  createCheckIn: { expect: OWNER, request: async (w) => ({ params: { id: (await w.freshGoal()).id }, body: { value: 1, note: 'Uji otorisasi' } }) },
  listFeedback: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self } }) },
  createFeedback: { expect: SUPERVISOR_OR_ADMIN, request: (w) => ({ params: { id: w.ids.self }, body: feedbackBody() }) },
  acknowledgeFeedback: { expect: OWNER, request: async (w) => ({ params: { id: await w.freshFeedback() }, body: { response: 'Baik, terima kasih.' } }) },
  // The supervisor's team, where the subject is listed: only that supervisor and admins, not the grand-supervisor.
  listTeam: { expect: SUPERVISOR_OR_ADMIN, request: (w) => ({ params: { id: w.ids.supervisor } }) },
  streamEvents: { expect: PRIVATE, request: (w) => ({ query: { topics: `employee:${w.ids.self}` } }) },

  // ── Programs (issue #7) ──
  listPrograms: { expect: SIGNED_IN, request: () => ({}) },
  getProgram: { expect: SIGNED_IN, request: (w) => ({ params: { id: w.programId } }) },
  createProgram: {
    expect: ADMIN,
    request: () => {
      const start = Date.now() + 10 * DAY;
      return {
        body: {
          title: 'Pelatihan Uji Otorisasi',
          description: 'Program untuk uji otorisasi.',
          type: 'training',
          competency: 'technical',
          mode: 'classroom',
          sessions: [{ startsAt: iso(start), endsAt: iso(start + 3 * HOUR), location: 'Aula BKPSDM Kota Sorong', onlineUrl: null }],
          capacity: 10,
          enrollFrom: iso(Date.now() - HOUR),
          enrollUntil: iso(start - DAY),
          status: 'open',
        },
      };
    },
  },
  updateProgram: { expect: ADMIN, request: async (w) => ({ params: { id: await w.freshProgram() }, body: { version: 1, title: 'Workshop Komunikasi Publik (diubah)' } }) },
  // Enrolling the subject: they themselves or an admin (a fresh program each, so neither is "already enrolled").
  createEnrollment: { expect: OWNER_OR_ADMIN, request: async (w) => ({ params: { id: await w.freshProgram() }, body: { employeeId: w.ids.self } }) },
  // The roster names who takes part: admins and the program's organiser, not a supervisor.
  listProgramEnrollments: { expect: ADMIN, request: (w) => ({ params: { id: w.programId } }) },
  cancelEnrollment: { expect: OWNER_OR_ADMIN, request: async (w) => ({ params: { id: await w.freshEnrollment() }, body: {} }) },
  listEmployeeEnrollments: { expect: PRIVATE, request: (w) => ({ params: { id: w.ids.self } }) },
  putAttendance: { expect: ADMIN, request: (w) => ({ params: { id: w.programId, n: 1 }, body: { present: [] } }) },
  completeProgram: { expect: ADMIN, request: async (w) => ({ params: { id: await w.freshProgram({ held: true }) }, body: {} }) },
  createRecommendation: {
    expect: SUPERVISOR_OR_ADMIN,
    request: async (w) => ({ params: { id: w.ids.self }, body: { programId: await w.freshProgram(), note: 'Cocok untuk tugas Anda.' } }),
  },
  // Public by design: only the holder's name, the program, dates, JP and validity.
  verifyCertificate: { expect: PUBLIC, request: (w) => ({ params: { number: w.certificateNumber } }) },

  // ── Partners and keys (issue #8): the directory is for staff, writes for admins ──
  listPartners: { expect: SIGNED_IN, request: () => ({}) },
  getPartner: { expect: SIGNED_IN, request: () => ({ params: { id: KEY_PARTNER } }) },
  createPartner: { expect: ADMIN, request: () => ({ body: partnerBody() }) },
  updatePartner: {
    expect: ADMIN,
    request: async (w) => {
      const p = await w.freshPartner();
      return { params: { id: p.id }, body: { city: 'Kota Sorong', version: p.version } };
    },
  },
  createAgreement: { expect: ADMIN, request: () => ({ params: { id: KEY_PARTNER }, body: agreementBody() }) },
  updateAgreement: {
    expect: ADMIN,
    request: async (w) => {
      const a = await w.freshAgreement();
      return { params: { id: a.id }, body: { title: 'Nota Kesepahaman Uji Otorisasi (diubah)', version: a.version } };
    },
  },
  listPartnerKeys: { expect: ADMIN, request: () => ({ params: { id: KEY_PARTNER } }) },
  createPartnerKey: {
    expect: ADMIN,
    request: () => ({ params: { id: KEY_PARTNER }, body: { mode: 'test', label: `Kunci uji ${unique()}`, allowedOrigins: ['http://localhost:5173'] } }),
  },
  // A fresh key: revoking the seeded one would lock the `publishable` role out of the rest of the walk.
  revokeKey: { expect: ADMIN, request: async (w) => ({ params: { id: await w.freshKey() }, body: {} }) },

  // ── Internships (issue #8): a key reads and applies for its own partner; review is for admins ──
  listInternships: { expect: KEY_OR_SIGNED_IN, request: () => ({}) },
  getInternship: { expect: KEY_OR_SIGNED_IN, request: (w) => ({ params: { id: w.openingId } }) },
  createInternship: {
    expect: ADMIN,
    request: (w) => ({
      body: {
        title: 'Magang Uji Otorisasi',
        unitId: 'unit_diskominfo',
        description: 'Membantu tim Diskominfo dalam uji otorisasi.',
        skills: ['spreadsheet'],
        quota: 2,
        startsOn: day(w, 40),
        endsOn: day(w, 120),
        applyBy: day(w, 20),
        partnerIds: [KEY_PARTNER],
      },
    }),
  },
  updateInternship: { expect: ADMIN, request: async (w) => ({ params: { id: await w.freshOpening() }, body: { title: 'Magang Uji Otorisasi (diubah)', version: 1 } }) },
  getPrivacyNotice: { expect: PUBLIC, request: () => ({}) },
  // Any signed-in employee may fetch one (only an admin can then use it to apply).
  createChallenge: { expect: KEY_OR_SIGNED_IN, request: () => ({ body: {} }) },
  // Students apply through their university's key; with a token only an admin enters an application.
  createApplication: {
    expect: { ...deny, publishable: 'ok', admin: 'ok' },
    request: async (w, role) => ({
      params: { id: w.openingId },
      body: applicationBody(w.notice, await w.altchaFor(role), { partnerId: KEY_PARTNER, student: { nim: freshNim() } }),
    }),
  },
  // The private link is the credential: whoever holds it reads and corrects that one application.
  getPrivateApplication: { expect: PUBLIC, request: (w) => ({ params: { token: w.applicationToken } }) },
  updatePrivateApplication: { expect: PUBLIC, request: async (w) => ({ params: { token: (await w.freshApplication()).token }, body: { semester: 6 } }) },
  withdrawPrivateApplication: { expect: PUBLIC, request: async (w) => ({ params: { token: (await w.freshApplication()).token }, body: {} }) },
  listApplications: { expect: ADMIN, request: () => ({}) },
  getApplication: { expect: ADMIN, request: (w) => ({ params: { id: w.applicationId } }) },
  transitionApplication: {
    expect: ADMIN,
    request: async (w) => {
      const a = await w.freshApplication();
      return { params: { id: a.id }, body: { to: 'reviewing', version: a.version } };
    },
  },

  // ── Sandbox (test servers here have it on; authorization.test.ts shows them 404 with it off) ──
  createSandboxToken: { expect: SANDBOX, request: () => ({ body: {} }) },
  listSandboxUsers: { expect: SANDBOX, request: () => ({}) },
};
