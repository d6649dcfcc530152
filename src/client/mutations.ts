/**
 * The coaching mutations the outbox may hold, by id (an outbox entry stores the id and is replayed through the
 * route). Which reads each one makes stale: `mutation-tags.ts`.
 */
import { acknowledgeFeedback, createCheckIn, createFeedback, createGoal, updateGoal } from '../contract/routes.js';
import type { MutationRouteId } from './mutation-tags.js';

export const queueableRoutes = { createGoal, updateGoal, createCheckIn, createFeedback, acknowledgeFeedback } as const satisfies Record<
  MutationRouteId,
  unknown
>;
export type QueueableRoutes = typeof queueableRoutes;
export type QueueableRouteId = keyof QueueableRoutes;

export const isQueueableRoute = (id: string): id is QueueableRouteId => Object.hasOwn(queueableRoutes, id);
