// Offline outbox against the sandbox server: a write made while the server is down is queued (QueuedError),
// replayed after a restart with the SAME Idempotency-Key and stored exactly once; FIFO; a definitive 4xx drops
// the entry and reports its problem; a 503 keeps it and stops the flush. Plus form drafts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../server/testing.js';
import {
  MemoryOutboxStore,
  NetworkError,
  PermissionError,
  QueuedError,
  TimeoutError,
  clearDraft,
  createClient,
  loadDraft,
  saveDraft,
  type EmployeeRef,
  type OutboxEvent,
} from '../../src/client/index.js';
import { clientFor, fast, recordingFetch, type Server } from './helpers.js';

const KEY = 'idempotency-key';
const rejection = <T>(promise: Promise<T>): Promise<unknown> => promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
const feedbackPosts = <T extends { method: string; url: string }>(sent: T[], employee: string): T[] =>
  sent.filter((r) => r.method === 'POST' && new URL(r.url).pathname === `/v1/employees/${employee}/feedback`);

describe('SDK offline outbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-outbox-'));
  const dbPath = join(dir, 'sandbox.sqlite');
  let server: Server;
  let port: number;
  let report: EmployeeRef;
  let supId: EmployeeRef;

  before(async () => {
    server = await startServer({ port: 0, dbPath, quiet: true });
    port = Number(new URL(server.url).port);
    const asn = await server.tokenFor('employee');
    report = asn.employee.id as EmployeeRef;
    supId = asn.employee.supervisorId as EmployeeRef;
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('server down: feedback is queued (QueuedError); after a restart flush() stores it ONCE with the same key', async () => {
    let token = (await server.tokenFor(supId)).token; // signed by this server: its `sub` keys the outbox
    await server.close(); // the server is gone: connection refused
    const store = new MemoryOutboxStore();
    const rec = recordingFetch();
    const client = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      getToken: () => token, // read at every attempt and replay: the new server signs with a new secret
      fetch: rec.fetch,
      ...fast,
      retry: 1,
      outbox: { store, autoFlush: false },
    });
    const heard: OutboxEvent[] = [];
    client.outbox.subscribe((e) => heard.push(e));
    const message = `Terima kasih atas laporannya ${Date.now()}`;

    const error = await rejection(client.feedback.create(report, { kind: 'appreciation', message }));
    assert.ok(error instanceof QueuedError, `expected QueuedError, got ${String(error)}`);
    assert.ok(error instanceof NetworkError, 'QueuedError is a NetworkError');
    assert.ok(error.cause instanceof NetworkError, 'error.cause instanceof NetworkError');
    assert.match(error.entry.id, /^obx_/);
    assert.equal(error.entry.route, 'createFeedback');
    assert.deepEqual(error.entry.params, { id: report });
    const firstKey = feedbackPosts(rec.sent, report)[0]!.headers.get(KEY);
    assert.ok(firstKey, 'firstKey');
    assert.equal(error.entry.idempotencyKey, firstKey, 'the entry keeps the key of the first attempt');
    assert.equal(error.idempotencyKey, firstKey);
    assert.equal(client.outbox.size, 1);
    assert.equal((await client.outbox.list()).length, 1);
    assert.deepEqual(heard.map((e) => e.type), ['added']);

    // Back online, on the same port and database file.
    server = await startServer({ port, dbPath, quiet: true });
    const supToken = (await server.tokenFor(supId)).token;
    token = supToken; // the new server signs with a new secret: the replay must read credentials afresh
    const [entry] = await store.load(`${client.baseUrl} ${supId}`);
    assert.ok(entry, 'entry');
    const result = await client.outbox.flush();
    assert.deepEqual(result, { sent: 1, failed: 0, remaining: 0 });
    assert.equal(client.outbox.size, 0);
    assert.equal((await client.outbox.list()).length, 0);
    const sentEvent = heard.find((e) => e.type === 'sent');
    assert.ok(sentEvent && sentEvent.type === 'sent' && sentEvent.entry.id === entry!.id, 'sentEvent && sentEvent.type === \'sent\' && sentEvent.entry.id === entry!.id');
    const replays = feedbackPosts(rec.sent, report);
    assert.equal(replays.at(-1)!.headers.get(KEY), firstKey, 'replayed with the same Idempotency-Key');
    assert.equal(replays.at(-1)!.headers.get('authorization'), `Bearer ${supToken}`, 'fresh credentials at replay');

    const reader = clientFor(server, supToken);
    const stored = async () => (await reader.feedback.list(report, { limit: 100 }, { fresh: true })).data.filter((f) => f.message === message);
    assert.equal((await stored()).length, 1, 'stored exactly once');

    // The same entry flushed again (a tab that died before removing it): the server replays, nothing new is stored.
    await store.append(`${client.baseUrl} ${supId}`, entry!);
    assert.deepEqual(await client.outbox.flush(), { sent: 1, failed: 0, remaining: 0 });
    const again = heard.filter((e) => e.type === 'sent');
    assert.equal(again.length, 2);
    assert.equal((again[1]!.result as { id: string }).id, (again[0]!.result as { id: string }).id, 'the replayed answer');
    assert.equal((await stored()).length, 1, 'still exactly once');
    assert.ok(!JSON.stringify(await store.load(`${client.baseUrl} ${supId}`)).includes(supToken), '!JSON.stringify(await store.load(`${client.baseUrl} ${supId}`)).includes(supToken)');
    reader.close();
    client.close();
  });
});

/** A fetch that fails like a dead link while `offline` is true. */
function switchableFetch() {
  const rec = recordingFetch();
  const state = { offline: false };
  const wrapped: typeof fetch = async (input, init) => {
    if (state.offline) {
      const request = new Request(input, init);
      rec.sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body: null });
      throw new TypeError('fetch failed');
    }
    return rec.fetch(input, init);
  };
  return { fetch: wrapped, sent: rec.sent, state };
}

describe('SDK offline outbox: order and outcomes', () => {
  let server: Server;
  let report: EmployeeRef;
  let supToken: string;
  let supId: EmployeeRef;
  let stranger: EmployeeRef;

  before(async () => {
    server = await startServer({ quiet: true });
    const asn = await server.tokenFor('employee');
    report = asn.employee.id as EmployeeRef;
    const sup = await server.tokenFor(asn.employee.supervisorId!);
    supToken = sup.token;
    supId = sup.employee.id as EmployeeRef;
    stranger = sup.employee.supervisorId as EmployeeRef;
  });
  after(() => server?.close());

  const offlineClient = (over: { store?: MemoryOutboxStore } = {}) => {
    const net = switchableFetch();
    const store = over.store ?? new MemoryOutboxStore();
    const client = clientFor(server, supToken, { fetch: net.fetch, retry: 0, outbox: { store, autoFlush: false } });
    const heard: OutboxEvent[] = [];
    client.outbox.subscribe((e) => heard.push(e));
    return { client, net, store, heard };
  };

  it('entries replay in FIFO order; a 503 keeps the entry and stops the flush', async () => {
    const { client, net, heard } = offlineClient();
    net.state.offline = true;
    const stamp = Date.now();
    const messages = [`Pertama ${stamp}`, `Kedua ${stamp}`, `Ketiga ${stamp}`];
    const ids: string[] = [];
    for (const message of messages) {
      const e = await rejection(client.feedback.create(report, { kind: 'guidance', message }));
      assert.ok(e instanceof QueuedError, 'e instanceof QueuedError');
      ids.push(e.entry.id);
    }
    assert.equal(client.outbox.size, 3);
    assert.deepEqual((await client.outbox.list()).map((e) => e.id), ids, 'listed oldest first');

    net.state.offline = false;
    server.faults.add({ method: 'POST', path: `/v1/employees/${report}/feedback`, status: 503, times: 1 });
    const before = feedbackPosts(net.sent, report).length;
    assert.deepEqual(await client.outbox.flush(), { sent: 0, failed: 0, remaining: 3 });
    assert.equal(feedbackPosts(net.sent, report).length - before, 1, 'the flush stopped at the first failure');
    const deferred = heard.find((e) => e.type === 'deferred');
    assert.ok(deferred && deferred.entry.id === ids[0], 'deferred && deferred.entry.id === ids[0]');
    const kept = await client.outbox.list();
    assert.deepEqual(kept.map((e) => e.id), ids, 'nothing lost, order kept');
    assert.equal(kept[0]!.attempts, 1);
    assert.match(kept[0]!.lastError ?? '', /503/);

    assert.deepEqual(await client.outbox.flush(), { sent: 3, failed: 0, remaining: 0 });
    const replayed = feedbackPosts(net.sent, report).slice(-3).map((r) => JSON.parse(r.body!).message);
    assert.deepEqual(replayed, messages, 'sent oldest first');
    assert.deepEqual(heard.filter((e) => e.type === 'sent').map((e) => e.entry.id), ids);
    const feed = await client.feedback.list(report, { limit: 100 }, { fresh: true });
    assert.deepEqual(
      feed.data.filter((f) => f.message.endsWith(String(stamp))).map((f) => f.message).reverse(),
      messages,
      'stored once each, in order',
    );
    client.close();
  });

  it('a definitive 4xx (feedback to someone not a direct report → 403) removes the entry and reports the problem', async () => {
    const { client, net, heard } = offlineClient();
    net.state.offline = true;
    const stamp = Date.now();
    await rejection(client.feedback.create(stranger, { kind: 'guidance', message: `Tidak boleh ${stamp}` }));
    await rejection(client.feedback.create(report, { kind: 'appreciation', message: `Boleh ${stamp}` }));
    assert.equal(client.outbox.size, 2);
    net.state.offline = false;

    assert.deepEqual(await client.outbox.flush(), { sent: 1, failed: 1, remaining: 0 }, 'a refusal does not block the next entry');
    const failed = heard.find((e) => e.type === 'failed');
    assert.ok(failed && failed.type === 'failed', 'failed && failed.type === \'failed\'');
    assert.equal(failed.entry.params.id, stranger);
    assert.ok(failed.error instanceof PermissionError, 'failed.error instanceof PermissionError');
    assert.equal(failed.problem?.status, 403);
    assert.ok(failed.problem?.title, 'a message the UI can show');
    assert.equal(client.outbox.size, 0);
    assert.equal((await client.outbox.list()).length, 0);
    const feed = await client.feedback.list(report, { limit: 100 }, { fresh: true });
    assert.equal(feed.data.filter((f) => f.message === `Boleh ${stamp}`).length, 1);
    client.close();
  });

  it('a replay invalidates the cache like a direct call; queueOffline:false and a client without outbox do not queue', async () => {
    const { client, net } = offlineClient();
    const heardTags: string[][] = [];
    client.onInvalidate((tags) => heardTags.push([...tags]));
    net.state.offline = true;
    const plain = await rejection(client.feedback.create(report, { kind: 'guidance', message: 'Tanpa antrean' }, { queueOffline: false }));
    assert.ok(plain instanceof NetworkError && !(plain instanceof QueuedError), 'plain instanceof NetworkError && !(plain instanceof QueuedError)');
    assert.equal(client.outbox.size, 0);
    await rejection(client.feedback.create(report, { kind: 'guidance', message: `Antre ${Date.now()}` }));
    net.state.offline = false;
    heardTags.length = 0;
    await client.outbox.flush();
    assert.ok(heardTags.some((t) => t.includes(`feedback:${report}`) && t.includes('team:*')), `tags: ${JSON.stringify(heardTags)}`);

    const off = clientFor(server, supToken, { fetch: () => Promise.reject(new TypeError('fetch failed')), retry: 0 });
    assert.equal(off.outbox.enabled, false);
    const e = await rejection(off.feedback.create(report, { kind: 'guidance', message: 'x' }));
    assert.ok(e instanceof NetworkError && !(e instanceof QueuedError), 'e instanceof NetworkError && !(e instanceof QueuedError)');
    off.close();
    client.close();
  });

  it('a timeout is queued too (the replay key makes it safe), and entries are per user', async () => {
    const store = new MemoryOutboxStore();
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const client = clientFor(server, supToken, { fetch: hang, retry: 0, timeout: 50, outbox: { store, autoFlush: false } });
    const e = await rejection(client.goals.checkIns.create('goal_doesnotexist1', { value: 1 }));
    assert.ok(e instanceof QueuedError, `got ${String(e)}`);
    assert.ok(e.cause instanceof TimeoutError, 'e.cause instanceof TimeoutError');
    assert.equal(client.outbox.size, 1);

    // Another user on the same device and store sees (and replays) nothing of it.
    const other = await server.tokenFor(report);
    client.setToken(other.token);
    assert.equal((await client.outbox.list()).length, 0);
    client.setToken(supToken);
    assert.equal((await client.outbox.list()).length, 1);
    assert.equal((await store.load(`${client.baseUrl} ${supId}`)).length, 1);
    client.close();
  });
});

describe('form drafts', () => {
  const g = globalThis as { localStorage?: unknown };
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  after(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete g.localStorage;
  });

  it('round-trips JSON under a namespaced key and clears it', () => {
    const data = new Map<string, string>();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) },
    });
    assert.equal(saveDraft('feedback:emp_a:emp_b', { kind: 'guidance', message: 'Draf' }), true);
    assert.deepEqual([...data.keys()], ['pembinaan-asn:draft:feedback:emp_a:emp_b']);
    assert.deepEqual(loadDraft('feedback:emp_a:emp_b'), { kind: 'guidance', message: 'Draf' });
    data.set('pembinaan-asn:draft:broken', '{not json');
    assert.equal(loadDraft('broken'), null);
    clearDraft('feedback:emp_a:emp_b');
    assert.equal(loadDraft('feedback:emp_a:emp_b'), null);
    assert.equal(data.size, 0);
  });

  it('never throws when storage is unavailable (private mode, sandboxed iframe)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    assert.equal(saveDraft('k', { a: 1 }), false);
    assert.deepEqual(loadDraft('k'), { a: 1 }, 'kept in memory for the page');
    clearDraft('k');
    assert.equal(loadDraft('k'), null);
  });
});
