import { z } from 'zod/mini';
import { Unit } from './employee.js';
import {
  ApplicationId, DateOnly, DateTime, Email, OpeningId, PartnerId, Phone, PublishableKeyId, matches, ruleIssue, text,
} from './primitives.js';

/** `draft` openings are seen only by admins; `filled` when `accepted` reached `quota`; `closed` after `applyBy`. */
export const OpeningStatus = z.enum(['draft', 'open', 'closed', 'filled']);

/**
 * An internship where students join a government project. Through a publishable key only open openings of the key's
 * partner, without `partnerIds`, `accepted`, `applications` and `version` (the fields marked "token only").
 */
export const InternshipOpening = z.object({
  id: OpeningId,
  title: text(3, 200),
  unit: Unit,
  description: text(10, 4000),
  skills: z.array(text(1, 60)),
  quota: z.number().check(z.int(), z.gte(1)),
  /** Token only. */
  accepted: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Token only: applications that are not withdrawn. */
  applications: z.optional(z.number().check(z.int(), z.gte(0))),
  startsOn: DateOnly,
  endsOn: DateOnly,
  /** Last WIT day to apply. */
  applyBy: DateOnly,
  status: OpeningStatus,
  /** Token only: universities whose students may apply. */
  partnerIds: z.optional(z.array(PartnerId)),
  /** Token only. */
  version: z.optional(z.number().check(z.int(), z.gte(1))),
});

const openingFields = {
  title: text(3, 200),
  unitId: z.string().check(z.minLength(1), z.maxLength(60)),
  description: text(10, 4000),
  skills: z.array(text(1, 60)).check(z.maxLength(20)),
  quota: z.number().check(z.int(), z.gte(1), z.lte(500)),
  startsOn: DateOnly,
  endsOn: DateOnly,
  applyBy: DateOnly,
  partnerIds: z.array(PartnerId).check(z.minLength(1), z.maxLength(50)),
};

/** Body of `POST /v1/internships` (admin). */
export const OpeningCreate = z.object({ ...openingFields, status: z.optional(z.enum(['draft', 'open'])) });
/** Body of `PATCH /v1/internships/{id}` (admin), with the `version` it was read at. */
export const OpeningUpdate = z.object({
  ...z.partial(z.object(openingFields)).shape,
  status: z.optional(z.enum(['draft', 'open', 'closed'])),
  version: z.number().check(z.int(), z.gte(1)),
});

export const OpeningListQuery = z.object({
  status: z.optional(OpeningStatus),
  partner: z.optional(PartnerId),
  q: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** NIM: each university has its own format; letters, digits, dots and dashes. */
export const Nim = z.string().check(
  z.trim(),
  matches(/^[A-Za-z0-9][A-Za-z0-9.\-/]{2,29}$/, 'nim.format', 'Enter the student number (NIM) as printed on the student card'),
);

export const Student = z.object({
  name: text(2, 120),
  /** Unique per (university, NIM) per opening. */
  nim: Nim,
  studyProgram: text(2, 120),
  semester: z.number().check(z.int(), z.gte(1), z.lte(14)),
  email: Email,
  /** `08…` or `+628…` in, E.164 out. */
  phone: Phone,
});

export const ConsentPurpose = z.enum(['selection', 'placement', 'contact']);

/**
 * The privacy notice shown in full before consent (UU 27/2022). `hash` is the SHA-256 (hex) of the notice's
 * canonical text; an application carries the version and hash it was shown, and the server refuses any other.
 */
export const PrivacyNotice = z.object({
  id: z.literal('internship-application'),
  version: text(1, 40),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  locale: z.enum(['id', 'en']),
  title: z.string(),
  controller: z.object({ name: z.string(), address: z.string(), email: z.string(), phone: z.string() }),
  /** Headed sections in order: purpose, data collected, retention, recipients, rights, how to use them. */
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
  purposes: z.array(ConsentPurpose),
  /** Months after the opening closes before the personal data is erased. */
  retentionMonths: z.number().check(z.int(), z.gte(1)),
  publishedAt: DateTime,
});

export const PrivacyNoticeQuery = z.object({ locale: z.optional(z.enum(['id', 'en'])) });

/** An ALTCHA challenge (altcha-lib v2), HMAC-signed by the server, expiring, single use. */
export const Challenge = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number(),
    keyLength: z.number(),
    keyPrefix: z.string(),
    expiresAt: z.optional(z.number()),
    data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
  signature: z.string(),
});

/** Body of `POST /v1/internships/{id}/applications`, through a publishable key (or a token with `partnerId`). */
export const ApplicationCreate = z.object({
  /** With a bearer token only; a publishable key always applies for its own partner. */
  partnerId: z.optional(PartnerId),
  student: Student,
  motivation: text(30, 2000),
  consent: z.object({
    noticeVersion: text(1, 40),
    noticeHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    accepted: z.literal(true, { error: 'Consent must be given explicitly' }),
  }),
  /** The solved challenge: base64 of `{ challenge, solution }` JSON (the ALTCHA payload). */
  altcha: z.string().check(z.maxLength(8000), z.refine((v) => v.length > 0, ruleIssue('altcha.missing', 'Solve the challenge first'))),
  /** Honeypot: people leave it empty; a filled one is refused. */
  website: z.optional(z.string().check(z.refine((v) => v === '', ruleIssue('honeypot.filled', 'Leave this field empty')))),
});

export const ApplicationStatus = z.enum(['submitted', 'reviewing', 'accepted', 'rejected', 'withdrawn']);

/** What the student gets back: the reference to quote and the private link (shown once, never stored in clear). */
export const ApplicationReceipt = z.object({
  id: ApplicationId,
  reference: z.string().check(z.regex(/^MG-\d{4}-\d{6}$/)),
  openingId: OpeningId,
  status: ApplicationStatus,
  createdAt: DateTime,
  /** Capability URL to see the status, correct contact data and withdraw. */
  privateUrl: z.string(),
});

/** Proof of consent, recorded by the server: its clock, the notice it was shown, where it came from. */
export const ConsentRecord = z.object({
  noticeVersion: z.string(),
  noticeHash: z.string(),
  purposes: z.array(ConsentPurpose),
  acceptedAt: DateTime,
  origin: z.nullable(z.string()),
  keyId: z.nullable(PublishableKeyId),
  withdrawnAt: z.nullable(DateTime),
});

/** An application as admins see it; `student`, `motivation` and `consent` are null once erased. */
export const InternshipApplication = z.object({
  id: ApplicationId,
  reference: z.string(),
  openingId: OpeningId,
  openingTitle: z.string(),
  partnerId: PartnerId,
  partnerName: z.string(),
  student: z.nullable(Student),
  motivation: z.nullable(z.string()),
  consent: z.nullable(ConsentRecord),
  status: ApplicationStatus,
  /** The reason given with `rejected` (and optionally `accepted`). */
  reason: z.nullable(z.string()),
  createdAt: DateTime,
  updatedAt: DateTime,
  erasedAt: z.nullable(DateTime),
  version: z.number().check(z.int(), z.gte(1)),
});

export const ApplicationListQuery = z.object({
  opening: z.optional(OpeningId),
  partner: z.optional(PartnerId),
  status: z.optional(ApplicationStatus),
  /** Name, NIM, email or reference. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** Body of `POST /v1/applications/{id}/transition` (admin): submitted → reviewing → accepted | rejected. */
export const ApplicationTransition = z
  .object({
    to: z.enum(['reviewing', 'accepted', 'rejected']),
    reason: z.optional(text(3, 1000)),
    version: z.number().check(z.int(), z.gte(1)),
  })
  .check(
    z.refine((t) => t.to !== 'rejected' || (t.reason ?? '').length >= 3, {
      ...ruleIssue('reason.required', 'Give a reason for the rejection'),
      path: ['reason'],
    }),
  );

/** What the private link shows: the student's own application (no other student's data, ever). */
export const ApplicationPrivateView = z.object({
  reference: z.string(),
  openingTitle: z.string(),
  partnerName: z.string(),
  status: ApplicationStatus,
  student: z.nullable(Student),
  createdAt: DateTime,
  erasedAt: z.nullable(DateTime),
  notice: z.object({ version: z.string(), hash: z.string() }),
});

/** Body of `PATCH /v1/applications/private/{token}`: the student corrects contact data. */
export const ApplicationContactUpdate = z.object({
  email: z.optional(Email),
  phone: z.optional(Phone),
  name: z.optional(text(2, 120)),
  studyProgram: z.optional(text(2, 120)),
  semester: z.optional(z.number().check(z.int(), z.gte(1), z.lte(14))),
});

/** The private link's token: 32 random bytes, base64url. */
export const ApplicationToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

export type OpeningStatus = z.infer<typeof OpeningStatus>;
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
export type InternshipOpening = z.infer<typeof InternshipOpening>;
export type OpeningCreate = z.input<typeof OpeningCreate>;
export type OpeningUpdate = z.input<typeof OpeningUpdate>;
export type OpeningListQuery = z.input<typeof OpeningListQuery>;
export type Student = z.output<typeof Student>;
export type StudentInput = z.input<typeof Student>;
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;
export type Challenge = z.infer<typeof Challenge>;
export type ApplicationCreate = z.input<typeof ApplicationCreate>;
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;
export type ConsentRecord = z.infer<typeof ConsentRecord>;
export type InternshipApplication = z.infer<typeof InternshipApplication>;
export type ApplicationListQuery = z.input<typeof ApplicationListQuery>;
export type ApplicationTransition = z.input<typeof ApplicationTransition>;
export type ApplicationPrivateView = z.infer<typeof ApplicationPrivateView>;
export type ApplicationContactUpdate = z.input<typeof ApplicationContactUpdate>;
