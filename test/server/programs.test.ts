// The program catalog: list and its filters (WIT months, text search with LIKE wildcards), soonest-first cursor,
// who sees drafts and cancelled programs, the caller's own state (`for=me`), create and PATCH validation,
// versions, recommendations, the public certificate check, and the `programs` event topic.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { Program, Recommendation, ServerEvent, page, topicFor } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, readSse } from './helpers.js';
import { caller, castOf, eventsSince, lastSeq, thisYear, type Cast } from './coaching-helpers.js';
import { DAY, HOUR, enrolOk, iso } from './program-helpers.js';
/** A word no seeded program contains, so `q` isolates one test's programs. */
const marker = () => `uji${randomBytes(4).toString('hex')}`;

/** An open classroom program with one 3-hour session (4 JP) ten days from now. */
function programBody(over: Record<string, unknown> = {}) {
  const start = Date.now() + 10 * DAY;
  return {
    title: 'Pelatihan Analisis Data dengan Spreadsheet',
    description: 'Rumus, tabel pivot dan grafik untuk laporan layanan.',
    type: 'training',
    competency: 'technical',
    mode: 'classroom',
    sessions: [{ startsAt: iso(start), endsAt: iso(start + 3 * HOUR), location: 'Aula BKPSDM Kota Sorong', onlineUrl: null }],
    capacity: 10,
    enrollFrom: iso(Date.now() - HOUR),
    enrollUntil: iso(start - DAY),
    status: 'open',
    ...over,
  };
}

const session = (startsAt: string, endsAt: string, place: { location?: string | null; onlineUrl?: string | null } = { location: 'Aula BKPSDM Kota Sorong' }) => ({
  startsAt,
  endsAt,
  location: place.location ?? null,
  onlineUrl: place.onlineUrl ?? null,
});

describe('programs: catalog, admin writes, recommendations, certificates', () => {
  let server: TestServer;
  let cast: Cast;
  let admin: ReturnType<typeof caller>;
  let asn: ReturnType<typeof caller>;
  let sup: ReturnType<typeof caller>;
  let colleague: ReturnType<typeof caller>;

  const create = async (body: Record<string, unknown>) => {
    const res = await admin('POST', '/v1/programs', body);
    assert.equal(res.status, 201, await res.clone().text());
    return z.parse(Program, await res.json());
  };
  const list = async (call: ReturnType<typeof caller>, query: Record<string, string>) => {
    const res = await call('GET', `/v1/programs?${new URLSearchParams(query)}`);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(page(Program), await res.json());
  };
  const ids = (p: { data: { id: string }[] }) => p.data.map((x) => x.id);
  const errorsOf = async (res: Response) => (await expectProblem(res, 400)).errors?.map((e) => `${e.path} ${e.code}`) ?? [];

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    admin = caller(server, cast.admin.token);
    asn = caller(server, cast.asn.token);
    sup = caller(server, cast.supervisor.token);
    colleague = caller(server, cast.colleague.token);
  });
  after(() => server.close());

  it('lists soonest first and filters by type, competency, partner and status', async () => {
    const m = marker();
    const base = Date.now() + 20 * DAY;
    const at = (days: number) => [session(iso(base + days * DAY), iso(base + days * DAY + 2 * HOUR))];
    const late = await create(programBody({ title: `Seminar Komunikasi Publik ${m}`, type: 'seminar', competency: 'managerial', sessions: at(6) }));
    const early = await create(programBody({ title: `Pelatihan Spreadsheet ${m}`, partnerId: 'ptn_unimuda', sessions: at(2) }));
    const middle = await create(programBody({ title: `Workshop Pelayanan Prima ${m}`, type: 'workshop', competency: 'socio-cultural', partnerId: 'ptn_umsorong', sessions: at(4) }));

    assert.deepEqual(ids(await list(asn, { q: m })), [early.id, middle.id, late.id], 'soonest first');
    assert.deepEqual(ids(await list(asn, { q: m, type: 'seminar' })), [late.id]);
    assert.deepEqual(ids(await list(asn, { q: m, competency: 'socio-cultural' })), [middle.id]);
    const byPartner = await list(asn, { q: m, partner: 'ptn_unimuda' });
    assert.deepEqual(ids(byPartner), [early.id]);
    assert.equal(byPartner.data[0].partnerName, 'Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)');

    const closed = await admin('PATCH', `/v1/programs/${middle.id}`, { version: middle.version, status: 'closed' });
    assert.equal(closed.status, 200, await closed.clone().text());
    assert.deepEqual(ids(await list(asn, { q: m, status: 'closed' })), [middle.id]);
    assert.deepEqual(ids(await list(asn, { q: m, status: 'open' })), [early.id, late.id]);
    // Every item is in the contract shape (the list is parsed above); a seeded full program counts its waitlist.
    const full = z.parse(Program, await (await asn('GET', '/v1/programs/prg_analisisdata')).json());
    assert.equal(full.enrolled, full.capacity);
    assert.equal(full.waitlisted, 3);
  });

  it('month is a WIT calendar month: 23:30 WIT on the last day stays in it, 00:30 WIT on the 1st is the next one', async () => {
    const m = marker();
    const y = thisYear() + 1;
    const reason = { jp: 1, jpReason: 'Sesi singkat malam hari, diakui 1 JP.' };
    const window = { enrollFrom: iso(Date.now() - HOUR), enrollUntil: iso(Date.now() + DAY) };
    const lastDay = await create(programBody({
      title: `Webinar Malam ${m}`, ...reason, ...window, sessions: [session(`${y}-01-31T23:30:00+09:00`, `${y}-01-31T23:59:00+09:00`)],
    }));
    // 00:30 WIT on 1 March is still 28 February in UTC.
    const firstDay = await create(programBody({
      title: `Webinar Dini Hari ${m}`, ...reason, ...window, sessions: [session(`${y}-03-01T00:30:00+09:00`, `${y}-03-01T01:15:00+09:00`)],
    }));
    assert.equal(firstDay.startsAt, new Date(Date.UTC(y, 2, 1, 0, 30) - 9 * HOUR).toISOString(), 'stored in UTC');
    assert.deepEqual(ids(await list(asn, { q: m, month: `${y}-01` })), [lastDay.id]);
    assert.deepEqual(ids(await list(asn, { q: m, month: `${y}-02` })), []);
    assert.deepEqual(ids(await list(asn, { q: m, month: `${y}-03` })), [firstDay.id]);
    const bad = await expectProblem(await asn('GET', '/v1/programs?month=2026-13'), 400);
    assert.equal(bad.errors?.[0].path, 'month');
  });

  it('q searches title and description, any case; % and _ in it match only themselves', async () => {
    const m = marker();
    const percent = await create(programBody({ title: `Diskon 100% Pelatihan ${m}` }));
    await create(programBody({ title: `Kelas 1000 Peserta ${m}` }));
    const underscore = await create(programBody({ title: `Aplikasi e_kinerja ${m}` }));
    await create(programBody({ title: `Aplikasi eXkinerja ${m}` }));
    const described = await create(programBody({ title: `Pelatihan Tanpa Kata Kunci ${m.slice(0, 3)}`, description: `Materi khusus ${m.toUpperCase()} untuk OPD.` }));

    assert.deepEqual(ids(await list(asn, { q: `100% Pelatihan ${m}` })), [percent.id]);
    assert.ok(ids(await list(asn, { q: '100%', limit: '100' })).includes(percent.id));
    assert.ok(!(await list(asn, { q: '100%', limit: '100' })).data.some((p) => p.title.startsWith('Kelas 1000')), '% is not a wildcard');
    const us = await list(asn, { q: 'e_kinerja', limit: '100' });
    assert.ok(us.data.some((p) => p.id === underscore.id));
    assert.ok(!us.data.some((p) => p.title.includes('eXkinerja')), '_ is not a wildcard');
    assert.deepEqual(ids(await list(asn, { q: m.toUpperCase() })).includes(described.id), true, 'description, case-insensitive');
  });

  it('pages soonest first with an opaque cursor, without repeats; a foreign cursor is a 400 on cursor', async () => {
    const m = marker();
    const start = Date.now() + 30 * DAY;
    // Two on the same start: the id breaks the tie.
    const created = [];
    for (const d of [3, 1, 1, 2, 0]) created.push(await create(programBody({ title: `Kelas Berseri ${m}`, sessions: [session(iso(start + d * DAY), iso(start + d * DAY + 2 * HOUR))] })));
    // Code-unit order, as the database compares text (localeCompare would fold case).
    const byKey = (a: Program, b: Program) => (a.startsAt === b.startsAt ? (a.id < b.id ? -1 : 1) : a.startsAt < b.startsAt ? -1 : 1);
    const expected = [...created].sort(byKey).map((p) => p.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: Program[]; nextCursor: string | null } = await list(asn, { q: m, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.deepEqual(seen, expected);
    assert.equal(pages, 3);

    // The whole catalog too: ascending (startsAt, id), each once.
    const all: Program[] = [];
    cursor = null;
    do {
      const page: { data: Program[]; nextCursor: string | null } = await list(asn, { limit: '7', ...(cursor ? { cursor } : {}) });
      all.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(all.map((p) => p.id)).size, all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      assert.ok(a.startsAt < b.startsAt || (a.startsAt === b.startsAt && a.id < b.id), `${a.id} before ${b.id}`);
    }
    const bad = await expectProblem(await asn('GET', '/v1/programs?cursor=bm90LWEtY3Vyc29y'), 400);
    assert.equal(bad.errors?.[0].path, 'cursor');
  });

  it('drafts: never shown to employees (not even with status=draft), shown to admins and the organiser; cancelled only when asked', async () => {
    const m = marker();
    const draft = await create(programBody({ title: `Rancangan Pelatihan ${m}`, status: undefined, organizerId: cast.colleague.id }));
    assert.equal(draft.status, 'draft', 'draft by default');

    assert.deepEqual(ids(await list(asn, { q: m })), []);
    assert.deepEqual(ids(await list(asn, { q: m, status: 'draft' })), []);
    await expectProblem(await asn('GET', `/v1/programs/${draft.id}`), 404);
    await expectProblem(await sup('GET', `/v1/programs/${draft.id}`), 404);
    // The seeded draft too.
    await expectProblem(await asn('GET', '/v1/programs/prg_kepemimpinandigital'), 404);
    assert.ok(!(await list(asn, { status: 'draft', limit: '100' })).data.length, 'an employee sees no draft at all');

    assert.deepEqual(ids(await list(admin, { q: m })), [draft.id]);
    assert.deepEqual(ids(await list(colleague, { q: m })), [draft.id], 'the organiser');
    assert.deepEqual(ids(await list(colleague, { q: m, status: 'draft' })), [draft.id]);
    assert.equal((await colleague('GET', `/v1/programs/${draft.id}`)).status, 200);

    // Cancelled: out of the catalog unless asked for, and still readable.
    const cancelled = (await list(asn, { limit: '100' })).data.filter((p) => p.status === 'cancelled');
    assert.deepEqual(cancelled, []);
    assert.deepEqual(ids(await list(asn, { status: 'cancelled' })), ['prg_ekonomibiru']);
    assert.equal((await asn('GET', '/v1/programs/prg_ekonomibiru')).status, 200);
    await expectProblem(await asn('GET', '/v1/programs/prg_nosuchprogram'), 404);
  });

  it("for=me: the caller's enrolment (status, waitlist position, certificate) and recommendations; none without it", async () => {
    // The seeded default ASN: a coming program, a completed one with a certificate, a recommendation.
    const srikandi = (await list(asn, { q: 'SRIKANDI', for: 'me' })).data.find((p) => p.id === 'prg_srikandi');
    assert.equal(srikandi?.viewer?.enrollment?.status, 'registered');
    assert.equal(srikandi?.enrolled, srikandi!.capacity - 3, 'three seats left');
    assert.equal((await list(asn, { q: 'SRIKANDI' })).data.find((p) => p.id === 'prg_srikandi')?.viewer, undefined, 'no viewer without for=me');

    const done = z.parse(Program, await (await asn('GET', '/v1/programs/prg_kerjasamatim')).json());
    assert.equal(done.viewer?.enrollment?.status, 'completed');
    const certificate = done.viewer!.enrollment!.certificate!;
    assert.match(certificate.number, /^SRT-\d{4}-[A-Z0-9]{10}$/);
    assert.equal(certificate.url, `${server.url}/v1/certificates/${certificate.number}`);

    const recommended = (await list(asn, { q: 'BerAKHLAK', for: 'me' })).data.find((p) => p.id === 'prg_berakhlak');
    assert.equal(recommended?.viewer?.enrollment, null);
    assert.deepEqual(recommended?.viewer?.recommendations.map((r) => r.authorId), [cast.supervisor.id]);

    // The second on the seeded waitlist sees position 2.
    const waiting = await server.deps.db
      .selectFrom('enrollments')
      .select('employee_id')
      .where('program_id', '=', 'prg_analisisdata')
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_ticket')
      .execute();
    const second = caller(server, (await server.tokenFor(waiting[1].employee_id)).token);
    const full = (await list(second, { q: 'Spreadsheet', for: 'me' })).data.find((p) => p.id === 'prg_analisisdata');
    assert.deepEqual({ status: full?.viewer?.enrollment?.status, position: full?.viewer?.enrollment?.waitlistPosition }, { status: 'waitlisted', position: 2 });
  });

  it('create: sessions sorted, JP from minutes (rounded down), defaults; a JP set by hand keeps its reason', async () => {
    const start = Date.now() + 12 * DAY;
    // 100 + 100 minutes = 200 ÷ 45 = 4.4 → 4 JP; given out of order.
    const program = await create(programBody({
      status: undefined,
      mode: 'blended',
      sessions: [
        session(iso(start + DAY), iso(start + DAY + 100 * 60_000), { onlineUrl: 'https://vicon.sorongkota.go.id/kelas' }),
        session(iso(start), iso(start + 100 * 60_000), { location: 'Aula BKPSDM Kota Sorong' }),
      ],
      enrollUntil: iso(start - DAY),
    }));
    assert.equal(program.jp, 4);
    assert.equal(program.jpReason, null);
    assert.deepEqual(program.sessions.map((s) => s.startsAt), [iso(start), iso(start + DAY)]);
    assert.equal(program.startsAt, iso(start));
    assert.equal(program.endsAt, iso(start + DAY + 100 * 60_000));
    assert.deepEqual(
      { status: program.status, version: program.version, cancelUntil: program.cancelUntil, attendanceThreshold: program.attendanceThreshold, enrolled: program.enrolled, waitlisted: program.waitlisted },
      { status: 'draft', version: 1, cancelUntil: iso(start - DAY), attendanceThreshold: 2, enrolled: 0, waitlisted: 0 },
    );

    const set = await create(programBody({ jp: 2, jpReason: 'Seminar tanpa evaluasi diakui 2 JP.' }));
    assert.deepEqual([set.jp, set.jpReason], [2, 'Seminar tanpa evaluasi diakui 2 JP.']);
  });

  it('create: each rule is a 400 naming its field', async () => {
    const start = Date.now() + 12 * DAY;
    const post = (over: Record<string, unknown>) => admin('POST', '/v1/programs', programBody(over));
    const two = [session(iso(start + DAY), iso(start + DAY + 2 * HOUR)), session(iso(start), iso(start - HOUR))];
    assert.deepEqual(await errorsOf(await post({ sessions: two })), ['sessions.1.endsAt session.ends_before_start']);
    assert.deepEqual(await errorsOf(await post({ sessions: [session(iso(start), iso(start + 2 * HOUR), { location: null })] })), [
      'sessions.0.location session.location_required',
    ]);
    assert.deepEqual(await errorsOf(await post({ mode: 'online', sessions: [session(iso(start), iso(start + 2 * HOUR), { location: null })] })), [
      'sessions.0.onlineUrl session.online_url_required',
    ]);
    assert.deepEqual(await errorsOf(await post({ mode: 'blended', sessions: [session(iso(start), iso(start + 2 * HOUR), { location: null })] })), [
      'sessions.0.location session.place_required',
    ]);
    assert.deepEqual(await errorsOf(await post({ enrollFrom: iso(start - DAY), enrollUntil: iso(start - 2 * DAY) })), ['enrollUntil enroll.window']);
    assert.deepEqual(await errorsOf(await post({ cancelUntil: iso(start + HOUR) })), ['cancelUntil cancel.after_start']);
    // The default cancelUntil (enrollUntil) is held to the same rule.
    assert.deepEqual(await errorsOf(await post({ enrollUntil: iso(start + HOUR) })), ['cancelUntil cancel.after_start']);
    assert.deepEqual(await errorsOf(await post({ attendanceThreshold: 2 })), ['attendanceThreshold attendance.threshold_too_high']);
    assert.deepEqual(await errorsOf(await post({ jp: 6 })), ['jpReason jp.reason_required']);
    assert.deepEqual(await errorsOf(await post({ sessions: [session(iso(start), iso(start + 44 * 60_000))] })), ['sessions jp.too_short']);
    assert.deepEqual(await errorsOf(await post({ partnerId: 'ptn_nosuchpartner' })), ['partnerId partner.unknown']);
    assert.deepEqual(await errorsOf(await post({ organizerId: 'emp_nosuchperson' })), ['organizerId employee.unknown']);
    // Several at once: all of them.
    assert.deepEqual(
      (await errorsOf(await post({ jp: 6, partnerId: 'ptn_nosuchpartner', attendanceThreshold: 3 }))).sort(),
      ['attendanceThreshold attendance.threshold_too_high', 'jpReason jp.reason_required', 'partnerId partner.unknown'],
    );
    // Schema errors come from the contract, also with a field path.
    assert.deepEqual((await errorsOf(await post({ capacity: 0 }))).map((e) => e.split(' ')[0]), ['capacity']);
  });

  it('create and PATCH are for admins only', async () => {
    for (const call of [asn, sup, colleague]) await expectProblem(await call('POST', '/v1/programs', programBody()), 403);
    await expectProblem(await fetch(`${server.url}/v1/programs`, { method: 'POST', body: JSON.stringify(programBody()) }), 401);
    const program = await create(programBody());
    await expectProblem(await asn('PATCH', `/v1/programs/${program.id}`, { version: 1, title: 'Judul Baru Pelatihan' }), 403);
  });

  it('PATCH: versioned (stale → 409 with the current version), merged validation, sessions replaced, JP recomputed', async () => {
    const program = await create(programBody());
    const res = await admin('PATCH', `/v1/programs/${program.id}`, { version: 1, title: 'Pelatihan Spreadsheet Lanjutan' });
    assert.equal(res.status, 200, await res.clone().text());
    const v2 = z.parse(Program, await res.json());
    assert.deepEqual([v2.version, v2.title, v2.jp], [2, 'Pelatihan Spreadsheet Lanjutan', 4]);

    const stale = await expectProblem(await admin('PATCH', `/v1/programs/${program.id}`, { version: 1, title: 'Perubahan Lama' }), 409);
    assert.match(stale.detail ?? '', /current version is 2/);

    // The merged result is validated: online mode with classroom sessions names the sessions.
    assert.deepEqual(await errorsOf(await admin('PATCH', `/v1/programs/${program.id}`, { version: 2, mode: 'online' })), [
      'sessions.0.onlineUrl session.online_url_required',
      'sessions.0.location session.mode_mismatch',
    ]);
    assert.deepEqual(await errorsOf(await admin('PATCH', `/v1/programs/${program.id}`, { version: 2, jp: 9 })), ['jpReason jp.reason_required']);

    const start = Date.parse(program.startsAt);
    const moved = z.parse(
      Program,
      await (
        await admin('PATCH', `/v1/programs/${program.id}`, {
          version: 2,
          sessions: [session(iso(start), iso(start + 4 * HOUR)), session(iso(start + DAY), iso(start + DAY + 4 * HOUR))],
        })
      ).json(),
    );
    assert.deepEqual([moved.version, moved.sessions.length, moved.jp, moved.endsAt], [3, 2, 10, iso(start + DAY + 4 * HOUR)]);
    const stored = await server.deps.db.selectFrom('program_sessions').select('n').where('program_id', '=', program.id).orderBy('n').execute();
    assert.deepEqual(stored.map((s) => s.n), [1, 2]);
  });

  it('PATCH: capacity never below the seats taken; more seats go to the waitlist in order; completed and cancelled are final', async () => {
    const srikandi = z.parse(Program, await (await admin('GET', '/v1/programs/prg_srikandi')).json());
    assert.deepEqual(
      await errorsOf(await admin('PATCH', '/v1/programs/prg_srikandi', { version: srikandi.version, capacity: srikandi.enrolled - 1 })),
      ['capacity capacity.below_enrolled'],
    );

    const full = z.parse(Program, await (await admin('GET', '/v1/programs/prg_analisisdata')).json());
    const waiting = await server.deps.db
      .selectFrom('enrollments')
      .select(['id', 'employee_id'])
      .where('program_id', '=', full.id)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_ticket')
      .execute();
    const more = z.parse(Program, await (await admin('PATCH', `/v1/programs/${full.id}`, { version: full.version, capacity: full.capacity + 2 })).json());
    assert.deepEqual([more.enrolled, more.waitlisted], [full.capacity + 2, 1]);
    const statuses = await server.deps.db.selectFrom('enrollments').select(['id', 'status']).where('id', 'in', waiting.map((w) => w.id)).execute();
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    assert.deepEqual(waiting.map((w) => statusOf.get(w.id)), ['registered', 'registered', 'waitlisted'], 'the first two of the waitlist');

    for (const id of ['prg_layanandigital', 'prg_ekonomibiru']) {
      const p = z.parse(Program, await (await admin('GET', `/v1/programs/${id}`)).json());
      const refused = await expectProblem(await admin('PATCH', `/v1/programs/${id}`, { version: p.version, title: 'Judul Baru' }), 409);
      assert.match(refused.detail ?? '', new RegExp(p.status));
    }
    // `completed` is reached only through completion.
    await expectProblem(await admin('PATCH', `/v1/programs/prg_srikandi`, { version: srikandi.version, status: 'completed' }), 400);
  });

  it('PATCH status cancelled: its registered and waitlisted enrolments are cancelled with it, and everyone hears of it', async () => {
    const program = await create(programBody({ capacity: 2 }));
    const [asnIn, colleagueIn, waiting] = [
      await enrolOk(server, cast.asn.token, program.id),
      await enrolOk(server, cast.colleague.token, program.id),
      await enrolOk(server, cast.skipLevel.token, program.id),
    ];
    assert.deepEqual([asnIn.status, colleagueIn.status, waiting.status], ['registered', 'registered', 'waitlisted']);
    // Cancelled before: left as it was.
    const left = await enrolOk(server, cast.supervisor.token, program.id);
    assert.equal((await sup('POST', `/v1/enrollments/${left.id}/cancel`)).status, 200);
    const leftBefore = await server.deps.db.selectFrom('enrollments').selectAll().where('id', '=', left.id).executeTakeFirstOrThrow();
    const current = z.parse(Program, await (await admin('GET', `/v1/programs/${program.id}`)).json());
    const since = await lastSeq(server);

    const res = await admin('PATCH', `/v1/programs/${program.id}`, { version: current.version, status: 'cancelled' });
    assert.equal(res.status, 200, await res.clone().text());
    const cancelled = z.parse(Program, await res.json());
    assert.deepEqual([cancelled.status, cancelled.enrolled, cancelled.waitlisted], ['cancelled', 0, 0]);
    const row = await server.deps.db.selectFrom('programs').select('seats_taken').where('id', '=', program.id).executeTakeFirstOrThrow();
    assert.equal(row.seats_taken, 0);

    const rows = await server.deps.db.selectFrom('enrollments').selectAll().where('program_id', '=', program.id).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const e of [asnIn, colleagueIn, waiting]) {
      const r = byId.get(e.id)!;
      assert.deepEqual([r.status, r.cancelled_at, r.updated_at, r.waitlist_ticket], ['cancelled', cancelled.updatedAt, cancelled.updatedAt, null], e.id);
    }
    assert.deepEqual(byId.get(left.id), leftBefore, 'an enrolment cancelled before is not touched');

    // Each employee (and the asn's supervisor, on the team topic) hears of their enrolment; the catalog of the program.
    const heard = async (topic: string) =>
      (await eventsSince(server, since, topic)).filter((e) => e.type === 'enrollment.updated' && e.programId === program.id).map((e) => e.subjectId);
    assert.deepEqual(await heard(topicFor.employee(cast.asn.id)), [asnIn.id]);
    assert.deepEqual(await heard(topicFor.employee(cast.colleague.id)), [colleagueIn.id]);
    assert.deepEqual(await heard(topicFor.employee(cast.skipLevel.id)), [waiting.id]);
    assert.deepEqual(await heard(topicFor.employee(cast.supervisor.id)), [], 'nothing changed for the one who had left');
    assert.deepEqual((await heard(topicFor.team(cast.supervisor.id))).sort(), [asnIn.id, colleagueIn.id].sort(), "the supervisor's team");
    const catalog = (await eventsSince(server, since, topicFor.programs)).filter((e) => e.programId === program.id);
    assert.deepEqual(catalog.map((e) => e.type), ['program.updated']);

    // Final: no more enrolments, no second cancellation, no change.
    await expectProblem(await asn('POST', `/v1/programs/${program.id}/enrollments`, {}), 409);
    await expectProblem(await asn('POST', `/v1/enrollments/${asnIn.id}/cancel`), 409);
    await expectProblem(await admin('PATCH', `/v1/programs/${program.id}`, { version: cancelled.version, status: 'open' }), 409);
  });

  it('a completed program cannot be cancelled: 409, and its enrolments and seats stay', async () => {
    const snapshot = async () => ({
      program: await server.deps.db.selectFrom('programs').selectAll().where('id', '=', 'prg_kerjasamatim').executeTakeFirstOrThrow(),
      enrollments: await server.deps.db.selectFrom('enrollments').selectAll().where('program_id', '=', 'prg_kerjasamatim').orderBy('id').execute(),
    });
    const before = await snapshot();
    assert.equal(before.program.status, 'completed');
    const refused = await expectProblem(await admin('PATCH', '/v1/programs/prg_kerjasamatim', { version: before.program.version, status: 'cancelled' }), 409);
    assert.match(refused.detail ?? '', /completed/);
    assert.deepEqual(await snapshot(), before);
  });

  it('seats: every program counts the enrolments that hold a seat (registered), or held one to its end (completed, incomplete)', async () => {
    const programs = await server.deps.db.selectFrom('programs').select(['id', 'status', 'seats_taken']).execute();
    const held = await server.deps.db
      .selectFrom('enrollments')
      .select(['program_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['registered', 'completed', 'incomplete'])
      .groupBy('program_id')
      .execute();
    const heldBy = new Map(held.map((h) => [h.program_id, Number(h.n)]));
    for (const p of programs) assert.equal(p.seats_taken, heldBy.get(p.id) ?? 0, `${p.id} (${p.status})`);
    // The seed's completed programs show who took part, not an empty room.
    const done = z.parse(Program, await (await asn('GET', '/v1/programs/prg_layanandigital')).json());
    assert.deepEqual([done.status, done.enrolled], ['completed', 14]);
  });

  it('recommendations: the direct supervisor (or an admin) only, open programs only, once; the report sees it', async () => {
    const m = marker();
    const program = await create(programBody({ title: `Pelatihan Rekomendasi ${m}` }));
    const url = `/v1/employees/${cast.asn.id}/recommendations`;
    const since = await lastSeq(server);

    const res = await sup('POST', url, { programId: program.id, note: 'Cocok untuk mengejar 20 JP.' });
    assert.equal(res.status, 201, await res.clone().text());
    const rec = z.parse(Recommendation, await res.json());
    assert.deepEqual(
      { employeeId: rec.employeeId, programId: rec.programId, authorId: rec.authorId, note: rec.note },
      { employeeId: cast.asn.id, programId: program.id, authorId: cast.supervisor.id, note: 'Cocok untuk mengejar 20 JP.' },
    );
    assert.ok(rec.authorName.length > 0);

    const repeat = await expectProblem(await sup('POST', url, { programId: program.id }), 409);
    assert.match(repeat.detail ?? '', new RegExp(rec.id));

    const seen = (await list(asn, { q: m, for: 'me' })).data[0];
    assert.deepEqual(seen.viewer?.recommendations.map((r) => r.id), [rec.id]);

    for (const topic of [topicFor.employee(cast.asn.id), topicFor.team(cast.supervisor.id)]) {
      const events = (await eventsSince(server, since, topic)).filter((e) => e.type === 'recommendation.created');
      assert.deepEqual(events.map((e) => [e.employeeId, e.programId, e.subjectId]), [[cast.asn.id, program.id, rec.id]], topic);
    }

    // Not the supervisor's supervisor, not a colleague, not oneself.
    await expectProblem(await caller(server, cast.skipLevel.token)('POST', url, { programId: program.id }), 403);
    await expectProblem(await colleague('POST', url, { programId: program.id }), 403);
    await expectProblem(await asn('POST', '/v1/employees/me/recommendations', { programId: program.id }), 403);
    // An admin may, once per author.
    assert.equal((await admin('POST', url, { programId: program.id })).status, 201);

    // Only a program open for enrolment.
    const draft = await create(programBody({ status: 'draft' }));
    for (const programId of [draft.id, 'prg_layanandigital', 'prg_ekonomibiru', 'prg_pelayananprima', 'prg_nosuchprogram']) {
      assert.deepEqual(await errorsOf(await sup('POST', url, { programId })), ['programId program.not_open'], programId);
    }
  });

  it('certificates: public, exactly name/program/dates/JP/validity; unknown 404, malformed 400', async () => {
    const row = await server.deps.db
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .innerJoin('programs as p', 'p.id', 'e.program_id')
      .select(['e.id', 'e.certificate_number', 'm.name', 'p.title', 'p.jp', 'p.starts_at', 'p.ends_at'])
      .where('e.status', '=', 'completed')
      .where('e.certificate_number', 'is not', null)
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    const number = row.certificate_number!;
    const res = await fetch(`${server.url}/v1/certificates/${number}`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(Object.keys(body).sort(), ['endsAt', 'jp', 'name', 'number', 'program', 'startsAt', 'valid']);
    assert.deepEqual(body, { number, name: row.name, program: row.title, startsAt: row.starts_at, endsAt: row.ends_at, jp: row.jp, valid: true });

    // A token changes nothing.
    assert.deepEqual(await (await fetch(`${server.url}/v1/certificates/${number}`, { headers: authHeader(cast.admin.token) })).json(), body);
    await expectProblem(await fetch(`${server.url}/v1/certificates/SRT-2026-AAAAAAAAAA`), 404);
    const malformed = await expectProblem(await fetch(`${server.url}/v1/certificates/not-a-certificate`), 400);
    assert.equal(malformed.errors?.[0].path, 'number');

    // Revoked (no longer completed): still answers, as invalid.
    await server.deps.db.updateTable('enrollments').set({ status: 'incomplete' }).where('id', '=', row.id).execute();
    assert.equal((await (await fetch(`${server.url}/v1/certificates/${number}`)).json()).valid, false);
    await server.deps.db.updateTable('enrollments').set({ status: 'completed' }).where('id', '=', row.id).execute();
  });

  it('events: any employee may subscribe to `programs` and hears program.updated after an admin PATCH; drafts stay quiet', async () => {
    const program = await create(programBody());
    const since = await lastSeq(server);
    await create(programBody({ status: 'draft' }));
    assert.deepEqual(await eventsSince(server, since, topicFor.programs), [], 'creating a draft announces nothing');

    // Resuming from `since` replays what the stream might open too late to see live.
    const stream = await fetch(`${server.url}/v1/events?topics=programs&lastEventId=${since}`, { headers: authHeader(cast.asn.token) });
    assert.equal(stream.status, 200);
    const patched = admin('PATCH', `/v1/programs/${program.id}`, { version: 1, capacity: 12 });
    const { messages } = await readSse(stream, (ms) => ms.some((x) => x.event === 'program.updated'));
    assert.equal((await patched).status, 200);
    const event = z.parse(ServerEvent, JSON.parse(messages.find((x) => x.event === 'program.updated')!.data));
    assert.deepEqual({ topic: event.topic, programId: event.programId, employeeId: event.employeeId }, { topic: 'programs', programId: program.id, employeeId: undefined });

    const bad = await expectProblem(await fetch(`${server.url}/v1/events?topics=catalog`, { headers: authHeader(cast.asn.token) }), 400);
    assert.match(bad.detail ?? '', /programs/);
  });
});
