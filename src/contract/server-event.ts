// The data of a server-sent event and the stream's reset signal (see events.ts for topics and types).
import { z } from 'zod/mini';
import { PAYLOAD_OF, EventType, Topic } from './event-kinds.js';
import { Feedback } from './feedback.js';
import { CheckIn, Goal } from './goal.js';
import { LearningRecord } from './learning.js';
import { DateTime, EmployeeId, OpeningId, ProgramId, Year } from './primitives.js';
import { ProgressSummary } from './progress.js';

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
  // What changed, so a subscriber applies it without a read (events written since issue #9). Events stored
  // before carry none of these, nor do some kinds (program, enrolment, application): refetch then. Each goes to
  // `employee:{employeeId}` and `team:{supervisor}`, whose subscribers may all read the employee's data.
  /** `feedback.created` / `feedback.acknowledged`: the feedback as it is now. */
  feedback: z.optional(Feedback),
  /** `feedback.*`: the recipient's unacknowledged feedback count after the change (a team row's figure). */
  unacknowledgedFeedback: z.optional(z.number().check(z.int(), z.gte(0))),
  /** `progress.updated`: the summary of `year` after the change (`updatedAt` says when it was computed). */
  progress: z.optional(ProgressSummary),
  /** `goal.created` / `goal.updated`: the goal after the change; its `version` is the one to apply after `version - 1`. */
  goal: z.optional(Goal),
  /** `checkin.created`: the new check-in. */
  checkIn: z.optional(CheckIn),
  /** `learning.created`: the new record. */
  learningRecord: z.optional(LearningRecord),
}).check(
  // A payload belongs to its event type, and is the event's employee's own data (never another's on their topics).
  z.refine((e) =>
    Object.entries(PAYLOAD_OF).every(([key, type]) => {
      const value = (e as Record<string, unknown>)[key] as { employeeId?: string } | undefined;
      return value === undefined || (e.type.startsWith(type) && (value.employeeId ?? e.employeeId) === e.employeeId);
    }),
  ),
);

/**
 * `event: reset` on the stream: the `Last-Event-ID` sent is not one this server can resume from (ahead of its
 * newest event after a reseed, restore or database switch, or older than the oldest event it keeps). Reload
 * everything the topics cover; the message's `id:` (= `lastEventId`) is a valid position to resume from.
 */
export const StreamReset = z.object({
  reason: z.enum(['ahead', 'pruned']),
  /** The server's newest event id (`"0"` when it has none): where this stream continues from. */
  lastEventId: z.string(),
  message: z.string(),
});

export type ServerEvent = z.infer<typeof ServerEvent>;
export type StreamReset = z.infer<typeof StreamReset>;
