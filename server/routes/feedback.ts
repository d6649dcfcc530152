// GET|POST /v1/employees/{id}/feedback, POST /v1/feedback/{id}/acknowledge
//
// Messages are plain text: stored as given (trimmed by the contract), never sanitised into or out of HTML.
// The components render them as text.
import type { Hono } from 'hono';
import { acknowledgeFeedback, createFeedback, listFeedback, type Feedback } from '../../src/contract/index.js';
import { assertCanGiveFeedback, assertCanRead, resolveRef } from '../auth.js';
import { bind } from '../bind.js';
import type { Database, FeedbackTable } from '../db/database.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { progressAfter, unacknowledgedAfter } from '../event-payloads.js';
import { topicsFor } from '../events.js';
import { newId } from '../ids.js';
import { DEFAULT_LIMIT, keysetPage, pageOf } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { witYear } from '../time.js';

type FeedbackRow = FeedbackTable & { author_name: string | null };

export const toFeedback = (f: FeedbackRow): Feedback => ({
  id: f.id as Feedback['id'],
  employeeId: f.employee_id as Feedback['employeeId'],
  authorId: f.author_id as Feedback['authorId'],
  ...(f.author_name ? { authorName: f.author_name } : {}),
  kind: f.kind,
  rating: f.rating,
  goalId: f.goal_id as Feedback['goalId'],
  message: f.message,
  createdAt: f.created_at,
  acknowledgedAt: f.acknowledged_at,
  response: f.response,
});

const feedbackQuery = (db: Database) =>
  db.selectFrom('feedback as f').leftJoin('employees as a', 'a.id', 'f.author_id').selectAll('f').select('a.name as author_name');

export function registerFeedback(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, listFeedback, async ({ caller, params, query }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(db, caller, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const q = feedbackQuery(db).where('f.employee_id', '=', id);
    // Qualified: the joined author row has its own created_at and id.
    const rows = await keysetPage(q, { at: 'f.created_at', id: 'f.id' }, { limit, cursor: query.cursor }).execute();
    const page = pageOf(rows, limit, (r) => [r.created_at, r.id]);
    return { body: { data: page.data.map(toFeedback), nextCursor: page.nextCursor } };
  });

  bind(app, deps, createFeedback, async ({ caller, params, body }) => {
    const id = resolveRef(caller, params.id);
    const { supervisorId } = await assertCanGiveFeedback(db, caller, id);
    if (body.goalId) {
      const goal = await db.selectFrom('goals').select('employee_id').where('id', '=', body.goalId).executeTakeFirst();
      if (!goal || goal.employee_id !== id) throw fieldProblem('goalId', 'goal.not_recipients', 'goalId must be one of the recipient’s goals');
    }
    const now = new Date().toISOString();
    const row: FeedbackTable = {
      id: newId('fb'),
      employee_id: id,
      author_id: caller.id,
      kind: body.kind,
      rating: body.rating ?? null,
      goal_id: body.goalId ?? null,
      message: body.message,
      created_at: now,
      acknowledged_at: null,
      response: null,
    };
    const author = await db.selectFrom('employees').select('name').where('id', '=', caller.id).executeTakeFirst();
    const feedback = toFeedback({ ...row, author_name: author?.name ?? null });
    const events = await db.transaction().execute(async (trx) => {
      await trx.insertInto('feedback').values(row).execute();
      const base = { employeeId: id as Feedback['employeeId'], year: witYear(now), subjectId: row.id, occurredAt: now };
      const unacknowledgedFeedback = await unacknowledgedAfter(trx, id);
      // A new feedback always moves the summary (feedback total and lastAt).
      const progress = await progressAfter(trx, id, base.year);
      return deps.events.write(
        trx,
        [{ type: 'feedback.created', ...base, feedback, unacknowledgedFeedback }, { type: 'progress.updated', ...base, progress }],
        topicsFor(id, supervisorId),
      );
    });
    deps.events.notify(events);
    return { status: 201, body: feedback };
  });

  bind(app, deps, acknowledgeFeedback, async ({ caller, params, body }) => {
    const found = await db
      .selectFrom('feedback as f')
      .innerJoin('employees as e', 'e.id', 'f.employee_id')
      .select(['f.id', 'f.employee_id', 'f.author_id', 'e.supervisor_id'])
      .where('f.id', '=', params.id)
      .executeTakeFirst();
    if (!found) {
      if (caller.role === 'admin') throw new ApiProblem('notFound', `No feedback ${params.id}`);
      throw new ApiProblem('forbidden', 'Only the recipient may acknowledge feedback');
    }
    if (found.employee_id !== caller.id) {
      throw new ApiProblem(
        'forbidden',
        found.author_id === caller.id ? 'Only the recipient may acknowledge feedback, not its author' : 'Only the recipient may acknowledge feedback',
      );
    }
    const now = new Date().toISOString();
    const { events, row } = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('feedback')
        .set({ acknowledged_at: now, response: body.response ? body.response : null })
        .where('id', '=', found.id)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('feedback').select('acknowledged_at').where('id', '=', found.id).executeTakeFirst();
        throw new ApiProblem('conflict', `This feedback was already acknowledged at ${current?.acknowledged_at ?? 'an earlier time'}`);
      }
      const base = { employeeId: found.employee_id as Feedback['employeeId'], year: witYear(now), subjectId: found.id, occurredAt: now };
      const row = await feedbackQuery(trx).where('f.id', '=', found.id).executeTakeFirstOrThrow();
      const payload = { feedback: toFeedback(row), unacknowledgedFeedback: await unacknowledgedAfter(trx, found.employee_id) };
      // Acknowledging changes no summary count (total, lastAt), only the team's unacknowledged count.
      const written = await deps.events.write(trx, [{ type: 'feedback.acknowledged', ...base, ...payload }], topicsFor(found.employee_id, found.supervisor_id));
      return { events: written, row };
    });
    deps.events.notify(events);
    return { body: toFeedback(row) };
  });
}
