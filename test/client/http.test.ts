// The ky-based HTTP layer (http.ts) where ky's defaults differ from the SDK's promises: timeouts are not retried,
// a mutation is retried only with an Idempotency-Key, a caller's abort keeps its reason, fetch is resolved late.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Auth } from '../../src/client/auth.js';
import { HttpStatusError, createHttp } from '../../src/client/http.js';
import { TimeoutError, createClient } from '../../src/client/index.js';
import { count, fast, learningBody, start, type Server } from './helpers.js';

describe('SDK HTTP layer', () => {
  let server: Server;
  let token: string;

  before(async () => {
    server = await start();
    token = (await server.tokenFor('employee')).token;
  });
  after(() => server?.close());

  it('a timeout is not retried: one attempt, a TimeoutError after about `timeout` ms', async () => {
    let attempts = 0;
    const hang: typeof fetch = (input) =>
      new Promise((_, reject) => {
        attempts += 1;
        const signal = (input as Request).signal;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const client = createClient({ baseUrl: server.url, token, fetch: hang, timeout: 50, retry: 2, ...fast });
    const started = Date.now();
    const error = await client.me.get().then(() => assert.fail('expected a timeout'), (e: unknown) => e);
    assert.ok(error instanceof TimeoutError, `got ${String(error)}`);
    assert.equal(attempts, 1);
    assert.ok(Date.now() - started < 500, 'no second attempt waited for');
  });

  it('a mutation without an Idempotency-Key is not retried; with one it is', async () => {
    const path = (await server.tokenFor('employee')).employee.id;
    const url = `${server.url}/v1/employees/${path}/learning-records`;
    const http = createHttp({ auth: new Auth({ token }), timeout: 5000, retry: 2, retryDelay: 5, maxRetryDelay: 20, maxRetryAfter: 60_000 });
    const route = `/v1/employees/${path}/learning-records`;

    server.faults.add({ method: 'POST', path: route, status: 503, times: 1 });
    const error = await http(url, { method: 'POST', headers: {}, json: learningBody() }).then(() => assert.fail('expected 503'), (e: unknown) => e);
    assert.ok(error instanceof HttpStatusError && error.response.status === 503, `got ${String(error)}`);
    assert.equal(count(server, 'POST', route), 1);

    server.faults.add({ method: 'POST', path: route, status: 503, times: 1 });
    const response = await http(url, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, json: learningBody() });
    assert.equal(response.status, 201);
    assert.equal(count(server, 'POST', route), 3);
  });

  it('a caller’s AbortSignal rejects with the caller’s own reason, during a request or a backoff', async () => {
    const reason = new Error('the user left the page');
    const hang: typeof fetch = (input) =>
      new Promise((_, reject) => {
        const signal = (input as Request).signal;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const hanging = createClient({ baseUrl: server.url, token, fetch: hang, ...fast });
    const controller = new AbortController();
    const pending = hanging.learning.create('me', learningBody(), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (e) => e === reason);

    // Aborted while waiting out a 5 s Retry-After before the retry.
    const client = createClient({ baseUrl: server.url, token, ...fast });
    const path = '/v1/employees/me/learning-records';
    server.faults.add({ method: 'POST', path, status: 503, times: 1, retryAfter: 5 });
    const before = count(server, 'POST', path);
    const during = new AbortController();
    const waiting = client.learning.create('me', learningBody(), { signal: during.signal });
    const until = Date.now() + 3000;
    while (count(server, 'POST', path) === before && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    during.abort(reason);
    await assert.rejects(waiting, (e) => e === reason);
    assert.ok(Date.now() - started < 1000, 'the backoff ended with the abort');
    assert.equal(count(server, 'POST', path) - before, 1, 'no retry after the abort');
  });

  it('a globalThis.fetch swapped after createClient() is used when no `fetch` was given', async () => {
    const client = createClient({ baseUrl: server.url, token, ...fast });
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (input, init) => {
      seen.push(new Request(input, init).url);
      return original(input, init);
    };
    try {
      await client.me.get();
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(seen, [`${server.url}/v1/me`]);
  });
});
