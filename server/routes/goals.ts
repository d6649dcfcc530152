// GET|POST /v1/employees/{id}/goals, PATCH /v1/goals/{id}, GET|POST /v1/goals/{id}/check-ins
import type { Hono } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import {
  createCheckIn, createGoal, listCheckIns, listGoals, updateGoal, type CheckIn, type Goal,
} from '../../src/contract/index.js';
import { assertCanRead, assertOwnerOrAdmin, resolveRef, type Caller } from '../auth.js';
import { bind } from '../bind.js';
import { forUpdate, type CheckInTable, type DB, type Database, type GoalTable } from '../db/database.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { progressAfter } from '../event-payloads.js';
import { topicsFor, type EventDraft } from '../events.js';
import { newId } from '../ids.js';
import { DEFAULT_LIMIT, keysetPage, pageOf } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { witToday } from '../time.js';
import { isAtRisk } from './progress.js';

type GoalRow = Selectable<GoalTable>;

export const toGoal = (g: GoalRow): Goal => ({
  id: g.id as Goal['id'],
  employeeId: g.employee_id as Goal['employeeId'],
  title: g.title,
  kind: g.kind,
  competency: g.competency,
  measure: { unit: g.measure_unit, target: g.measure_target, current: g.measure_current },
  status: g.status,
  year: g.year,
  dueDate: g.due_date,
  alignedGoalId: g.aligned_goal_id as Goal['alignedGoalId'],
  version: g.version,
  createdAt: g.created_at,
  updatedAt: g.updated_at,
});

export const toCheckIn = (c: Selectable<CheckInTable>): CheckIn => ({
  id: c.id as CheckIn['id'],
  goalId: c.goal_id as CheckIn['goalId'],
  value: c.value,
  note: c.note,
  createdAt: c.created_at,
  authorId: c.author_id as CheckIn['authorId'],
});

/** What a goal adds to the progress summary's goal counts; a change of it means `progress.updated`. */
const summaryShare = (g: GoalRow, today: string) => `${g.status}|${isAtRisk(g, today) ? 1 : 0}`;

/**
 * Loads a goal and checks the caller may see it (owner, direct supervisor, admin). An unknown goal is a 403
 * for a non-admin — the same answer as someone else's goal, so ids do not leak — and a 404 for an admin.
 */
async function goalFor(db: Database, caller: Caller, goalId: string): Promise<{ goal: GoalRow; supervisorId: string | null }> {
  const goal = await db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst();
  if (!goal) {
    if (caller.role === 'admin') throw new ApiProblem('notFound', `No goal ${goalId}`);
    throw new ApiProblem('forbidden', "You may see only your own and your direct reports' goals");
  }
  try {
    const { supervisorId } = await assertCanRead(db, caller, goal.employee_id);
    return { goal, supervisorId };
  } catch (error) {
    if (error instanceof ApiProblem && error.kind === 'forbidden') {
      throw new ApiProblem('forbidden', "You may see only your own and your direct reports' goals");
    }
    throw error;
  }
}

/** Only the owner (or, for `allowAdmin`, an admin) changes a goal; its supervisor reads it. */
function assertGoalWriter(caller: Caller, goal: GoalRow, allowAdmin: boolean, what: string): void {
  if (goal.employee_id === caller.id) return;
  if (allowAdmin && caller.role === 'admin') return;
  throw new ApiProblem('forbidden', `Only the goal's owner${allowAdmin ? ' or an admin' : ''} may ${what}`);
}

async function writeEvents(deps: AppDeps, trx: Kysely<DB>, drafts: EventDraft[], employeeId: string, supervisorId: string | null) {
  return deps.events.write(trx, drafts, topicsFor(employeeId, supervisorId));
}

export function registerGoals(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, listGoals, async ({ caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(db, caller, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = db.selectFrom('goals').selectAll().where('employee_id', '=', id);
    if (query.year !== undefined) q = q.where('year', '=', query.year);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    const rows = await keysetPage(q, { at: 'created_at', id: 'id' }, { limit, cursor: query.cursor }).execute();
    const page = pageOf(rows, limit, (g) => [g.created_at, g.id]);
    return { body: { data: page.data.map(toGoal), nextCursor: page.nextCursor } };
  });

  bind(app, deps, createGoal, async ({ caller, params, body }) => {
    const id = resolveRef(caller, params.id);
    const { supervisorId } = await assertOwnerOrAdmin(db, caller, id, 'Only the employee themselves, or an admin, may add their goals');
    if (body.alignedGoalId) {
      // Cascading: a goal aligns with one of the supervisor's goals.
      const aligned = await db.selectFrom('goals').select(['employee_id']).where('id', '=', body.alignedGoalId).executeTakeFirst();
      if (!aligned || aligned.employee_id !== supervisorId) {
        throw fieldProblem('alignedGoalId', 'goal.not_supervisors', "alignedGoalId must be one of the direct supervisor's goals");
      }
    }
    const now = new Date().toISOString();
    const row: GoalRow = {
      id: newId('goal'),
      employee_id: id,
      title: body.title,
      kind: body.kind,
      competency: body.competency,
      measure_unit: body.measure.unit,
      measure_target: body.measure.target,
      measure_current: 0,
      status: 'active',
      year: body.year,
      due_date: body.dueDate,
      aligned_goal_id: body.alignedGoalId ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const events = await db.transaction().execute(async (trx) => {
      await trx.insertInto('goals').values(row).execute();
      const base = { employeeId: id as Goal['employeeId'], year: row.year, subjectId: row.id, occurredAt: now };
      const progress = await progressAfter(trx, id, row.year);
      return writeEvents(deps, trx, [{ type: 'goal.created', ...base, goal: toGoal(row) }, { type: 'progress.updated', ...base, progress }], id, supervisorId);
    });
    deps.events.notify(events);
    return { status: 201, body: toGoal(row) };
  });

  bind(app, deps, updateGoal, async ({ caller, params, body }) => {
    const { goal, supervisorId } = await goalFor(db, caller, params.id);
    assertGoalWriter(caller, goal, true, 'change it');
    const now = new Date();
    const today = witToday(now);
    const { events, updated } = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
      const target = body.measure?.target ?? before.measure_target;
      let status = body.status ?? before.status;
      // Lowering the target to what is already reached achieves an active goal.
      if (body.measure?.target !== undefined && body.status === undefined && status === 'active' && before.measure_current >= target) {
        status = 'achieved';
      }
      // Atomic compare-and-set on the version: of two tabs that read version n, exactly one wins.
      const result = await trx
        .updateTable('goals')
        .set((eb) => ({
          title: body.title ?? before.title,
          status,
          due_date: body.dueDate ?? before.due_date,
          measure_unit: body.measure?.unit ?? before.measure_unit,
          measure_target: target,
          version: eb('version', '+', 1),
          updated_at: now.toISOString(),
        }))
        .where('id', '=', goal.id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new ApiProblem(
          'conflict',
          `The goal was changed since you read it: you sent version ${body.version}, the current version is ${before.version}. Reload it and apply your change again.`,
        );
      }
      const after = await trx.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
      const base = { employeeId: after.employee_id as Goal['employeeId'], year: after.year, subjectId: after.id, occurredAt: after.updated_at };
      const drafts: EventDraft[] = [{ type: 'goal.updated', ...base, goal: toGoal(after) }];
      if (summaryShare(before, today) !== summaryShare(after, today)) {
        drafts.push({ type: 'progress.updated', ...base, progress: await progressAfter(trx, after.employee_id, after.year) });
      }
      return { events: await writeEvents(deps, trx, drafts, after.employee_id, supervisorId), updated: after };
    });
    deps.events.notify(events);
    return { body: toGoal(updated) };
  });

  bind(app, deps, listCheckIns, async ({ caller, params, query }) => {
    const { goal } = await goalFor(db, caller, params.id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const q = db.selectFrom('check_ins').selectAll().where('goal_id', '=', goal.id);
    const rows = await keysetPage(q, { at: 'created_at', id: 'id' }, { limit, cursor: query.cursor }).execute();
    const page = pageOf(rows, limit, (c) => [c.created_at, c.id]);
    return { body: { data: page.data.map(toCheckIn), nextCursor: page.nextCursor } };
  });

  bind(app, deps, createCheckIn, async ({ caller, params, body }) => {
    const { goal, supervisorId } = await goalFor(db, caller, params.id);
    assertGoalWriter(caller, goal, false, 'check in progress');
    const now = new Date();
    const today = witToday(now);
    // One transaction: the goal is re-read inside it, locked (FOR UPDATE on PostgreSQL; SQLite holds its one
    // connection for the transaction), so two racing check-ins apply one after the other and neither is lost.
    const { events, checkIn, updated } = await db.transaction().execute(async (trx) => {
      const before = await forUpdate(trx, trx.selectFrom('goals').selectAll().where('id', '=', goal.id)).executeTakeFirstOrThrow();
      if (before.status !== 'active' && before.status !== 'draft') {
        throw new ApiProblem('conflict', `The goal is ${before.status}; progress is checked in only on active (or draft) goals`);
      }
      // Check-ins of a goal are strictly ordered by time: the latest one is the goal's current value.
      const latest = await trx
        .selectFrom('check_ins')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('goal_id', '=', goal.id)
        .executeTakeFirst();
      let at = now.getTime();
      const latestAt = latest?.at ? Date.parse(latest.at as string) : Number.NEGATIVE_INFINITY;
      if (at <= latestAt) at = latestAt + 1;
      const createdAt = new Date(at).toISOString();
      const row: Selectable<CheckInTable> = {
        id: newId('chk'),
        goal_id: goal.id,
        value: body.value,
        note: body.note ? body.note : null,
        author_id: caller.id,
        created_at: createdAt,
      };
      await trx.insertInto('check_ins').values(row).execute();
      const status = body.value >= before.measure_target ? 'achieved' : 'active';
      const result = await trx
        .updateTable('goals')
        .set((eb) => ({ measure_current: body.value, status, version: eb('version', '+', 1), updated_at: createdAt }))
        .where('id', '=', goal.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new Error('goal version moved inside a transaction');
      const after = await trx.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
      const base = { employeeId: after.employee_id as Goal['employeeId'], year: after.year, occurredAt: createdAt };
      const drafts: EventDraft[] = [
        { type: 'checkin.created', ...base, subjectId: row.id, checkIn: toCheckIn(row) },
        { type: 'goal.updated', ...base, subjectId: after.id, goal: toGoal(after) },
      ];
      if (summaryShare(before, today) !== summaryShare(after, today)) {
        drafts.push({ type: 'progress.updated', ...base, subjectId: after.id, progress: await progressAfter(trx, after.employee_id, after.year) });
      }
      return { events: await writeEvents(deps, trx, drafts, after.employee_id, supervisorId), checkIn: row, updated: after };
    });
    deps.events.notify(events);
    return { status: 201, body: { checkIn: toCheckIn(checkIn), goal: toGoal(updated) } };
  });
}
