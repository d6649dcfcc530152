/**
 * Which goals the list marks "at risk" and "overdue". The progress card and the team overview only get counts
 * from the server, so the list applies the same rule to each goal itself.
 *
 * Mirrors `isAtRisk` in server/routes/progress.ts (also written as SQL in server/routes/team.ts): keep the three
 * in step. The contract has no shared copy of the rule.
 */
import type { Goal } from '../../src/contract/index.js';

/** "Due soon": due within this many days from today (today included). Server: `AT_RISK_WINDOW_DAYS`. */
export const AT_RISK_WINDOW_DAYS = 30;
/** Below this share of the target, a goal due soon is at risk. Server: `AT_RISK_SHARE`. */
export const AT_RISK_SHARE = 0.8;

const WIT_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

type RiskInput = Pick<Goal, 'status' | 'dueDate'> & { measure: Pick<Goal['measure'], 'current' | 'target'> };

/** Today's date in WIT (UTC+9, no daylight saving) as `YYYY-MM-DD`, as the server counts it (`witToday`). */
export function todayInWit(now: Date = new Date()): string {
  return new Date(now.getTime() + WIT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last due date (inclusive) that counts as "due soon" on `today`. */
export function atRiskHorizon(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + AT_RISK_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
}

/**
 * At risk (the server's rule): `active`, and either overdue or due within 30 days with progress below 80% of the
 * target. Dates are `YYYY-MM-DD`, so comparing the strings compares the days.
 */
export function isAtRisk(goal: RiskInput, today: string): boolean {
  if (goal.status !== 'active') return false;
  if (goal.dueDate < today) return true;
  return goal.dueDate <= atRiskHorizon(today) && goal.measure.current < AT_RISK_SHARE * goal.measure.target;
}

/**
 * Past its due date and still open (`active` or `draft`). An achieved goal is done; a missed or cancelled one is
 * closed and its status already says so.
 */
export function isOverdue(goal: Pick<Goal, 'status' | 'dueDate'>, today: string): boolean {
  return (goal.status === 'active' || goal.status === 'draft') && goal.dueDate < today;
}
