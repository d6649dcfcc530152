import { z } from 'zod/mini';
import { Unit } from './employee.js';
import { ApplicationId, DateOnly, DateTime, Email, OpeningId, PartnerId, Phone, text } from './primitives.js';

export const OpeningStatus = z.enum(['open', 'closed', 'filled']);

/** An internship where students join a government project. */
export const InternshipOpening = z.object({
  id: OpeningId,
  title: text(3, 200),
  unit: Unit,
  description: text(10, 4000),
  skills: z.array(text(1, 60)),
  quota: z.number().check(z.int(), z.gte(1)),
  accepted: z.number().check(z.int(), z.gte(0)),
  startsOn: DateOnly,
  endsOn: DateOnly,
  applyBy: DateOnly,
  status: OpeningStatus,
  /** Universities whose students may apply. */
  partnerIds: z.array(PartnerId),
});

export const Student = z.object({
  name: text(2, 120),
  /** Student number: no national format; unique per (university, NIM) per opening. */
  nim: text(1, 30),
  studyProgram: text(2, 120),
  semester: z.number().check(z.int(), z.gte(1), z.lte(14)),
  email: Email,
  phone: Phone,
});

/** Consent under UU 27/2022 (PDP): explicit, recorded with the notice version and time. */
export const Consent = z.object({
  noticeVersion: text(1, 40),
  acceptedAt: DateTime,
});

export const ApplicationStatus = z.enum(['submitted', 'reviewing', 'accepted', 'rejected', 'withdrawn']);

export const InternshipApplication = z.object({
  id: ApplicationId,
  reference: z.string().check(z.regex(/^MG-\d{4}-\d{6}$/)),
  openingId: OpeningId,
  partnerId: PartnerId,
  student: Student,
  motivation: text(30, 2000),
  consent: Consent,
  status: ApplicationStatus,
  createdAt: DateTime,
});

export const InternshipApplicationCreate = z.object({
  partnerId: PartnerId,
  student: Student,
  motivation: text(30, 2000),
  consent: z.object({
    noticeVersion: text(1, 40),
    accepted: z.literal(true, { error: 'Consent must be given explicitly' }),
  }),
});

export type InternshipOpening = z.infer<typeof InternshipOpening>;
export type InternshipApplication = z.infer<typeof InternshipApplication>;
export type InternshipApplicationCreate = z.input<typeof InternshipApplicationCreate>;
