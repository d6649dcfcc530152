// The binder checks its own responses against the contract: a server bug answers 500, not a wrong shape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { getHealth } from '../../src/contract/index.js';
import { bind } from '../../server/bind.js';
import type { AppEnv } from '../../server/deps.js';
import { ApiProblem, problemResponse, renderProblem } from '../../server/problem.js';
import { startServer, type TestServer } from '../../server/testing.js';

describe('bind', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true });
  });
  after(() => server.close());

  const appWith = (validateResponses: boolean, body: unknown) => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('requestId', 'test-request-0001');
      await next();
    });
    const deps = { ...server.deps, config: { ...server.deps.config, validateResponses } };
    bind(app, deps, getHealth, async () => ({ body: body as never }));
    app.onError((error, c) => (error instanceof ApiProblem ? renderProblem(c, error) : problemResponse(c, 'internal', 'hidden')));
    return app;
  };

  it('a response that breaks the contract is a 500 problem that leaks nothing', async () => {
    const original = console.error;
    const res = await appWith(true, { status: 'ok', version: 1 }).request('/healthz');
    console.error = original;
    assert.equal(res.status, 500);
    const problem = await res.json();
    assert.equal(problem.type, 'https://pembinaan-asn.dev/problems/internal');
    assert.equal(problem.requestId, 'test-request-0001');
    assert.doesNotMatch(JSON.stringify(problem), /contract|version|stack/i);
  });

  it('a valid response passes', async () => {
    const res = await appWith(true, { status: 'ok', version: '1', sandbox: true }).request('/healthz');
    assert.equal(res.status, 200);
  });
});
