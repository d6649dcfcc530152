// Server-sent events: live delivery after a mutation, resume with Last-Event-ID, topic authorisation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { ServerEvent } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody, readSse } from './helpers.js';

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
