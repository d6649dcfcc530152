import { z } from 'zod/mini';
import {
  Competency, DateTime, EmployeeId, HttpUrl, Jp, LearningRecordId, PastDateTime, ProgramId, inProgressYears, text,
} from './primitives.js';

/** One finished piece of competency development, counted in JP (1 JP = 45 minutes). */
export const LearningRecord = z.object({
  id: LearningRecordId,
  employeeId: EmployeeId,
  title: text(3, 200),
  competency: Competency,
  jp: Jp,
  completedAt: DateTime,
  programId: z.nullable(ProgramId),
  evidenceUrl: z.nullable(HttpUrl),
  createdAt: DateTime,
});

/** Body of `POST /v1/employees/{id}/learning-records` (admin, or the employee's self-report). */
export const LearningRecordCreate = z.object({
  title: text(3, 200),
  competency: Competency,
  jp: Jp,
  /** When it was finished: not in the future (a day of skew), in a WIT year progress counts (2000 on). */
  completedAt: /*#__PURE__*/ PastDateTime.check(inProgressYears()),
  programId: z.optional(z.nullable(ProgramId)),
  evidenceUrl: z.optional(z.nullable(HttpUrl)),
});

export type LearningRecord = z.infer<typeof LearningRecord>;
export type LearningRecordCreate = z.input<typeof LearningRecordCreate>;
