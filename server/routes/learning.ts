// GET|POST /v1/employees/{id}/learning-records
import type { Hono } from 'hono';
import { createLearningRecord, listLearningRecords, type LearningRecord } from '../../src/contract/index.js';
import { assertCanRead, assertCanRecordLearning, resolveRef } from '../auth.js';
import { bind } from '../bind.js';
import type { LearningRecordTable } from '../db/database.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { progressAfter } from '../event-payloads.js';
import { topicsFor } from '../events.js';
import { newId } from '../ids.js';
import { DEFAULT_LIMIT, keysetPage, pageOf } from '../pagination.js';
import { fieldProblem } from '../problem.js';
import { toUtcIso, witYear, witYearRange } from '../time.js';

/** Clock skew tolerated on `completedAt` before it counts as "in the future". */
const FUTURE_SKEW_MS = 60_000;

export const toLearningRecord = (r: LearningRecordTable): LearningRecord => ({
  id: r.id as LearningRecord['id'],
  employeeId: r.employee_id as LearningRecord['employeeId'],
  title: r.title,
  competency: r.competency,
  jp: r.jp,
  completedAt: r.completed_at,
  programId: r.program_id as LearningRecord['programId'],
  evidenceUrl: r.evidence_url,
  createdAt: r.created_at,
});

export function registerLearning(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, listLearningRecords, async ({ caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(db, caller, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = db.selectFrom('learning_records').selectAll().where('employee_id', '=', id);
    if (query.year !== undefined) {
      const [start, end] = witYearRange(query.year);
      q = q.where('completed_at', '>=', start).where('completed_at', '<', end);
    }
    // By when the learning was done, not when it was recorded.
    const rows = await keysetPage(q, { at: 'completed_at', id: 'id' }, { limit, cursor: query.cursor }).execute();
    const page = pageOf(rows, limit, (r) => [r.completed_at, r.id]);
    return { body: { data: page.data.map(toLearningRecord), nextCursor: page.nextCursor } };
  });

  bind(app, deps, createLearningRecord, async ({ caller, params, body }) => {
    const id = resolveRef(caller, params.id);
    const { supervisorId } = await assertCanRecordLearning(db, caller, id);
    const now = new Date();
    const completedAt = toUtcIso(body.completedAt);
    if (Date.parse(completedAt) > now.getTime() + FUTURE_SKEW_MS) {
      throw fieldProblem('completedAt', 'date.future', 'completedAt cannot be in the future');
    }
    if (body.programId) {
      const program = await db.selectFrom('programs').select('id').where('id', '=', body.programId).executeTakeFirst();
      if (!program) throw fieldProblem('programId', 'program.unknown', 'No such program');
    }
    const row: LearningRecordTable = {
      id: newId('lrn'),
      employee_id: id,
      title: body.title,
      competency: body.competency,
      jp: body.jp,
      completed_at: completedAt,
      program_id: body.programId ?? null,
      evidence_url: body.evidenceUrl ?? null,
      created_at: now.toISOString(),
    };
    const events = await db.transaction().execute(async (trx) => {
      await trx.insertInto('learning_records').values(row).execute();
      const base = { employeeId: id as LearningRecord['employeeId'], year: witYear(completedAt), subjectId: row.id, occurredAt: row.created_at };
      const progress = await progressAfter(trx, id, base.year);
      return deps.events.write(
        trx,
        [{ type: 'learning.created', ...base, learningRecord: toLearningRecord(row) }, { type: 'progress.updated', ...base, progress }],
        topicsFor(id, supervisorId),
      );
    });
    deps.events.notify(events);
    return { status: 201, body: toLearningRecord(row) };
  });
}
