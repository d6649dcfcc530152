// The partnership resources end to end against the sandbox server (issue #8): a partner's publishable key goes as
// `Authorization: Bearer pk_…` (a token wins over it), a university's page lists the openings of its partner from
// an allowed Origin, an application made offline waits in the outbox under the key's scope and is stored once
// after reconnecting (same Idempotency-Key, also from a page that has only the form), admins read partners and
// move applications (a stale version → ConflictError), and the student's private link shows and withdraws.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import { startServer, type StartServerOptions } from '../../server/testing.js';
import {
  ConflictError,
  MemoryOutboxStore,
  NotFoundError,
  PermissionError,
  QueuedError,
  ValidationError,
  createClient,
  createCoreClient,
  installOutbox,
  internshipsResource,
  resourceOf,
  type ApplicationCreate,
  type CacheTag,
  type Challenge,
  type Client,
  type ClientOptions,
  type OpeningId,
  type PartnerId,
  type ServerEvent,
} from '../../src/client/index.js';
import { clientFor, count, fast, waitFor, type Sent, type Server } from './helpers.js';

const PARTNER = 'ptn_umsorong' as PartnerId;
/** The sandbox's test keys allow `http://localhost:*`. */
const ALLOWED_ORIGIN = 'http://localhost:5173';
const day = 24 * 3600_000;
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

type Network = 'up' | 'down' | 'lost';

/**
 * What a browser on a university's page sends: Node's fetch with the page's `Origin` (browsers add it
 * themselves), recorded. `network()` says how the connection is: `down` fails before the server; `lost` lets
 * the request reach the server and drops its answer (a timeout on a phone), the case the Idempotency-Key is for.
 */
function pageFetch(origin: string, network: () => Network = () => 'up'): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set('Origin', origin);
    const body = request.body ? await request.clone().text() : null;
    sent.push({ method: request.method, url: request.url, headers, body });
    const state = network();
    if (state === 'down') throw new TypeError('Failed to fetch');
    const response = await fetch(new Request(request, { headers }));
    if (state === 'lost') {
      await response.arrayBuffer();
      throw new TypeError('Failed to fetch');
    }
    return response;
  };
  return { fetch: wrapped, sent };
}

/** The `altcha` field: base64 of `{ challenge, solution }`, as the form's solver makes it. */
async function solve(challenge: Challenge): Promise<string> {
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha;
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'the challenge was solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

let nims = 0;
const newNim = () => `15${Date.now().toString().slice(-6)}${String(++nims).padStart(2, '0')}`;

/** A complete application through `client` (its notice and a solved challenge), for a fresh NIM. */
async function applicationFor(client: Client, nim = newNim()): Promise<ApplicationCreate> {
  const notice = await client.internships.privacyNotice();
  const altcha = await solve(await client.internships.challenge());
  return {
    student: {
      name: 'Yohana Kambu',
      nim,
      studyProgram: 'Teknik Informatika',
      semester: 5,
      email: `yohana.${nim}@example.ac.id`,
      phone: '0812 3456 7890',
    },
    motivation: 'Saya ingin belajar membangun layanan publik digital bersama pemerintah Kota Sorong.',
    consent: { noticeVersion: notice.version, noticeHash: notice.hash, accepted: true },
    altcha,
  };
}

/** The private link's token from the receipt's capability URL (43 base64url characters). */
const tokenOf = (privateUrl: string): string => {
  const found = privateUrl.match(/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g);
  assert.ok(found, `a token in ${privateUrl}`);
  return found.at(-1)!;
};

describe('SDK partnership resources', () => {
  let server: Server & { publishableKey(partnerId: string): string };
  let admin: Client;
  let key: string;
  let openingId: OpeningId;

  /** A client of the university's page: the key alone, from the allowed origin. */
  const student = (options: Partial<ClientOptions> = {}) =>
    createClient({ baseUrl: server.url, publishableKey: key, ...fast, fetch: pageFetch(ALLOWED_ORIGIN).fetch, ...options });

  before(async () => {
    // No minimum fill time: the tests submit at once (the form's own test covers the delay).
    server = (await startServer({ port: 0, dbPath: ':memory:', sandbox: true, quiet: true, altchaMinFillMs: 0 } as StartServerOptions)) as typeof server;
    admin = clientFor(server, (await server.tokenFor('admin')).token);
    key = server.publishableKey(PARTNER);
    const opening = await admin.internships.create({
      title: `Magang Pengembangan Aplikasi Layanan ${Math.random().toString(36).slice(2, 7)}`,
      unitId: 'unit_diskominfo',
      description: 'Mahasiswa membangun aplikasi layanan publik bersama tim Diskominfo Kota Sorong.',
      skills: ['TypeScript', 'SQL'],
      quota: 5,
      startsOn: dateIn(60),
      endsOn: dateIn(120),
      applyBy: dateIn(30),
      partnerIds: [PARTNER],
      status: 'open',
    });
    openingId = opening.id as OpeningId;
  });
  after(async () => {
    admin?.close();
    await server?.close();
  });

  it('sends a publishable key as `Authorization: Bearer pk_…` and nothing else; a token wins over the key', async () => {
    const page = pageFetch(ALLOWED_ORIGIN);
    const client = student({ fetch: page.fetch });
    await client.internships.list();
    const listed = page.sent.find((s) => new URL(s.url).pathname === '/v1/internships')!;
    assert.equal(listed.headers.get('authorization'), `Bearer ${key}`);
    assert.equal(listed.headers.get('x-publishable-key'), null, 'one way only');
    assert.equal([...listed.headers.keys()].filter((h) => h.includes('publishable')).length, 0);
    client.close();

    const { token } = await server.tokenFor('admin');
    const signedIn = pageFetch(ALLOWED_ORIGIN);
    const both = createClient({ baseUrl: server.url, token, publishableKey: key, ...fast, fetch: signedIn.fetch });
    const all = await both.internships.list({ status: 'open' });
    assert.equal(signedIn.sent[0]!.headers.get('authorization'), `Bearer ${token}`);
    assert.ok(all.data.some((o) => o.id === openingId && o.version !== undefined), 'an admin sees the token-only fields');
    both.close();

    // A getToken that has no token (signed out) leaves the key in place.
    const fallback = pageFetch(ALLOWED_ORIGIN);
    const keyOnly = createClient({ baseUrl: server.url, getToken: () => null, publishableKey: key, ...fast, fetch: fallback.fetch });
    await keyOnly.internships.list();
    assert.equal(fallback.sent[0]!.headers.get('authorization'), `Bearer ${key}`);
    keyOnly.close();
  });

  it("lists the open openings of the key's partner, public fields only, from an allowed Origin; another Origin → PermissionError", async () => {
    const client = student();
    const page = await client.internships.list();
    const mine = page.data.find((o) => o.id === openingId);
    assert.ok(mine, 'the opening for this partner is listed');
    assert.ok(page.data.every((o) => o.status === 'open'), 'only open openings through a key');
    assert.equal(mine.partnerIds, undefined, 'token-only fields are left out');
    assert.equal(mine.version, undefined);
    assert.equal((await client.internships.get(openingId)).title, mine.title);
    const reads = count(server, 'GET', '/v1/internships');
    await client.internships.list();
    assert.equal(count(server, 'GET', '/v1/internships'), reads, 'the second read came from the cache (tag internships:list)');
    client.close();

    const elsewhere = student({ fetch: pageFetch('https://evil.example').fetch });
    const refused = await elsewhere.internships.list().catch((e: unknown) => e);
    assert.ok(refused instanceof PermissionError, `expected PermissionError, got ${String(refused)}`);
    assert.match(refused.problem.detail ?? '', /evil\.example/, 'the problem names the refused origin');
    elsewhere.close();
  });

  it('offline: an application waits in the outbox under the key’s scope and is stored once after reconnecting, same Idempotency-Key', async () => {
    let network: Network = 'up';
    const page = pageFetch(ALLOWED_ORIGIN, () => network);
    const store = new MemoryOutboxStore();
    const client = student({ fetch: page.fetch, retry: 0, outbox: { store, autoFlush: false } });
    const body = await applicationFor(client); // notice and challenge fetched while online, as the form does

    network = 'lost'; // the POST reaches the server, the answer never comes back
    const queued = await client.internships.apply(openingId, body).catch((e: unknown) => e);
    assert.ok(queued instanceof QueuedError, `expected QueuedError, got ${String(queued)}`);
    assert.equal(queued.entry.route, 'createApplication');
    assert.deepEqual(queued.entry.params, { id: openingId });
    assert.equal((await client.outbox.list()).length, 1);

    // The scope is the key: a signed-in user on the same device, or another key, never replays it.
    const { token } = await server.tokenFor('admin');
    const other = createClient({ baseUrl: server.url, token, ...fast, outbox: { store, autoFlush: false } });
    assert.equal((await other.outbox.list()).length, 0, 'not in a user’s outbox');
    other.close();
    const otherKey = createClient({ baseUrl: server.url, publishableKey: server.publishableKey('ptn_uvictory'), ...fast, outbox: { store, autoFlush: false } });
    assert.equal((await otherKey.outbox.list()).length, 0, 'not in another partner’s outbox');
    otherKey.close();

    network = 'down';
    assert.deepEqual(await client.outbox.flush(), { sent: 0, failed: 0, remaining: 1 }, 'still offline: kept');
    network = 'up';
    const sentEvents: unknown[] = [];
    client.outbox.subscribe((e) => e.type === 'sent' && sentEvents.push(e.result));
    assert.deepEqual(await client.outbox.flush(), { sent: 1, failed: 0, remaining: 0 });
    await client.outbox.flush();

    const posts = page.sent.filter((s) => s.method === 'POST' && new URL(s.url).pathname === `/v1/internships/${openingId}/applications`);
    assert.equal(posts.length, 3, 'the lost attempt, the offline one and the replay');
    assert.equal(new Set(posts.map((p) => p.headers.get('idempotency-key'))).size, 1, 'one Idempotency-Key throughout');
    assert.ok(posts.every((p) => p.headers.get('authorization') === `Bearer ${key}`), 'replayed with the key');
    const receipt = sentEvents[0] as { reference?: string };
    assert.match(receipt.reference ?? '', /^MG-\d{4}-\d{6}$/, 'the replay answers with the receipt');

    const stored = await admin.applications.list({ opening: openingId, q: body.student.nim });
    assert.equal(stored.data.length, 1, 'stored exactly once');
    assert.equal(stored.data[0]!.reference, receipt.reference);
    client.close();
  });

  it('a page with only the form replays an application queued on an earlier visit once the internship resource is there', async () => {
    const store = new MemoryOutboxStore();
    let network: Network = 'up';
    const page = pageFetch(ALLOWED_ORIGIN, () => network);
    const first = student({ fetch: page.fetch, retry: 0, outbox: { store, autoFlush: false } });
    const body = await applicationFor(first);
    network = 'down';
    assert.ok((await first.internships.apply(openingId, body).catch((e: unknown) => e)) instanceof QueuedError);
    first.close();

    // The next visit: `<asn-provider publishable-key>` makes a core client; the form installs the outbox (without
    // the coaching routes: a university's page has no goals to replay).
    network = 'up';
    const core = createCoreClient({ baseUrl: server.url, publishableKey: key, ...fast, fetch: page.fetch });
    installOutbox(core, { store, autoFlush: false });
    assert.deepEqual(await core.outbox.flush(), { sent: 0, failed: 0, remaining: 1 }, 'kept until a resource knows the route');
    resourceOf(core, 'internships', internshipsResource);
    await waitFor(() => core.outbox.size === 0, 5000, 'the application to be replayed once the resource registered it');
    const stored = await admin.applications.list({ opening: openingId, q: body.student.nim });
    assert.equal(stored.data.length, 1);
    core.close();
  });

  it('partners: list with filters and get with the agreement tree; an employee reads them too', async () => {
    const { token } = await server.tokenFor('employee');
    const asn = clientFor(server, token);
    const universities = await asn.partners.list({ kind: 'university' });
    assert.ok(universities.data.length >= 4, 'the four universities of Sorong');
    assert.ok(universities.data.every((p) => p.kind === 'university'));
    const found = await asn.partners.list({ q: 'Muhammadiyah Sorong' });
    assert.ok(found.data.some((p) => p.id === PARTNER));
    const one = await asn.partners.get(PARTNER);
    assert.equal(one.id, PARTNER);
    assert.ok(Array.isArray(one.agreements));
    const all: string[] = [];
    for await (const p of asn.partners.all({ limit: 2 })) all.push(p.id);
    assert.equal(new Set(all).size, all.length, 'every partner once across pages');
    assert.ok(all.length >= universities.data.length);
    const refused = await asn.partners.keys.list(PARTNER).catch((e: unknown) => e);
    assert.ok(refused instanceof PermissionError, 'keys are for admins');
    asn.close();

    // A publishable key may not read the directory.
    const client = student();
    assert.ok((await client.partners.list().catch((e: unknown) => e)) instanceof PermissionError);
    client.close();
  });

  it('applications (admin): the queue, a transition, and a stale version → ConflictError with the detail; the event drops applications:* and internships:*', async () => {
    const heard: CacheTag[] = [];
    const events: ServerEvent[] = [];
    const stopHearing = admin.onInvalidate((tags) => heard.push(...tags));
    const off = admin.events.subscribe(['applications'], (e) => events.push(e));
    await waitFor(() => count(server, 'GET', '/v1/events') > 0, 5000, 'the admin’s stream');
    await new Promise((r) => setTimeout(r, 50));

    const client = student();
    const body = await applicationFor(client);
    const receipt = await client.internships.apply(openingId, body);
    await waitFor(() => events.some((e) => e.type === 'application.created' && e.openingId === openingId), 5000, 'application.created');
    assert.ok(heard.includes('applications:*') && heard.includes('internships:*'), `heard ${heard.join(', ')}`);
    off();
    stopHearing();

    const queue = await admin.applications.list({ opening: openingId, status: 'submitted' });
    const row = queue.data.find((a) => a.reference === receipt.reference);
    assert.ok(row, 'the new application is in the queue');
    assert.equal(row.student?.nim, body.student.nim);
    assert.equal(row.consent?.noticeHash, body.consent.noticeHash);
    assert.equal(row.consent?.origin, ALLOWED_ORIGIN);
    assert.equal((await admin.applications.get(row.id)).id, row.id);

    const reviewing = await admin.applications.transition(row.id, { to: 'reviewing', version: row.version });
    assert.equal(reviewing.status, 'reviewing');
    assert.equal(reviewing.version, row.version + 1);
    const stale = await admin.applications.transition(row.id, { to: 'accepted', version: row.version }).catch((e: unknown) => e);
    assert.ok(stale instanceof ConflictError, `expected ConflictError, got ${String(stale)}`);
    assert.ok(stale.problem.detail, 'the problem says why');
    assert.ok(stale.message.includes(stale.problem.detail!));
    const refused = await admin.applications.transition(row.id, { to: 'rejected', version: reviewing.version }).catch((e: unknown) => e);
    assert.ok(refused instanceof ValidationError, 'a rejection needs a reason, checked before sending');
    client.close();
  });

  it('after a gap in the `applications` stream (cut, reconnected) the queue and the openings are refetched', async () => {
    const streams: { cut(): void }[] = [];
    // The event stream's body in a stream of our own, so the test can cut it as a dropped connection would.
    const cuttable: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!new Request(input, init).url.includes('/v1/events') || !response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          streams.push({ cut: () => controller.error(new TypeError('network connection lost')) });
        },
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: () => reader.cancel(),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const { token } = await server.tokenFor('admin');
    const reviewer = clientFor(server, token, { fetch: cuttable });
    const heard: CacheTag[] = [];
    reviewer.onInvalidate((tags) => heard.push(...tags));
    const off = reviewer.events.subscribe(['applications'], () => undefined);
    await waitFor(() => streams.length === 1, 5000, 'the stream');
    assert.equal(heard.length, 0);
    streams[0]!.cut();
    await waitFor(() => streams.length === 2, 5000, 'the reconnect');
    await waitFor(() => heard.includes('applications:*'), 5000, 'applications:* after the gap');
    assert.ok(heard.includes('internships:*'), `heard ${heard.join(', ')}`);
    assert.ok(!heard.some((t) => t.startsWith('team:')), 'a topic without an employee drops no team reads');
    off();
    reviewer.close();
  });

  it('the private link shows the application, withdraws it (personal data erased) and reveals nothing for a wrong token', async () => {
    const client = createClient({ baseUrl: server.url, publishableKey: key, ...fast, fetch: pageFetch(ALLOWED_ORIGIN).fetch });
    const body = await applicationFor(client);
    const receipt = await client.internships.apply(openingId, body);
    client.close();

    // The private link needs no credentials at all.
    const anonymous = createClient({ baseUrl: server.url, ...fast });
    const token = tokenOf(receipt.privateUrl);
    const view = await anonymous.internships.privateLink.get(token);
    assert.equal(view.reference, receipt.reference);
    assert.equal(view.student?.nim, body.student.nim);
    const corrected = await anonymous.internships.privateLink.update(token, { phone: '+62 813 1111 2222' });
    assert.equal(corrected.student?.phone, '+6281311112222', 'stored as E.164');

    const wrong = await anonymous.internships.privateLink.get('A'.repeat(43)).catch((e: unknown) => e);
    assert.ok(wrong instanceof NotFoundError, `expected NotFoundError, got ${String(wrong)}`);
    assert.doesNotMatch(JSON.stringify(wrong.problem), /nim|Yohana|@example/i, 'a wrong token reveals nothing');
    const malformed = await anonymous.internships.privateLink.get('short').catch((e: unknown) => e);
    assert.ok(malformed instanceof ValidationError, 'a malformed token is refused before sending');

    const withdrawn = await anonymous.internships.privateLink.withdraw(token);
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.student, null);
    assert.ok(withdrawn.erasedAt);
    const again = await anonymous.internships.privateLink.get(token);
    assert.equal(again.student, null, 'not served from a cache: the link reads fresh');
    const erased = (await admin.applications.list({ opening: openingId, status: 'withdrawn' })).data.find((a) => a.reference === receipt.reference);
    assert.ok(erased, 'the reference and the fact of withdrawal remain');
    assert.equal(erased.student, null);
    assert.equal(erased.motivation, null);
    anonymous.close();
  });
});
