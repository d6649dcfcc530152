// The team overview: rows agree with the progress summary, every sort pages through everyone exactly once,
// search, cursor and limit rules, and a row that moves after a feedback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { TeamMember, TeamSort, page } from '../../src/contract/index.js';
import { computeProgress } from '../../server/routes/progress.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { expectProblem } from './helpers.js';
import { caller, castOf, feedbackBody, type Cast } from './coaching-helpers.js';

const TeamPage = page(TeamMember);

const keyOf = (m: TeamMember, sort: TeamSort): string | number => {
  switch (sort) {
    case 'name':
      return m.employee.name.toLowerCase();
    case 'position':
      return m.employee.position.toLowerCase();
    case 'jp':
      return m.jp;
    case 'goalsAchieved':
      return m.goals.achieved;
    case 'goalsAtRisk':
      return m.goals.atRisk;
    case 'lastFeedbackAt':
      return m.feedback.lastAt ?? '';
  }
};

describe('coaching: team overview', () => {
  let server: TestServer;
  let cast: Cast;
  let admin: ReturnType<typeof caller>;
  let sup: ReturnType<typeof caller>;
  let everyone: string[];

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    admin = caller(server, cast.admin.token);
    sup = caller(server, cast.supervisor.token);
    everyone = (await server.deps.db.selectFrom('employees').select('id').execute()).map((r) => r.id).sort();
  });
  after(() => server.close());

  it("each row agrees with that employee's progress summary and their unacknowledged feedback", async () => {
    const body = z.parse(TeamPage, await (await sup('GET', '/v1/employees/me/team')).json());
    const reports = await server.deps.db.selectFrom('employees').select('id').where('supervisor_id', '=', cast.supervisor.id).execute();
    assert.deepEqual(body.data.map((m) => m.employee.id).sort(), reports.map((r) => r.id).sort());
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    let withSomething = 0;
    for (const m of body.data) {
      const p = await computeProgress(server.deps.db, m.employee.id, year);
      assert.equal(m.jp, p.learning.jp, `${m.employee.id} jp`);
      assert.equal(m.targetJp, 20);
      assert.deepEqual(m.goals, { total: p.goals.total, achieved: p.goals.achieved, atRisk: p.goals.atRisk }, `${m.employee.id} goals`);
      assert.equal(m.feedback.lastAt, p.feedback.lastAt, `${m.employee.id} lastAt`);
      const unack = await server.deps.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('employee_id', '=', m.employee.id)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal(m.feedback.unacknowledged, Number(unack.n));
      if (m.jp > 0 && m.goals.total > 0 && m.feedback.lastAt) withSomething++;
    }
    assert.ok(withSomething > 0, 'the seed gives the team real data to compare');
  });

  for (const sort of TeamSort.options) {
    it(`sort=${sort}: walking every page (asc and desc) returns every employee exactly once, in order`, async () => {
      for (const order of ['asc', 'desc'] as const) {
        const seen: TeamMember[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res = await admin('GET', `/v1/employees/me/team?scope=all&limit=7&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(res.status, 200, await res.clone().text());
          const body = z.parse(TeamPage, await res.json());
          seen.push(...body.data);
          cursor = body.nextCursor;
          pages++;
        } while (cursor && pages < 100);
        const ids = seen.map((m) => m.employee.id);
        assert.equal(new Set(ids).size, ids.length, `${sort} ${order}: no duplicates`);
        assert.deepEqual([...ids].sort(), everyone, `${sort} ${order}: everyone`);
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [keyOf(seen[i - 1], sort), keyOf(seen[i], sort)];
          const tie = a === b;
          const ordered = order === 'asc' ? a < b || (tie && seen[i - 1].employee.id < seen[i].employee.id) : a > b || (tie && seen[i - 1].employee.id > seen[i].employee.id);
          assert.ok(ordered, `${sort} ${order}: row ${i} (${String(a)} then ${String(b)})`);
        }
      }
    });
  }

  it('q: case-insensitive "name contains", combined with scope=all', async () => {
    const row = await server.deps.db.selectFrom('employees').select('name').orderBy('id').executeTakeFirstOrThrow();
    const part = row.name.split(' ')[1]; // a family name
    const expected = (await server.deps.db.selectFrom('employees').select(['id', 'name']).execute())
      .filter((e) => e.name.toLowerCase().includes(part.toLowerCase()))
      .map((e) => e.id)
      .sort();
    for (const q of [part.toUpperCase(), part.toLowerCase()]) {
      const body = z.parse(TeamPage, await (await admin('GET', `/v1/employees/me/team?scope=all&limit=500&q=${encodeURIComponent(q)}`)).json());
      assert.deepEqual(body.data.map((m) => m.employee.id).sort(), expected, q);
    }
    const none = z.parse(TeamPage, await (await admin('GET', '/v1/employees/me/team?scope=all&q=zzzzqqq')).json());
    assert.deepEqual(none.data, []);
  });

  it('a cursor only continues the sort and order it came from; limit is 1–500', async () => {
    const first = z.parse(TeamPage, await (await admin('GET', '/v1/employees/me/team?scope=all&limit=5&sort=jp')).json());
    assert.ok(first.nextCursor);
    const wrong = await expectProblem(await admin('GET', `/v1/employees/me/team?scope=all&limit=5&sort=name&cursor=${first.nextCursor}`), 400);
    assert.equal(wrong.errors?.[0].path, 'cursor');
    await expectProblem(await admin('GET', `/v1/employees/me/team?scope=all&limit=5&sort=jp&order=desc&cursor=${first.nextCursor}`), 400);
    await expectProblem(await admin('GET', '/v1/employees/me/team?scope=all&cursor=garbage'), 400);
    const big = await expectProblem(await admin('GET', '/v1/employees/me/team?scope=all&limit=501'), 400);
    assert.equal(big.errors?.[0].path, 'limit');
    const sortErr = await expectProblem(await admin('GET', '/v1/employees/me/team?sort=age'), 400);
    assert.equal(sortErr.errors?.[0].path, 'sort');
  });

  it("a new feedback moves the report's row: lastAt and the unacknowledged count", async () => {
    const row = async () =>
      z.parse(TeamPage, await (await sup('GET', '/v1/employees/me/team')).json()).data.find((m) => m.employee.id === cast.asn.id)!;
    const before = await row();
    const fb = await (await sup('POST', `/v1/employees/${cast.asn.id}/feedback`, feedbackBody())).json();
    const afterCreate = await row();
    assert.equal(afterCreate.feedback.lastAt, fb.createdAt);
    assert.equal(afterCreate.feedback.unacknowledged, before.feedback.unacknowledged + 1);
    await caller(server, cast.asn.token)('POST', `/v1/feedback/${fb.id}/acknowledge`, {});
    assert.equal((await row()).feedback.unacknowledged, before.feedback.unacknowledged);
  });

  it('each row carries the employment type beside the grade (PNS and PPPK grades are different scales)', async () => {
    const body = z.parse(TeamPage, await (await admin('GET', '/v1/employees/me/team?scope=all&limit=500')).json());
    const rows = await server.deps.db.selectFrom('employees').select(['id', 'employment_type']).execute();
    const typeOf = new Map(rows.map((r) => [r.id, r.employment_type]));
    for (const m of body.data) assert.equal(m.employee.employmentType, typeOf.get(m.employee.id));
    const types = new Set(body.data.map((m) => m.employee.employmentType));
    assert.deepEqual([...types].sort(), ['PNS', 'PPPK']);
    for (const m of body.data) assert.equal(m.employee.grade.includes('/'), m.employee.employmentType === 'PNS', `${m.employee.id} ${m.employee.grade}`);
  });

  it('year: a past year counts that year\'s JP and goals', async () => {
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear() - 1;
    const body = z.parse(TeamPage, await (await sup('GET', `/v1/employees/me/team?year=${year}`)).json());
    for (const m of body.data) {
      const p = await computeProgress(server.deps.db, m.employee.id, year);
      assert.equal(m.jp, p.learning.jp);
      assert.equal(m.goals.total, p.goals.total);
    }
  });
});
