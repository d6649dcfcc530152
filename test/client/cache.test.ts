// Reads de-duplicated in flight and cached; mutations invalidate and notify; failures not cached; pagination.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CacheTag } from '../../src/client/index.js';
import { clientFor, count, learningBody, start, type Server } from './helpers.js';

describe('SDK cache and pagination', () => {
  let server: Server;
  let token: string;
  let meId: `emp_${string}`;

  before(async () => {
    server = await start();
    const t = await server.tokenFor('employee');
    token = t.token;
    meId = t.employee.id as `emp_${string}`;
  });
  after(() => server?.close());

  it('fifty concurrent progress.get() for one employee make ONE request', async () => {
    const client = clientFor(server, token);
    const path = `/v1/employees/${meId}/progress`;
    const before = count(server, 'GET', path);
    const results = await Promise.all(Array.from({ length: 50 }, () => client.progress.get(meId)));
    assert.equal(count(server, 'GET', path) - before, 1);
    assert.ok(results.every((r) => r.employeeId === meId && r === results[0]));
    await client.progress.get(meId); // within cacheTtl: served from the cache
    assert.equal(count(server, 'GET', path) - before, 1);
    await client.progress.get(meId, {}, { fresh: true });
    assert.equal(count(server, 'GET', path) - before, 2);
    // Another client has its own cache.
    await clientFor(server, token).progress.get(meId);
    assert.equal(count(server, 'GET', path) - before, 3);
  });

  it('a mutation invalidates the cached reads it touches and fires onInvalidate', async () => {
    const client = clientFor(server, token);
    const path = `/v1/employees/me/progress`;
    const heard: (readonly CacheTag[])[] = [];
    const off = client.onInvalidate((tags) => heard.push(tags));
    const before = count(server, 'GET', path);
    const first = await client.progress.get('me');
    await client.progress.get('me');
    assert.equal(count(server, 'GET', path) - before, 1);

    await client.learning.create('me', learningBody({ jp: 3 }));
    assert.equal(heard.length, 1);
    for (const tag of ['progress:me', 'learning:me']) assert.ok(heard[0]!.includes(tag), `missing ${tag} in ${heard[0]}`);
    const second = await client.progress.get('me');
    assert.equal(count(server, 'GET', path) - before, 2, 'the next get must hit the server');
    assert.equal(second.learning.jp, first.learning.jp + 3);

    // A mutation naming the employee id also drops the `me` variant (and vice versa once `me` is known).
    await client.learning.create(meId, learningBody({ jp: 1 }));
    assert.ok(heard[1]!.includes(`progress:${meId}`) && heard[1]!.includes('progress:me'));
    const third = await client.progress.get('me');
    assert.equal(count(server, 'GET', path) - before, 3);
    assert.equal(third.learning.jp, second.learning.jp + 1);

    off();
    await client.learning.create('me', learningBody());
    assert.equal(heard.length, 2, 'unsubscribed listener was called');
  });

  it('a failed read is not cached', async () => {
    const client = clientFor(server, token, { retry: 0 });
    const path = `/v1/employees/${meId}`;
    server.faults.add({ method: 'GET', path, status: 500, times: 1 });
    await assert.rejects(client.employees.get(meId), { status: 500 });
    const employee = await client.employees.get(meId);
    assert.equal(employee.id, meId);
    assert.equal(count(server, 'GET', path), 2);
  });

  it('all() walks every page by nextCursor; list() returns one page', async () => {
    const { token: adminToken } = await server.tokenFor('admin');
    const { employee } = await server.tokenFor('supervisor');
    const id = employee.id as `emp_${string}`;
    const admin = clientFor(server, adminToken);
    for (let i = 0; i < 5; i++) await admin.learning.create(id, learningBody());

    const everything = await admin.learning.list(id, { limit: 100 });
    assert.ok(everything.data.length >= 5);
    assert.equal(everything.nextCursor, null);

    const page = await admin.learning.list(id, { limit: 2 });
    assert.equal(page.data.length, 2);
    assert.equal(typeof page.nextCursor, 'string');

    const path = `/v1/employees/${id}/learning-records`;
    const before = count(server, 'GET', path);
    const walked: string[] = [];
    for await (const record of admin.learning.all(id, { limit: 2 })) walked.push(record.id);
    assert.deepEqual(walked, everything.data.map((r) => r.id), 'same records, same order, no duplicates');
    // ceil(n / 2) pages; the first one ({ limit: 2 }, no cursor) is still cached from the list() above.
    assert.equal(count(server, 'GET', path) - before, Math.ceil(everything.data.length / 2) - 1);
  });
});
