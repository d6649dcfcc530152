// The student's private link: the status, correcting contact data, withdrawal that erases the personal data (checked
// in the database), a wrong or malformed token that reveals nothing, the page behind the link, and the retention job
// that erases what is past its date and nothing else.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { ApplicationPrivateView, InternshipApplication, topicFor } from '../../src/contract/index.js';
import { NOTICE_HASH, NOTICE_VERSION, RETENTION_MONTHS } from '../../server/privacy-notice.js';
import { keptUntil, runRetention } from '../../server/retention.js';
import type { TestServer } from '../../server/testing.js';
import { WIT_OFFSET_MS } from '../../server/time.js';
import { castOf, eventsSince, lastSeq } from './coaching-helpers.js';
import { expectProblem } from './helpers.js';
import { applicationRow, applyOk, insertOpening, internshipServer, openingRow, viaKey, viaToken, type Call } from './internship-helpers.js';

const PERSONAL = ['name', 'nim', 'study_program', 'semester', 'email', 'phone', 'motivation', 'reason'] as const;

describe('the private link', () => {
  let server: TestServer;
  let ums: Call;
  let admin: Call;
  let anyone: Call;
  let opening: string;

  const view = async (res: Response) => {
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(ApplicationPrivateView, await res.json());
  };
  const link = (token: string, rest = '') => `/v1/applications/private/${token}${rest}`;

  before(async () => {
    server = await internshipServer();
    const cast = await castOf(server);
    ums = viaKey(server, 'ptn_umsorong');
    admin = viaToken(server, cast.admin.token);
    anyone = viaToken(server);
    opening = await insertOpening(server, { quota: 5 });
  });
  beforeEach(() => server.setNow(null));
  after(() => server.close());

  it("shows the student's own application and nothing else, to anyone holding the link", async () => {
    const { receipt, token, body } = await applyOk(server, ums, opening);
    const res = await anyone('GET', link(token));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const v = await view(res);
    assert.deepEqual(
      [v.reference, v.status, v.student?.nim, v.student?.phone, v.erasedAt, v.notice],
      [receipt.reference, 'submitted', body.student.nim, '+6281234567890', null, { version: NOTICE_VERSION, hash: NOTICE_HASH }],
    );
    assert.equal('motivation' in v, false, 'the view carries only what the contract lists');
  });

  it('a wrong token and a malformed one get the same 404, on every private route', async () => {
    const bodyOf = async (res: Response) => {
      const problem = await expectProblem(res, 404);
      const { requestId: _, ...rest } = problem;
      return rest;
    };
    const wrong = 'A'.repeat(43);
    const malformed = ['abc', `${'A'.repeat(42)}!`, 'A'.repeat(44)];
    const expected = await bodyOf(await anyone('GET', link(wrong)));
    assert.deepEqual(expected, { type: 'https://pembinaan-asn.dev/problems/not-found', title: 'Not found', status: 404, detail: 'No application has this link' });
    for (const token of malformed) assert.deepEqual(await bodyOf(await anyone('GET', link(encodeURIComponent(token)))), expected, token);
    for (const token of [wrong, ...malformed]) {
      assert.deepEqual(await bodyOf(await anyone('PATCH', link(encodeURIComponent(token)), { email: 'x@example.ac.id' })), expected);
      assert.deepEqual(await bodyOf(await anyone('POST', link(encodeURIComponent(token), '/withdraw'), {})), expected);
    }
  });

  it('corrects contact data (stored normalised; the NIM stays) and tells the admins', async () => {
    const { receipt, token, body } = await applyOk(server, ums, opening);
    const seq = await lastSeq(server);
    const v = await view(await anyone('PATCH', link(token), { email: 'yohana.baru@mahasiswa.example.ac.id', phone: '+62 813 4456 0112', semester: 6 }));
    assert.deepEqual([v.student?.email, v.student?.phone, v.student?.semester, v.student?.nim], ['yohana.baru@mahasiswa.example.ac.id', '+6281344560112', 6, body.student.nim]);
    const row = await applicationRow(server, receipt.id);
    assert.deepEqual([row.email, row.phone, row.semester, row.name, row.version], ['yohana.baru@mahasiswa.example.ac.id', '+6281344560112', 6, 'Yohana Kambu', 2]);
    assert.deepEqual((await eventsSince(server, seq, topicFor.applications)).map((e) => [e.type, e.openingId, e.subjectId]), [['application.updated', opening, receipt.id]]);

    const bad = await expectProblem(await anyone('PATCH', link(token), { phone: '021 555 1234' }), 400);
    assert.deepEqual(bad.errors?.map((e) => `${e.path} ${e.code}`), ['phone phone.mobile']);
    assert.deepEqual((await expectProblem(await anyone('PATCH', link(token), {}), 400)).errors?.map((e) => e.code), ['update.empty']);
  });

  it('withdrawal erases the personal data at once and keeps the reference, opening, partner, consent and the fact', async () => {
    const { receipt, token, body } = await applyOk(server, ums, opening);
    const before = await applicationRow(server, receipt.id);
    const at = Date.now() + 60_000;
    server.setNow(at);
    const seq = await lastSeq(server);
    const v = await view(await anyone('POST', link(token, '/withdraw'), {}));
    assert.deepEqual([v.status, v.student, v.erasedAt, v.reference], ['withdrawn', null, new Date(at).toISOString(), receipt.reference]);

    const row = await applicationRow(server, receipt.id);
    for (const column of PERSONAL) assert.equal(row[column], null, `${column} erased`);
    assert.deepEqual(
      [row.status, row.withdrawn_at, row.erased_at, row.reference, row.opening_id, row.partner_id],
      ['withdrawn', new Date(at).toISOString(), new Date(at).toISOString(), receipt.reference, opening, 'ptn_umsorong'],
    );
    assert.deepEqual(
      [row.notice_version, row.notice_hash, row.purposes, row.consent_at, row.origin, row.key_id],
      [before.notice_version, before.notice_hash, before.purposes, before.consent_at, before.origin, before.key_id],
      'the proof of consent stays',
    );
    assert.doesNotMatch(JSON.stringify(row), new RegExp(`${body.student.nim}|Yohana|yohana`), 'nothing of the student is left in the row');
    assert.deepEqual((await eventsSince(server, seq, topicFor.applications)).map((e) => [e.type, e.subjectId]), [['application.updated', receipt.id]]);

    const asAdmin = z.parse(InternshipApplication, await (await admin('GET', `/v1/applications/${receipt.id}`)).json());
    assert.deepEqual([asAdmin.student, asAdmin.motivation, asAdmin.status, asAdmin.consent?.withdrawnAt], [null, null, 'withdrawn', new Date(at).toISOString()]);

    // Nothing left to correct; withdrawing again changes nothing; the student may apply again with the same NIM.
    await expectProblem(await anyone('PATCH', link(token), { email: 'lagi@mahasiswa.example.ac.id' }), 409);
    assert.deepEqual(await view(await anyone('POST', link(token, '/withdraw'), {})), v);
    assert.equal((await applicationRow(server, receipt.id)).version, row.version);
    await applyOk(server, ums, opening, { student: body.student });
  });

  it('withdrawing an accepted application gives its place back to the opening', async () => {
    const id = await insertOpening(server, { quota: 1 });
    const { receipt, token } = await applyOk(server, ums, id);
    const move = async (to: string, version: number) => assert.equal((await admin('POST', `/v1/applications/${receipt.id}/transition`, { to, version })).status, 200);
    await move('reviewing', 1);
    await move('accepted', 2);
    assert.equal((await openingRow(server, id)).accepted, 1);
    await view(await anyone('POST', link(token, '/withdraw'), {}));
    assert.equal((await openingRow(server, id)).accepted, 0);
  });

  it('serves the page behind the link with a strict CSP and its script and style as files', async () => {
    const page = await fetch(`${server.url}/applications/private`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const part of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) assert.ok(csp.includes(part), part);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    const html = await page.text();
    assert.match(html, /<script src="\/applications\/private\/app\.js" defer><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=/i, 'nothing inline');
    for (const [path, type] of [['app.js', 'text/javascript'], ['app.css', 'text/css']]) {
      const res = await fetch(`${server.url}/applications/private/${path}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', new RegExp(type));
    }
    const js = await (await fetch(`${server.url}/applications/private/app.js`)).text();
    assert.doesNotMatch(js, /innerHTML|insertAdjacentHTML|document\.write/, 'API data goes in as text');
  });
});

describe('the retention job', () => {
  let server: TestServer;
  let ums: Call;

  before(async () => {
    server = await internshipServer();
    ums = viaKey(server, 'ptn_umsorong');
  });
  after(() => server.close());

  /** Midnight WIT starting `date` (YYYY-MM-DD), as an instant. */
  const witMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`) - WIT_OFFSET_MS;

  it('keeps the data through applyBy + the retention months (month ends clamp)', () => {
    assert.equal(RETENTION_MONTHS, 12);
    assert.equal(keptUntil('2024-06-15'), '2025-06-15');
    assert.equal(keptUntil('2024-02-29'), '2025-02-28');
    assert.equal(keptUntil('2024-03-31', 1), '2024-04-30');
    assert.equal(keptUntil('2024-12-31', 2), '2025-02-28');
  });

  it('with a moved clock, erases what is past its date and nothing else', async () => {
    // Two openings of 2024, applied to then (the clock moved back), with two applications each.
    server.setNow(witMidnight('2024-03-20'));
    const early = await insertOpening(server, { applyByDate: '2024-03-31' });
    const late = await insertOpening(server, { applyByDate: '2024-06-15' });
    const earlyApps: string[] = [await applyOk(server, ums, early), await applyOk(server, ums, early)].map((a) => a.receipt.id);
    const lateApps = [await applyOk(server, ums, late), await applyOk(server, ums, late)].map((a) => a.receipt.id);
    server.setNow(null);

    const snapshot = async () =>
      new Map((await server.deps.db.selectFrom('internship_applications').selectAll().execute()).map((r) => [r.id, r]));
    const before = await snapshot();

    // On the last day kept (31 March 2025, WIT) nothing goes; from the next WIT day the early opening's applications do.
    assert.equal(await runRetention(server.deps.db, new Date(witMidnight('2025-04-01') - 60_000)), 0);
    const erasedAt = new Date(witMidnight('2025-04-01') + 60_000);
    assert.equal(await runRetention(server.deps.db, erasedAt), 2);

    const after = await snapshot();
    for (const [id, row] of after) {
      if (earlyApps.includes(id)) {
        for (const column of PERSONAL) assert.equal(row[column], null, `${id}: ${column} erased`);
        assert.equal(row.erased_at, erasedAt.toISOString());
        const was = before.get(id)!;
        assert.deepEqual(
          [row.reference, row.opening_id, row.partner_id, row.status, row.notice_hash, row.consent_at, row.withdrawn_at],
          [was.reference, was.opening_id, was.partner_id, was.status, was.notice_hash, was.consent_at, null],
        );
      } else {
        assert.deepEqual(row, before.get(id), `${id} is untouched`);
      }
    }
    // Run again: nothing more to do. The late opening's turn comes after 15 June 2025.
    assert.equal(await runRetention(server.deps.db, erasedAt), 0);
    assert.equal(await runRetention(server.deps.db, new Date(witMidnight('2025-06-16') + 60_000)), 2);
    for (const id of lateApps) assert.equal((await applicationRow(server, id)).nim, null);
  });
});
