// GET /v1/employees/{id}/team — a supervisor's direct reports (or, scope=all, every employee for an admin),
// each with a slim progress summary. Computed set-based (one query with GROUP BY per table), never per row.
import type { Hono } from 'hono';
import { sql, type RawBuilder } from 'kysely';
import { ANNUAL_JP_TARGET, listTeam, type TeamMember, type TeamSort } from '../../src/contract/index.js';
import { resolveRef } from '../auth.js';
import { bind } from '../bind.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { containsPattern } from '../db/internships.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { witToday, witYear, witYearRange } from '../time.js';
import { AT_RISK_SHARE, atRiskHorizon } from './progress.js';

export const TEAM_DEFAULT_LIMIT = 100;

/** The sort key of each column; every one is non-null so the keyset comparison is total. */
const sortKeys: Record<TeamSort, RawBuilder<unknown>> = {
  name: sql`lower(b.name)`,
  position: sql`lower(b.position)`,
  jp: sql`coalesce(lr.jp, 0)`,
  goalsAchieved: sql`coalesce(g.achieved, 0)`,
  goalsAtRisk: sql`coalesce(g.at_risk, 0)`,
  // No feedback yet sorts before the oldest feedback ('' < any ISO date).
  lastFeedbackAt: sql`coalesce(f.last_at, '')`,
};

interface TeamRow {
  id: string;
  name: string;
  position: string;
  employment_type: 'PNS' | 'PPPK';
  grade: string;
  unit_id: string;
  unit_name: string;
  jp: number;
  goals_total: number;
  goals_achieved: number;
  goals_at_risk: number;
  last_at: string | null;
  unacknowledged: number;
  sort_key: string | number;
}

const toMember = (r: TeamRow): TeamMember => ({
  employee: {
    id: r.id as TeamMember['employee']['id'],
    name: r.name,
    position: r.position,
    employmentType: r.employment_type,
    grade: r.grade,
    unit: { id: r.unit_id as TeamMember['employee']['unit']['id'], name: r.unit_name },
  },
  jp: Number(r.jp),
  targetJp: ANNUAL_JP_TARGET,
  goals: { total: Number(r.goals_total), achieved: Number(r.goals_achieved), atRisk: Number(r.goals_at_risk) },
  feedback: { lastAt: r.last_at, unacknowledged: Number(r.unacknowledged) },
});

export function registerTeam(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, listTeam, async ({ caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    const scope = query.scope ?? 'direct';
    if (scope === 'all' && caller.role !== 'admin') throw new ApiProblem('forbidden', 'Only an admin may list every employee (scope=all)');
    if (caller.role !== 'admin' && id !== caller.id) throw new ApiProblem('forbidden', 'You may list only your own team');
    if (caller.role === 'admin' && id !== caller.id) {
      const exists = await db.selectFrom('employees').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new ApiProblem('notFound', `No employee ${id}`);
    }

    const sort: TeamSort = query.sort ?? 'name';
    const order = query.order ?? 'asc';
    const limit = query.limit ?? TEAM_DEFAULT_LIMIT;
    const year = query.year ?? witYear();
    const [start, end] = witYearRange(year);
    const today = witToday();
    const horizon = atRiskHorizon(today);

    // The cursor carries the sort and order it was made for, the last row's sort key and its id.
    let after: RawBuilder<unknown> = sql`true`;
    if (query.cursor) {
      const [cSort, cOrder, key, lastId] = decodeCursor(query.cursor, 4);
      if (cSort !== sort || cOrder !== order || typeof lastId !== 'string') {
        throw fieldProblem('cursor', 'cursor.invalid', 'This cursor belongs to another sort or order; start again without a cursor');
      }
      after =
        order === 'asc'
          ? sql`(sort_key > ${key} or (sort_key = ${key} and id > ${lastId}))`
          : sql`(sort_key < ${key} or (sort_key = ${key} and id < ${lastId}))`;
    }
    // `true`, not `1`: PostgreSQL wants a boolean condition (SQLite reads `true` as 1).
    const who = scope === 'all' ? sql`true` : sql`e.supervisor_id = ${id}`;
    const search = query.q ? sql`lower(e.name) like ${containsPattern(query.q)} escape '\\'` : sql`true`;
    const dir = sql.raw(order);

    const { rows } = await sql<TeamRow>`
      with base as (
        select e.id, e.name, e.position, e.employment_type, e.grade, e.unit_id, u.name as unit_name
        from employees e join units u on u.id = e.unit_id
        where ${who} and ${search}
      ),
      lr as (
        select employee_id, sum(jp) as jp from learning_records
        where completed_at >= ${start} and completed_at < ${end} and employee_id in (select id from base)
        group by employee_id
      ),
      g as (
        select employee_id,
          count(*) as total,
          sum(case when status = 'achieved' then 1 else 0 end) as achieved,
          sum(case when status = 'active' and (due_date < ${today} or (due_date <= ${horizon} and measure_current < ${AT_RISK_SHARE} * measure_target)) then 1 else 0 end) as at_risk
        from goals
        where year = ${year} and employee_id in (select id from base)
        group by employee_id
      ),
      f as (
        select employee_id, max(created_at) as last_at, sum(case when acknowledged_at is null then 1 else 0 end) as unacknowledged from feedback
        where created_at < ${end} and employee_id in (select id from base)
        group by employee_id
      ),
      rows as (
        select b.id, b.name, b.position, b.employment_type, b.grade, b.unit_id, b.unit_name,
          coalesce(lr.jp, 0) as jp,
          coalesce(g.total, 0) as goals_total, coalesce(g.achieved, 0) as goals_achieved, coalesce(g.at_risk, 0) as goals_at_risk,
          f.last_at, coalesce(f.unacknowledged, 0) as unacknowledged,
          ${sortKeys[sort]} as sort_key
        from base b
        left join lr on lr.employee_id = b.id
        left join g on g.employee_id = b.id
        left join f on f.employee_id = b.id
      )
      select * from rows where ${after}
      order by sort_key ${dir}, id ${dir}
      limit ${limit + 1}
    `.execute(db);

    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      body: {
        data: pageRows.map(toMember),
        nextCursor: rows.length > limit && last ? encodeCursor([sort, order, last.sort_key, last.id]) : null,
      },
    };
  });
}
