// Enrolment: seats that never overfill under concurrent requests, the waitlist and its promotion, one active
// enrolment per employee, deadlines, who may do what, the roster and attendance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { Attendance, Enrollment, page, topicFor } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { caller, castOf, eventsSince, lastSeq, type Cast } from './coaching-helpers.js';
import { expectProblem } from './helpers.js';
import { DAY, HOUR, enrolOk as enrolVia, insertProgram, interleaved, peopleBeyond, type Someone } from './program-helpers.js';

describe('enrolments', () => {
  let server: TestServer;
  let cast: Cast;
  /** Non-admin employees other than the cast, each with a token. */
  let people: Someone[];
  const as = (token: string) => caller(server, token);

  const programRow = (id: string) =>
    server.deps.db.selectFrom('programs').select(['seats_taken', 'waitlist_seq']).where('id', '=', id).executeTakeFirstOrThrow();
  const enrolmentRows = (programId: string) =>
    server.deps.db.selectFrom('enrollments').selectAll().where('program_id', '=', programId).orderBy('created_at').execute();
  const enrol = async (token: string, programId: string, body: unknown = {}) => as(token)('POST', `/v1/programs/${programId}/enrollments`, body);
  const enrolOk = (token: string, programId: string, body: unknown = {}) => enrolVia(server, token, programId, body);
  const roster = async (programId: string, query = '') => {
    const res = await as(cast.admin.token)('GET', `/v1/programs/${programId}/enrollments${query}`);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(page(Enrollment), await res.json());
  };

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    people = await peopleBeyond(server, cast, 24);
  });
  after(() => server.close());

  it('3× capacity concurrent enrolments: exactly capacity registered, the rest waitlisted 1..n in ticket order', async () => {
    const capacity = 6;
    const programId = await insertProgram(server, { capacity });
    const crowd = people.slice(0, capacity * 3);
    const answers = await interleaved(() => Promise.all(crowd.map((p) => enrol(p.token, programId))));
    const bodies = await Promise.all(answers.map(async (res) => ({ status: res.status, body: await res.json() })));
    assert.deepEqual(bodies.map((b) => b.status), crowd.map(() => 201), JSON.stringify(bodies.filter((b) => b.status !== 201)));
    const created = bodies.map((b) => z.parse(Enrollment, b.body));

    assert.equal(created.filter((e) => e.status === 'registered').length, capacity);
    assert.equal(created.filter((e) => e.status === 'waitlisted').length, capacity * 2);
    assert.deepEqual(await programRow(programId), { seats_taken: capacity, waitlist_seq: capacity * 2 });

    // Nobody left, so each answer's position is its ticket, and the tickets are 1..2×capacity without gaps.
    const rows = await enrolmentRows(programId);
    const ticketOf = new Map(rows.map((r) => [r.id, r.waitlist_ticket]));
    for (const e of created) {
      if (e.status === 'registered') assert.equal(e.waitlistPosition, null);
      else assert.equal(e.waitlistPosition, ticketOf.get(e.id), `${e.id}: position = ticket`);
    }
    const waiting = (await roster(programId)).data.filter((e) => e.status === 'waitlisted');
    assert.deepEqual(waiting.map((e) => e.waitlistPosition), Array.from({ length: capacity * 2 }, (_, i) => i + 1));
    assert.deepEqual(waiting.map((e) => ticketOf.get(e.id)), Array.from({ length: capacity * 2 }, (_, i) => i + 1), 'the roster lists the waitlist by ticket');
  });

  it('a second enrolment of the same employee is a 409 that names the existing enrolment', async () => {
    const programId = await insertProgram(server);
    const first = await enrolOk(cast.asn.token, programId);
    const again = await expectProblem(await enrol(cast.asn.token, programId), 409);
    assert.match(again.detail ?? '', new RegExp(first.id));
    // Also when an admin tries it for them.
    const byAdmin = await expectProblem(await enrol(cast.admin.token, programId, { employeeId: cast.asn.id }), 409);
    assert.match(byAdmin.detail ?? '', new RegExp(first.id));
    assert.equal((await enrolmentRows(programId)).length, 1);
  });

  it('concurrent duplicate enrolments of one employee: one 201, the rest 409 (never 500), one seat taken', async () => {
    const programId = await insertProgram(server, { capacity: 50 });
    const answers = await interleaved(() => Promise.all(Array.from({ length: 8 }, () => enrol(cast.colleague.token, programId))));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = z.parse(Enrollment, await answers.find((r) => r.status === 201)!.json());
    for (const res of answers.filter((r) => r.status === 409)) assert.match((await expectProblem(res, 409)).detail ?? '', new RegExp(winner.id));
    // The losers' seat increments were rolled back with their transactions.
    assert.deepEqual(await programRow(programId), { seats_taken: 1, waitlist_seq: 0 });
    assert.equal((await enrolmentRows(programId)).length, 1);
  });

  it('cancelling a registered enrolment promotes the first waitlisted in the same step; positions move up', async () => {
    const programId = await insertProgram(server, { capacity: 2 });
    const [a, b, c, d, e] = people.slice(0, 5);
    const enA = await enrolOk(a.token, programId);
    const enB = await enrolOk(b.token, programId);
    const enC = await enrolOk(c.token, programId);
    const enD = await enrolOk(d.token, programId);
    const enE = await enrolOk(e.token, programId);
    assert.deepEqual([enA, enB, enC, enD, enE].map((x) => [x.status, x.waitlistPosition]), [
      ['registered', null], ['registered', null], ['waitlisted', 1], ['waitlisted', 2], ['waitlisted', 3],
    ]);

    const seq = await lastSeq(server);
    const res = await as(a.token)('POST', `/v1/enrollments/${enA.id}/cancel`);
    assert.equal(res.status, 200, await res.clone().text());
    const cancelled = z.parse(Enrollment, await res.json());
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(cancelled.cancelledAt);
    const state = async () => new Map((await roster(programId, '?limit=500')).data.map((x) => [x.id, [x.status, x.waitlistPosition]]));
    let now = await state();
    assert.deepEqual([now.get(enC.id), now.get(enD.id), now.get(enE.id)], [['registered', null], ['waitlisted', 1], ['waitlisted', 2]]);
    assert.equal(now.has(enA.id), false, 'cancelled ones are not on the default roster');
    assert.equal((await programRow(programId)).seats_taken, 2, 'the seat went straight to the next in line');
    // Both employees and the catalog hear of it.
    assert.ok((await eventsSince(server, seq, topicFor.employee(a.id))).some((x) => x.type === 'enrollment.updated' && x.subjectId === enA.id));
    assert.ok((await eventsSince(server, seq, topicFor.employee(c.id))).some((x) => x.type === 'enrollment.updated' && x.subjectId === enC.id));
    const catalog = await eventsSince(server, seq, topicFor.programs);
    assert.ok(catalog.some((x) => x.type === 'program.updated' && x.programId === programId && x.employeeId === undefined));

    // Leaving the waitlist closes the gap; a seat freed with nobody waiting is given back.
    await as(d.token)('POST', `/v1/enrollments/${enD.id}/cancel`);
    now = await state();
    assert.deepEqual(now.get(enE.id), ['waitlisted', 1]);
    assert.equal((await programRow(programId)).seats_taken, 2);
    await as(b.token)('POST', `/v1/enrollments/${enB.id}/cancel`);
    assert.deepEqual((await state()).get(enE.id), ['registered', null]);
    await as(c.token)('POST', `/v1/enrollments/${enC.id}/cancel`);
    assert.equal((await programRow(programId)).seats_taken, 1);

    // Cancelling twice is a conflict; enrolling again after a cancellation is allowed (and gets the free seat).
    await expectProblem(await as(a.token)('POST', `/v1/enrollments/${enA.id}/cancel`), 409);
    const back = await enrolOk(a.token, programId);
    assert.equal(back.status, 'registered');
    assert.equal((await programRow(programId)).seats_taken, 2);
    const mine = z.parse(page(Enrollment), await (await as(a.token)('GET', '/v1/employees/me/enrollments?status=cancelled')).json());
    assert.ok(mine.data.some((x) => x.id === enA.id));
  });

  it('concurrent cancellations: each freed seat goes to the next ticket, never one seat to two people', async () => {
    const programId = await insertProgram(server, { capacity: 3 });
    const [a, b, c, d, e, f, g] = people.slice(0, 7);
    const en = new Map<string, Enrollment>();
    for (const p of [a, b, c, d, e, f, g]) en.set(p.id, await enrolOk(p.token, programId));
    const cancel = (p: { id: string; token: string }) => as(p.token)('POST', `/v1/enrollments/${en.get(p.id)!.id}/cancel`);
    // a and b leave their seats while e (second in line) leaves the waitlist; in any order, c, d and f end up seated.
    const answers = await interleaved(() => Promise.all([cancel(a), cancel(b), cancel(e)]));
    assert.deepEqual(answers.map((r) => r.status), [200, 200, 200]);
    const now = new Map<string, unknown>((await roster(programId)).data.map((x) => [x.employeeId, [x.status, x.waitlistPosition]]));
    assert.deepEqual([c, d, f, g].map((p) => now.get(p.id)), [['registered', null], ['registered', null], ['registered', null], ['waitlisted', 1]]);
    assert.equal((await programRow(programId)).seats_taken, 3);
  });

  it('cancelling after the program\'s deadline is a 409 that says the deadline', async () => {
    const programId = await insertProgram(server, { cancelUntil: -HOUR });
    const en = await enrolOk(cast.asn.token, programId);
    const problem = await expectProblem(await as(cast.asn.token)('POST', `/v1/enrollments/${en.id}/cancel`), 409);
    assert.match(problem.detail ?? '', /deadline/);
    assert.match(problem.detail ?? '', /WIT/);
    assert.match(problem.detail ?? '', new RegExp(en.program.cancelUntil.slice(0, 16)));
    assert.equal((await enrolmentRows(programId))[0].status, 'registered');
  });

  it('who may do what: an employee enrols only themselves, an admin anyone; only the employee or an admin cancels', async () => {
    const programId = await insertProgram(server);
    await expectProblem(await enrol(cast.asn.token, programId, { employeeId: cast.colleague.id }), 403);
    await expectProblem(await enrol(cast.supervisor.token, programId, { employeeId: cast.asn.id }), 403);
    const ownId = await enrolOk(cast.colleague.token, programId, { employeeId: cast.colleague.id });
    assert.equal(ownId.employeeId, cast.colleague.id);
    const byAdmin = await enrolOk(cast.admin.token, programId, { employeeId: cast.asn.id });
    assert.equal(byAdmin.employeeId, cast.asn.id);
    assert.ok(byAdmin.employeeName.length > 0);
    await expectProblem(await enrol(cast.admin.token, programId, { employeeId: 'emp_doesnotexist' }), 404);
    await expectProblem(await enrol(cast.asn.token, programId, { employeeId: 'nope' }), 400);

    const cancel = (token: string, id: string) => as(token)('POST', `/v1/enrollments/${id}/cancel`);
    await expectProblem(await cancel(cast.colleague.token, byAdmin.id), 403);
    await expectProblem(await cancel(cast.supervisor.token, byAdmin.id), 403);
    await expectProblem(await cancel(cast.asn.token, 'enr_doesnotexist'), 403);
    await expectProblem(await cancel(cast.admin.token, 'enr_doesnotexist'), 404);
    const res = await cancel(cast.admin.token, byAdmin.id);
    assert.equal(res.status, 200);
    assert.equal(z.parse(Enrollment, await res.json()).status, 'cancelled');
  });

  it('outside the enrolment window, on a closed or draft program: 409; unknown (or a draft one cannot see): 404', async () => {
    const early = await insertProgram(server, { enrollFrom: HOUR, enrollUntil: DAY });
    assert.match((await expectProblem(await enrol(cast.asn.token, early), 409)).detail ?? '', /opens/);
    const late = await insertProgram(server, { enrollFrom: -2 * DAY, enrollUntil: -HOUR });
    assert.match((await expectProblem(await enrol(cast.asn.token, late), 409)).detail ?? '', /closed/);
    const closed = await insertProgram(server, { status: 'closed' });
    await expectProblem(await enrol(cast.asn.token, closed), 409);
    const draft = await insertProgram(server, { status: 'draft', organizerId: cast.supervisor.id });
    await expectProblem(await enrol(cast.asn.token, draft), 404);
    await expectProblem(await enrol(cast.admin.token, draft, { employeeId: cast.asn.id }), 409);
    await expectProblem(await enrol(cast.supervisor.token, draft), 409);
    await expectProblem(await enrol(cast.asn.token, 'prg_doesnotexist'), 404);
    for (const id of [early, late, closed, draft]) assert.equal((await enrolmentRows(id)).length, 0);
  });

  it('the roster: 403 for an employee, fine for the organiser; seated by name, then the waitlist, a stable cursor', async () => {
    const programId = await insertProgram(server, { capacity: 5, organizerId: cast.supervisor.id });
    const group = people.slice(0, 9);
    for (const p of group) await enrolOk(p.token, programId);
    const leaver = (await enrolmentRows(programId)).find((r) => r.status === 'waitlisted')!;
    await as(cast.admin.token)('POST', `/v1/enrollments/${leaver.id}/cancel`);

    await expectProblem(await as(cast.asn.token)('GET', `/v1/programs/${programId}/enrollments`), 403);
    await expectProblem(await as(cast.admin.token)('GET', '/v1/programs/prg_doesnotexist/enrollments'), 404);
    const res = await as(cast.supervisor.token)('GET', `/v1/programs/${programId}/enrollments?limit=500`);
    assert.equal(res.status, 200, await res.clone().text());
    const all = z.parse(page(Enrollment), await res.json()).data;
    assert.equal(all.length, 8, 'the cancelled one is left out');
    const seated = all.filter((e) => e.status === 'registered');
    assert.deepEqual(all.slice(0, 5), seated, 'seated first');
    const names = seated.map((e) => e.employeeName);
    assert.deepEqual(names, [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), 'seated by name');
    assert.deepEqual(all.slice(5).map((e) => e.waitlistPosition), [1, 2, 3]);
    assert.ok(all.every((e) => Array.isArray(e.attended)));

    // Page by page, the same order, nothing twice, nothing missed.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { data: Enrollment[]; nextCursor: string | null } = await roster(programId, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...p.data.map((e) => e.id));
      cursor = p.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all.map((e) => e.id));

    const cancelled = await roster(programId, '?status=cancelled');
    assert.deepEqual(cancelled.data.map((e) => e.id), [leaver.id]);
    const bad = await expectProblem(await as(cast.admin.token)('GET', `/v1/programs/${programId}/enrollments?cursor=nonsense`), 400);
    assert.equal(bad.errors?.[0].path, 'cursor');
  });

  it("an employee's enrolments: self, direct supervisor and admin read them (newest first, by status); a colleague gets 403", async () => {
    const first = await insertProgram(server);
    const second = await insertProgram(server);
    const older = await enrolOk(cast.asn.token, first);
    await new Promise((r) => setTimeout(r, 5)); // a later created_at, not a tie
    const newer = await enrolOk(cast.asn.token, second);
    for (const token of [cast.asn.token, cast.supervisor.token, cast.admin.token]) {
      const res = await as(token)('GET', `/v1/employees/${cast.asn.id}/enrollments?limit=100`);
      assert.equal(res.status, 200);
      const ids = z.parse(page(Enrollment), await res.json()).data.map((e) => e.id);
      assert.ok(ids.indexOf(newer.id) >= 0 && ids.indexOf(newer.id) < ids.indexOf(older.id), 'newest first');
    }
    await expectProblem(await as(cast.colleague.token)('GET', `/v1/employees/${cast.asn.id}/enrollments`), 403);
    await expectProblem(await as(cast.skipLevel.token)('GET', `/v1/employees/${cast.asn.id}/enrollments`), 403);
    const waiting = z.parse(page(Enrollment), await (await as(cast.asn.token)('GET', '/v1/employees/me/enrollments?status=waitlisted')).json());
    assert.ok(waiting.data.every((e) => e.status === 'waitlisted'));
    const one = z.parse(page(Enrollment), await (await as(cast.asn.token)('GET', '/v1/employees/me/enrollments?limit=1')).json());
    assert.equal(one.data.length, 1);
    assert.ok(one.nextCursor);
  });

  it('attendance: admins and the organiser only; n within the sessions; everyone present must be registered', async () => {
    const programId = await insertProgram(server, { capacity: 2, sessions: 3, organizerId: cast.supervisor.id });
    const [a, b, c] = people.slice(0, 3);
    for (const p of [a, b, c]) await enrolOk(p.token, programId); // c waits
    const put = (token: string, n: number, present: string[]) => as(token)('PUT', `/v1/programs/${programId}/sessions/${n}/attendance`, { present });

    await expectProblem(await put(cast.asn.token, 1, [a.id]), 403);
    await expectProblem(await put(a.token, 1, [a.id]), 403);
    const tooFar = await expectProblem(await put(cast.admin.token, 4, [a.id]), 400);
    assert.deepEqual(tooFar.errors?.map((e) => e.path), ['n']);
    const outsider = await expectProblem(await put(cast.admin.token, 1, [a.id, cast.colleague.id, c.id]), 400);
    assert.deepEqual(outsider.errors?.map((e) => e.path), ['present.1', 'present.2'], 'not enrolled, and only waitlisted');
    const malformed = await expectProblem(await put(cast.admin.token, 1, ['x']), 400);
    assert.equal(malformed.errors?.[0].path, 'present.0');

    const res = await put(cast.supervisor.token, 1, [a.id, b.id, a.id]);
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(z.parse(Attendance, await res.json()).present, [a.id, b.id]);
    // A PUT replaces the session's list.
    assert.equal((await put(cast.admin.token, 1, [b.id])).status, 200);
    assert.equal((await put(cast.admin.token, 3, [b.id])).status, 200);
    const byId = new Map<string, number[]>((await roster(programId)).data.map((e) => [e.employeeId, e.attended]));
    assert.deepEqual(byId.get(a.id), []);
    assert.deepEqual(byId.get(b.id), [1, 3]);

    await server.deps.db.updateTable('programs').set({ status: 'cancelled' }).where('id', '=', programId).execute();
    await expectProblem(await put(cast.admin.token, 1, []), 409);
  });
});
