import { z } from 'zod/mini';
import { DateTime, EmployeeId, OpeningId, ProgramId, Year } from './primitives.js';

/**
 * Topics of `GET /v1/events?topics=`: `employee:{id}` (one employee's data), `team:{supervisorId}`
 * (everything about a supervisor's direct reports) `programs` (the catalog: seats, status; any signed-in user) and `applications` (internship applications; admins).
 */
export const Topic = z.string().check(z.regex(/^(?:(?:employee|team):emp_[A-Za-z0-9]{1,40}|programs|applications)$/));

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
  'application.created',
  'application.updated',
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
  /** The opening an application event is about. */
  openingId: z.optional(OpeningId),
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
  /** New and changed internship applications (admins). */
  applications: 'applications' as Topic,
};
