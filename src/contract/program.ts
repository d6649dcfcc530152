import { z } from 'zod/mini';
import { Competency, DateTime, EmployeeId, EnrollmentId, HttpUrl, Jp, PartnerId, ProgramId, text } from './primitives.js';

export const ProgramType = z.enum(['training', 'seminar', 'workshop', 'e-learning']);
export const ProgramStatus = z.enum(['open', 'closed', 'completed', 'cancelled']);

/** Training, seminar, workshop or e-learning; `location` for classroom, `onlineUrl` for online. */
export const Program = z.object({
  id: ProgramId,
  title: text(3, 200),
  type: ProgramType,
  competency: Competency,
  partnerId: z.nullable(PartnerId),
  startsAt: DateTime,
  endsAt: DateTime,
  location: z.nullable(text(2, 200)),
  onlineUrl: z.nullable(HttpUrl),
  jp: Jp,
  capacity: z.number().check(z.int(), z.gte(1)),
  enrolled: z.number().check(z.int(), z.gte(0)),
  status: ProgramStatus,
});

export const EnrollmentStatus = z.enum(['registered', 'completed', 'cancelled']);

/** Completing an enrollment creates a LearningRecord, so its JP shows in progress at once. */
export const Enrollment = z.object({
  id: EnrollmentId,
  programId: ProgramId,
  employeeId: EmployeeId,
  status: EnrollmentStatus,
  createdAt: DateTime,
  completedAt: z.nullable(DateTime),
});

export type Program = z.infer<typeof Program>;
export type Enrollment = z.infer<typeof Enrollment>;
