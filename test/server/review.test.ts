// The review queue (admins): filters, search, oldest first with a cursor; transitions submitted → reviewing →
// accepted | rejected at the version read; the quota, also when two admins accept the last place at once; withdrawn
// applications stay put; and hostile text stored and answered exactly as typed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { InternshipApplication, InternshipOpening, ServerEvent, page, topicFor } from '../../src/contract/index.js';
import type { TestServer } from '../../server/testing.js';
import { castOf, eventsSince, lastSeq } from './coaching-helpers.js';
import { authHeader, expectProblem, readSse } from './helpers.js';
import { applicationRow, applyOk, insertOpening, internshipServer, openingRow, viaKey, viaToken, type Call } from './internship-helpers.js';
import { interleaved } from './program-helpers.js';

describe('application review', () => {
  let server: TestServer;
  let admin: Call;
  let employee: Call;
  let ums: Call;
  let unimuda: Call;
  let adminToken: string;
  let supervisorToken: string;

  const queue = async (query: Record<string, string>) => {
    const res = await admin('GET', `/v1/applications?${new URLSearchParams(query)}`);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(page(InternshipApplication), await res.json());
  };
  const ids = (p: { data: { id: string }[] }) => p.data.map((a) => a.id);
  const transition = (id: string, body: Record<string, unknown>) => admin('POST', `/v1/applications/${id}/transition`, body);
  const moved = async (id: string, body: Record<string, unknown>) => {
    const res = await transition(id, body);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(InternshipApplication, await res.json());
  };

  before(async () => {
    server = await internshipServer();
    const cast = await castOf(server);
    adminToken = cast.admin.token;
    supervisorToken = cast.supervisor.token;
    admin = viaToken(server, cast.admin.token);
    employee = viaToken(server, cast.supervisor.token);
    ums = viaKey(server, 'ptn_umsorong');
    unimuda = viaKey(server, 'ptn_unimuda');
  });
  after(() => server.close());

  it('filters by opening, partner, status and q (name, NIM, email, reference), oldest first, page by page', async () => {
    const opening = await insertOpening(server, { partners: ['ptn_umsorong', 'ptn_unimuda'], quota: 10 });
    const surname = `Uji${randomBytes(3).toString('hex')}`;
    // A second apart on the server's clock, so "oldest first" is not left to the ids.
    const t0 = Date.now();
    server.setNow(t0);
    const a = await applyOk(server, ums, opening, { student: { name: `Markus ${surname}` } });
    server.setNow(t0 + 1000);
    const b = await applyOk(server, unimuda, opening, { student: { name: `Selfina ${surname}`, email: `selfina.${surname.toLowerCase()}@mahasiswa.example.ac.id` } });
    server.setNow(t0 + 2000);
    const c = await applyOk(server, ums, opening, { student: { name: `Naomi ${surname}` } });
    server.setNow(null);
    await moved(c.receipt.id, { to: 'reviewing', version: 1 });

    assert.deepEqual(ids(await queue({ opening })), [a, b, c].map((x) => x.receipt.id), 'oldest first');
    assert.deepEqual(ids(await queue({ opening, partner: 'ptn_unimuda' })), [b.receipt.id]);
    assert.deepEqual(ids(await queue({ opening, status: 'reviewing' })), [c.receipt.id]);
    assert.deepEqual(ids(await queue({ q: surname.toUpperCase() })), [a, b, c].map((x) => x.receipt.id), 'q ignores case');
    assert.deepEqual(ids(await queue({ q: `naomi ${surname}` })), [c.receipt.id]);
    assert.deepEqual(ids(await queue({ q: a.body.student.nim })), [a.receipt.id]);
    assert.deepEqual(ids(await queue({ q: `selfina.${surname.toLowerCase()}@` })), [b.receipt.id]);
    assert.deepEqual(ids(await queue({ q: b.receipt.reference })), [b.receipt.id]);
    assert.deepEqual(ids(await queue({ opening, q: '%' })), [], 'a LIKE wildcard matches itself only');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await queue({ opening, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(p));
      cursor = p.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [a, b, c].map((x) => x.receipt.id));

    const one = z.parse(InternshipApplication, await (await admin('GET', `/v1/applications/${b.receipt.id}`)).json());
    assert.deepEqual([one.partnerName, one.student?.name, one.consent?.keyId, one.version], ['Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)', `Selfina ${surname}`, 'key_sandboxunimuda', 1]);
    await expectProblem(await admin('GET', '/v1/applications/app_tidakada'), 404);
    await expectProblem(await employee('GET', '/v1/applications'), 403);
    await expectProblem(await employee('GET', `/v1/applications/${b.receipt.id}`), 403);
    await expectProblem(await ums('GET', '/v1/applications'), 403);
  });

  it('submitted → reviewing → accepted, each at its version; accepting fills the opening; events go to admins', async () => {
    const opening = await insertOpening(server, { quota: 1 });
    const { receipt } = await applyOk(server, ums, opening);
    const seq = await lastSeq(server);
    await expectProblem(await transition(receipt.id, { to: 'accepted', version: 1 }), 409);
    const reviewing = await moved(receipt.id, { to: 'reviewing', version: 1 });
    assert.deepEqual([reviewing.status, reviewing.version, reviewing.reason], ['reviewing', 2, null]);
    const stale = await expectProblem(await transition(receipt.id, { to: 'accepted', version: 1 }), 409);
    assert.match(stale.detail ?? '', /version 1.*current version is 2/);
    const accepted = await moved(receipt.id, { to: 'accepted', reason: 'Portofolio sesuai kebutuhan tim.', version: 2 });
    assert.deepEqual([accepted.status, accepted.version, accepted.reason], ['accepted', 3, 'Portofolio sesuai kebutuhan tim.']);

    assert.equal((await openingRow(server, opening)).accepted, 1);
    const shown = z.parse(InternshipOpening, await (await admin('GET', `/v1/internships/${opening}`)).json());
    assert.deepEqual([shown.accepted, shown.status], [1, 'filled']);
    // Nothing leaves accepted.
    await expectProblem(await transition(receipt.id, { to: 'rejected', reason: 'Berubah pikiran', version: 3 }), 409);
    assert.deepEqual(
      (await eventsSince(server, seq, topicFor.applications)).map((e) => [e.type, e.openingId, e.subjectId]),
      [['application.updated', opening, receipt.id], ['application.updated', opening, receipt.id]],
    );
  });

  it('rejecting needs a reason, from submitted or reviewing; a reason does not go with reviewing', async () => {
    const opening = await insertOpening(server);
    const first = await applyOk(server, ums, opening);
    const second = await applyOk(server, ums, opening);
    const noReason = await expectProblem(await transition(first.receipt.id, { to: 'rejected', version: 1 }), 400);
    assert.deepEqual(noReason.errors?.map((e) => `${e.path} ${e.code}`), ['reason reason.required']);
    const rejected = await moved(first.receipt.id, { to: 'rejected', reason: 'Semester belum memenuhi syarat (minimal 5).', version: 1 });
    assert.deepEqual([rejected.status, rejected.reason], ['rejected', 'Semester belum memenuhi syarat (minimal 5).']);
    await expectProblem(await transition(first.receipt.id, { to: 'reviewing', version: 2 }), 409);

    const withReason = await expectProblem(await transition(second.receipt.id, { to: 'reviewing', reason: 'Catatan', version: 1 }), 400);
    assert.deepEqual(withReason.errors?.map((e) => e.path), ['reason']);
    await moved(second.receipt.id, { to: 'reviewing', version: 1 });
    await moved(second.receipt.id, { to: 'rejected', reason: 'Kuota sudah terpenuhi.', version: 2 });
  });

  it('accepting past the quota → 409, and nothing changes', async () => {
    const opening = await insertOpening(server, { quota: 1 });
    const first = await applyOk(server, ums, opening);
    const second = await applyOk(server, ums, opening);
    for (const a of [first, second]) await moved(a.receipt.id, { to: 'reviewing', version: 1 });
    await moved(first.receipt.id, { to: 'accepted', version: 2 });
    const res = await transition(second.receipt.id, { to: 'accepted', version: 2 });
    const text = await res.clone().text();
    const full = await expectProblem(res, 409);
    assert.match(full.detail ?? '', /quota of 1 is reached/);
    assert.equal((JSON.parse(text) as { code?: string }).code, 'opening.quota_reached');
    assert.deepEqual([(await applicationRow(server, second.receipt.id)).status, (await openingRow(server, opening)).accepted], ['reviewing', 1]);
  });

  it('two admins accepting the last place at once: exactly one wins', async () => {
    const opening = await insertOpening(server, { quota: 3, accepted: 2 });
    const crowd: Awaited<ReturnType<typeof applyOk>>[] = [];
    for (let i = 0; i < 4; i++) crowd.push(await applyOk(server, ums, opening));
    for (const a of crowd) await moved(a.receipt.id, { to: 'reviewing', version: 1 });
    const answers = await interleaved(() => Promise.all(crowd.map((a) => transition(a.receipt.id, { to: 'accepted', version: 2 }))));
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409, 409, 409]);
    assert.equal((await openingRow(server, opening)).accepted, 3);
    const statuses = await Promise.all(crowd.map(async (a) => (await applicationRow(server, a.receipt.id)).status));
    assert.deepEqual(statuses.sort(), ['accepted', 'reviewing', 'reviewing', 'reviewing']);
  });

  it('a withdrawn application cannot be reviewed', async () => {
    const opening = await insertOpening(server);
    const { receipt, token } = await applyOk(server, ums, opening);
    assert.equal((await fetch(`${server.url}/v1/applications/private/${token}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 200);
    const version = (await applicationRow(server, receipt.id)).version;
    const refused = await expectProblem(await transition(receipt.id, { to: 'reviewing', version }), 409);
    assert.match(refused.detail ?? '', /withdrawn/);
  });

  it('admins hear new applications live on the applications topic; nobody else may listen', async () => {
    const opening = await insertOpening(server);
    const since = await lastSeq(server);
    const stream = await fetch(`${server.url}/v1/events?topics=applications&lastEventId=${since}`, { headers: authHeader(adminToken) });
    assert.equal(stream.status, 200);
    const applied = applyOk(server, ums, opening);
    const { messages } = await readSse(stream, (ms) => ms.some((x) => x.event === 'application.created'));
    const { receipt } = await applied;
    const event = z.parse(ServerEvent, JSON.parse(messages.find((x) => x.event === 'application.created')!.data));
    assert.deepEqual([event.topic, event.openingId, event.subjectId], ['applications', opening, receipt.id]);
    await expectProblem(await fetch(`${server.url}/v1/events?topics=applications`, { headers: authHeader(supervisorToken) }), 403);
  });

  it('hostile text in names and motivations is stored and answered exactly as typed', async () => {
    const opening = await insertOpening(server);
    const name = '<img src=x onerror="window.__pwned=1">Yakob';
    const motivation = '</script><script>alert("magang")</script> & "kutipan" \'tunggal\' — saya ingin belajar di Kota Sorong.';
    const { receipt } = await applyOk(server, ums, opening, { student: { name, studyProgram: '<b>Teknik</b> Informatika' }, motivation });
    const row = await applicationRow(server, receipt.id);
    assert.deepEqual([row.name, row.study_program, row.motivation], [name, '<b>Teknik</b> Informatika', motivation]);
    const found = (await queue({ opening })).data.find((a) => a.id === receipt.id)!;
    assert.deepEqual([found.student?.name, found.student?.studyProgram, found.motivation], [name, '<b>Teknik</b> Informatika', motivation]);
    const rejected = await moved(receipt.id, { to: 'rejected', reason: '<a href="javascript:alert(1)">alasan</a>', version: 1 });
    assert.equal(rejected.reason, '<a href="javascript:alert(1)">alasan</a>');
  });
});
