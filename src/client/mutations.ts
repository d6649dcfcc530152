/**
 * The coaching mutations the outbox may hold, and which cached reads each one makes stale.
 *
 * A goal PATCH or a check-in names only the goal, so the employee whose `goals:`/`progress:` reads are stale is
 * taken from the answer (`goal.employeeId`). Every route whose contract `invalidates` includes `team` drops ALL
 * cached team pages (`team:*`): the row of the employee in their supervisor's team changed and the client does not
 * know who that supervisor is (a refetch of a team page is cheap).
 */
import { acknowledgeFeedback, createCheckIn, createFeedback, createGoal, updateGoal } from '../contract/routes.js';
import type { CacheTag } from './types.js';

export const queueableRoutes = { createGoal, updateGoal, createCheckIn, createFeedback, acknowledgeFeedback } as const;
export type QueueableRoutes = typeof queueableRoutes;
export type QueueableRouteId = keyof QueueableRoutes;

export const isQueueableRoute = (id: string): id is QueueableRouteId => Object.hasOwn(queueableRoutes, id);

/**
 * The employee a mutation touched (`me` or `emp_…`), from its params or its answer; null when not known (an
 * unknown outcome of a route that names only a goal or a feedback).
 */
export function employeeTouched(route: QueueableRouteId, params: { id: string }, result: unknown): string | null {
  const r = (result ?? null) as { employeeId?: unknown; goal?: { employeeId?: unknown } } | null;
  switch (route) {
    case 'createGoal':
    case 'createFeedback':
      return params.id;
    case 'createCheckIn':
      return typeof r?.goal?.employeeId === 'string' ? r.goal.employeeId : null;
    case 'updateGoal':
    case 'acknowledgeFeedback':
      return typeof r?.employeeId === 'string' ? r.employeeId : null;
  }
}

/** Tags of reads keyed by something other than the employee (`checkins:<goalId>`). */
export function extraTags(route: QueueableRouteId, params: { id: string }): CacheTag[] {
  return route === 'createCheckIn' || route === 'updateGoal' ? [`checkins:${params.id}`] : [];
}
