// Retries: GET after a 503, POST with ONE Idempotency-Key across retries (one record stored), Retry-After.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RateLimitError } from '../../src/client/index.js';
import { clientFor, count, learningBody, recordingFetch, start, type Server } from './helpers.js';

describe('SDK retries', () => {
  let server: Server;
  let token: string;
  let meId: string;

  before(async () => {
    server = await start();
    const t = await server.tokenFor('employee');
    token = t.token;
    meId = t.employee.id;
  });
  after(() => server?.close());

  it('retries a GET after one injected 503 and succeeds (two requests at the server)', async () => {
    const path = `/v1/employees/${meId}/progress`;
    server.faults.add({ method: 'GET', path, status: 503, times: 1 });
    const client = clientFor(server, token);
    const summary = await client.progress.get(meId as `emp_${string}`);
    assert.equal(summary.employeeId, meId);
    assert.deepEqual(
      server.requestLog.filter((r) => r.path === path).map((r) => r.status),
      [503, 200],
    );
  });

  it('does not retry when retry is 0', async () => {
    const path = `/v1/employees/${meId}`;
    server.faults.add({ method: 'GET', path, status: 503, times: 1 });
    const client = clientFor(server, token, { retry: 0 });
    await assert.rejects(client.employees.get(meId as `emp_${string}`), { status: 503 });
    assert.equal(count(server, 'GET', path), 1);
    server.faults.clear();
  });

  it('retries a POST after an injected 503 with the same Idempotency-Key; one record is stored', async () => {
    const path = `/v1/employees/${meId}/learning-records`;
    server.faults.add({ method: 'POST', path, status: 503, times: 1 });
    const { fetch, sent } = recordingFetch();
    const client = clientFor(server, token, { fetch });
    const body = learningBody();
    const record = await client.learning.create(meId as `emp_${string}`, body);
    const posts = sent.filter((s) => s.method === 'POST');
    assert.equal(posts.length, 2);
    const keys = posts.map((p) => p.headers.get('idempotency-key'));
    assert.ok(keys[0] && /^[0-9a-f-]{36}$/.test(keys[0]), `key ${keys[0]}`);
    assert.equal(keys[1], keys[0], 'the retry must reuse the key');
    assert.deepEqual(server.requestLog.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.status).slice(-2), [503, 201]);
    const titles: string[] = [];
    for await (const r of client.learning.all('me', { limit: 100 })) titles.push(r.title);
    assert.equal(titles.filter((t) => t === body.title).length, 1);
    assert.equal(record.title, body.title);
  });

  it('a response lost after the server stored it: the retry replays it, still one record', async () => {
    // The server processes the POST but the answer never arrives (a cut on the way back): the SDK retries with
    // the same key and the server replays the stored response instead of creating a second record.
    let dropped = false;
    const keys: string[] = [];
    const lossy: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') keys.push(request.headers.get('idempotency-key') ?? '');
      const response = await fetch(request);
      if (request.method === 'POST' && !dropped) {
        dropped = true;
        await response.arrayBuffer();
        throw new TypeError('fetch failed (response lost)');
      }
      return response;
    };
    const client = clientFor(server, token, { fetch: lossy });
    const body = learningBody();
    const record = await client.learning.create('me', body);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    const page = await client.learning.list('me', { limit: 100 }, { fresh: true });
    assert.deepEqual(page.data.filter((r) => r.title === body.title).map((r) => r.id), [record.id]);
  });

  it('honours Retry-After on 429', async () => {
    const path = `/v1/employees/${meId}/learning-records`;
    server.faults.add({ method: 'GET', path, status: 429, times: 1, retryAfter: 1 });
    const client = clientFor(server, token); // backoff alone would wait ≤ 5 ms
    const started = Date.now();
    const page = await client.learning.list(meId as `emp_${string}`);
    const elapsed = Date.now() - started;
    assert.ok(Array.isArray(page.data));
    assert.ok(elapsed >= 950, `retried after ${elapsed} ms, Retry-After asked for 1000`);
    assert.deepEqual(server.requestLog.filter((r) => r.method === 'GET' && r.path === path).map((r) => r.status).slice(-2), [429, 200]);
  });

  it('a Retry-After longer than maxRetryAfter fails at once with RateLimitError.retryAfter', async () => {
    const path = `/v1/employees/${meId}`;
    server.faults.add({ method: 'GET', path, status: 429, times: 1, retryAfter: 120 });
    const client = clientFor(server, token, { maxRetryAfter: 5000 });
    const before = count(server, 'GET', path);
    const started = Date.now();
    const error = await client.employees.get(meId as `emp_${string}`).then(() => assert.fail('expected 429'), (e: unknown) => e);
    assert.ok(Date.now() - started < 1000);
    assert.ok(error instanceof RateLimitError, `got ${String(error)}`);
    assert.equal(error.retryAfter, 120);
    assert.equal(count(server, 'GET', path) - before, 1);
    server.faults.clear();
  });
});
