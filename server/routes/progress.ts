// GET /v1/employees/{id}/progress?year=
import type { Hono } from 'hono';
import { ANNUAL_JP_TARGET, getProgress, type ProgressSummary } from '../../src/contract/index.js';
import { assertCanRead, resolveRef } from '../auth.js';
import { bind } from '../bind.js';
import type { Database } from '../db/database.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { witMonth, witToday, witYear, witYearRange } from '../time.js';

const AT_RISK_WINDOW_DAYS = 30;
export const AT_RISK_SHARE = 0.8;

/** The last due date (inclusive) that counts as "due soon" on `today` (WIT, `YYYY-MM-DD`). */
export const atRiskHorizon = (today: string): string =>
  new Date(Date.parse(`${today}T00:00:00Z`) + AT_RISK_WINDOW_DAYS * 86400000).toISOString().slice(0, 10);

/**
 * A goal is at risk when it is `active` and either
 *  - overdue: its due date is before today (WIT), or
 *  - due within 30 days (today included) with `current` below 80% of `target`.
 */
export function isAtRisk(goal: { status: string; due_date: string; measure_current: number; measure_target: number }, today: string): boolean {
  if (goal.status !== 'active') return false;
  if (goal.due_date < today) return true;
  const horizon = atRiskHorizon(today);
  return goal.due_date <= horizon && goal.measure_current < AT_RISK_SHARE * goal.measure_target;
}

export async function computeProgress(db: Database, employeeId: string, year: number, now = new Date()): Promise<ProgressSummary> {
  const [start, end] = witYearRange(year);
  const records = await db
    .selectFrom('learning_records')
    .select(['jp', 'competency', 'completed_at', 'program_id'])
    .where('employee_id', '=', employeeId)
    .where('completed_at', '>=', start)
    .where('completed_at', '<', end)
    .execute();
  const byCompetency = { technical: 0, managerial: 0, 'socio-cultural': 0 };
  const byMonth = Array.from({ length: 12 }, () => 0);
  let jp = 0;
  let fromPrograms = 0;
  for (const r of records) {
    jp += r.jp;
    if (r.program_id) fromPrograms += r.jp;
    byCompetency[r.competency] += r.jp;
    byMonth[witMonth(r.completed_at)] += r.jp;
  }

  const goals = await db
    .selectFrom('goals')
    .select(['status', 'due_date', 'measure_current', 'measure_target'])
    .where('employee_id', '=', employeeId)
    .where('year', '=', year)
    .execute();
  const today = witToday(now);

  const feedback = await db
    .selectFrom('feedback')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.max('created_at').as('last_at')])
    .where('employee_id', '=', employeeId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .executeTakeFirstOrThrow();

  return {
    employeeId: employeeId as ProgressSummary['employeeId'],
    year,
    learning: { jp, targetJp: ANNUAL_JP_TARGET, byCompetency, fromPrograms, byMonth },
    goals: {
      total: goals.length,
      active: goals.filter((g) => g.status === 'active').length,
      achieved: goals.filter((g) => g.status === 'achieved').length,
      atRisk: goals.filter((g) => isAtRisk(g, today)).length,
    },
    feedback: { total: Number(feedback.total), lastAt: (feedback.last_at as string | null) ?? null },
    // When this summary was computed: it is derived, never stored.
    updatedAt: now.toISOString(),
  };
}

export function registerProgress(app: Hono<AppEnv>, deps: AppDeps): void {
  bind(app, deps, getProgress, async ({ caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(deps.db, caller, id);
    return { body: await computeProgress(deps.db, id, query.year ?? witYear()) };
  });
}
