import { z } from 'zod/mini';
import {
  Competency, DateTime, EmployeeId, EnrollmentId, HttpUrl, Jp, PartnerId, ProgramId, RecommendationId, inProgressYears, matches, text,
} from './primitives.js';

// Training programs (issue #7): what is on offer, seats that never overfill, attendance, and completion that
// credits JP once. The rules behind each field are in docs/architecture.md, "Programs".

export const ProgramType = z.enum(['training', 'seminar', 'workshop', 'e-learning']);
export const ProgramMode = z.enum(['classroom', 'online', 'blended']);
/** `draft` is seen only by admins and the organiser; `completed` is reached only through `POST …/complete`. */
export const ProgramStatus = z.enum(['draft', 'open', 'closed', 'completed', 'cancelled']);

const count = z.number().check(z.int(), z.gte(0));

/** One meeting of a program: in a room (`location`), online (`onlineUrl`), or both. */
export const ProgramSession = z.object({
  startsAt: DateTime,
  endsAt: DateTime,
  location: z.nullable(text(2, 200)),
  onlineUrl: z.nullable(HttpUrl),
});

export const EnrollmentStatus = z.enum(['registered', 'waitlisted', 'cancelled', 'completed', 'incomplete']);

/** A completed enrolment's certificate; `url` is the public verification address (`GET /v1/certificates/{number}`). */
export const CertificateNumber = z.string().check(
  matches(/^SRT-\d{4}-[A-Z0-9]{10}$/, 'certificate.format', 'Expected a certificate number such as SRT-2026-7KQ4M9XD2P'),
);
export const CertificateRef = z.object({ number: CertificateNumber, url: HttpUrl });

/** A supervisor's recommendation of a program to a direct report. */
export const Recommendation = z.object({
  id: RecommendationId,
  employeeId: EmployeeId,
  programId: ProgramId,
  authorId: EmployeeId,
  authorName: z.string(),
  note: z.nullable(text(0, 500)),
  createdAt: DateTime,
});

/** With `for=me`: the caller's own enrolment (if any) and who recommended the program to them. */
export const ProgramViewerState = z.object({
  enrollment: z.nullable(
    z.object({
      id: EnrollmentId,
      status: EnrollmentStatus,
      waitlistPosition: z.nullable(z.number().check(z.int(), z.gte(1))),
      certificate: z.nullable(CertificateRef),
    }),
  ),
  recommendations: z.array(Recommendation),
});

export const Program = z.object({
  id: ProgramId,
  title: text(3, 200),
  description: text(0, 4000),
  type: ProgramType,
  competency: Competency,
  mode: ProgramMode,
  /** In time order; attendance is kept per session, numbered from 1. */
  sessions: z.array(ProgramSession).check(z.minLength(1), z.maxLength(60)),
  /** The first session's start and the last session's end. */
  startsAt: DateTime,
  endsAt: DateTime,
  /** JP credited on completion: the sessions' minutes ÷ 45, rounded down, unless an admin set it (`jpReason`). */
  jp: Jp,
  /** Why an admin set `jp` by hand; null when it is computed from the sessions. */
  jpReason: z.nullable(text(5, 500)),
  capacity: z.number().check(z.int(), z.gte(1), z.lte(10000)),
  /** Registered (seats taken) and waiting, now. */
  enrolled: count,
  waitlisted: count,
  enrollFrom: DateTime,
  enrollUntil: DateTime,
  /** Until when an enrolment may be cancelled (frees the seat for the first on the waitlist). */
  cancelUntil: DateTime,
  /** Sessions an enrolled employee must attend to complete; the default is all of them. */
  attendanceThreshold: z.number().check(z.int(), z.gte(1)),
  partnerId: z.nullable(PartnerId),
  partnerName: z.nullable(z.string()),
  /** The employee who runs it: marks attendance and completes it, like an admin. */
  organizerId: z.nullable(EmployeeId),
  status: ProgramStatus,
  version: z.number().check(z.int(), z.gte(1)),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** Only with `for=me`. */
  viewer: z.optional(ProgramViewerState),
});

/** A session as written: completing the program credits JP at its end, so it lies in a year progress counts. */
const ProgramSessionInput = z.object({
  ...ProgramSession.shape,
  startsAt: /*#__PURE__*/ DateTime.check(inProgressYears()),
  endsAt: /*#__PURE__*/ DateTime.check(inProgressYears()),
});

const programFields = {
  title: text(3, 200),
  description: z.optional(text(0, 4000)),
  type: ProgramType,
  competency: Competency,
  mode: ProgramMode,
  sessions: z.array(ProgramSessionInput).check(z.minLength(1), z.maxLength(60)),
  /** Set JP by hand (with `jpReason`); leave it out to compute it from the sessions. */
  jp: z.optional(z.nullable(Jp)),
  jpReason: z.optional(z.nullable(text(5, 500))),
  capacity: z.number().check(z.int(), z.gte(1), z.lte(10000)),
  enrollFrom: DateTime,
  enrollUntil: DateTime,
  cancelUntil: z.optional(DateTime),
  attendanceThreshold: z.optional(z.nullable(z.number().check(z.int(), z.gte(1)))),
  partnerId: z.optional(z.nullable(PartnerId)),
  organizerId: z.optional(z.nullable(EmployeeId)),
};

/** Body of `POST /v1/programs` (admin). `status` is `draft` (default) or `open`. */
export const ProgramCreate = z.object({ ...programFields, status: z.optional(z.enum(['draft', 'open'])) });

/** Body of `PATCH /v1/programs/{id}`: any field, and the `version` it was read at (409 when stale). */
export const ProgramUpdate = z.object({
  ...z.partial(z.object(programFields)).shape,
  status: z.optional(z.enum(['draft', 'open', 'closed', 'cancelled'])),
  version: z.number().check(z.int(), z.gte(1)),
});

/** `GET /v1/programs` filters. `month` is a WIT calendar month (`2026-03`): programs with a session in it. */
export const ProgramListQuery = z.object({
  type: z.optional(ProgramType),
  competency: z.optional(Competency),
  month: z.optional(
    z.string().check(matches(/^(?:19\d\d|20\d\d|2100)-(?:0[1-9]|1[0-2])$/, 'month.format', 'Expected a month such as 2026-03, in 1900–2100')),
  ),
  partner: z.optional(PartnerId),
  q: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  status: z.optional(ProgramStatus),
  /** `me`: add the caller's enrolment state and recommendations (`viewer`) to each program. */
  for: z.optional(z.literal('me')),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const Enrollment = z.object({
  id: EnrollmentId,
  programId: ProgramId,
  employeeId: EmployeeId,
  employeeName: z.string(),
  /** What the "my programs" view shows without fetching each program. */
  program: z.object({
    title: z.string(),
    type: ProgramType,
    startsAt: DateTime,
    endsAt: DateTime,
    jp: Jp,
    status: ProgramStatus,
    cancelUntil: DateTime,
  }),
  status: EnrollmentStatus,
  /** 1 for the next to get a seat; null unless `waitlisted`. */
  waitlistPosition: z.nullable(z.number().check(z.int(), z.gte(1))),
  /** Session numbers (from 1) the employee attended. */
  attended: z.array(z.number().check(z.int(), z.gte(1))),
  certificate: z.nullable(CertificateRef),
  createdAt: DateTime,
  updatedAt: DateTime,
  cancelledAt: z.nullable(DateTime),
  completedAt: z.nullable(DateTime),
});

/** Body of `POST /v1/programs/{id}/enrollments`: yourself (no `employeeId`), or anyone (admin). */
export const EnrollmentCreate = z.object({ employeeId: z.optional(EmployeeId) });

export const EnrollmentListQuery = z.object({
  status: z.optional(EnrollmentStatus),
  // A roster of 500 loads in one request.
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** Body of `PUT /v1/programs/{id}/sessions/{n}/attendance`: everyone present at session `n` (replaces the list). */
export const AttendanceUpdate = z.object({ present: z.array(EmployeeId).check(z.maxLength(10000)) });
export const Attendance = z.object({
  programId: ProgramId,
  session: z.number().check(z.int(), z.gte(1)),
  present: z.array(EmployeeId),
  updatedAt: DateTime,
});

/** Answer of `POST /v1/programs/{id}/complete`; the same counts on a repeat, with `recordsCreated: 0`. */
export const CompletionResult = z.object({
  program: Program,
  completed: count,
  incomplete: count,
  /** Learning records this call created (each completed enrolment gets exactly one, ever). */
  recordsCreated: count,
});

/** Body of `POST /v1/employees/{id}/recommendations` (the direct supervisor, or an admin). */
export const RecommendationCreate = z.object({ programId: ProgramId, note: z.optional(text(0, 500)) });

/** `GET /v1/certificates/{number}`: public, so it says only this. */
export const CertificateVerification = z.object({
  number: CertificateNumber,
  name: z.string(),
  program: z.string(),
  startsAt: DateTime,
  endsAt: DateTime,
  jp: Jp,
  valid: z.boolean(),
});

export type ProgramType = z.infer<typeof ProgramType>;
export type ProgramMode = z.infer<typeof ProgramMode>;
export type ProgramStatus = z.infer<typeof ProgramStatus>;
export type ProgramSession = z.infer<typeof ProgramSession>;
export type Program = z.infer<typeof Program>;
export type ProgramViewerState = z.infer<typeof ProgramViewerState>;
export type ProgramCreate = z.input<typeof ProgramCreate>;
export type ProgramUpdate = z.input<typeof ProgramUpdate>;
export type ProgramListQuery = z.input<typeof ProgramListQuery>;
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;
export type Enrollment = z.infer<typeof Enrollment>;
export type EnrollmentCreate = z.input<typeof EnrollmentCreate>;
export type EnrollmentListQuery = z.input<typeof EnrollmentListQuery>;
export type AttendanceUpdate = z.input<typeof AttendanceUpdate>;
export type Attendance = z.infer<typeof Attendance>;
export type CompletionResult = z.infer<typeof CompletionResult>;
export type Recommendation = z.infer<typeof Recommendation>;
export type RecommendationCreate = z.input<typeof RecommendationCreate>;
export type CertificateRef = z.infer<typeof CertificateRef>;
export type CertificateVerification = z.infer<typeof CertificateVerification>;
