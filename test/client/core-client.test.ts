// createCoreClient + resourceOf: the slim client the widgets use, against the real sandbox server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, createCoreClient, enableOutbox, MemoryOutboxStore, progressResource, resourceOf } from '../../src/client/index.js';
import { count, start, type Server } from './helpers.js';

describe('core client and resourceOf', () => {
  let server: Server;
  let token: string;

  before(async () => {
    server = await start();
    token = (await server.tokenFor('employee')).token;
  });
  after(() => server?.close());

  it('adds a resource on first use, once, sharing the core’s cache', async () => {
    const core = createCoreClient({ baseUrl: server.url, token });
    assert.equal((core as { progress?: unknown }).progress, undefined, 'a core client carries no resources');
    const progress = resourceOf(core, 'progress', progressResource);
    assert.equal(resourceOf(core, 'progress', progressResource), progress, 'the same instance on every call');
    const before = count(server, 'GET', '/v1/employees/me/progress');
    const [a, b] = await Promise.all([progress.get('me'), resourceOf(core, 'progress', progressResource).get('me')]);
    assert.equal(a, b);
    assert.equal(count(server, 'GET', '/v1/employees/me/progress') - before, 1);
    core.close();
  });

  it('uses a full client’s own resource instead of making another', () => {
    const full = createClient({ baseUrl: server.url, token });
    assert.equal(resourceOf(full, 'progress', progressResource), full.progress);
    full.close();
  });

  it('enableOutbox is idempotent per client', () => {
    const core = createCoreClient({ baseUrl: server.url, token });
    const store = new MemoryOutboxStore();
    const first = enableOutbox(core, store);
    assert.equal(enableOutbox(core, store), first);
    assert.equal(core.outbox, first);
    core.close();
  });
});
