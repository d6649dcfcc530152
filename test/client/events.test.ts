// Live events over ONE shared SSE stream: delivery after a POST, topic union, and resume after a cut with
// Last-Event-ID (the missed event arrives, cached reads of the topic are invalidated).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CacheTag, ServerEvent } from '../../src/client/index.js';
import { clientFor, count, learningBody, start, waitFor, type Server } from './helpers.js';

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
});
