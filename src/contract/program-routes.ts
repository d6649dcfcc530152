// The training-program routes (issue #7), a module of their own so that a bundle which never calls them (or calls
// them only from a chunk loaded on demand) does not carry their schemas in its main chunk.
import { z } from 'zod/mini';
import { EnrollmentId, ProgramId } from './primitives.js';
import { page } from './pagination.js';
import {
  Attendance, AttendanceUpdate, CertificateNumber, CertificateVerification, CompletionResult, Enrollment, EnrollmentCreate,
  EnrollmentListQuery, Program, ProgramCreate, ProgramListQuery, ProgramUpdate, Recommendation, RecommendationCreate,
} from './program.js';
import { EmployeeParams, define } from './route-def.js';

const ProgramParams = z.object({ id: ProgramId });
const EnrollmentParams = z.object({ id: EnrollmentId });

export const listPrograms = define({
  id: 'listPrograms',
  method: 'GET',
  path: '/v1/programs',
  summary:
    'The program catalog, soonest first; filters by type, competency, WIT month, partner, status and text. `for=me` adds your enrolment and recommendations. Drafts only for admins and their organisers.',
  access: { kind: 'user' },
  query: ProgramListQuery,
  response: page(Program),
});

export const getProgram = define({
  id: 'getProgram',
  method: 'GET',
  path: '/v1/programs/{id}',
  summary: 'One program, with your enrolment state (`viewer`).',
  access: { kind: 'user' },
  params: ProgramParams,
  response: Program,
});

export const createProgram = define({
  id: 'createProgram',
  method: 'POST',
  path: '/v1/programs',
  summary: 'Add a program (admin). JP defaults to the sessions\' minutes ÷ 45, rounded down; a JP set by hand needs `jpReason`.',
  access: { kind: 'user', roles: ['admin'] },
  body: ProgramCreate,
  response: Program,
  status: 201,
  invalidates: ['programs'],
});

export const updateProgram = define({
  id: 'updateProgram',
  method: 'PATCH',
  path: '/v1/programs/{id}',
  summary:
    'Change a program (admin); carries the `version` it was read at, a stale one is refused with 409. Raising the capacity gives the new seats to the waitlist; cancelling cancels its enrolments.',
  access: { kind: 'user', roles: ['admin'] },
  params: ProgramParams,
  body: ProgramUpdate,
  response: Program,
  invalidates: ['programs', 'enrollments'],
});

export const createEnrollment = define({
  id: 'createEnrollment',
  method: 'POST',
  path: '/v1/programs/{id}/enrollments',
  summary:
    'Enrol yourself (or, as an admin, anyone): `registered` while seats remain, else `waitlisted` with a position. One active enrolment per employee and program (409 names it).',
  access: { kind: 'user' },
  params: ProgramParams,
  body: EnrollmentCreate,
  response: Enrollment,
  status: 201,
  invalidates: ['programs', 'enrollments'],
});

export const listProgramEnrollments = define({
  id: 'listProgramEnrollments',
  method: 'GET',
  path: '/v1/programs/{id}/enrollments',
  summary: "A program's roster: registered first, then the waitlist in order (admins and the program's organiser).",
  access: { kind: 'user' },
  params: ProgramParams,
  query: EnrollmentListQuery,
  response: page(Enrollment),
});

export const cancelEnrollment = define({
  id: 'cancelEnrollment',
  method: 'POST',
  path: '/v1/enrollments/{id}/cancel',
  summary:
    'Cancel an enrolment before the program\'s cancellation deadline (the employee or an admin); a freed seat goes to the first on the waitlist in the same step.',
  access: { kind: 'user' },
  params: EnrollmentParams,
  body: z.optional(z.object({})),
  response: Enrollment,
  invalidates: ['programs', 'enrollments'],
});

export const listEmployeeEnrollments = define({
  id: 'listEmployeeEnrollments',
  method: 'GET',
  path: '/v1/employees/{id}/enrollments',
  summary: "An employee's enrolments, newest first (self, direct supervisor, admin).",
  access: { kind: 'user' },
  params: EmployeeParams,
  query: EnrollmentListQuery,
  response: page(Enrollment),
});

export const putAttendance = define({
  id: 'putAttendance',
  method: 'PUT',
  path: '/v1/programs/{id}/sessions/{n}/attendance',
  summary: 'Who was present at session `n` (from 1), replacing the previous list (admins and the program\'s organiser).',
  access: { kind: 'user' },
  params: z.object({ id: ProgramId, n: z.coerce.number().check(z.int(), z.gte(1), z.lte(60)) }),
  body: AttendanceUpdate,
  response: Attendance,
  invalidates: ['enrollments'],
});

export const completeProgram = define({
  id: 'completeProgram',
  method: 'POST',
  path: '/v1/programs/{id}/complete',
  summary:
    'Close a program: enrolments that meet the attendance threshold become `completed` with one learning record each (never twice, however often this is called), the others `incomplete`.',
  access: { kind: 'user' },
  params: ProgramParams,
  body: z.optional(z.object({})),
  response: CompletionResult,
  invalidates: ['programs', 'enrollments', 'progress', 'learning', 'team'],
});

export const createRecommendation = define({
  id: 'createRecommendation',
  method: 'POST',
  path: '/v1/employees/{id}/recommendations',
  summary: 'Recommend a program to a direct report (their supervisor, or an admin); they see it in the catalog.',
  access: { kind: 'user' },
  params: EmployeeParams,
  body: RecommendationCreate,
  response: Recommendation,
  status: 201,
  invalidates: ['programs'],
});

export const verifyCertificate = define({
  id: 'verifyCertificate',
  method: 'GET',
  path: '/v1/certificates/{number}',
  summary: 'Public check of a certificate: only the name, the program, its dates, the JP and whether it is valid.',
  access: { kind: 'public' },
  params: z.object({ number: CertificateNumber }),
  response: CertificateVerification,
});

