// Every route × every role, from one declared table (authorization-table.ts): anonymous, a partner's publishable key,
// the subject employee, a peer (same supervisor), the direct supervisor, the grand-supervisor, an unrelated supervisor
// and an admin. A route of the contract without a row, a row without a route, or a route the app binds outside the
// contract fails here; so does any role getting another answer than its row says. Sandbox routes are also walked on
// a server with sandbox mode off, where they must not exist for anyone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routes, type RouteDef } from '../../src/contract/index.js';
import { createApp } from '../../server/app.js';
import type { TestServer } from '../../server/testing.js';
import { ROLES, buildWorld, peopleOf, testServer, type People, type Role, type World } from './authorization-world.js';
import { table, type Outcome, type Request } from './authorization-table.js';

const contract = Object.values(routes) as RouteDef[];
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function urlOf(server: TestServer, route: RouteDef, request: Request): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.params?.[name];
    assert.ok(value !== undefined, `${route.id}: the row's request gives no {${name}}`);
    return encodeURIComponent(String(value));
  });
  return `${server.url}${path}${request.query ? `?${new URLSearchParams(request.query)}` : ''}`;
}

async function send(server: TestServer, people: People, route: RouteDef, role: Role, request: Request): Promise<Answer> {
  const mutation = route.method !== 'GET';
  const res = await fetch(urlOf(server, route, request), {
    method: route.method,
    headers: { ...(mutation ? { 'content-type': 'application/json' } : {}), ...people.headers(role) },
    body: mutation ? JSON.stringify(request.body ?? {}) : undefined,
  });
  const contentType = res.headers.get('content-type') ?? '';
  // An open event stream never ends: its 200 and content type are the answer.
  if (route.stream && res.ok) {
    await res.body?.cancel();
    return { status: res.status, contentType, text: '' };
  }
  return { status: res.status, contentType, text: await res.text() };
}

/** Null when `answer` is what `expected` says; else why not. */
function mismatch(route: RouteDef, expected: Outcome, answer: Answer): string | null {
  if (expected === 'ok') {
    const status = route.status ?? 200;
    if (answer.status === status) return null;
    const hint = answer.status === 400 || answer.status === 422 ? ' (the table’s request is invalid: fix the row)' : '';
    return `expected ${status}, got ${answer.status}${hint}: ${answer.text.slice(0, 300)}`;
  }
  if (answer.status !== expected) return `expected ${expected}, got ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (!answer.contentType.startsWith('application/problem+json')) return `a ${expected} that is not problem+json (${answer.contentType})`;
  return null;
}

describe('authorization: the table covers the API', () => {
  it('every route of the contract has a row, and every row names a route of the contract', () => {
    const ids = new Set(contract.map((r) => r.id));
    const rows = new Set(Object.keys(table));
    assert.deepEqual([...ids].filter((id) => !rows.has(id)), [], 'routes without a row in test/server/authorization-table.ts');
    assert.deepEqual([...rows].filter((id) => !ids.has(id)), [], 'rows naming no route of the contract');
    for (const [id, row] of Object.entries(table)) {
      assert.deepEqual(Object.keys(row.expect).sort(), [...ROLES].sort(), `${id}: a row says what every role gets`);
    }
  });

  it('the app binds no API route outside the contract', async () => {
    const server = await testServer(true);
    try {
      const declared = new Set(contract.map((r) => `${r.method} ${honoPath(r.path)}`));
      // The API only: pages such as the private link's (/applications/private) carry no data of their own.
      const bound = createApp(server.deps)
        .routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/v1/') || r.path === '/healthz'))
        .map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(bound.filter((r) => !declared.has(r)), [], 'routes bound without a contract entry (and so without a row)');
      assert.deepEqual([...declared].filter((r) => !bound.includes(r)), [], 'contract routes the app does not bind');
    } finally {
      await server.close();
    }
  });
});

describe('authorization: every route × every role (sandbox mode on)', () => {
  let w: World;
  let cases = 0;
  const started = Date.now();

  before(async () => {
    w = await buildWorld();
  });
  after(async () => {
    await w?.server.close();
    console.log(`authorization walk: ${contract.length} routes × ${ROLES.length} roles = ${cases} cases in ${Date.now() - started} ms`);
  });

  for (const route of contract) {
    const row = table[route.id as keyof typeof table];
    it(`${route.method} ${route.path} (${route.id})`, async () => {
      assert.ok(row, `no row for ${route.id}`);
      const wrong: string[] = [];
      // One role after another, each with its own request (fresh resources where a success would change the next).
      for (const role of ROLES) {
        const answer = await send(w.server, w, route, role, await row.request(w, role));
        cases += 1;
        const why = mismatch(route, row.expect[role], answer);
        if (why) wrong.push(`${role}: ${why}`);
      }
      assert.deepEqual(wrong, [], `${route.id}:\n${wrong.join('\n')}`);
    });
  }
});

describe('authorization: sandbox routes with sandbox mode off', () => {
  let server: TestServer;
  let people: People;

  before(async () => {
    server = await testServer(false);
    people = await peopleOf(server);
  });
  after(() => server.close());

  const sandboxRoutes = contract.filter((r) => r.access.kind === 'sandbox');

  it('the contract has sandbox routes to walk', () => assert.ok(sandboxRoutes.length >= 2));

  for (const route of sandboxRoutes) {
    it(`${route.method} ${route.path}: 404 for every role`, async () => {
      const wrong: string[] = [];
      for (const role of ROLES) {
        const answer = await send(server, people, route, role, { body: {} });
        const why = mismatch(route, 404, answer);
        if (why) wrong.push(`${role}: ${why}`);
      }
      assert.deepEqual(wrong, [], `${route.id}:\n${wrong.join('\n')}`);
    });
  }
});
