import { z } from 'zod/mini';
import { CheckInId, Competency, DateOnly, DateTime, EmployeeId, GoalId, Year, text } from './primitives.js';

export const GoalKind = z.enum(['performance', 'development']);
export const GoalStatus = z.enum(['draft', 'active', 'achieved', 'missed', 'cancelled']);

export const Measure = z.object({
  unit: text(1, 40),
  target: z.number().check(z.gt(0), z.lte(1_000_000)),
  current: z.number().check(z.gte(0), z.lte(1_000_000)),
});

export const Goal = z.object({
  id: GoalId,
  employeeId: EmployeeId,
  title: text(3, 200),
  kind: GoalKind,
  competency: Competency,
  measure: Measure,
  status: GoalStatus,
  year: Year,
  dueDate: DateOnly,
  alignedGoalId: z.nullable(GoalId),
  version: z.number().check(z.int(), z.gte(1)),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const GoalCreate = z.object({
  title: text(3, 200),
  kind: GoalKind,
  competency: Competency,
  measure: z.object({ unit: text(1, 40), target: z.number().check(z.gt(0), z.lte(1_000_000)) }),
  year: Year,
  dueDate: DateOnly,
  alignedGoalId: z.optional(z.nullable(GoalId)),
});

/** A PATCH carries the `version` it was read at; a stale one is refused with 409. */
export const GoalUpdate = z.object({
  version: z.number().check(z.int(), z.gte(1)),
  title: z.optional(text(3, 200)),
  status: z.optional(GoalStatus),
  dueDate: z.optional(DateOnly),
  measure: z.optional(z.object({ unit: z.optional(text(1, 40)), target: z.optional(z.number().check(z.gt(0), z.lte(1_000_000))) })),
});

export const CheckIn = z.object({
  id: CheckInId,
  goalId: GoalId,
  value: z.number().check(z.gte(0), z.lte(1_000_000)),
  note: z.nullable(text(0, 500)),
  createdAt: DateTime,
  authorId: EmployeeId,
});

export const CheckInCreate = z.object({
  value: z.number().check(z.gte(0), z.lte(1_000_000)),
  note: z.optional(text(0, 500)),
});

export type Goal = z.infer<typeof Goal>;
export type GoalCreate = z.input<typeof GoalCreate>;
export type GoalUpdate = z.input<typeof GoalUpdate>;
export type CheckIn = z.infer<typeof CheckIn>;
export type CheckInCreate = z.input<typeof CheckInCreate>;

/** `POST /v1/goals/{id}/check-ins` answers with the check-in and the goal it moved. */
export const CheckInResult = z.object({ checkIn: CheckIn, goal: Goal });
export type CheckInResult = z.infer<typeof CheckInResult>;
