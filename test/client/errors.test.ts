// Typed errors, client-side validation (nothing sent), response validation, and the token never leaking.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  ApiError,
  AuthenticationError,
  NetworkError,
  PermissionError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  createClient,
} from '../../src/client/index.js';
import { clientFor, count, fast, learningBody, start, type Server } from './helpers.js';

describe('SDK errors', () => {
  let server: Server;
  let token: string;
  let me: { id: string; supervisorId: string | null };
  let adminId: string;

  before(async () => {
    server = await start();
    const employee = await server.tokenFor('employee');
    token = employee.token;
    me = employee.employee;
    adminId = (await server.tokenFor('admin')).employee.id;
  });
  after(() => server?.close());

  it('401 is an AuthenticationError whose message, String() and inspect() never show the token', async () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWRvLW5vdC1sZWFr.sig-do-not-leak';
    const client = createClient({ baseUrl: server.url, token: secret, ...fast });
    const error = await client.me.get().then(() => assert.fail('expected a 401'), (e: unknown) => e);
    assert.ok(error instanceof AuthenticationError, `got ${String(error)}`);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 401);
    assert.ok(error.requestId.length > 0, 'requestId from the problem');
    for (const text of [error.message, String(error), inspect(error, { depth: 10 }), JSON.stringify(error), error.stack ?? '']) {
      assert.ok(!text.includes(secret), 'the token leaked into the error');
      assert.ok(!text.includes('c2VjcmV0'), 'part of the token leaked into the error');
    }
    assert.ok(!inspect(client, { depth: 10 }).includes(secret), 'the token leaked through inspect(client)');
  });

  it('the token never appears in a NetworkError either', async () => {
    const secret = 'tok-network-secret-123456';
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', token: secret, retry: 0 });
    const error = await client.progress.get('me').then(() => assert.fail('expected a network error'), (e: unknown) => e);
    assert.ok(error instanceof NetworkError, `got ${String(error)}`);
    for (const text of [error.message, String(error), inspect(error, { depth: 10 })]) assert.ok(!text.includes(secret));
  });

  it('403 is a PermissionError (an ASN reading an admin’s progress)', async () => {
    const client = clientFor(server, token);
    const error = await client.progress.get(adminId as `emp_${string}`).then(() => assert.fail('expected 403'), (e: unknown) => e);
    assert.ok(error instanceof PermissionError, `got ${String(error)}`);
    assert.equal(error.status, 403);
    assert.ok(!error.message.includes(token));
  });

  it('a server 400 is an ApiError with fieldErrors by input path and a requestId', async () => {
    const client = clientFor(server, token);
    // Valid for the SDK, refused by the server: there is no such program.
    const unknownProgram = 'prg_doesnotexist';
    const error = await client.learning.create('me', learningBody({ programId: unknownProgram })).then(
      () => assert.fail('expected 400'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError, `got ${String(error)}`);
    assert.equal(error.status, 400);
    assert.ok(error.fieldErrors['programId'], `fieldErrors: ${JSON.stringify(error.fieldErrors)}`);
    assert.match(error.requestId, /\S/);
    assert.equal(error.problem.status, 400);
    assert.ok(error.idempotencyKey, 'the key of the failed mutation is on the error');
  });

  it('invalid input throws ValidationError with dotted field paths and sends nothing', async () => {
    const client = clientFor(server, token);
    const before = server.requestLog.length;
    const error = await client.learning
      .create('me', { title: 'x', competency: 'cooking' as 'technical', jp: 0.3, completedAt: 'kemarin', evidenceUrl: 'javascript:alert(1)' })
      .then(() => assert.fail('expected a ValidationError'), (e: unknown) => e);
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    for (const field of ['title', 'competency', 'jp', 'completedAt', 'evidenceUrl']) {
      assert.ok(error.fieldErrors[field], `no fieldErrors.${field}: ${JSON.stringify(error.fieldErrors)}`);
    }
    const paramError = await client.progress.get('bob' as 'me').then(() => assert.fail('expected a ValidationError'), (e: unknown) => e);
    assert.ok(paramError instanceof ValidationError);
    assert.ok(paramError.fieldErrors['id']);
    const queryError = await client.progress.get('me', { year: 1990 }).then(() => assert.fail('expected a ValidationError'), (e: unknown) => e);
    assert.ok(queryError instanceof ValidationError);
    assert.ok(queryError.fieldErrors['year']);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.requestLog.length, before, 'a request reached the server');
  });

  it('a response of the wrong shape is a ResponseValidationError, not silent undefineds', async () => {
    const badFetch: typeof fetch = async () =>
      new Response(JSON.stringify({ employeeId: 'emp_1', learning: 'lots' }), { status: 200, headers: { 'content-type': 'application/json' } });
    const client = createClient({ baseUrl: server.url, token, fetch: badFetch });
    const error = await client.progress.get('me').then(() => assert.fail('expected a ResponseValidationError'), (e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError, `got ${String(error)}`);
    assert.ok(error.fieldErrors['learning'], JSON.stringify(error.fieldErrors));
    assert.ok(error.fieldErrors['year']);

    const notJson: typeof fetch = async () => new Response('<html>proxy login</html>', { status: 200 });
    const client2 = createClient({ baseUrl: server.url, token, fetch: notJson });
    await assert.rejects(client2.me.get(), ResponseValidationError);

    // validate: false hands back the body as it came (an explicit stopgap).
    const raw = createClient({ baseUrl: server.url, token, fetch: badFetch, validate: false });
    assert.equal(((await raw.progress.get('me')) as unknown as { learning: string }).learning, 'lots');
  });

  it('no answer within `timeout` is a TimeoutError', async () => {
    const hang: typeof fetch = (input, init) =>
      new Promise((_, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const client = createClient({ baseUrl: server.url, token, fetch: hang, timeout: 50, retry: 0 });
    const error = await client.me.get().then(() => assert.fail('expected a timeout'), (e: unknown) => e);
    assert.ok(error instanceof TimeoutError, `got ${String(error)}`);
    assert.equal(error.timeout, 50);
  });

  it('hasCredentials and setToken()', async () => {
    const client = createClient({ baseUrl: server.url, ...fast });
    assert.equal(client.hasCredentials, false);
    await assert.rejects(client.me.get(), AuthenticationError);
    client.setToken(token);
    assert.equal(client.hasCredentials, true);
    assert.equal((await client.me.get()).id, me.id);
    const viaGetter = createClient({ baseUrl: server.url, getToken: async () => token });
    assert.equal(viaGetter.hasCredentials, true);
    assert.equal((await viaGetter.me.get()).id, me.id);
    assert.equal(count(server, 'GET', '/v1/me') >= 2, true);
  });
});
