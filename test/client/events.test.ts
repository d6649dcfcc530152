// Live events over ONE shared SSE stream: delivery after a POST, topic union, and resume after a cut with
// Last-Event-ID (the missed event arrives, cached reads of the topic are invalidated).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, ResponseValidationError, type AsnError, type CacheTag, type InvalidationCause, type ServerEvent } from '../../src/client/index.js';
import { clientFor, count, learningBody, recordingFetch, start, waitFor, type Sent, type Server } from './helpers.js';

/** A fetch whose event streams the test can cut, and whose reconnects it can hold back. */
function controllableFetch() {
  const streams: { headers: Headers; url: string; cut: () => void; cancelled: boolean }[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.startsWith('/v1/events')) return fetch(request);
    await gate;
    const entry = { headers: new Headers(request.headers), url: request.url, cut: () => undefined, cancelled: false };
    streams.push(entry);
    const response = await fetch(request);
    const upstream = response.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        entry.cut = () => {
          void upstream.cancel().catch(() => undefined); // the server sees the connection close
          controller.error(new TypeError('network connection lost'));
        };
      },
      async pull(controller) {
        try {
          const { done, value } = await upstream.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        entry.cancelled = true;
        return upstream.cancel();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch: wrapped,
    streams,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

/** A fetch that answers /v1/events with these SSE bodies, one per connection (the last one again after that). */
function scriptedEvents(bodies: string[]) {
  const opened: { at: number; headers: Headers }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    opened.push({ at: Date.now(), headers: new Headers(request.headers) });
    const body = bodies[Math.min(opened.length, bodies.length) - 1]!;
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch: wrapped, opened };
}

const eventStreams = (sent: Sent[]) => sent.filter((s) => new URL(s.url).pathname === '/v1/events');
const topicsOf = (s: Sent) => new URL(s.url).searchParams.get('topics')!.split(',').sort();

describe('SDK live events', () => {
  let server: Server;

  before(async () => {
    server = await start();
  });
  after(() => server?.close());

  it('subscribe() receives progress.updated after a learning record is POSTed', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const client = clientFor(server, token);
    const events: ServerEvent[] = [];
    const before = count(server, 'GET', '/v1/events');
    const off = client.events.subscribe([`employee:${employee.id}`], (e) => events.push(e));
    await waitFor(() => count(server, 'GET', '/v1/events') > before, 3000, 'the stream to open');
    await new Promise((r) => setTimeout(r, 50));
    const record = await client.learning.create('me', learningBody());
    await waitFor(() => events.some((e) => e.type === 'progress.updated' && e.subjectId === record.id), 5000, 'progress.updated');
    const event = events.find((e) => e.type === 'progress.updated')!;
    assert.equal(event.employeeId, employee.id);
    assert.equal(event.topic, `employee:${employee.id}`);
    off();
    client.close();
  });

  it('subscribers share ONE stream over the union of their topics; it closes when the last one leaves', async () => {
    const { employee: asn } = await server.tokenFor('employee');
    const report = asn.id;
    const { token, employee: sup } = await server.tokenFor(asn.supervisorId!);
    const { token: adminToken } = await server.tokenFor('admin');
    const admin = clientFor(server, adminToken);
    const control = controllableFetch();
    const client = clientFor(server, token, { fetch: control.fetch });
    const a: ServerEvent[] = [];
    const b: ServerEvent[] = [];
    const offA = client.events.subscribe([`employee:${report}`], (e) => a.push(e));
    const offB = client.events.subscribe([`team:${sup.id}`, `employee:${report}`], (e) => b.push(e));
    await waitFor(() => control.streams.length === 1, 3000, 'the stream');
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(control.streams.length, 1, 'two subscribers in one tick open one stream');
    const topics = new URL(control.streams[0]!.url).searchParams.get('topics')!.split(',').sort();
    assert.deepEqual(topics, [`employee:${report}`, `team:${sup.id}`].sort());

    await admin.learning.create(report as `emp_${string}`, learningBody());
    await waitFor(() => a.length >= 2 && b.some((e) => e.topic === `team:${sup.id}`), 5000, 'events on both topics');
    assert.ok(a.every((e) => e.topic === `employee:${report}`), 'a handler only gets its own topics');

    offA();
    offB();
    await waitFor(() => control.streams[0]!.cancelled, 2000, 'the stream to close');
    client.close();
  });

  it('after the stream is cut it reconnects with Last-Event-ID and delivers the missed event', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const control = controllableFetch();
    const client = clientFor(server, token, { fetch: control.fetch });
    const events: ServerEvent[] = [];
    const heard: (readonly CacheTag[])[] = [];
    client.onInvalidate((tags) => heard.push(tags));
    client.events.subscribe([`employee:${employee.id}`], (e) => events.push(e));
    await waitFor(() => control.streams.length === 1, 3000, 'the stream');
    await new Promise((r) => setTimeout(r, 50));

    const first = await client.learning.create('me', learningBody());
    await waitFor(() => events.filter((e) => e.subjectId === first.id).length === 2, 5000, 'the first events');
    const lastSeen = events.at(-1)!.id;

    control.hold(); // no reconnect until the missed event exists
    control.streams[0]!.cut();
    await new Promise((r) => setTimeout(r, 50));
    const missed = await client.learning.create('me', learningBody()); // happens while disconnected
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(!events.some((e) => e.subjectId === missed.id), 'delivered over a cut stream?');
    heard.length = 0;
    control.release();

    await waitFor(() => events.some((e) => e.subjectId === missed.id && e.type === 'progress.updated'), 5000, 'the missed event');
    assert.equal(control.streams.length, 2);
    assert.equal(control.streams[1]!.headers.get('last-event-id'), lastSeen);
    const ids = events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no event delivered twice');
    assert.ok(heard.flat().includes(`progress:${employee.id}`) && heard.flat().includes('progress:me'), 'cache invalidated after the gap');
    assert.equal(count(server, 'GET', '/v1/events') >= 2, true);
    client.close();
    await waitFor(() => control.streams[1]!.cancelled, 2000, 'close() to end the stream');
  });

  it('rejects topics that are not topics, before opening anything', async () => {
    const { token } = await server.tokenFor('employee');
    const client = clientFor(server, token);
    assert.throws(() => client.events.subscribe(['everything' as `employee:emp_x`], () => undefined), { name: 'ValidationError' });
    client.close();
  });

  it('setToken(another user) closes the stream before anything goes out with the new token; it reopens for new subscriptions', async () => {
    const a = await server.tokenFor('employee');
    const b = await server.tokenFor(a.employee.supervisorId!);
    const { fetch, sent } = recordingFetch();
    const client = clientFor(server, a.token, { fetch });
    const heardA: ServerEvent[] = [];
    const heardB: ServerEvent[] = [];
    const topicA = `employee:${a.employee.id}` as const;
    const topicB = `employee:${b.employee.id}` as const;
    const offA = client.events.subscribe([topicA], (e) => heardA.push(e));
    await waitFor(() => eventStreams(sent).length === 1, 3000, 'A’s stream');
    assert.equal(eventStreams(sent)[0]!.headers.get('authorization'), `Bearer ${a.token}`);

    client.setToken(b.token);
    await new Promise((r) => setTimeout(r, 150)); // past the debounce and a reconnect delay
    const withB = () => eventStreams(sent).filter((s) => s.headers.get('authorization') === `Bearer ${b.token}`);
    assert.equal(withB().length, 0, 'nothing was sent with B’s token for A’s topics');
    offA(); // the widget of the previous user leaves: still nothing to open
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(eventStreams(sent).length, 1);

    client.events.subscribe([topicB], (e) => heardB.push(e));
    await waitFor(() => withB().length === 1, 3000, 'B’s stream');
    assert.deepEqual(topicsOf(withB()[0]!), [topicB]);
    assert.equal(withB()[0]!.headers.get('last-event-id'), null, 'A’s position is not carried over');
    assert.ok(eventStreams(sent).every((s) => s.headers.get('authorization') !== `Bearer ${b.token}` || !topicsOf(s).includes(topicA)));
    await new Promise((r) => setTimeout(r, 50));
    const record = await client.learning.create('me', learningBody()); // as B
    await waitFor(() => heardB.some((e) => e.subjectId === record.id), 5000, 'B’s event');
    assert.equal(heardA.length, 0);
    client.close();
  });

  it('after a token change, subscribing again with the same topics reopens the stream under the new token', async () => {
    const { employee: report } = await server.tokenFor('employee');
    const sup = await server.tokenFor(report.supervisorId!);
    const admin = await server.tokenFor('admin');
    const { fetch, sent } = recordingFetch();
    const client = clientFor(server, sup.token, { fetch });
    const topic = `employee:${report.id}` as const;
    const off = client.events.subscribe([topic], () => undefined);
    await waitFor(() => eventStreams(sent).length === 1, 3000, 'the supervisor’s stream');

    client.setToken(admin.token);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(eventStreams(sent).length, 1, 'not reopened with the old subscriptions');
    off();
    const heard: ServerEvent[] = [];
    client.events.subscribe([topic], (e) => heard.push(e));
    await waitFor(() => eventStreams(sent).length === 2, 3000, 'the reopened stream');
    const reopened = eventStreams(sent)[1]!;
    assert.equal(reopened.headers.get('authorization'), `Bearer ${admin.token}`);
    assert.deepEqual(topicsOf(reopened), [topic]);
    await new Promise((r) => setTimeout(r, 50));
    const record = await client.learning.create(report.id as `emp_${string}`, learningBody()); // as the admin
    await waitFor(() => heard.some((e) => e.subjectId === record.id), 5000, 'the event');
    client.close();
  });

  it('a refreshed token of the same user reopens the stream with the same topics and the new token', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const { fetch, sent } = recordingFetch();
    const client = clientFor(server, token, { fetch });
    const heard: ServerEvent[] = [];
    client.events.subscribe([`employee:${employee.id}`], (e) => heard.push(e));
    await waitFor(() => eventStreams(sent).length === 1, 3000, 'the stream');
    await new Promise((r) => setTimeout(r, 1100)); // a later `iat`: a different token for the same `sub`
    const refreshed = (await server.tokenFor(employee.id)).token;
    assert.notEqual(refreshed, token);
    client.setToken(refreshed);
    await waitFor(() => eventStreams(sent).length === 2, 3000, 'the reopened stream');
    assert.equal(eventStreams(sent)[1]!.headers.get('authorization'), `Bearer ${refreshed}`);
    assert.deepEqual(topicsOf(eventStreams(sent)[1]!), [`employee:${employee.id}`]);
    await new Promise((r) => setTimeout(r, 50));
    const record = await client.learning.create('me', learningBody());
    await waitFor(() => heard.some((e) => e.subjectId === record.id), 5000, 'the event');
    client.close();
  });

  it('a first sign-in keeps the subscriptions made while signed out: the stream reopens with the token', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const { fetch, sent } = recordingFetch();
    const client = createClient({ baseUrl: server.url, fetch, events: { reconnectDelay: 20, maxReconnectDelay: 100, debounce: 5 } });
    const heard: ServerEvent[] = [];
    const errors: AsnError[] = [];
    client.events.subscribe([`employee:${employee.id}`], (e) => heard.push(e), { onError: (e) => errors.push(e) });
    await waitFor(() => errors.length === 1, 3000, 'the 401 while signed out');
    client.setToken(token);
    await waitFor(() => eventStreams(sent).length === 2, 3000, 'the stream under the token');
    assert.equal(eventStreams(sent)[1]!.headers.get('authorization'), `Bearer ${token}`);
    await new Promise((r) => setTimeout(r, 50));
    const record = await client.learning.create('me', learningBody());
    await waitFor(() => heard.some((e) => e.subjectId === record.id), 5000, 'the event');
    client.close();
  });

  it('an event that fails validation goes to onError; comments and unknown fields are skipped; the id resumes', async () => {
    const valid: ServerEvent = {
      id: '7',
      type: 'progress.updated',
      topic: 'employee:emp_abc123',
      employeeId: 'emp_abc123',
      occurredAt: new Date().toISOString(),
    };
    const body = `: hello\r\nfoo: bar\r\nid: 6\r\ndata: {"type":"nope"}\r\n\r\nid: 7\nevent: progress.updated\ndata: ${JSON.stringify(valid)}\n\n`;
    const script = scriptedEvents([body, ': quiet\n\n']);
    const client = createClient({ baseUrl: server.url, token: 'unused', fetch: script.fetch, events: { debounce: 5, reconnectDelay: 20 } });
    const events: ServerEvent[] = [];
    const errors: AsnError[] = [];
    client.events.subscribe(['employee:emp_abc123'], (e) => events.push(e), { onError: (e) => errors.push(e) });
    await waitFor(() => script.opened.length >= 2, 3000, 'a reconnect after the body ended');
    assert.deepEqual(events, [valid]);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof ResponseValidationError, `got ${String(errors[0])}`);
    assert.equal(script.opened[1]!.headers.get('last-event-id'), '7');
    client.close();
  });

  it('a Last-Event-ID the server cannot resume from gets a reset: topics invalidated, onGap, live events, a valid resume id', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const topic = `employee:${employee.id}` as const;
    const control = controllableFetch();
    // The first connection is "another database" whose ids ran far ahead; then the real server.
    const ahead: ServerEvent = { id: '99999999', type: 'goal.created', topic, employeeId: employee.id as `emp_${string}`, occurredAt: new Date().toISOString() };
    let connections = 0;
    const wrapped: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!new URL(request.url).pathname.startsWith('/v1/events') || ++connections > 1) return control.fetch(request);
      return new Response(`id: ${ahead.id}\nevent: ${ahead.type}\ndata: ${JSON.stringify(ahead)}\n\n`, { headers: { 'content-type': 'text/event-stream' } });
    };
    const client = clientFor(server, token, { fetch: wrapped });
    const events: ServerEvent[] = [];
    const gaps: string[] = [];
    const log: (string | readonly CacheTag[])[] = [];
    client.onInvalidate((tags) => log.push(tags));
    client.events.subscribe([topic], (e) => events.push(e), { onGap: (reason) => (gaps.push(reason), log.push(reason)) });
    await waitFor(() => gaps.includes('reset'), 3000, 'the reset');
    assert.equal(control.streams[0]!.headers.get('last-event-id'), ahead.id);
    assert.deepEqual(gaps, ['reconnect', 'reset']);
    const beforeReset = log[log.indexOf('reset') - 1] as readonly CacheTag[];
    assert.ok(beforeReset.includes(`goals:${employee.id}`) && beforeReset.includes('progress:me'), 'what the topic covers is invalidated');

    const record = await clientFor(server, (await server.tokenFor('admin')).token).learning.create(employee.id as `emp_${string}`, learningBody());
    await waitFor(() => events.some((e) => e.subjectId === record.id && e.type === 'progress.updated'), 5000, 'live events after the reset');
    control.hold();
    control.streams[0]!.cut();
    await new Promise((r) => setTimeout(r, 30));
    control.release();
    await waitFor(() => control.streams.length === 2, 3000, 'the next connection');
    assert.equal(control.streams[1]!.headers.get('last-event-id'), events.at(-1)!.id, 'resumes from a server id');
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(gaps, ['reconnect', 'reset', 'reconnect'], 'no second reset');
    client.close();
  });

  it('an event with a payload patches the cached summary and names itself as the cause; no GET follows', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const client = clientFor(server, token, { cacheTtl: 60_000 });
    const before = await client.progress.get('me');
    const causes: (InvalidationCause | undefined)[] = [];
    client.onInvalidate((_tags, cause) => causes.push(cause));
    const events: ServerEvent[] = [];
    client.events.subscribe([`employee:${employee.id}`], (e) => events.push(e));
    await waitFor(() => count(server, 'GET', '/v1/events') > 0, 3000, 'the stream');
    await new Promise((r) => setTimeout(r, 50));
    const reads = count(server, 'GET', /\/progress$/);

    const admin = clientFor(server, (await server.tokenFor('admin')).token);
    await admin.learning.create(employee.id as `emp_${string}`, learningBody({ jp: 3 }));
    await waitFor(() => events.some((e) => e.type === 'progress.updated'), 5000, 'progress.updated');
    const update = events.find((e) => e.type === 'progress.updated')!;
    assert.equal(update.progress?.learning.jp, before.learning.jp + 3, 'the subscriber gets the new summary');
    assert.ok(causes.some((c) => c?.event.id === update.id), 'listeners hear the event as the cause');
    const after = await client.progress.get('me');
    assert.equal(after.learning.jp, before.learning.jp + 3);
    assert.equal(count(server, 'GET', /\/progress$/), reads, 'served from the patched cache, no GET');
    client.close();
    admin.close();
  });

  it('an event with a payload makes only its own resource stale; one without (stored before) invalidates as before', async () => {
    const at = new Date().toISOString();
    const feedback = { id: 'fb_abc1', employeeId: 'emp_abc123', authorId: 'emp_sup1', kind: 'appreciation', rating: null, goalId: null, message: 'Terima kasih', createdAt: at, acknowledgedAt: null, response: null };
    const old: ServerEvent = { id: '1', type: 'feedback.created', topic: 'employee:emp_abc123', employeeId: 'emp_abc123', occurredAt: at };
    const body = [old, { ...old, id: '2', feedback, unacknowledgedFeedback: 1 }].map((e) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const script = scriptedEvents([body, ': quiet\n\n']);
    const client = createClient({ baseUrl: server.url, token: 'unused', fetch: script.fetch, events: { debounce: 5, reconnectDelay: 5000 } });
    const heard: { tags: readonly CacheTag[]; cause: InvalidationCause | undefined }[] = [];
    client.onInvalidate((tags, cause) => heard.push({ tags, cause }));
    const events: ServerEvent[] = [];
    client.events.subscribe(['employee:emp_abc123'], (e) => events.push(e));
    await waitFor(() => events.length === 2, 3000, 'both events');
    assert.equal(events[1]!.feedback?.message, 'Terima kasih', 'the payload reaches the subscriber');
    assert.equal(heard[0]!.cause, undefined);
    assert.ok(heard[0]!.tags.includes('feedback:emp_abc123') && heard[0]!.tags.includes('progress:emp_abc123'));
    assert.equal(heard[1]!.cause?.event.id, '2');
    assert.ok(heard[1]!.tags.includes('feedback:emp_abc123'));
    assert.ok(!heard[1]!.tags.some((t) => t.startsWith('progress:')), 'progress.updated brings its own summary');
    client.close();
  });

  it('the server’s retry: sets the reconnect delay when none was configured', async () => {
    const script = scriptedEvents(['retry: 40\n\n']);
    const client = createClient({ baseUrl: server.url, token: 'unused', fetch: script.fetch, events: { debounce: 5 } });
    client.events.subscribe(['employee:emp_abc123'], () => undefined);
    await waitFor(() => script.opened.length >= 2, 3000, 'the reconnect');
    const gap = script.opened[1]!.at - script.opened[0]!.at;
    assert.ok(gap < 300, `reconnected after ${gap} ms; the default base is 1000 ms`);
    client.close();
  });

  it('a stream silent for longer than idleTimeout is reopened', async () => {
    const { token, employee } = await server.tokenFor('employee');
    const before = count(server, 'GET', '/v1/events');
    const client = clientFor(server, token, { events: { idleTimeout: 100, reconnectDelay: 20, debounce: 5 } });
    client.events.subscribe([`employee:${employee.id}`], () => undefined);
    await waitFor(() => count(server, 'GET', '/v1/events') - before >= 2, 3000, 'a reconnect after 100 ms of silence');
    client.close();
  });
});
