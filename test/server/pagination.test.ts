// Keyset pagination of the newest-first lists (goals, check-ins, feedback, learning records), walked page by
// page over HTTP. Rows sharing a timestamp are inserted straight into the database (the API never writes
// two check-ins at one instant), so page boundaries fall inside groups that only the id orders.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../server/ids.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem } from './helpers.js';
import { castOf, thisYear, type Cast } from './coaching-helpers.js';

interface Item {
  id: string;
  at: string;
}

interface ListCase {
  name: string;
  path: () => string;
  /** Every row the list holds, from the database, in the order the API must give. */
  expected: () => Promise<Item[]>;
  /** The response field the list is sorted by. */
  atField: 'createdAt' | 'completedAt';
}

/** Newest first, the id breaking ties; ids are ASCII, so JS order is SQLite's binary order. */
const newestFirst = (rows: Item[]) => [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
const DAY = 86400_000;

describe('keyset pagination of the list routes', () => {
  let server: TestServer;
  let cast: Cast;
  let goalId: string;
  const db = () => server.deps.db;
  /** GET a list path with extra query parameters, as the admin (who may read everyone's lists). */
  const get = (path: string, params: Record<string, string | number>): Promise<Response> => {
    const extra = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    return fetch(`${server.url}${path}${path.includes('?') ? '&' : '?'}${extra}`, { headers: authHeader(cast.admin.token) });
  };

  /** Timestamps shared by several rows: five at one instant, two at another. */
  const tied = () => [...Array<string>(5).fill(isoAgo(3 * DAY)), ...Array<string>(2).fill(isoAgo(5 * DAY)), isoAgo(4 * DAY)];

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    const year = thisYear();
    const goals = tied().map((at, i) => ({
      id: newId('goal'), employee_id: cast.asn.id, title: `Sasaran ${i}`, kind: 'development' as const, competency: 'technical' as const,
      measure_unit: 'modul', measure_target: 10, measure_current: 0, status: i % 2 ? ('achieved' as const) : ('active' as const),
      year, due_date: `${year}-12-15`, aligned_goal_id: null, version: 1, created_at: at, updated_at: at,
    }));
    await db().insertInto('goals').values(goals).execute();
    goalId = goals[0].id;
    await db()
      .insertInto('check_ins')
      .values(tied().map((at, i) => ({ id: newId('chk'), goal_id: goalId, value: i, note: null, author_id: cast.asn.id, created_at: at })))
      .execute();
    await db()
      .insertInto('feedback')
      .values(tied().map((at) => ({
        id: newId('fb'), employee_id: cast.asn.id, author_id: cast.supervisor.id, kind: 'appreciation' as const, rating: 'above' as const,
        goal_id: null, message: 'Terima kasih.', created_at: at, acknowledged_at: null, response: null,
      })))
      .execute();
    await db()
      .insertInto('learning_records')
      .values(tied().map((at) => ({
        id: newId('lrn'), employee_id: cast.asn.id, title: 'Pelatihan Literasi Digital', competency: 'technical' as const, jp: 2,
        completed_at: at, program_id: null, evidence_url: null, created_at: isoAgo(0),
      })))
      .execute();
  });
  after(() => server.close());

  const cases = (): ListCase[] => [
    {
      name: 'goals',
      path: () => `/v1/employees/${cast.asn.id}/goals`,
      atField: 'createdAt',
      expected: async () =>
        newestFirst(await db().selectFrom('goals').select(['id', 'created_at as at']).where('employee_id', '=', cast.asn.id).execute()),
    },
    {
      name: 'goals?status=active',
      path: () => `/v1/employees/${cast.asn.id}/goals?status=active`,
      atField: 'createdAt',
      expected: async () =>
        newestFirst(
          await db().selectFrom('goals').select(['id', 'created_at as at']).where('employee_id', '=', cast.asn.id).where('status', '=', 'active').execute(),
        ),
    },
    {
      name: 'check-ins',
      path: () => `/v1/goals/${goalId}/check-ins`,
      atField: 'createdAt',
      expected: async () => newestFirst(await db().selectFrom('check_ins').select(['id', 'created_at as at']).where('goal_id', '=', goalId).execute()),
    },
    {
      name: 'feedback',
      path: () => `/v1/employees/${cast.asn.id}/feedback`,
      atField: 'createdAt',
      expected: async () =>
        newestFirst(await db().selectFrom('feedback').select(['id', 'created_at as at']).where('employee_id', '=', cast.asn.id).execute()),
    },
    {
      name: 'learning records (by completedAt)',
      path: () => `/v1/employees/${cast.asn.id}/learning-records`,
      atField: 'completedAt',
      expected: async () =>
        newestFirst(
          await db().selectFrom('learning_records').select(['id', 'completed_at as at']).where('employee_id', '=', cast.asn.id).execute(),
        ),
    },
  ];

  /** Follows nextCursor to the end; fails on an empty page or a runaway loop. */
  async function walk(list: ListCase, limit: number): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      assert.ok(pages < 200, `${list.name}: too many pages`);
      const res = await get(list.path(), cursor ? { limit, cursor } : { limit });
      assert.equal(res.status, 200, await res.clone().text());
      const body = (await res.json()) as { data: Array<Record<string, string>>; nextCursor: string | null };
      assert.ok(body.data.length <= limit, `${list.name}: a page holds at most ${limit}`);
      items.push(...body.data.map((d) => ({ id: d.id, at: d[list.atField] })));
      cursor = body.nextCursor;
      if (!cursor) return items;
      assert.equal(body.data.length, limit, `${list.name}: only the last page is short`);
    }
  }

  for (const limit of [1, 2, 3, 100]) {
    it(`limit=${limit}: every list gives each row exactly once, newest first, ties broken by id descending`, async () => {
      for (const list of cases()) {
        const expected = await list.expected();
        const ats = expected.map((e) => e.at);
        assert.ok(ats.some((at, i) => ats.indexOf(at) !== i), `${list.name}: the data has tied timestamps`);
        const walked = await walk(list, limit);
        assert.equal(new Set(walked.map((w) => w.id)).size, walked.length, `${list.name}: no row twice`);
        assert.deepEqual(walked, expected, `${list.name}: every row, in order`);
      }
    });
  }

  it('a page of exactly the remaining rows has no next cursor (no empty trailing page)', async () => {
    for (const list of cases()) {
      const n = (await list.expected()).length;
      const res = await get(list.path(), { limit: n });
      const body = (await res.json()) as { data: unknown[]; nextCursor: string | null };
      assert.equal(body.data.length, n, list.name);
      assert.equal(body.nextCursor, null, list.name);
    }
  });

  it('an invalid cursor → 400 problem+json naming `cursor`, on every list', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const bad = ['garbage', b64(['2024-01-01T00:00:00.000Z']), b64([{ at: 1 }, 'goal_x']), b64({ at: 'x', id: 'y' }), 'x'.repeat(201)];
    for (const list of cases()) {
      for (const cursor of bad) {
        const problem = await expectProblem(await get(list.path(), { cursor }), 400);
        assert.deepEqual(problem.errors?.map((e) => e.path), ['cursor'], `${list.name}: ${cursor.slice(0, 40)}`);
      }
    }
  });
});
