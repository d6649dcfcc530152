import { z } from 'zod/mini';
import { Unit } from './employee.js';
import { DateTime, EmployeeId, EmploymentType, Grade, text } from './primitives.js';

/** One row of a supervisor's team overview: who, and a slim progress summary (5,000 rows must stay light). */
export const TeamMember = z.object({
  employee: z.object({
    id: EmployeeId,
    name: text(2, 120),
    position: text(2, 160),
    /** PNS or PPPK: their grades are different scales (`III/a` vs `IX`), so a grade is shown with it. */
    employmentType: EmploymentType,
    grade: Grade,
    unit: Unit,
  }),
  jp: z.number().check(z.gte(0)),
  targetJp: z.number().check(z.gte(0)),
  goals: z.object({
    total: z.number().check(z.int(), z.gte(0)),
    achieved: z.number().check(z.int(), z.gte(0)),
    atRisk: z.number().check(z.int(), z.gte(0)),
  }),
  feedback: z.object({ lastAt: z.nullable(DateTime), unacknowledged: z.number().check(z.int(), z.gte(0)) }),
});

export const TeamSort = z.enum(['name', 'position', 'jp', 'goalsAchieved', 'goalsAtRisk', 'lastFeedbackAt']);

export type TeamMember = z.infer<typeof TeamMember>;
export type TeamSort = z.infer<typeof TeamSort>;
