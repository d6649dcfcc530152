// Goals and check-ins: optimistic concurrency (version), racing check-ins, achieving a goal, filters and
// pagination, validation, idempotency and the events they write.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { CheckInResult, Goal, page, problemTypes, topicFor } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { expectProblem } from './helpers.js';
import { caller, castOf, eventsSince, goalBody, lastSeq, thisYear, type Cast } from './coaching-helpers.js';

describe('coaching: goals and check-ins', () => {
  let server: TestServer;
  let cast: Cast;
  let asn: ReturnType<typeof caller>;

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    asn = caller(server, cast.asn.token);
  });
  after(() => server.close());

  const newGoal = async (overrides: Record<string, unknown> = {}) => {
    const res = await asn('POST', '/v1/employees/me/goals', goalBody(overrides));
    assert.equal(res.status, 201, await res.clone().text());
    return z.parse(Goal, await res.json());
  };
  const checkIn = async (goalId: string, value: number, headers: Record<string, string> = {}) =>
    asn('POST', `/v1/goals/${goalId}/check-ins`, { value }, headers);

  it('create: an active goal at version 1 with current 0, in the contract shape', async () => {
    const goal = await newGoal({ title: '  Judul dengan spasi  ' });
    assert.equal(goal.status, 'active');
    assert.equal(goal.version, 1);
    assert.equal(goal.measure.current, 0);
    assert.equal(goal.title, 'Judul dengan spasi');
    assert.equal(goal.employeeId, cast.asn.id);
  });

  it('PATCH with the current version succeeds and increments it; a stale version → 409 naming the current one', async () => {
    const goal = await newGoal();
    const ok = await asn('PATCH', `/v1/goals/${goal.id}`, { version: goal.version, title: 'Judul baru', dueDate: `${thisYear()}-11-30` });
    assert.equal(ok.status, 200, await ok.clone().text());
    const updated = z.parse(Goal, await ok.json());
    assert.equal(updated.version, goal.version + 1);
    assert.equal(updated.title, 'Judul baru');
    assert.equal(updated.dueDate, `${thisYear()}-11-30`);

    const stale = await expectProblem(await asn('PATCH', `/v1/goals/${goal.id}`, { version: goal.version, title: 'Tab lama' }), 409);
    assert.equal(stale.type, problemTypes.conflict);
    assert.match(stale.detail ?? '', new RegExp(`current version is ${updated.version}\\b`));
    const list = await (await asn('GET', '/v1/employees/me/goals')).json();
    assert.equal(list.data.find((g: { id: string }) => g.id === goal.id).title, 'Judul baru', 'the stale write changed nothing');
  });

  it('two tabs PATCH the same version at once: exactly one wins, the other gets 409', async () => {
    const goal = await newGoal();
    const results = await Promise.all(
      ['Tab A', 'Tab B', 'Tab C'].map((title) => asn('PATCH', `/v1/goals/${goal.id}`, { version: goal.version, title })),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409]);
    const winner = await results.find((r) => r.status === 200)!.json();
    assert.equal(winner.version, goal.version + 1);
  });

  it('PATCH requires version: 400 with errors[].path "version"', async () => {
    const goal = await newGoal();
    const p = await expectProblem(await asn('PATCH', `/v1/goals/${goal.id}`, { title: 'Tanpa versi' }), 400);
    assert.ok(p.errors?.some((e) => e.path === 'version'), JSON.stringify(p.errors));
  });

  it('create validation: 400 with field paths', async () => {
    const p = await expectProblem(
      await asn('POST', '/v1/employees/me/goals', goalBody({ title: 'x', measure: { unit: 'modul', target: 0 } })),
      400,
    );
    const paths = p.errors?.map((e) => e.path) ?? [];
    assert.ok(paths.includes('title'), paths.join());
    assert.ok(paths.includes('measure.target'), paths.join());
  });

  it('alignedGoalId must be one of the direct supervisor\'s goals', async () => {
    const own = await newGoal();
    const p = await expectProblem(await asn('POST', '/v1/employees/me/goals', goalBody({ alignedGoalId: own.id })), 400);
    assert.equal(p.errors?.[0].path, 'alignedGoalId');
    const sup = caller(server, cast.supervisor.token);
    const supGoal = await (await sup('POST', '/v1/employees/me/goals', goalBody({ title: 'Target bidang' }))).json();
    const aligned = await newGoal({ alignedGoalId: supGoal.id });
    assert.equal(aligned.alignedGoalId, supGoal.id);
  });

  it('a check-in sets current and bumps the version; reaching the target marks the goal achieved', async () => {
    const goal = await newGoal({ measure: { unit: 'modul', target: 10 } });
    const first = await checkIn(goal.id, 4);
    assert.equal(first.status, 201, await first.clone().text());
    const r1 = z.parse(CheckInResult, await first.json());
    assert.equal(r1.checkIn.value, 4);
    assert.equal(r1.checkIn.authorId, cast.asn.id);
    assert.equal(r1.goal.measure.current, 4);
    assert.equal(r1.goal.status, 'active');
    assert.equal(r1.goal.version, goal.version + 1);

    const r2 = z.parse(CheckInResult, await (await checkIn(goal.id, 10)).json());
    assert.equal(r2.goal.measure.current, 10);
    assert.equal(r2.goal.status, 'achieved');
    assert.equal(r2.goal.version, goal.version + 2);

    // Only active (or draft) goals take check-ins.
    const closed = await expectProblem(await checkIn(goal.id, 11), 409);
    assert.match(closed.detail ?? '', /achieved/);
  });

  it('a check-in above the target also achieves; a draft goal becomes active on its first check-in', async () => {
    const over = await newGoal({ measure: { unit: 'laporan', target: 3 } });
    assert.equal(z.parse(CheckInResult, await (await checkIn(over.id, 5)).json()).goal.status, 'achieved');

    const draft = await newGoal();
    const patched = await (await asn('PATCH', `/v1/goals/${draft.id}`, { version: draft.version, status: 'draft' })).json();
    assert.equal(patched.status, 'draft');
    const r = z.parse(CheckInResult, await (await checkIn(draft.id, 1)).json());
    assert.equal(r.goal.status, 'active');

    const cancelled = await newGoal();
    await asn('PATCH', `/v1/goals/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' });
    await expectProblem(await checkIn(cancelled.id, 1), 409);
  });

  it('racing check-ins: all are stored, the goal holds the value of the latest stored one, one version bump each', async () => {
    const goal = await newGoal({ measure: { unit: 'berkas', target: 1000 } });
    const values = [11, 22, 33, 44, 55];
    const results = await Promise.all(values.map((v) => checkIn(goal.id, v)));
    assert.deepEqual(results.map((r) => r.status), values.map(() => 201));
    const list = z.parse(page(CheckInResult.shape.checkIn), await (await asn('GET', `/v1/goals/${goal.id}/check-ins`)).json());
    assert.deepEqual(list.data.map((c) => c.value).sort((a, b) => a - b), values, 'every check-in is stored');
    const goals = z.parse(page(Goal), await (await asn('GET', '/v1/employees/me/goals?limit=100')).json());
    const now = goals.data.find((g) => g.id === goal.id)!;
    assert.equal(now.version, goal.version + values.length);
    assert.equal(now.measure.current, list.data[0].value, 'current = the value of the newest check-in');
    // Newest first, strictly ordered.
    for (let i = 1; i < list.data.length; i++) assert.ok(list.data[i - 1].createdAt > list.data[i].createdAt);
  });

  it('list filters by year and status, newest first, and pages through every goal exactly once', async () => {
    await newGoal({ title: 'Tahun lalu', year: thisYear() - 1, dueDate: `${thisYear() - 1}-12-01` });
    const all = z.parse(page(Goal), await (await asn('GET', '/v1/employees/me/goals?limit=100')).json()).data;
    assert.ok(all.length >= 8);
    const lastYear = z.parse(page(Goal), await (await asn('GET', `/v1/employees/me/goals?year=${thisYear() - 1}`)).json()).data;
    assert.deepEqual(lastYear.map((g) => g.title), ['Tahun lalu']);
    const achieved = z.parse(page(Goal), await (await asn('GET', '/v1/employees/me/goals?status=achieved&limit=100')).json()).data;
    assert.ok(achieved.length >= 2);
    assert.ok(achieved.every((g) => g.status === 'achieved'));
    assert.equal(achieved.length, all.filter((g) => g.status === 'achieved').length);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { data: Goal[]; nextCursor: string | null } = await (
        await asn('GET', `/v1/employees/me/goals?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...body.data.map((g) => g.id));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all.map((g) => g.id));
  });

  it('events: goal.created + progress.updated; a title-only PATCH is goal.updated alone; a check-in is checkin.created + goal.updated', async () => {
    const topics = [topicFor.employee(cast.asn.id), topicFor.team(cast.supervisor.id)];
    let seq = await lastSeq(server);
    const goal = await newGoal();
    for (const topic of topics) {
      const events = await eventsSince(server, seq, topic);
      assert.deepEqual(events.map((e) => e.type), ['goal.created', 'progress.updated'], topic);
      assert.ok(events.every((e) => e.subjectId === goal.id && e.employeeId === cast.asn.id && e.year === goal.year));
    }
    seq = await lastSeq(server);
    await asn('PATCH', `/v1/goals/${goal.id}`, { version: 1, title: 'Hanya judul' });
    for (const topic of topics) assert.deepEqual((await eventsSince(server, seq, topic)).map((e) => e.type), ['goal.updated'], topic);

    seq = await lastSeq(server);
    await asn('PATCH', `/v1/goals/${goal.id}`, { version: 2, status: 'cancelled' });
    for (const topic of topics) {
      assert.deepEqual((await eventsSince(server, seq, topic)).map((e) => e.type), ['goal.updated', 'progress.updated'], topic);
    }

    const other = await newGoal({ measure: { unit: 'modul', target: 2 } });
    seq = await lastSeq(server);
    const r = z.parse(CheckInResult, await (await checkIn(other.id, 1)).json());
    for (const topic of topics) {
      const events = await eventsSince(server, seq, topic);
      assert.deepEqual(events.map((e) => e.type), ['checkin.created', 'goal.updated'], topic);
      assert.equal(events[0].subjectId, r.checkIn.id);
    }
    seq = await lastSeq(server);
    await checkIn(other.id, 2); // achieved: the summary's counts move
    for (const topic of topics) {
      assert.deepEqual((await eventsSince(server, seq, topic)).map((e) => e.type), ['checkin.created', 'goal.updated', 'progress.updated'], topic);
    }
    // Nothing about this goal on a colleague's topic.
    assert.deepEqual(await eventsSince(server, 0, topicFor.employee(cast.colleague.id)), []);
  });

  it('idempotent replay: the same Idempotency-Key stores one goal and one check-in', async () => {
    const key = { 'idempotency-key': `goal-${Date.now()}` };
    const body = goalBody({ title: 'Sekali saja' });
    const a = await asn('POST', '/v1/employees/me/goals', body, key);
    const b = await asn('POST', '/v1/employees/me/goals', body, key);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotency-replayed'), 'true');
    const [ga, gb] = [await a.json(), await b.json()];
    assert.equal(ga.id, gb.id);
    const stored = await server.deps.db.selectFrom('goals').select('id').where('title', '=', 'Sekali saja').execute();
    assert.equal(stored.length, 1);

    const ck = { 'idempotency-key': `chk-${Date.now()}` };
    const c1 = await (await checkIn(ga.id, 3, ck)).json();
    const c2 = await (await checkIn(ga.id, 3, ck)).json();
    assert.equal(c1.checkIn.id, c2.checkIn.id);
    const list = await (await asn('GET', `/v1/goals/${ga.id}/check-ins`)).json();
    assert.equal(list.data.length, 1);
  });
});
