import { z } from 'zod/mini';
import { DateTime, EmployeeId, ProgramId, Year } from './primitives.js';

/**
 * Topics of `GET /v1/events?topics=`: `employee:{id}` (one employee's data), `team:{supervisorId}`
 * (everything about a supervisor's direct reports) and `programs` (the catalog: seats, status; any signed-in user).
 */
export const Topic = z.string().check(z.regex(/^(?:(?:employee|team):emp_[A-Za-z0-9]{1,40}|programs)$/));

export const EventType = z.enum([
  'progress.updated',
  'learning.created',
  'goal.created',
  'goal.updated',
  'checkin.created',
  'feedback.created',
  'feedback.acknowledged',
  'program.updated',
  'enrollment.created',
  'enrollment.updated',
  'recommendation.created',
]);

/** The `data:` of every server-sent event; its `id` is the SSE `id:` used to resume. */
export const ServerEvent = z.object({
  id: z.string(),
  type: EventType,
  topic: Topic,
  /** Whose data changed; absent on the `programs` topic (a program's seats or status, nobody's own data). */
  employeeId: z.optional(EmployeeId),
  /** The program an event is about (program, enrolment and recommendation events). */
  programId: z.optional(ProgramId),
  year: z.optional(Year),
  subjectId: z.optional(z.string()),
  occurredAt: DateTime,
});

export type Topic = z.infer<typeof Topic>;
export type EventType = z.infer<typeof EventType>;
export type ServerEvent = z.infer<typeof ServerEvent>;

export const topicFor = {
  employee: (id: string): Topic => `employee:${id}`,
  team: (supervisorId: string): Topic => `team:${supervisorId}`,
  programs: 'programs' as Topic,
};
