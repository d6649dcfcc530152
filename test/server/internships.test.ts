// Internship openings: what a publishable key sees (only open openings of its partner, only public fields, stripped
// by the server) against a bearer token (everything, drafts only for admins), the status computed from the WIT day
// and the counts on the server's clock, and admin writes (validation, versions, a quota below `accepted`).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { InternshipOpening, page } from '../../src/contract/index.js';
import { WIT_OFFSET_MS } from '../../server/time.js';
import type { TestServer } from '../../server/testing.js';
import { castOf, type Cast } from './coaching-helpers.js';
import { expectProblem } from './helpers.js';
import { DAY, insertOpening, internshipServer, openingRow, viaKey, viaToken, witDay, type Call } from './internship-helpers.js';

const TOKEN_ONLY = ['accepted', 'applications', 'partnerIds', 'version'];
const marker = () => `uji${randomBytes(4).toString('hex')}`;

describe('internship openings', () => {
  let server: TestServer;
  let cast: Cast;
  let admin: Call;
  let employee: Call;
  let ums: Call;
  let unimuda: Call;

  const list = async (call: Call, query: Record<string, string>) => {
    const res = await call('GET', `/v1/internships?${new URLSearchParams(query)}`);
    assert.equal(res.status, 200, await res.clone().text());
    const json = (await res.json()) as { data: Record<string, unknown>[] };
    return { raw: json.data, page: z.parse(page(InternshipOpening), json) };
  };
  const ids = (l: { page: { data: { id: string }[] } }) => l.page.data.map((o) => o.id);

  before(async () => {
    server = await internshipServer();
    cast = await castOf(server);
    admin = viaToken(server, cast.admin.token);
    employee = viaToken(server, cast.asn.token);
    ums = viaKey(server, 'ptn_umsorong');
    unimuda = viaKey(server, 'ptn_unimuda');
  });
  beforeEach(() => server.setNow(null));
  after(() => server.close());

  it("a key lists only the open openings offered to its partner, soonest deadline first, without the token-only fields", async () => {
    const m = marker();
    const title = (t: string) => `${t} ${m}`;
    const both = await insertOpening(server, { title: title('Magang Satu Data'), partners: ['ptn_umsorong', 'ptn_unimuda'], applyBy: 20 });
    const soon = await insertOpening(server, { title: title('Magang Arsip'), partners: ['ptn_umsorong'], applyBy: 5 });
    const otherOnly = await insertOpening(server, { title: title('Magang Pesisir'), partners: ['ptn_unimuda'] });
    const draft = await insertOpening(server, { title: title('Magang Perizinan'), status: 'draft' });
    const closed = await insertOpening(server, { title: title('Magang Kepegawaian'), applyBy: -1 });
    const closedByAdmin = await insertOpening(server, { title: title('Magang Statistik'), status: 'closed' });
    const filled = await insertOpening(server, { title: title('Magang Layanan'), quota: 2, accepted: 2 });

    const viaUms = await list(ums, { q: m });
    assert.deepEqual(ids(viaUms), [soon, both]);
    for (const o of viaUms.raw) {
      for (const field of TOKEN_ONLY) assert.equal(field in o, false, `${field} is not sent through a key`);
      assert.equal(o.status, 'open');
    }
    assert.deepEqual(ids(await list(unimuda, { q: m })), [otherOnly, both]);
    // Asking a key for anything else finds nothing, rather than widening what it sees.
    assert.deepEqual(ids(await list(ums, { q: m, partner: 'ptn_unimuda' })), []);
    assert.deepEqual(ids(await list(ums, { q: m, status: 'closed' })), []);

    // A token sees everything but drafts, with the token-only fields and the computed status; an admin sees drafts.
    const viaEmployee = await list(employee, { q: m, limit: '100' });
    assert.deepEqual(new Set(ids(viaEmployee)), new Set([both, soon, otherOnly, closed, closedByAdmin, filled]));
    const status = new Map<string, string>(viaEmployee.page.data.map((o) => [o.id, o.status]));
    assert.deepEqual([status.get(closed), status.get(closedByAdmin), status.get(filled), status.get(both)], ['closed', 'closed', 'filled', 'open']);
    for (const o of viaEmployee.raw) for (const field of TOKEN_ONLY) assert.ok(field in o, `${field} is there with a token`);
    assert.ok(ids(await list(admin, { q: m, limit: '100' })).includes(draft), 'admins see drafts');
    assert.deepEqual(ids(await list(admin, { q: m, status: 'draft' })), [draft]);
    assert.deepEqual(ids(await list(employee, { q: m, status: 'draft' })), [], 'a draft is nobody else’s');
    assert.deepEqual(ids(await list(admin, { q: m, partner: 'ptn_unimuda', status: 'open' })), [otherOnly, both]);
  });

  it('pages with a cursor, soonest deadline first', async () => {
    const m = marker();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await insertOpening(server, { title: `Magang Halaman ${m}`, applyBy: 30 - i }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { q: m, limit: '2', ...(cursor ? { cursor } : {}) };
      const l = await list(ums, query);
      seen.push(...ids(l));
      cursor = l.page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...made].reverse());
  });

  it('getInternship: through a key only an open opening of its partner, public fields only; drafts only for admins', async () => {
    const open = await insertOpening(server, { partners: ['ptn_umsorong'] });
    const foreign = await insertOpening(server, { partners: ['ptn_unimuda'] });
    const draft = await insertOpening(server, { status: 'draft' });
    const closed = await insertOpening(server, { applyBy: -2 });

    const res = await ums('GET', `/v1/internships/${open}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    for (const field of TOKEN_ONLY) assert.equal(field in body, false, `${field} stripped`);
    z.parse(InternshipOpening, body);

    for (const id of [foreign, draft, closed, 'int_tidakada']) await expectProblem(await ums('GET', `/v1/internships/${id}`), 404);
    await expectProblem(await employee('GET', `/v1/internships/${draft}`), 404);
    const asAdmin = z.parse(InternshipOpening, await (await admin('GET', `/v1/internships/${draft}`)).json());
    assert.equal(asAdmin.status, 'draft');
    const asEmployee = z.parse(InternshipOpening, await (await employee('GET', `/v1/internships/${closed}`)).json());
    assert.deepEqual([asEmployee.status, asEmployee.partnerIds, asEmployee.version], ['closed', ['ptn_umsorong'], 1]);
  });

  it('closes after the last WIT day to apply, on the server clock', async () => {
    const applyBy = witDay(server, 3);
    const id = await insertOpening(server, { applyByDate: applyBy });
    const witMidnight = Date.parse(`${applyBy}T00:00:00Z`) - WIT_OFFSET_MS;
    const statusAt = async (ms: number) => {
      server.setNow(ms);
      return z.parse(InternshipOpening, await (await employee('GET', `/v1/internships/${id}`)).json()).status;
    };
    assert.equal(await statusAt(witMidnight + DAY - 60_000), 'open', 'still open at 23.59 WIT on applyBy');
    assert.equal(await statusAt(witMidnight + DAY + 60_000), 'closed', 'closed at 00.01 WIT the next day');
    await expectProblem(await ums('GET', `/v1/internships/${id}`), 404);
  });

  it('admins create openings (draft by default) with every wrong field named; others may not', async () => {
    const body = {
      title: 'Magang Dokumentasi Kegiatan Pemerintah',
      unitId: 'unit_diskominfo',
      description: 'Meliput dan mendokumentasikan kegiatan Pemerintah Kota Sorong untuk kanal resmi.',
      skills: ['fotografi', 'penulisan'],
      quota: 2,
      startsOn: witDay(server, 40),
      endsOn: witDay(server, 120),
      applyBy: witDay(server, 20),
      partnerIds: ['ptn_uvictory'],
    };
    const res = await admin('POST', '/v1/internships', body);
    assert.equal(res.status, 201, await res.clone().text());
    const created = z.parse(InternshipOpening, await res.json());
    assert.deepEqual([created.status, created.version, created.accepted, created.applications, created.unit.name], ['draft', 1, 0, 0, 'Dinas Komunikasi dan Informatika']);

    await expectProblem(await employee('POST', '/v1/internships', body), 403);
    await expectProblem(await ums('POST', '/v1/internships', body), 403);
    const bad = await expectProblem(
      await admin('POST', '/v1/internships', { ...body, unitId: 'unit_tidakada', partnerIds: ['ptn_uvictory', 'ptn_tidakada'], applyBy: witDay(server, 50), endsOn: witDay(server, 30) }),
      400,
    );
    assert.deepEqual(bad.errors?.map((e) => `${e.path} ${e.code}`).sort(), ['applyBy apply_by.after_start', 'endsOn dates.order', 'partnerIds.1 partner.unknown', 'unitId unit.unknown']);
  });

  it('updates at the version read (409 when stale); a quota below accepted is a 409 naming quota', async () => {
    const id = await insertOpening(server, { quota: 4, accepted: 2 });
    const res = await admin('PATCH', `/v1/internships/${id}`, { title: 'Magang Data Layanan (diperbarui)', quota: 5, version: 1 });
    assert.equal(res.status, 200, await res.clone().text());
    const updated = z.parse(InternshipOpening, await res.json());
    assert.deepEqual([updated.title, updated.quota, updated.version], ['Magang Data Layanan (diperbarui)', 5, 2]);

    const stale = await expectProblem(await admin('PATCH', `/v1/internships/${id}`, { quota: 6, version: 1 }), 409);
    assert.match(stale.detail ?? '', /version 1.*current version is 2/);
    const below = await expectProblem(await admin('PATCH', `/v1/internships/${id}`, { quota: 1, version: 2 }), 409);
    assert.deepEqual(below.errors?.map((e) => `${e.path} ${e.code}`), ['quota quota.below_accepted']);
    assert.deepEqual(
      await openingRow(server, id).then((r) => [r.quota, r.accepted, r.version]),
      [5, 2, 2],
      'nothing changed by the refused updates',
    );
    // Down to exactly `accepted` is fine, and the opening shows as filled.
    const toFull = z.parse(InternshipOpening, await (await admin('PATCH', `/v1/internships/${id}`, { quota: 2, version: 2 })).json());
    assert.deepEqual([toFull.quota, toFull.status], [2, 'filled']);
    await expectProblem(await employee('PATCH', `/v1/internships/${id}`, { quota: 3, version: 3 }), 403);
  });
});
