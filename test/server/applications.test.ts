// Applying to an internship: consent to the current notice, the proof of work (missing, invalid, expired, reused,
// issued to another key, too fast), the honeypot, one application per (partner, NIM, opening), the stored proof of
// consent (checked in the database), references, idempotent replays and the `applications` event.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createChallenge as createAltcha } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod/mini';
import { ApplicationReceipt, topicFor, type Challenge } from '../../src/contract/index.js';
import { solveForTest } from '../../server/challenge.js';
import { sandboxKeyId } from '../../server/keys.js';
import { NOTICE_HASH, NOTICE_VERSION } from '../../server/privacy-notice.js';
import type { TestServer } from '../../server/testing.js';
import { witYear } from '../../server/time.js';
import { castOf, eventsSince, lastSeq, type Cast } from './coaching-helpers.js';
import { expectProblem } from './helpers.js';
import {
  DAY, ORIGIN, apply, applicationBody, applicationRow, applyOk, currentNotice, insertOpening, internshipServer, solvedChallenge, viaKey,
  viaToken, type Call,
} from './internship-helpers.js';

const errorsOf = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((e) => `${e.path} ${e.code}`) ?? [];

describe('internship applications', () => {
  let server: TestServer;
  let cast: Cast;
  let ums: Call;
  let opening: string;

  const rowsWithNim = (nim: string) => server.deps.db.selectFrom('internship_applications').selectAll().where('nim', '=', nim).execute();
  const post = (call: Call, body: unknown, id = opening, headers?: Record<string, string>) => call('POST', `/v1/internships/${id}/applications`, body, headers);

  before(async () => {
    server = await internshipServer();
    cast = await castOf(server);
    ums = viaKey(server, 'ptn_umsorong');
    opening = await insertOpening(server, { partners: ['ptn_umsorong', 'ptn_unimuda'], quota: 5 });
  });
  beforeEach(() => server.setNow(null));
  after(() => server.close());

  it('stores the application with its proof of consent: notice version and hash, purposes, server time, origin, key', async () => {
    // The server's clock is three days ahead of the machine's: the stored times are the server's.
    const moved = Date.now() + 3 * DAY;
    server.setNow(moved);
    const id = await insertOpening(server, { partners: ['ptn_umsorong'] });
    const { receipt, body } = await applyOk(server, ums, id, { student: { phone: '0812-4401-0034', name: '  Markus Rumbiak ' } });

    assert.match(receipt.reference, new RegExp(`^MG-${witYear(new Date(moved))}-\\d{6}$`));
    assert.equal(receipt.status, 'submitted');
    assert.equal(receipt.createdAt, new Date(moved).toISOString());
    assert.equal(new URL(receipt.privateUrl).origin, server.url, 'the private link is a page of this server');

    const row = await applicationRow(server, receipt.id);
    assert.deepEqual(
      {
        noticeVersion: row.notice_version,
        noticeHash: row.notice_hash,
        purposes: JSON.parse(row.purposes),
        consentAt: row.consent_at,
        origin: row.origin,
        keyId: row.key_id,
        withdrawnAt: row.withdrawn_at,
      },
      {
        noticeVersion: NOTICE_VERSION,
        noticeHash: NOTICE_HASH,
        purposes: ['selection', 'placement', 'contact'],
        consentAt: new Date(moved).toISOString(),
        origin: ORIGIN,
        keyId: sandboxKeyId('ptn_umsorong'),
        withdrawnAt: null,
      },
    );
    assert.deepEqual(
      [row.partner_id, row.opening_id, row.name, row.nim, row.phone, row.status, row.reference, row.erased_at],
      ['ptn_umsorong', id, 'Markus Rumbiak', body.student.nim, '+6281244010034', 'submitted', receipt.reference, null],
    );
    // Only the token's hash is stored.
    const token = new URL(receipt.privateUrl).hash.slice(1);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(row.private_token_hash, token);
    assert.doesNotMatch(JSON.stringify(row), new RegExp(token));
  });

  it('references count up within the WIT year', async () => {
    const first = await applyOk(server, ums, opening);
    const second = await applyOk(server, ums, opening);
    const n = (ref: string) => Number(ref.slice(-6));
    assert.equal(first.receipt.reference.slice(0, 8), second.receipt.reference.slice(0, 8));
    assert.equal(n(second.receipt.reference), n(first.receipt.reference) + 1);
  });

  it('without consent, or consent to another notice, nothing is stored', async () => {
    const notice = await currentNotice(server);
    const body = applicationBody(notice, await solvedChallenge(ums));
    const { consent: _, ...noConsent } = body;
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, noConsent), 400)), ['consent invalid_type']);
    const notAccepted = await expectProblem(await post(ums, { ...body, consent: { ...body.consent, accepted: false } }), 400);
    assert.deepEqual(errorsOf(notAccepted), ['consent.accepted invalid_value']);

    const oldVersion = await expectProblem(await post(ums, { ...body, consent: { ...body.consent, noticeVersion: '2025-06-02' } }), 409);
    assert.deepEqual(errorsOf(oldVersion), ['consent.noticeVersion notice.outdated']);
    assert.match(oldVersion.detail ?? '', new RegExp(`current notice \\(version ${NOTICE_VERSION}\\)`));
    const otherText = await expectProblem(await post(ums, { ...body, consent: { ...body.consent, noticeHash: 'a'.repeat(64) } }), 409);
    assert.deepEqual(errorsOf(otherText), ['consent.noticeHash notice.outdated']);
    assert.equal((await rowsWithNim(body.student.nim)).length, 0);
    // The challenge was never spent on these refusals: the corrected application goes through with it.
    assert.equal((await post(ums, body)).status, 201);
  });

  it('the challenge: missing, garbage, tampered, expired, issued to another key → 400 on altcha', async () => {
    const notice = await currentNotice(server);
    const body = (altcha: string) => applicationBody(notice, altcha);
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body('')), 400)), ['altcha altcha.missing']);
    const { altcha: _, ...without } = body('x');
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, without), 400)), ['altcha invalid_type']);
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body('bm90IGEgc29sdXRpb24=')), 400)), ['altcha altcha.invalid']);

    const solved = JSON.parse(Buffer.from(await solvedChallenge(ums), 'base64').toString()) as { challenge: Challenge; solution: unknown };
    const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    const tampered = { ...solved, challenge: { ...solved.challenge, signature: flip(solved.challenge.signature) } };
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body(Buffer.from(JSON.stringify(tampered)).toString('base64'))), 400)), ['altcha altcha.invalid']);
    const cheaper = { ...solved, challenge: { ...solved.challenge, parameters: { ...solved.challenge.parameters, cost: 1 } } };
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body(Buffer.from(JSON.stringify(cheaper)).toString('base64'))), 400)), ['altcha altcha.invalid']);

    // Signed with the server's key but expired a minute ago (white-box: the test knows the key).
    const expired = await createAltcha({
      algorithm: 'SHA-256',
      cost: 1,
      deriveKey,
      expiresAt: new Date(Date.now() - 60_000),
      data: { issuedAt: Date.now() - 10 * 60_000, scope: `key:${sandboxKeyId('ptn_umsorong')}` },
      hmacSignatureSecret: server.deps.config.altchaHmacKey,
    });
    const expiredPayload = await solveForTest(expired as Challenge);
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body(expiredPayload)), 400)), ['altcha altcha.expired']);

    // Fetched through UNIMUDA's key, spent through UM Sorong's.
    const foreign = await solvedChallenge(viaKey(server, 'ptn_unimuda'));
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, body(foreign)), 400)), ['altcha altcha.invalid']);
  });

  it('a solution is single use: the second application with it → 400 altcha.reused, stored once', async () => {
    const notice = await currentNotice(server);
    const altcha = await solvedChallenge(ums);
    const first = applicationBody(notice, altcha);
    assert.equal((await post(ums, first)).status, 201);
    const second = applicationBody(notice, altcha);
    assert.deepEqual(errorsOf(await expectProblem(await post(ums, second), 400)), ['altcha altcha.reused']);
    assert.equal((await rowsWithNim(second.student.nim)).length, 0);
    // Two at once with one fresh solution: exactly one gets through.
    const racing = await solvedChallenge(ums);
    const answers = await Promise.all([0, 1].map(() => post(ums, applicationBody(notice, racing))));
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 400]);
  });

  it('a filled honeypot → 400 on website', async () => {
    const { res, body } = await apply(server, ums, opening, { website: 'https://promo.example.com' });
    assert.deepEqual(errorsOf(await expectProblem(res, 400)), ['website honeypot.filled']);
    assert.equal((await rowsWithNim(body.student.nim)).length, 0);
  });

  it('the same NIM twice for one opening and university → 409 code application.duplicate pointing to the private link', async () => {
    const { body } = await applyOk(server, ums, opening);
    const again = await apply(server, ums, opening, { student: { ...body.student, name: 'Nama Lain', email: 'lain@mahasiswa.example.ac.id' } });
    const text = await again.res.clone().text();
    const problem = await expectProblem(again.res, 409);
    assert.equal((JSON.parse(text) as { code?: string }).code, 'application.duplicate');
    assert.match(problem.detail ?? '', /already exists.*private link/);
    assert.equal((await rowsWithNim(body.student.nim)).length, 1);
    // Another opening, or another university's student with the same number, is a new application.
    const other = await insertOpening(server, { partners: ['ptn_umsorong', 'ptn_unimuda'] });
    await applyOk(server, ums, other, { student: body.student });
    await applyOk(server, viaKey(server, 'ptn_unimuda'), opening, { student: body.student });
    assert.equal((await rowsWithNim(body.student.nim)).length, 3);
  });

  it('an Idempotency-Key replay answers the same receipt and stores the application once', async () => {
    const notice = await currentNotice(server);
    const body = applicationBody(notice, await solvedChallenge(ums));
    const headers = { 'idempotency-key': `uji-${body.student.nim}` };
    const first = await post(ums, body, opening, headers);
    assert.equal(first.status, 201);
    const replay = await post(ums, body, opening, headers);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(z.parse(ApplicationReceipt, await replay.json()), z.parse(ApplicationReceipt, await first.json()));
    assert.equal((await rowsWithNim(body.student.nim)).length, 1);
  });

  it('emits application.created on the applications topic with the opening', async () => {
    const seq = await lastSeq(server);
    const { receipt } = await applyOk(server, ums, opening);
    const events = await eventsSince(server, seq, topicFor.applications);
    assert.deepEqual(
      events.map((e) => [e.type, e.openingId, e.subjectId, e.employeeId]),
      [['application.created', opening, receipt.id, undefined]],
    );
  });

  it('who may apply where: the key’s partner only, open openings only; with a token only admins, naming the partner', async () => {
    const foreign = await insertOpening(server, { partners: ['ptn_unimuda'] });
    const draft = await insertOpening(server, { status: 'draft' });
    const closed = await insertOpening(server, { applyBy: -1 });
    const filled = await insertOpening(server, { quota: 1, accepted: 1 });
    for (const id of [foreign, draft, 'int_tidakada']) await expectProblem((await apply(server, ums, id)).res, 404);
    assert.match((await expectProblem((await apply(server, ums, closed)).res, 409)).detail ?? '', /closed/);
    assert.match((await expectProblem((await apply(server, ums, filled)).res, 409)).detail ?? '', /filled/);
    const mismatch = await expectProblem((await apply(server, ums, opening, { partnerId: 'ptn_unimuda' })).res, 400);
    assert.deepEqual(errorsOf(mismatch), ['partnerId partner.key_mismatch']);

    const employee = viaToken(server, cast.asn.token);
    await expectProblem((await apply(server, employee, opening, { partnerId: 'ptn_umsorong' })).res, 403);
    const admin = viaToken(server, cast.admin.token);
    assert.deepEqual(errorsOf(await expectProblem((await apply(server, admin, opening)).res, 400)), ['partnerId partner.required']);
    assert.deepEqual(errorsOf(await expectProblem((await apply(server, admin, opening, { partnerId: 'ptn_uvictory' })).res, 400)), ['partnerId partner.not_invited']);
    const byAdmin = await applyOk(server, admin, opening, { partnerId: 'ptn_unimuda' });
    const row = await applicationRow(server, byAdmin.receipt.id);
    assert.deepEqual([row.partner_id, row.key_id, row.origin], ['ptn_unimuda', null, null]);
  });
});

describe('internship applications: the minimum fill time', () => {
  let server: TestServer;

  before(async () => {
    server = await internshipServer({ altchaMinFillMs: 3000 });
  });
  after(() => server.close());

  it('sent sooner than the minimum after the challenge was issued → 400 altcha.too-fast; later the same solution works', async () => {
    const t0 = Date.now();
    server.setNow(t0);
    const ums = viaKey(server, 'ptn_umsorong');
    const opening = await insertOpening(server);
    const body = applicationBody(await currentNotice(server), await solvedChallenge(ums));
    const post = () => ums('POST', `/v1/internships/${opening}/applications`, body);
    assert.deepEqual(errorsOf(await expectProblem(await post(), 400)), ['altcha altcha.too-fast']);
    server.setNow(t0 + 2999);
    assert.deepEqual(errorsOf(await expectProblem(await post(), 400)), ['altcha altcha.too-fast']);
    server.setNow(t0 + 3000);
    assert.equal((await post()).status, 201);
  });
});
