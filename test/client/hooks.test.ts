// `createClient({ hooks })`: ky's hooks run after the SDK's own, against the sandbox server. The three examples
// (trace header, token refresh on 401, logging) are the README's, "Hooks: trace headers, token refresh, logging",
// word for word: change both together.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PermissionError, createClient, retryRequest, type Hooks } from '../../src/client/index.js';
import { clientFor, count, learningBody, recordingFetch, start, type Server } from './helpers.js';

describe('SDK hooks', () => {
  let server: Server;
  let baseUrl: string;
  let employeeToken: string;
  let adminId: string;

  before(async () => {
    server = await start();
    baseUrl = server.url;
    employeeToken = (await server.tokenFor('employee')).token;
    adminId = (await server.tokenFor('admin')).employee.id;
  });
  after(() => server?.close());

  it('a beforeRequest hook’s header reaches the server: the trace id comes back as the error’s requestId', async () => {
    const session = { token: employeeToken };
    let traceId = `portal-${crypto.randomUUID()}`;
    const currentTraceId = () => traceId;

    const asn = createClient({
      baseUrl,
      getToken: () => session.token,
      hooks: {
        // The API adopts a well-formed X-Request-Id as its own: errors then carry the portal's trace id as `requestId`.
        beforeRequest: [(request) => request.headers.set('X-Request-Id', currentTraceId())],
      },
    });

    assert.ok((await asn.me.get()).id, 'the SDK’s own auth still applies');
    traceId = `portal-${crypto.randomUUID()}`;
    const error = await asn.progress.get(adminId as `emp_${string}`).then(() => assert.fail('expected 403'), (e: unknown) => e);
    assert.ok(error instanceof PermissionError, `got ${String(error)}`);
    assert.equal(error.requestId, traceId, 'the server saw the header the hook set');
    asn.close();
  });

  it('an afterResponse hook that sees 401 gets a new token and retries ONCE with it: two requests, success', async () => {
    const session = { token: 'expired-token' };
    let refreshes = 0;
    const refreshToken = async () => {
      refreshes += 1;
      return (await server.tokenFor('employee')).token;
    };
    const before = server.requestLog.length;

    const asn = createClient({
      baseUrl,
      getToken: () => session.token,
      hooks: {
        afterResponse: [
          async (_request, _options, response, { retryCount }) => {
            if (response.status !== 401 || retryCount > 0) return undefined; // refresh once per call
            session.token = await refreshToken(); // the portal's own refresh
            return retryRequest(); // the same request again; the SDK puts the new token on it
          },
        ],
      },
    });

    const me = await asn.me.get();
    assert.match(me.id, /^emp_/);
    assert.equal(refreshes, 1);
    const mine = server.requestLog.slice(before).filter((r) => r.path === '/v1/me');
    assert.deepEqual(mine.map((r) => `${r.method} ${r.status}`), ['GET 401', 'GET 200'], 'exactly two requests');
    asn.close();
  });

  it('a logging hook sees each request, retries included, and the server saw exactly those', async () => {
    const session = { token: employeeToken };
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const path = '/v1/employees/me/progress';
    server.faults.add({ method: 'GET', path, status: 503, times: 1 });
    const before = server.requestLog.length;

    const asn = createClient({
      baseUrl,
      getToken: () => session.token,
      hooks: {
        // Method and path only: the headers carry the token.
        beforeRequest: [(request, _options, { retryCount }) => log(`→ ${request.method} ${new URL(request.url).pathname}${retryCount ? ` (retry ${retryCount})` : ''}`)],
        afterResponse: [(request, _options, response) => log(`← ${response.status} ${request.method} ${new URL(request.url).pathname}`)],
      },
    });

    await asn.progress.get('me');
    assert.deepEqual(lines, [`→ GET ${path}`, `← 503 GET ${path}`, `→ GET ${path} (retry 1)`, `← 200 GET ${path}`]);
    assert.deepEqual(server.requestLog.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`), [`GET ${path} 503`, `GET ${path} 200`]);
    asn.close();
  });

  it('the token-refresh hook works with retry: 0 too, and a mutation keeps its Idempotency-Key across it', async () => {
    const session = { token: 'expired-token' };
    const hooks: Hooks = {
      afterResponse: [
        async (_request, _options, response, { retryCount }) => {
          if (response.status !== 401 || retryCount > 0) return undefined;
          session.token = (await server.tokenFor('employee')).token;
          return retryRequest();
        },
      ],
    };
    const { fetch, sent } = recordingFetch();
    const asn = createClient({ baseUrl, getToken: () => session.token, hooks, fetch, retry: 0, retryDelay: 5 });
    const record = await asn.learning.create('me', learningBody());
    assert.ok(record.id);
    const posts = sent.filter((s) => s.method === 'POST');
    assert.equal(posts.length, 2);
    assert.equal(posts[0]!.headers.get('authorization'), 'Bearer expired-token');
    assert.equal(posts[1]!.headers.get('authorization'), `Bearer ${session.token}`);
    assert.equal(posts[1]!.headers.get('idempotency-key'), posts[0]!.headers.get('idempotency-key'));
    asn.close();
  });

  it('an error a hook throws reaches the caller as it is, without a retry; beforeError sees the status, the SDK still types it', async () => {
    const mine = new Error('the portal session ended');
    const before = count(server, 'GET', '/v1/me');
    const refusing = clientFor(server, employeeToken, {
      hooks: {
        beforeRequest: [
          () => {
            throw mine;
          },
        ],
      },
    });
    await assert.rejects(refusing.me.get(), (e) => e === mine);
    assert.equal(count(server, 'GET', '/v1/me'), before, 'nothing was sent');

    const statuses: number[] = [];
    const watching = clientFor(server, employeeToken, { hooks: { beforeError: [(error) => (statuses.push(error.response.status), error)] } });
    await assert.rejects(watching.progress.get(adminId as `emp_${string}`), PermissionError);
    assert.deepEqual(statuses, [403]);
    refusing.close();
    watching.close();
  });
});
