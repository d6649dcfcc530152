// Topics and event types, apart from the event schema (server-event.ts): a widget's bundle needs these (checking a
// topic, whether an event has a payload), while the schema with its payloads is for the event stream's own chunk.
import { z } from 'zod/mini';

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

/** Each payload field of `ServerEvent` and the event types (by prefix) that may carry it. */
export const PAYLOAD_OF = {
  feedback: 'feedback.',
  unacknowledgedFeedback: 'feedback.',
  progress: 'progress.',
  goal: 'goal.',
  checkIn: 'checkin.',
  learningRecord: 'learning.',
} as const;

/** Whether an event says what changed (else the only way to apply it is a refetch: an event stored before #9, say). */
export const hasPayload = (event: Partial<Record<keyof typeof PAYLOAD_OF, unknown>>): boolean =>
  Object.keys(PAYLOAD_OF).some((key) => event[key as keyof typeof PAYLOAD_OF] !== undefined);

export type Topic = z.infer<typeof Topic>;
export type EventType = z.infer<typeof EventType>;

export const topicFor = {
  employee: (id: string): Topic => `employee:${id}`,
  team: (supervisorId: string): Topic => `team:${supervisorId}`,
  programs: 'programs' as Topic,
  /** New and changed internship applications (admins). */
  applications: 'applications' as Topic,
};
