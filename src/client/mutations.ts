/**
 * The mutations the outbox may hold, by id (an outbox entry stores the id and is replayed through the route).
 * Which reads each one makes stale: `mutation-tags.ts`.
 *
 * The outbox replays only routes this client knows: the coaching routes below (`enableOutbox` registers them),
 * and any route a resource registers (`enrollmentsResource` adds enrolling and cancelling, `internshipsResource`
 * applying to an opening). So a page with a goal list does not carry the program schemas, and an enrolment queued
 * on another page waits for a page that does.
 */
import type { createApplication } from '../contract/partnership-routes.js';
import type { cancelEnrollment, createEnrollment } from '../contract/program-routes.js';
import { acknowledgeFeedback, createCheckIn, createFeedback, createGoal, updateGoal } from '../contract/routes.js';
import type { MutationRouteId } from './mutation-tags.js';

export const coachingQueueableRoutes = { createGoal, updateGoal, createCheckIn, createFeedback, acknowledgeFeedback } as const;

export type QueueableRoutes = typeof coachingQueueableRoutes & {
  createEnrollment: typeof createEnrollment;
  cancelEnrollment: typeof cancelEnrollment;
  createApplication: typeof createApplication;
};
export type QueueableRouteId = keyof QueueableRoutes;

// Every mutation that has invalidation rules is queueable, and the reverse.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const queueableRouteIdsMatch: Same<QueueableRouteId, MutationRouteId> = true;
