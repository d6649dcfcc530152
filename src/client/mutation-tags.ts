/**
 * Which cached reads a coaching mutation makes stale, by route id. Kept apart from `mutations.ts` (the route
 * objects the outbox replays) so a bundle that never mutates carries none of those routes' schemas.
 *
 * A goal PATCH or a check-in names only the goal, so the employee whose `goals:`/`progress:` reads are stale is
 * taken from the answer (`goal.employeeId`).
 */
import type { CacheTag } from './types.js';

export type MutationRouteId =
  | 'createGoal'
  | 'updateGoal'
  | 'createCheckIn'
  | 'createFeedback'
  | 'acknowledgeFeedback'
  | 'createEnrollment'
  | 'cancelEnrollment'
  | 'createApplication';

/**
 * The employee a mutation touched (`me` or `emp_…`), from its params or its answer; null when not known (an
 * unknown outcome of a route that names only a goal or a feedback).
 */
export function employeeTouched(route: MutationRouteId, params: { id: string }, result: unknown): string | null {
  const r = (result ?? null) as { employeeId?: unknown; goal?: { employeeId?: unknown } } | null;
  switch (route) {
    case 'createGoal':
    case 'createFeedback':
      return params.id;
    case 'createCheckIn':
      return typeof r?.goal?.employeeId === 'string' ? r.goal.employeeId : null;
    case 'updateGoal':
    case 'acknowledgeFeedback':
    case 'createEnrollment':
    case 'cancelEnrollment':
      return typeof r?.employeeId === 'string' ? r.employeeId : null;
    case 'createApplication':
      return null; // a student is nobody's employee data: `internships:*` (seats of the opening) only
  }
}

/**
 * Tags of reads keyed by something other than the employee: `checkins:<goalId>`, and for enrolments the catalog
 * (`programs:*`: seats left changed for everyone) and the program's roster (`roster:<programId>`).
 */
export function extraTags(route: MutationRouteId, params: { id: string }): CacheTag[] {
  switch (route) {
    case 'createCheckIn':
    case 'updateGoal':
      return [`checkins:${params.id}`];
    case 'createEnrollment':
      return ['programs:*', `roster:${params.id}`];
    case 'cancelEnrollment':
      return ['programs:*', 'roster:*'];
    default:
      return [];
  }
}
