// Feedback: plain text stored verbatim, validation, idempotent replay, acknowledgement, events (stored and live).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { Feedback, ServerEvent, page, topicFor } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, readSse } from './helpers.js';
import { caller, castOf, eventsSince, feedbackBody, goalBody, lastSeq, type Cast } from './coaching-helpers.js';

describe('coaching: feedback', () => {
  let server: TestServer;
  let cast: Cast;
  let sup: ReturnType<typeof caller>;
  let asn: ReturnType<typeof caller>;
  const url = () => `/v1/employees/${cast.asn.id}/feedback`;
  const stored = async (message: string) =>
    server.deps.db.selectFrom('feedback').select(['id', 'message']).where('message', '=', message).execute();

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    sup = caller(server, cast.supervisor.token);
    asn = caller(server, cast.asn.token);
  });
  after(() => server.close());

  it('stores the message as plain text: an HTML/script string comes back verbatim, only trimmed', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const res = await sup('POST', url(), feedbackBody({ message: `  ${xss}\n` }));
    assert.equal(res.status, 201, await res.clone().text());
    const created = z.parse(Feedback, await res.json());
    assert.equal(created.message, xss);
    assert.equal(created.authorName !== undefined, true);
    const list = z.parse(page(Feedback), await (await asn('GET', '/v1/employees/me/feedback')).json());
    assert.equal(list.data[0].id, created.id, 'newest first');
    assert.equal(list.data[0].message, xss);
    assert.equal((await stored(xss)).length, 1, 'the database holds the same string');
  });

  it('a feedback in the contract shape: kind, rating, linked goal, author; unacknowledged', async () => {
    const goal = await (await asn('POST', '/v1/employees/me/goals', goalBody())).json();
    const res = await sup('POST', url(), feedbackBody({ kind: 'guidance', rating: 'meets', goalId: goal.id, message: 'Kompeten: lanjutkan modulnya.' }));
    const fb = z.parse(Feedback, await res.json());
    assert.deepEqual(
      { employeeId: fb.employeeId, authorId: fb.authorId, kind: fb.kind, rating: fb.rating, goalId: fb.goalId, acknowledgedAt: fb.acknowledgedAt, response: fb.response },
      { employeeId: cast.asn.id, authorId: cast.supervisor.id, kind: 'guidance', rating: 'meets', goalId: goal.id, acknowledgedAt: null, response: null },
    );
  });

  it('validation: 400 with errors[].path for message, kind and a goal that is not the recipient\'s', async () => {
    const empty = await expectProblem(await sup('POST', url(), feedbackBody({ message: '   ' })), 400);
    assert.ok(empty.errors?.some((e) => e.path === 'message'), JSON.stringify(empty.errors));
    const long = await expectProblem(await sup('POST', url(), feedbackBody({ message: 'x'.repeat(2001) })), 400);
    assert.ok(long.errors?.some((e) => e.path === 'message'));
    const kind = await expectProblem(await sup('POST', url(), feedbackBody({ kind: 'praise' })), 400);
    assert.ok(kind.errors?.some((e) => e.path === 'kind'));
    const supGoal = await (await sup('POST', '/v1/employees/me/goals', goalBody())).json();
    const goal = await expectProblem(await sup('POST', url(), feedbackBody({ goalId: supGoal.id })), 400);
    assert.deepEqual(goal.errors?.map((e) => e.path), ['goalId']);
  });

  it('idempotent replay: the same Idempotency-Key (also fired twice at once) stores one feedback', async () => {
    const message = `Kolaboratif: sekali saja ${Date.now()}`;
    const headers = { 'idempotency-key': `fb-${Date.now()}` };
    const first = await sup('POST', url(), feedbackBody({ message }), headers);
    const replay = await sup('POST', url(), feedbackBody({ message }), headers);
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.equal((await first.json()).id, (await replay.json()).id);
    assert.equal((await stored(message)).length, 1);

    const racing = `Adaptif: balapan ${Date.now()}`;
    const key = { 'idempotency-key': `fb-race-${Date.now()}` };
    const results = await Promise.all([0, 1, 2].map(() => sup('POST', url(), feedbackBody({ message: racing }), key)));
    for (const r of results) assert.ok([201, 409].includes(r.status), String(r.status));
    assert.equal((await stored(racing)).length, 1);

    const mismatch = await sup('POST', url(), feedbackBody({ message: 'Isi lain' }), headers);
    await expectProblem(mismatch, 422);
  });

  it('acknowledge records time and reply; a second acknowledgement → 409 and changes nothing', async () => {
    const fb = await (await sup('POST', url(), feedbackBody({ message: 'Harmonis: terima kasih.' }))).json();
    const ack = z.parse(Feedback, await (await asn('POST', `/v1/feedback/${fb.id}/acknowledge`, { response: '  Sama-sama, Pak.  ' })).json());
    assert.ok(ack.acknowledgedAt && Date.parse(ack.acknowledgedAt) >= Date.parse(fb.createdAt));
    assert.equal(ack.response, 'Sama-sama, Pak.');
    const again = await expectProblem(await asn('POST', `/v1/feedback/${fb.id}/acknowledge`, { response: 'Lagi' }), 409);
    assert.match(again.detail ?? '', /already acknowledged/);
    const list = z.parse(page(Feedback), await (await asn('GET', '/v1/employees/me/feedback?limit=100')).json());
    assert.equal(list.data.find((f) => f.id === fb.id)!.response, 'Sama-sama, Pak.');
  });

  it('events: feedback.created + progress.updated, feedback.acknowledged alone, on the employee and team topics', async () => {
    const topics = [topicFor.employee(cast.asn.id), topicFor.team(cast.supervisor.id)];
    let seq = await lastSeq(server);
    const fb = await (await sup('POST', url(), feedbackBody())).json();
    for (const topic of topics) {
      const events = await eventsSince(server, seq, topic);
      assert.deepEqual(events.map((e) => e.type), ['feedback.created', 'progress.updated'], topic);
      assert.ok(events.every((e) => e.subjectId === fb.id && e.employeeId === cast.asn.id));
    }
    seq = await lastSeq(server);
    await asn('POST', `/v1/feedback/${fb.id}/acknowledge`, {});
    for (const topic of topics) assert.deepEqual((await eventsSince(server, seq, topic)).map((e) => e.type), ['feedback.acknowledged'], topic);
    assert.deepEqual(await eventsSince(server, 0, topicFor.team(cast.colleague.id)), []);
  });

  it('live: a feedback POSTed by the supervisor reaches the recipient\'s open stream and the team stream', async () => {
    const open = (token: string, topic: string) =>
      fetch(`${server.url}/v1/events?topics=${encodeURIComponent(topic)}`, { headers: authHeader(token) });
    const own = await open(cast.asn.token, topicFor.employee(cast.asn.id));
    const team = await open(cast.supervisor.token, topicFor.team(cast.supervisor.id));
    assert.equal(own.status, 200);
    assert.equal(team.status, 200);
    const fb = await (await sup('POST', url(), feedbackBody({ message: 'Langsung tampil' }))).json();
    const done = (m: { event?: string }[]) => m.some((x) => x.event === 'progress.updated');
    const [a, b] = await Promise.all([readSse(own, done), readSse(team, done)]);
    for (const { messages } of [a, b]) {
      const created = messages.find((m) => m.event === 'feedback.created');
      assert.ok(created, 'feedback.created delivered');
      assert.equal(z.parse(ServerEvent, JSON.parse(created.data)).subjectId, fb.id);
    }
  });
});
