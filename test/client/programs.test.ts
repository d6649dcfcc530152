// The program resources end to end against the sandbox server: an admin creates and runs a program through the
// SDK, an ASN enrols (offline: queued, replayed once), the catalog's cached seats are dropped by the enrolment,
// completion credits JP in the progress summary once, the certificate verifies with no credentials, and a
// `programs` subscription hears the catalog change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConflictError,
  MemoryOutboxStore,
  PermissionError,
  QueuedError,
  createClient,
  createCoreClient,
  enableOutbox,
  enrollmentsResource,
  resourceOf,
  type Client,
  type EmployeeRef,
  type ProgramCreate,
  type ProgramId,
  type ServerEvent,
} from '../../src/client/index.js';
import { clientFor, count, fast, start, waitFor, type Server } from './helpers.js';

const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An open program whose enrolment window is now and whose sessions (2 × 3 h = 8 JP) are next week. */
function programBody(over: Partial<ProgramCreate> = {}): ProgramCreate {
  const start = Date.now() + 7 * 24 * hour;
  return {
    title: `Pelatihan Analisis Data dengan Spreadsheet ${Math.random().toString(36).slice(2, 7)}`,
    description: 'Rumus, tabel pivot dan grafik untuk laporan layanan.',
    type: 'training',
    competency: 'technical',
    mode: 'classroom',
    sessions: [
      { startsAt: iso(start), endsAt: iso(start + 3 * hour), location: 'Lab Komputer BKPSDM', onlineUrl: null },
      { startsAt: iso(start + 24 * hour), endsAt: iso(start + 27 * hour), location: 'Lab Komputer BKPSDM', onlineUrl: null },
    ],
    capacity: 2,
    enrollFrom: iso(Date.now() - hour),
    enrollUntil: iso(start - hour),
    status: 'open',
    ...over,
  };
}

describe('SDK program resources', () => {
  let server: Server;
  let admin: Client;
  let asn: { id: EmployeeRef; token: string; client: Client };

  before(async () => {
    server = await start();
    const a = await server.tokenFor('admin');
    admin = clientFor(server, a.token);
    const e = await server.tokenFor('employee');
    asn = { id: e.employee.id as EmployeeRef, token: e.token, client: clientFor(server, e.token) };
  });
  after(async () => {
    admin?.close();
    asn?.client.close();
    await server?.close();
  });

  it('create → enrol → attendance → complete credits the JP once, and the certificate verifies without a token', async () => {
    const program = await admin.programs.create(programBody());
    assert.equal(program.jp, 8, '2 sessions × 180 min ÷ 45');
    const id = program.id as ProgramId;

    const before = await asn.client.progress.get('me');
    const enrolment = await asn.client.enrollments.create(id);
    assert.equal(enrolment.status, 'registered');
    assert.equal(enrolment.employeeId, asn.id);

    const again = await asn.client.enrollments.create(id).catch((e: unknown) => e);
    assert.ok(again instanceof ConflictError, 'a second enrolment is a ConflictError');

    await admin.programs.setAttendance(id, 1, [asn.id as `emp_${string}`]);
    await admin.programs.setAttendance(id, 2, [asn.id as `emp_${string}`]);
    const result = await admin.programs.complete(id);
    assert.equal(result.completed, 1);
    assert.equal(result.recordsCreated, 1);
    const repeat = await admin.programs.complete(id);
    assert.equal(repeat.recordsCreated, 0, 'completing again credits nothing more');

    const after = await asn.client.progress.get('me', {}, { fresh: true });
    assert.equal(after.learning.jp - before.learning.jp, 8);
    assert.equal(after.learning.fromPrograms - before.learning.fromPrograms, 8);

    const mine = await asn.client.enrollments.list('me');
    const done = mine.data.find((x) => x.programId === id);
    assert.equal(done?.status, 'completed');
    assert.ok(done?.certificate, 'a completed enrolment has a certificate');

    const anonymous = createClient({ baseUrl: server.url, ...fast });
    const verified = await anonymous.certificates.verify(done.certificate.number);
    assert.equal(verified.valid, true);
    assert.equal(verified.jp, 8);
    anonymous.close();
  });

  it('an enrolment drops the cached catalog: the next read shows the seat taken', async () => {
    const program = await admin.programs.create(programBody());
    const id = program.id as ProgramId;
    const first = await asn.client.programs.list({ for: 'me', q: program.title });
    assert.equal(first.data[0]?.enrolled, 0);
    const reads = count(server, 'GET', '/v1/programs');
    await asn.client.programs.list({ for: 'me', q: program.title });
    assert.equal(count(server, 'GET', '/v1/programs'), reads, 'the second read came from the cache');

    await asn.client.enrollments.create(id);
    const next = await asn.client.programs.list({ for: 'me', q: program.title });
    assert.equal(next.data[0]?.enrolled, 1);
    assert.equal(next.data[0]?.viewer?.enrollment?.status, 'registered');
  });

  it('offline: the enrolment waits in the outbox and is stored once when the server answers again', async () => {
    const program = await admin.programs.create(programBody());
    const id = program.id as ProgramId;
    let online = false;
    const store = new MemoryOutboxStore();
    const client = createClient({
      baseUrl: server.url,
      token: asn.token,
      ...fast,
      retry: 0,
      fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
      outbox: { store, autoFlush: false },
    });
    const error = await client.enrollments.create(id).catch((e: unknown) => e);
    assert.ok(error instanceof QueuedError, `expected QueuedError, got ${String(error)}`);
    assert.equal(error.entry.route, 'createEnrollment');

    online = true;
    const first = await client.outbox.flush();
    assert.equal(first.sent, 1);
    await client.outbox.flush();
    const roster = await admin.programs.roster(id);
    assert.equal(roster.data.filter((x) => x.employeeId === asn.id).length, 1, 'stored exactly once');
    client.close();
  });

  it('a page without the enrolment resource keeps a queued enrolment (skips it) until a page that has it replays it', async () => {
    const program = await admin.programs.create(programBody());
    const id = program.id as ProgramId;
    const store = new MemoryOutboxStore();
    const offline = createClient({
      baseUrl: server.url,
      token: asn.token,
      ...fast,
      retry: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      outbox: { store, autoFlush: false },
    });
    assert.ok((await offline.enrollments.create(id).catch((e: unknown) => e)) instanceof QueuedError);
    offline.close();

    // A goal-list-only page: the core client with the outbox, no enrolment resource.
    const core = createCoreClient({ baseUrl: server.url, token: asn.token, ...fast });
    enableOutbox(core, { store, autoFlush: false });
    const skipped = await core.outbox.flush();
    assert.deepEqual(skipped, { sent: 0, failed: 0, remaining: 1 }, 'kept, not failed');

    resourceOf(core, 'enrollments', enrollmentsResource);
    await waitFor(() => core.outbox.size === 0, 5000, 'the enrolment to be replayed once the resource is there');
    const roster = await admin.programs.roster(id);
    assert.equal(roster.data.filter((x) => x.employeeId === asn.id).length, 1);
    core.close();
  });

  it('an employee may not run a program (PermissionError), and an admin may not be impersonated by a body field', async () => {
    const program = await admin.programs.create(programBody());
    const id = program.id as ProgramId;
    const denied = await asn.client.programs.complete(id).catch((e: unknown) => e);
    assert.ok(denied instanceof PermissionError);
    const other = await server.tokenFor('supervisor');
    const forOther = await asn.client.enrollments.create(id, { employeeId: other.employee.id as `emp_${string}` }).catch((e: unknown) => e);
    assert.ok(forOther instanceof PermissionError, 'an employee enrols only themselves');
  });

  it('a `programs` subscription hears the catalog change', async () => {
    const program = await admin.programs.create(programBody());
    const heard: ServerEvent[] = [];
    const stop = asn.client.events.subscribe(['programs'], (event) => heard.push(event));
    await new Promise((r) => setTimeout(r, 150));
    await admin.programs.update(program.id as ProgramId, { capacity: 5, version: program.version });
    await waitFor(() => heard.some((e) => e.type === 'program.updated' && e.programId === program.id), 5000, 'program.updated');
    stop();
  });
});
