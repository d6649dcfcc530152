// Server-sent events: live delivery after a mutation, resume with Last-Event-ID, topic authorisation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { ServerEvent, StreamReset } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { feedbackBody, goalBody } from './coaching-helpers.js';
import { authHeader, expectProblem, jsonHeaders, learningBody, readSse, type SseMessage } from './helpers.js';

describe('GET /v1/events', () => {
  let server: TestServer;
  let asn: { id: string; supervisorId: string; token: string };
  let supervisorToken: string;
  let colleagueToken: string;

  before(async () => {
    server = await startServer({ quiet: true });
    const t = await server.tokenFor('employee');
    asn = { id: t.employee.id, supervisorId: t.employee.supervisorId!, token: t.token };
    supervisorToken = (await server.tokenFor(asn.supervisorId)).token;
    const other = await server.deps.db
      .selectFrom('employees')
      .select('id')
      .where('id', 'not in', [asn.id, asn.supervisorId])
      .where('is_admin', '=', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    colleagueToken = (await server.tokenFor(other.id)).token;
  });
  after(() => server.close());

  const open = (token: string, topics: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${server.url}/v1/events?topics=${encodeURIComponent(topics)}`, { headers: { ...authHeader(token), ...headers }, signal });
  const postRecord = (title: string) =>
    fetch(`${server.url}/v1/employees/${asn.id}/learning-records`, {
      method: 'POST',
      headers: jsonHeaders(asn.token),
      body: JSON.stringify(learningBody({ title })),
    });

  it('delivers learning.created and progress.updated after a POST, on the employee and team topics', async () => {
    const own = await open(asn.token, `employee:${asn.id}`);
    assert.equal(own.status, 200);
    assert.match(own.headers.get('content-type') ?? '', /^text\/event-stream/);
    const team = await open(supervisorToken, `team:${asn.supervisorId}`);
    assert.equal(team.status, 200);

    const created = await (await postRecord('Pelatihan langsung')).json();
    const [a, b] = await Promise.all([
      readSse(own, (m) => m.some((x) => x.event === 'progress.updated')),
      readSse(team, (m) => m.some((x) => x.event === 'progress.updated')),
    ]);
    assert.match(a.raw, /^retry: 3000\n\n/);
    for (const [{ messages }, topic] of [[a, `employee:${asn.id}`], [b, `team:${asn.supervisorId}`]] as const) {
      const types = messages.map((m) => m.event);
      assert.deepEqual(types, ['learning.created', 'progress.updated'], topic);
      for (const m of messages) {
        const event = z.parse(ServerEvent, JSON.parse(m.data));
        assert.equal(m.id, event.id);
        assert.equal(event.topic, topic);
        assert.equal(event.employeeId, asn.id);
        assert.equal(event.subjectId, created.id);
        assert.equal(typeof event.year, 'number');
      }
    }
  });

  it('resumes with Last-Event-ID: the event missed while disconnected is delivered (header and query fallback)', async () => {
    const controller = new AbortController();
    const first = await open(asn.token, `employee:${asn.id}`, {}, controller.signal);
    await postRecord('Sebelum putus');
    const { messages } = await readSse(first, (m) => m.some((x) => x.event === 'progress.updated'));
    const lastId = messages.at(-1)!.id!;
    controller.abort();

    // While disconnected:
    const missed = await (await postRecord('Terlewat saat offline')).json();

    for (const resume of [
      () => open(asn.token, `employee:${asn.id}`, { 'last-event-id': lastId }),
      () => fetch(`${server.url}/v1/events?topics=employee:${asn.id}&lastEventId=${lastId}`, { headers: authHeader(asn.token) }),
    ]) {
      const res = await resume();
      assert.equal(res.status, 200);
      const got = await readSse(res, (m) => m.some((x) => x.event === 'progress.updated'));
      assert.deepEqual(got.messages.map((m) => m.event), ['learning.created', 'progress.updated']);
      assert.ok(got.messages.every((m) => Number(m.id) > Number(lastId)), 'only events after Last-Event-ID');
      assert.equal(JSON.parse(got.messages[0].data).subjectId, missed.id);
    }
  });

  it('removes its listener when the client goes away', async () => {
    const controller = new AbortController();
    const baseline = server.deps.events.listenerCount();
    const res = await open(asn.token, `employee:${asn.id}`, {}, controller.signal);
    await readSse(res, () => false, 100).catch(() => undefined);
    controller.abort();
    for (let i = 0; i < 50 && server.deps.events.listenerCount() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(server.deps.events.listenerCount(), baseline);
  });

  const parsed = (m: SseMessage) => z.parse(ServerEvent, JSON.parse(m.data));
  const has = (type: string) => (m: SseMessage[]) => m.some((x) => x.event === type);

  it('events carry what changed: the feedback and unacknowledged count, the progress summary, the goal with its version, the record', async () => {
    const own = await open(asn.token, `employee:${asn.id}`);
    const team = await open(supervisorToken, `team:${asn.supervisorId}`);
    const given = await fetch(`${server.url}/v1/employees/${asn.id}/feedback`, { method: 'POST', headers: jsonHeaders(supervisorToken), body: JSON.stringify(feedbackBody()) });
    assert.equal(given.status, 201);
    const feedback = await given.json();
    const progress = await (await fetch(`${server.url}/v1/employees/${asn.id}/progress`, { headers: authHeader(asn.token) })).json();
    const unacknowledged = await server.deps.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('employee_id', '=', asn.id).where('acknowledged_at', 'is', null).executeTakeFirstOrThrow();
    for (const res of [own, team]) {
      const { messages } = await readSse(res, has('progress.updated'));
      const [created, updated] = messages.map(parsed);
      assert.equal(created.type, 'feedback.created');
      assert.deepEqual(created.feedback, feedback, 'the feedback as the POST answered it');
      assert.equal(created.unacknowledgedFeedback, Number(unacknowledged.n));
      assert.equal(updated.type, 'progress.updated');
      assert.deepEqual({ ...updated.progress, updatedAt: '' }, { ...progress, updatedAt: '' }, 'the summary a GET reads after it');
    }

    const goals = await open(asn.token, `employee:${asn.id}`);
    const goal = await (await fetch(`${server.url}/v1/employees/me/goals`, { method: 'POST', headers: jsonHeaders(asn.token), body: JSON.stringify(goalBody()) })).json();
    const patched = await fetch(`${server.url}/v1/goals/${goal.id}`, { method: 'PATCH', headers: jsonHeaders(asn.token), body: JSON.stringify({ version: 1, title: 'Judul baru sasaran' }) });
    assert.equal(patched.status, 200);
    const { messages } = await readSse(goals, has('goal.updated'));
    const events = messages.map(parsed);
    assert.deepEqual(events.find((e) => e.type === 'goal.created')?.goal, goal);
    assert.equal(events.find((e) => e.type === 'progress.updated')?.progress?.goals.total, progress.goals.total + 1);
    const update = events.find((e) => e.type === 'goal.updated')!;
    assert.equal(update.goal?.version, 2);
    assert.deepEqual(update.goal, await patched.json());

    const records = await open(asn.token, `employee:${asn.id}`);
    const record = await (await postRecord('Dengan isi')).json();
    const learning = (await readSse(records, has('learning.created'))).messages.map(parsed)[0];
    assert.deepEqual(learning.learningRecord, record);
  });

  it('a payload of another type, or about another employee, fails the contract; an old event without one is valid', () => {
    const base = { id: '1', type: 'feedback.created', topic: `employee:${asn.id}`, employeeId: asn.id, occurredAt: new Date().toISOString() };
    assert.ok(ServerEvent.safeParse(base).success, 'stored before payloads');
    const goal = { id: 'goal_x1', employeeId: asn.id, title: 'Sasaran', kind: 'development', competency: 'technical', measure: { unit: 'modul', target: 2, current: 0 }, status: 'active', year: 2026, dueDate: '2026-12-01', alignedGoalId: null, version: 1, createdAt: base.occurredAt, updatedAt: base.occurredAt };
    assert.ok(!ServerEvent.safeParse({ ...base, goal }).success, 'a goal on a feedback event');
    assert.ok(ServerEvent.safeParse({ ...base, type: 'goal.created', goal }).success);
    assert.ok(!ServerEvent.safeParse({ ...base, type: 'goal.created', goal: { ...goal, employeeId: 'emp_someoneelse' } }).success, "another employee's goal");
  });

  it('a Last-Event-ID ahead of the server gets `event: reset` with its newest id, then the live events; that id resumes', async () => {
    const latest = (await server.deps.events.range()).latest;
    const res = await open(asn.token, `employee:${asn.id}`, { 'last-event-id': String(latest + 1000) });
    assert.equal(res.status, 200);
    let posted: Promise<Response> | undefined;
    const { messages } = await readSse(res, (m) => {
      // Write only once the reset arrived: the live event must follow it on the same stream.
      if (!posted && m.some((x) => x.event === 'reset')) posted = postRecord('Setelah reset');
      return m.some((x) => x.event === 'progress.updated');
    });
    assert.equal(messages[0].event, 'reset');
    const reset = z.parse(StreamReset, JSON.parse(messages[0].data));
    assert.deepEqual([reset.reason, reset.lastEventId, messages[0].id], ['ahead', String(latest), String(latest)]);
    assert.deepEqual(messages.slice(1).map((m) => m.event), ['learning.created', 'progress.updated']);
    assert.ok(messages.slice(1).every((m) => Number(m.id) > latest));
    await posted;

    const resumed = await open(asn.token, `employee:${asn.id}`, { 'last-event-id': reset.lastEventId });
    const again = await readSse(resumed, has('progress.updated'));
    assert.deepEqual(again.messages.map((m) => m.event), ['learning.created', 'progress.updated'], 'a replay, no reset');
  });

  it('a Last-Event-ID before the oldest event kept (pruned) gets a reset too; the one just before it replays', async () => {
    await (await postRecord('Sebelum pemangkasan')).json();
    await (await postRecord('Sesudah pemangkasan')).json();
    const { latest } = await server.deps.events.range();
    // Keep only the last learning record's four events (two topics × two types).
    await server.deps.db.deleteFrom('events').where('seq', '<=', latest - 4).execute();
    const { oldest } = await server.deps.events.range();
    assert.equal(oldest, latest - 3);

    const pruned = await readSse(await open(asn.token, `employee:${asn.id}`, { 'last-event-id': String(oldest! - 2) }), (m) => m.length > 0);
    assert.equal(pruned.messages[0].event, 'reset');
    assert.equal(JSON.parse(pruned.messages[0].data).reason, 'pruned');
    assert.equal(pruned.messages[0].id, String(latest));

    const kept = await readSse(await open(asn.token, `employee:${asn.id}`, { 'last-event-id': String(oldest! - 1) }), has('progress.updated'));
    assert.deepEqual(kept.messages.map((m) => m.event), ['learning.created', 'progress.updated']);
  });

  it('authorises every topic: 403 for a colleague, a foreign team, or a non-admin; 400 for a bad topic; 401 without a token', async () => {
    await expectProblem(await open(colleagueToken, `employee:${asn.id}`), 403);
    await expectProblem(await open(asn.token, `team:${asn.supervisorId}`), 403);
    await expectProblem(await open(asn.token, `employee:${asn.id},team:${asn.supervisorId}`), 403);
    const bad = await expectProblem(await open(asn.token, 'everything'), 400);
    assert.equal(bad.errors?.[0].path, 'topics');
    await expectProblem(await fetch(`${server.url}/v1/events?topics=employee:${asn.id}`), 401);
    const admin = await server.tokenFor('admin');
    const ok = await open(admin.token, `employee:${asn.id},team:${asn.supervisorId}`);
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
  });
});
