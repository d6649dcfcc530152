// The coaching resources end to end against the sandbox server: goals and check-ins (achieved at target, stale
// version → ConflictError), feedback (403 for a colleague, acknowledge), team; cache invalidation by mutations
// and by live events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConflictError,
  PermissionError,
  tagMatches,
  type CacheTag,
  type Client,
  type EmployeeRef,
  type GoalCreate,
  type ServerEvent,
} from '../../src/client/index.js';
import { clientFor, count, start, waitFor, type Server } from './helpers.js';

let n = 0;
const goalBody = (over: Partial<GoalCreate> = {}): GoalCreate => ({
  title: `Menyelesaikan modul e-learning ${++n}`,
  kind: 'development',
  competency: 'technical',
  measure: { unit: 'modul', target: 5 },
  year: 2026,
  dueDate: '2026-11-30',
  ...over,
});

describe('SDK coaching resources', () => {
  let server: Server;
  let asn: { id: EmployeeRef; token: string; client: Client };
  let sup: { id: EmployeeRef; token: string; client: Client };
  let colleague: { id: EmployeeRef; token: string; client: Client };

  before(async () => {
    server = await start();
    const a = await server.tokenFor('employee');
    const s = await server.tokenFor(a.employee.supervisorId!);
    asn = { id: a.employee.id as EmployeeRef, token: a.token, client: clientFor(server, a.token) };
    sup = { id: s.employee.id as EmployeeRef, token: s.token, client: clientFor(server, s.token) };
    // Another direct report of the same supervisor: a colleague of the ASN, not their supervisor.
    const team = await sup.client.team.list('me', { limit: 100 });
    const other = team.data.find((row) => row.employee.id !== asn.id);
    assert.ok(other, 'the seed gives the supervisor at least two reports');
    const c = await server.tokenFor(other.employee.id);
    colleague = { id: c.employee.id as EmployeeRef, token: c.token, client: clientFor(server, c.token) };
  });
  after(async () => {
    for (const x of [asn, sup, colleague]) x?.client.close();
    await server?.close();
  });

  it('create a goal, check in, and it becomes achieved at its target; a stale version → ConflictError', async () => {
    const { client } = asn;
    const goal = await client.goals.create('me', goalBody());
    assert.equal(goal.employeeId, asn.id);
    assert.equal(goal.status, 'active');
    assert.deepEqual(goal.measure, { unit: 'modul', target: 5, current: 0 });

    const first = await client.goals.checkIns.create(goal.id, { value: 3, note: 'Tiga modul selesai' });
    assert.equal(first.checkIn.goalId, goal.id);
    assert.equal(first.checkIn.value, 3);
    assert.equal(first.goal.measure.current, 3);
    assert.equal(first.goal.status, 'active');

    const second = await client.goals.checkIns.create(goal.id, { value: 5 });
    assert.equal(second.goal.status, 'achieved', 'reaching the target marks the goal achieved');
    assert.ok(second.goal.version > goal.version, 'second.goal.version > goal.version');
    const checkIns = await client.goals.checkIns.list(goal.id);
    assert.deepEqual(checkIns.data.map((c) => c.value).sort(), [3, 5]);

    // PATCH with the version it was read at: a stale one is refused with the problem.
    const renamed = await client.goals.update(goal.id, { version: second.goal.version, title: 'Menyelesaikan lima modul' });
    assert.equal(renamed.title, 'Menyelesaikan lima modul');
    const stale = await client.goals.update(goal.id, { version: goal.version, title: 'Judul lama' }).then(
      () => assert.fail('a stale version must be refused'),
      (error: unknown) => error,
    );
    assert.ok(stale instanceof ConflictError, `expected ConflictError, got ${String(stale)}`);
    assert.equal(stale.status, 409);
    assert.equal(stale.problem.status, 409);
    assert.ok(stale.problem.requestId, 'stale.problem.requestId');

    // Filters and pagination.
    const achieved = await client.goals.list('me', { status: 'achieved', year: 2026 });
    assert.ok(achieved.data.some((g) => g.id === goal.id), 'achieved.data.some((g) => g.id === goal.id)');
    assert.ok(achieved.data.every((g) => g.status === 'achieved'), 'achieved.data.every((g) => g.status === \'achieved\')');
    const all: string[] = [];
    for await (const g of client.goals.all('me', { limit: 1 })) all.push(g.id);
    assert.ok(all.includes(goal.id) && all.length >= 2 && new Set(all).size === all.length, 'all.includes(goal.id) && all.length >= 2 && new Set(all).size === all.length');
  });

  it('a colleague giving feedback gets PermissionError (403); the supervisor may; only the recipient acknowledges', async () => {
    const denied = await colleague.client.feedback.create(asn.id, { kind: 'guidance', message: 'Bukan atasan langsung' }).then(
      () => assert.fail('a colleague must not give feedback'),
      (error: unknown) => error,
    );
    assert.ok(denied instanceof PermissionError, `expected PermissionError, got ${String(denied)}`);
    assert.equal(denied.status, 403);
    assert.equal(denied.problem.status, 403);

    const given = await sup.client.feedback.create(asn.id, { kind: 'appreciation', rating: 'above', message: 'Laporan triwulan rapi dan tepat waktu' });
    assert.equal(given.employeeId, asn.id);
    assert.equal(given.authorId, sup.id);
    assert.equal(given.acknowledgedAt, null);

    await assert.rejects(colleague.client.feedback.acknowledge(given.id, { response: 'bukan milik saya' }), (e: unknown) => e instanceof PermissionError || (e as { status?: number }).status === 404);
    const acked = await asn.client.feedback.acknowledge(given.id, { response: 'Terima kasih, Pak.' });
    assert.ok(acked.acknowledgedAt, 'acked.acknowledgedAt');
    assert.equal(acked.response, 'Terima kasih, Pak.');
    const feed = await asn.client.feedback.list('me', {}, { fresh: true });
    assert.equal(feed.data[0]!.id, given.id, 'newest first');
  });

  it('a check-in invalidates goals:<employee> (found from the answer) and checkins:<goal>', async () => {
    const client = clientFor(server, asn.token);
    const goal = await client.goals.create('me', goalBody({ measure: { unit: 'kegiatan', target: 10 } }));
    const goalsPath = `/v1/employees/me/goals`;
    const checkPath = `/v1/goals/${goal.id}/check-ins`;
    const g0 = count(server, 'GET', goalsPath);
    const c0 = count(server, 'GET', checkPath);
    await client.goals.list('me');
    await client.goals.list('me');
    await client.goals.checkIns.list(goal.id);
    await client.goals.checkIns.list(goal.id);
    assert.equal(count(server, 'GET', goalsPath) - g0, 1, 'cached');
    assert.equal(count(server, 'GET', checkPath) - c0, 1, 'cached');

    const heard: (readonly CacheTag[])[] = [];
    client.onInvalidate((tags) => heard.push(tags));
    await client.goals.checkIns.create(goal.id, { value: 4 });
    assert.equal(heard.length, 1);
    for (const tag of [`goals:${asn.id}`, 'goals:me', `progress:${asn.id}`, `checkins:${goal.id}`, 'team:me']) {
      assert.ok(tagMatches(heard[0]!, tag), `missing ${tag} in ${heard[0]!.join(' ')}`);
    }
    const after = await client.goals.list('me');
    assert.equal(count(server, 'GET', goalsPath) - g0, 2, 'the next list hits the server');
    assert.equal(after.data.find((g) => g.id === goal.id)!.measure.current, 4);
    const checks = await client.goals.checkIns.list(goal.id);
    assert.equal(count(server, 'GET', checkPath) - c0, 2);
    assert.equal(checks.data.length, 1);
    client.close();
  });

  it('feedback invalidates every cached team page, so the supervisor sees the row change', async () => {
    const client = clientFor(server, sup.token);
    const path = '/v1/employees/me/team';
    const t0 = count(server, 'GET', path);
    const before = await client.team.list('me', { sort: 'name' });
    await client.team.list('me', { sort: 'name' });
    assert.equal(count(server, 'GET', path) - t0, 1);
    const rowBefore = before.data.find((r) => r.employee.id === asn.id)!;

    const heard: (readonly CacheTag[])[] = [];
    client.onInvalidate((tags) => heard.push(tags));
    await client.feedback.create(asn.id, { kind: 'guidance', message: 'Mohon lengkapi bukti dukung kegiatan.' });
    assert.ok(tagMatches(heard[0]!, 'team:me') && heard[0]!.includes('team:*'), `team tags in ${heard[0]}`);
    assert.ok(tagMatches(heard[0]!, `feedback:${asn.id}`), 'tagMatches(heard[0]!, `feedback:${asn.id}`)');

    const after = await client.team.list('me', { sort: 'name' });
    assert.equal(count(server, 'GET', path) - t0, 2, 'the team page was re-fetched');
    const rowAfter = after.data.find((r) => r.employee.id === asn.id)!;
    assert.equal(rowAfter.feedback.unacknowledged, rowBefore.feedback.unacknowledged + 1);
    assert.ok(rowAfter.feedback.lastAt !== null, 'rowAfter.feedback.lastAt !== null');

    const names: string[] = [];
    for await (const row of client.team.all('me', { limit: 1, sort: 'name' })) names.push(row.employee.name);
    assert.equal(names.length, before.data.length);
    client.close();
  });

  it('a live feedback.created invalidates feedback:<employee> in the recipient’s client', async () => {
    const client = clientFor(server, asn.token);
    const events: ServerEvent[] = [];
    const heard: (readonly CacheTag[])[] = [];
    client.onInvalidate((tags) => heard.push(tags));
    const path = '/v1/employees/me/feedback';
    const f0 = count(server, 'GET', path);
    const first = await client.feedback.list('me');
    await client.feedback.list('me');
    assert.equal(count(server, 'GET', path) - f0, 1);

    const streams = count(server, 'GET', '/v1/events');
    const off = client.events.subscribe([`employee:${asn.id}`], (e) => events.push(e));
    await waitFor(() => count(server, 'GET', '/v1/events') > streams, 3000, 'the stream to open');
    await new Promise((r) => setTimeout(r, 50));

    const given = await sup.client.feedback.create(asn.id, { kind: 'appreciation', message: 'Pelayanan hari ini sangat baik.' });
    await waitFor(() => events.some((e) => e.type === 'feedback.created' && e.subjectId === given.id), 5000, 'feedback.created');
    assert.ok(heard.some((tags) => tags.includes(`feedback:${asn.id}`) && tags.includes('feedback:me')), 'feedback tags invalidated');
    const fresh = await client.feedback.list('me');
    assert.equal(count(server, 'GET', path) - f0, 2, 'the event dropped the cached feed');
    assert.equal(fresh.data[0]!.id, given.id);
    assert.equal(fresh.data.length, first.data.length + 1);
    off();
    client.close();
  });
});
