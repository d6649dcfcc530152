import { z } from 'zod/mini';
import { DateTime, EmployeeId, Year } from './primitives.js';

/** Every PNS owes at least 20 JP of competency development a year (PP 11/2017 as amended by PP 17/2020). */
export const ANNUAL_JP_TARGET = 20;

const count = z.number().check(z.int(), z.gte(0));
const hours = z.number().check(z.gte(0));

/** Computed by the server from learning records, goals and feedback. */
export const ProgressSummary = z.object({
  employeeId: EmployeeId,
  year: Year,
  learning: z.object({
    jp: hours,
    targetJp: hours,
    byCompetency: z.object({ technical: hours, managerial: hours, 'socio-cultural': hours }),
    /** Of `jp`: credited by completed programs (the rest was recorded by hand: self-reports and admin entries). */
    fromPrograms: hours,
    /** JP per calendar month (WIT), January first. */
    byMonth: z.array(hours).check(z.length(12)),
  }),
  goals: z.object({ total: count, active: count, achieved: count, atRisk: count }),
  feedback: z.object({ total: count, lastAt: z.nullable(DateTime) }),
  updatedAt: DateTime,
});

export type ProgressSummary = z.infer<typeof ProgressSummary>;
