// Completion: attendance decides who completes; each completed enrolment gets exactly one learning record however
// often (or however concurrently) the program is completed; the JP reaches the progress summary and the live stream.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { CertificateNumber, CompletionResult, Enrollment, ProgressSummary, ServerEvent, page } from '../../src/contract/index.js';
import { newId } from '../../server/ids.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { witYear } from '../../server/time.js';
import { caller, castOf, type Cast } from './coaching-helpers.js';
import { authHeader, expectProblem, readSse } from './helpers.js';
import { PROGRAM_DEFAULTS, enrolOk, insertProgram as insertAny, interleaved, peopleBeyond, type ProgramSeed, type Someone } from './program-helpers.js';

/** A program whose sessions were all held (the last began yesterday), so it can be completed now. */
const insertProgram = (server: TestServer, seed: ProgramSeed = {}) => insertAny(server, { held: true, ...seed });

describe('program completion', () => {
  let server: TestServer;
  let cast: Cast;
  let people: Someone[];
  const as = (token: string) => caller(server, token);

  const enrol = (token: string, programId: string) => enrolOk(server, token, programId);
  const attend = async (token: string, programId: string, n: number, present: string[]) => {
    const res = await as(token)('PUT', `/v1/programs/${programId}/sessions/${n}/attendance`, { present });
    assert.equal(res.status, 200, await res.clone().text());
  };
  const complete = (token: string, programId: string, headers: Record<string, string> = {}) =>
    as(token)('POST', `/v1/programs/${programId}/complete`, undefined, headers);
  const completeOk = async (token: string, programId: string) => {
    const res = await complete(token, programId);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(CompletionResult, await res.json());
  };
  /** Learning records per enrolment of the program (white-box: the rows themselves). */
  const recordsOf = async (programId: string) => {
    const rows = await server.deps.db.selectFrom('learning_records').selectAll().where('program_id', '=', programId).execute();
    const perEnrollment = new Map<string, number>();
    for (const r of rows) perEnrollment.set(r.enrollment_id ?? '', (perEnrollment.get(r.enrollment_id ?? '') ?? 0) + 1);
    return { rows, perEnrollment };
  };
  const jpOf = async (employeeId: string, year: number) => {
    const res = await as(cast.admin.token)('GET', `/v1/employees/${employeeId}/progress?year=${year}`);
    assert.equal(res.status, 200);
    return z.parse(ProgressSummary, await res.json()).learning;
  };
  const endsAt = async (programId: string) =>
    (await server.deps.db.selectFrom('programs').select('ends_at').where('id', '=', programId).executeTakeFirstOrThrow()).ends_at;

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    people = await peopleBeyond(server, cast, 12, { supervised: true });
  });
  after(() => server.close());

  it('credits each enrolment that attended every session exactly once; a second call creates nothing; JP rises once', async () => {
    const programId = await insertProgram(server, { capacity: 3, sessions: 2, jp: 6, organizerId: cast.colleague.id });
    const [a, b, c, d] = people;
    const [enA, enB, enC, enD] = [await enrol(a.token, programId), await enrol(b.token, programId), await enrol(c.token, programId), await enrol(d.token, programId)];
    assert.equal(enD.status, 'waitlisted');
    await attend(cast.colleague.token, programId, 1, [a.id, b.id, c.id]);
    await attend(cast.colleague.token, programId, 2, [a.id, c.id]);
    const year = witYear(await endsAt(programId));
    const before = { a: await jpOf(a.id, year), b: await jpOf(b.id, year) };

    const first = await completeOk(cast.colleague.token, programId);
    assert.deepEqual({ completed: first.completed, incomplete: first.incomplete, recordsCreated: first.recordsCreated }, { completed: 2, incomplete: 1, recordsCreated: 2 });
    assert.equal(first.program.status, 'completed');
    assert.equal(first.program.version, 2);
    assert.equal(first.program.enrolled, 3, 'the seats stay with who held them: completed + incomplete');
    assert.equal(first.program.waitlisted, 0);

    const { rows, perEnrollment } = await recordsOf(programId);
    assert.deepEqual(Object.fromEntries(perEnrollment), { [enA.id]: 1, [enC.id]: 1 }, 'one record each for A and C, none for B');
    for (const r of rows) {
      assert.deepEqual([r.jp, r.title, r.competency, r.completed_at], [6, PROGRAM_DEFAULTS.title, PROGRAM_DEFAULTS.competency, await endsAt(programId)]);
    }
    const afterA = await jpOf(a.id, year);
    assert.equal(afterA.jp, before.a.jp + 6);
    assert.equal(afterA.fromPrograms, before.a.fromPrograms + 6);
    assert.equal((await jpOf(b.id, year)).jp, before.b.jp, 'incomplete: no JP');

    const again = await completeOk(cast.admin.token, programId);
    assert.deepEqual({ completed: again.completed, incomplete: again.incomplete, recordsCreated: again.recordsCreated }, { completed: 2, incomplete: 1, recordsCreated: 0 });
    assert.equal(again.program.version, 2, 'a repeat changes nothing, not even the version');
    assert.equal((await recordsOf(programId)).rows.length, 2);
    assert.equal((await jpOf(a.id, year)).jp, before.a.jp + 6, 'still exactly once');

    // The enrolments: completed with a certificate, incomplete without, the waitlist closed.
    const roster = z.parse(page(Enrollment), await (await as(cast.admin.token)('GET', `/v1/programs/${programId}/enrollments?limit=500`)).json()).data;
    const status = new Map(roster.map((e) => [e.id, e]));
    assert.equal(status.get(enA.id)?.status, 'completed');
    assert.equal(status.get(enB.id)?.status, 'incomplete');
    assert.equal(status.get(enB.id)?.certificate, null);
    assert.deepEqual(status.get(enB.id)?.attended, [1]);
    assert.equal(status.has(enD.id), false);
    const cancelled = z.parse(page(Enrollment), await (await as(d.token)('GET', '/v1/employees/me/enrollments?status=cancelled')).json()).data;
    assert.ok(cancelled.some((e) => e.id === enD.id), 'the waitlisted one is cancelled');

    const mine = z.parse(page(Enrollment), await (await as(a.token)('GET', '/v1/employees/me/enrollments?status=completed')).json()).data.find((e) => e.id === enA.id);
    assert.ok(mine?.certificate && mine.completedAt);
    z.parse(CertificateNumber, mine.certificate.number);
    assert.ok(mine.certificate.number.startsWith(`SRT-${year}-`));
    assert.equal(mine.certificate.url, `${server.url}/v1/certificates/${mine.certificate.number}`);
    assert.notEqual(status.get(enC.id)?.certificate?.number, mine.certificate.number, 'one number per certificate');

    // The public check (no token) knows it.
    const verify = await fetch(mine.certificate.url);
    const text = await verify.text();
    assert.equal(verify.status, 200, text);
    const answer = JSON.parse(text) as Record<string, unknown>;
    assert.equal(answer.number, mine.certificate.number);
    assert.equal(answer.name, mine.employeeName);
    assert.equal(answer.program, PROGRAM_DEFAULTS.title);
    assert.equal(answer.valid, true);
  });

  it('two concurrent completions (a retry in flight) create each record once, with and without the same Idempotency-Key', async () => {
    for (const key of [undefined, 'selesai-prg-1']) {
      const programId = await insertProgram(server, { capacity: 8, sessions: 1 });
      const group = people.slice(0, 8);
      for (const p of group) await enrol(p.token, programId);
      await attend(cast.admin.token, programId, 1, group.slice(0, 6).map((p) => p.id));
      const headers: Record<string, string> = key ? { 'idempotency-key': key } : {};
      const answers = await interleaved(() => Promise.all([complete(cast.admin.token, programId, headers), complete(cast.admin.token, programId, headers)]));
      const statuses = answers.map((r) => r.status);
      assert.ok(statuses.includes(200) && statuses.every((s) => s === 200 || s === 409), `statuses ${statuses}`);
      const results = await Promise.all(answers.filter((r) => r.status === 200).map(async (r) => z.parse(CompletionResult, await r.json())));
      for (const r of results) assert.deepEqual([r.completed, r.incomplete], [6, 2]);
      if (!key) assert.deepEqual(results.map((r) => r.recordsCreated).sort(), [0, 6], 'one call created them all, the other nothing');
      const { rows, perEnrollment } = await recordsOf(programId);
      assert.equal(rows.length, 6, `key ${key}`);
      assert.ok([...perEnrollment.values()].every((n) => n === 1));
    }
  });

  it("the answer's program carries the caller's own certificate, with its absolute verification URL", async () => {
    // The organiser took part in their own program, so the answer's `viewer` is an enrolment that completed.
    const [a] = people;
    const programId = await insertProgram(server, { sessions: 1, organizerId: a.id });
    const en = await enrol(a.token, programId);
    await attend(a.token, programId, 1, [a.id]);
    const result = await completeOk(a.token, programId);
    const viewer = result.program.viewer?.enrollment;
    assert.deepEqual([viewer?.id, viewer?.status], [en.id, 'completed']);
    const stored = await server.deps.db.selectFrom('enrollments').select('certificate_number').where('id', '=', en.id).executeTakeFirstOrThrow();
    assert.ok(stored.certificate_number);
    assert.deepEqual(viewer?.certificate, { number: stored.certificate_number, url: `${server.url}/v1/certificates/${stored.certificate_number}` });
    assert.equal((await fetch(viewer!.certificate!.url)).status, 200, 'the link answers');
  });

  it('the threshold: with attendance_threshold 1 of 3 sessions, one attended session completes; none → incomplete', async () => {
    const programId = await insertProgram(server, { sessions: 3, threshold: 1 });
    const [a, b] = people;
    const enA = await enrol(a.token, programId);
    await enrol(b.token, programId);
    await attend(cast.admin.token, programId, 2, [a.id]);
    const result = await completeOk(cast.admin.token, programId);
    assert.deepEqual([result.completed, result.incomplete, result.recordsCreated], [1, 1, 1]);
    assert.deepEqual([...(await recordsOf(programId)).perEnrollment.keys()], [enA.id]);
  });

  it('only admins and the organiser mark attendance and complete; a draft or cancelled program cannot be completed', async () => {
    const programId = await insertProgram(server, { organizerId: cast.colleague.id });
    const [a] = people;
    await enrol(a.token, programId);
    const supervisorOfA = (await server.tokenFor(a.supervisorId!)).token;
    for (const token of [a.token, cast.asn.token, supervisorOfA, cast.supervisor.token]) {
      await expectProblem(await as(token)('PUT', `/v1/programs/${programId}/sessions/1/attendance`, { present: [a.id] }), 403);
      await expectProblem(await complete(token, programId), 403);
    }
    await expectProblem(await complete(cast.admin.token, 'prg_doesnotexist'), 404);
    assert.equal((await recordsOf(programId)).rows.length, 0);
    await attend(cast.colleague.token, programId, 1, [a.id]);
    await attend(cast.colleague.token, programId, 2, [a.id]);
    assert.equal((await completeOk(cast.colleague.token, programId)).recordsCreated, 1);
    await expectProblem(await as(cast.admin.token)('PUT', `/v1/programs/${programId}/sessions/1/attendance`, { present: [] }), 409);

    const draft = await insertProgram(server, { status: 'draft' });
    await expectProblem(await complete(cast.admin.token, draft), 409);
    await expectProblem(await complete(cast.asn.token, draft), 404);
    const cancelled = await insertProgram(server, { status: 'cancelled' });
    await expectProblem(await complete(cast.admin.token, cancelled), 409);
  });

  it('the employee\'s and the supervisor\'s live streams receive progress.updated (with the year) when a completion credits JP', async () => {
    const [a] = people;
    const programId = await insertProgram(server);
    const en = await enrol(a.token, programId);
    await attend(cast.admin.token, programId, 1, [a.id]);
    await attend(cast.admin.token, programId, 2, [a.id]);
    const open = (token: string, topic: string) => fetch(`${server.url}/v1/events?topics=${topic}`, { headers: authHeader(token) });
    const own = await open(a.token, `employee:${a.id}`);
    const team = await open((await server.tokenFor(a.supervisorId!)).token, `team:${a.supervisorId}`);
    assert.equal(own.status, 200);
    assert.equal(team.status, 200);
    await completeOk(cast.admin.token, programId);
    const year = witYear(await endsAt(programId));
    for (const [stream, topic] of [[own, `employee:${a.id}`], [team, `team:${a.supervisorId}`]] as const) {
      const { messages } = await readSse(stream, (m) => m.some((x) => x.event === 'progress.updated'));
      const events = messages.map((m) => z.parse(ServerEvent, JSON.parse(m.data)));
      const progress = events.find((e) => e.type === 'progress.updated');
      assert.ok(progress, `${topic}: ${messages.map((m) => m.event)}`);
      assert.deepEqual([progress.topic, progress.employeeId, progress.programId, progress.year], [topic, a.id, programId, year]);
      assert.ok(events.some((e) => e.type === 'enrollment.updated' && e.subjectId === en.id), topic);
    }
  });

  it('the database refuses a second learning record for the same enrolment (the last guard)', async () => {
    const [a] = people;
    const programId = await insertProgram(server, { sessions: 1 });
    await enrol(a.token, programId);
    await attend(cast.admin.token, programId, 1, [a.id]);
    await completeOk(cast.admin.token, programId);
    const [record] = (await recordsOf(programId)).rows;
    await assert.rejects(
      server.deps.db.insertInto('learning_records').values({ ...record, id: newId('lrn') }).execute(),
      // SQLite's wording, or PostgreSQL's with the index's name.
      /UNIQUE constraint failed: learning_records\.enrollment_id|unique constraint "learning_records_enrollment"/,
    );
  });
});
