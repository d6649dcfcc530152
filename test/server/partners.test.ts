// Partners and their agreement trees: the list and its filters (kind, status computed from the WIT day, q in names,
// cities, agreement numbers and titles), by-name cursor, tree order, statuses on a moved clock, what was delivered,
// admin create/update at a version (409 when stale), the tree's parent rules (400 naming parentId), and who may write.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { Agreement, Partner, page } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { caller } from './coaching-helpers.js';
import { expectProblem } from './helpers.js';

/** `YYYY-MM-DD` at `hh:mm` WIT (UTC+9) as epoch ms. */
const witMs = (date: string, hhmm = '12:00') => Date.parse(`${date}T${hhmm}:00+09:00`);
const agreementBody = (over: Record<string, unknown> = {}) => ({
  kind: 'mou',
  parentId: null,
  number: '000.5/901/PKS-MoU/2026',
  title: 'Nota Kesepahaman Uji Coba Kerja Sama',
  scope: ['magang mahasiswa'],
  signatories: {
    partner: { name: 'Dr. Rina Tuasikal, M.Pd.', position: 'Rektor' },
    government: { name: 'Drs. Yohanis Mandacan, M.Si.', position: 'Wali Kota Sorong' },
  },
  startsOn: '2026-01-01',
  endsOn: '2030-12-31',
  ...over,
});

describe('partners: directory, agreement trees, admin writes', () => {
  let server: TestServer;
  let admin: ReturnType<typeof caller>;
  let asn: ReturnType<typeof caller>;

  before(async () => {
    server = await startServer({ quiet: true });
    admin = caller(server, (await server.tokenFor('admin')).token);
    asn = caller(server, (await server.tokenFor('employee')).token);
  });
  after(() => server.close());

  const list = async (query: Record<string, string> = {}) => {
    const res = await asn('GET', `/v1/partners?${new URLSearchParams(query)}`);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(page(Partner), await res.json());
  };
  const ids = (p: { data: { id: string }[] }) => p.data.map((x) => x.id);
  const get = async (id: string) => {
    const res = await asn('GET', `/v1/partners/${id}`);
    assert.equal(res.status, 200, await res.clone().text());
    return z.parse(Partner, await res.json());
  };
  const errorPaths = async (res: Response) => (await expectProblem(res, 400)).errors?.map((e) => e.path) ?? [];

  it('lists every partner by name, with a cursor that walks the whole list once', async () => {
    const all = await list({ limit: '100' });
    assert.equal(all.data.length, 8);
    const names = all.data.map((p) => p.name);
    assert.deepEqual(names, [...names].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await list({ limit: '3', ...(cursor ? { cursor } : {}) });
      assert.ok(p.data.length <= 3);
      seen.push(...ids(p));
      cursor = p.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ids(all));
  });

  it('filters by kind, by the computed status and by q (name, city, agreement number and title)', async () => {
    assert.deepEqual(ids(await list({ kind: 'government' })), ['ptn_bpssorong']);
    assert.deepEqual(ids(await list({ kind: 'ngo' })), ['ptn_konservasipesisir']);
    assert.equal((await list({ kind: 'university' })).data.length, 4);
    // Seeded so that each status shows on any day (server/db/seed.ts, seedAgreements).
    assert.deepEqual(ids(await list({ status: 'expired' })), ['ptn_bpssorong']);
    assert.deepEqual(ids(await list({ status: 'upcoming' })), ['ptn_konservasipesisir']);
    assert.deepEqual(ids(await list({ status: 'expiring' })), ['ptn_polikpsorong']);
    const active = await list({ status: 'active' });
    assert.ok(ids(active).includes('ptn_umsorong') && ids(active).includes('ptn_unimuda'));
    for (const p of active.data) assert.equal(p.status, 'active');

    assert.deepEqual(ids(await list({ q: 'VICTORY' })), ['ptn_uvictory']);
    assert.equal((await list({ q: 'kota sorong' })).data.length, 8, 'the city matches too');
    const byNumber = (await get('ptn_polikpsorong')).agreements[0].number;
    assert.deepEqual(ids(await list({ q: byNumber })), ['ptn_polikpsorong']);
    assert.deepEqual(ids(await list({ q: 'ekonomi biru' })), ['ptn_polikpsorong'], 'an agreement title');
    assert.deepEqual(ids(await list({ q: 'statistik', kind: 'government' })), ['ptn_bpssorong']);
    // LIKE wildcards are literal.
    assert.deepEqual(ids(await list({ q: '%' })), []);
    assert.deepEqual(ids(await list({ q: '_' })), []);
  });

  it('agreements come flat in tree order: each parent before its children, siblings by startsOn', async () => {
    const ums = await get('ptn_umsorong');
    assert.deepEqual(ums.agreements.map((a) => [a.kind, a.id]), [
      ['mou', 'agr_umsorong'],
      ['pks', 'agr_umsorongpks'],
      ['implementation', 'agr_umsorongpp'],
    ]);
    // Two MoUs: the old one with its PKS, then the renewal with its PKS.
    const unimuda = await get('ptn_unimuda');
    assert.deepEqual(unimuda.agreements.map((a) => a.id), ['agr_unimudalama', 'agr_unimudalamapks', 'agr_unimuda', 'agr_unimudapks']);
    for (const p of (await list({ limit: '100' })).data) {
      const seen = new Set<string>();
      for (const a of p.agreements) {
        if (a.parentId) assert.ok(seen.has(a.parentId), `${a.id} comes after its parent ${a.parentId}`);
        seen.add(a.id);
      }
    }
    assert.deepEqual(unimuda.agreements.map((a) => a.status), ['expired', 'expired', 'active', 'active']);
    assert.equal(unimuda.status, 'active', 'the best of its agreements');
    assert.equal(ums.agreements[2].status, 'expiring', 'the arrangement ends within 90 days');
  });

  it('statuses follow the server clock on the WIT calendar day', async () => {
    const mou = (await get('ptn_umsorong')).agreements[0];
    try {
      const statusOn = async (ms: number) => {
        server.setNow(ms);
        const p = await get('ptn_umsorong');
        return { partner: p.status, mou: p.agreements[0].status };
      };
      const dayBefore = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
      assert.deepEqual(await statusOn(witMs(dayBefore(mou.startsOn, 1))), { partner: 'upcoming', mou: 'upcoming' });
      assert.equal((await statusOn(witMs(mou.startsOn))).mou, 'active');
      assert.equal((await statusOn(witMs(dayBefore(mou.endsOn, 91)))).mou, 'active');
      // 90 days before its end: expiring; its PKS and arrangement ended before, so the partner is expiring too.
      assert.deepEqual(await statusOn(witMs(dayBefore(mou.endsOn, 90))), { partner: 'expiring', mou: 'expiring' });
      // The last day counts until midnight WIT, although it is already the next day in UTC... and the other way round.
      assert.equal((await statusOn(witMs(mou.endsOn, '23:30'))).mou, 'expiring');
      const nextDayWit = witMs(mou.endsOn, '23:30') + 60 * 60_000; // 00:30 WIT next day = 15:30 UTC on endsOn
      assert.equal(new Date(nextDayWit).toISOString().slice(0, 10), mou.endsOn, 'still endsOn in UTC');
      assert.deepEqual(await statusOn(nextDayWit), { partner: 'expired', mou: 'expired' });
      // The list's status filter uses the same clock.
      server.setNow(nextDayWit);
      assert.ok(ids(await list({ status: 'expired' })).includes('ptn_umsorong'));
    } finally {
      server.setNow(null);
    }
    assert.equal((await get('ptn_umsorong')).status, 'active');
  });

  it('delivered: the programs and openings that carry the agreement, not drafts or cancelled programs', async () => {
    const db = server.deps.db;
    const pks = (await get('ptn_umsorong')).agreements.find((a) => a.id === 'agr_umsorongpks')!;
    assert.ok(pks.delivered.programs.some((p) => p.id === 'prg_kerjasamatim'));
    const program = await db.selectFrom('programs').select('title').where('id', '=', 'prg_kerjasamatim').executeTakeFirstOrThrow();
    assert.deepEqual(pks.delivered.programs.find((p) => p.id === 'prg_kerjasamatim'), { id: 'prg_kerjasamatim', title: program.title });

    const opening = await db.selectFrom('internship_openings').select(['id', 'title']).where('status', '!=', 'draft').orderBy('id').executeTakeFirstOrThrow();
    const draft = await db.selectFrom('programs').select('id').where('status', '=', 'draft').orderBy('id').executeTakeFirstOrThrow();
    const cancelled = await db.selectFrom('programs').select('id').where('status', '=', 'cancelled').orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('internship_openings').set({ agreement_id: 'agr_uvictorypks' }).where('id', '=', opening.id).execute();
    await db.updateTable('programs').set({ agreement_id: 'agr_uvictorypks' }).where('id', 'in', [draft.id, cancelled.id]).execute();
    const victory = (await get('ptn_uvictory')).agreements.find((a) => a.id === 'agr_uvictorypks')!;
    assert.deepEqual(victory.delivered.openings, [{ id: opening.id, title: opening.title }]);
    const delivered = victory.delivered.programs.map((p) => p.id);
    assert.ok(delivered.includes('prg_komunikasipublik'));
    assert.ok(!delivered.includes(draft.id as never) && !delivered.includes(cancelled.id as never));
  });

  it('admins create a partner and its tree; PATCH at a stale version → 409 naming the current one', async () => {
    const res = await admin('POST', '/v1/partners', { name: 'Universitas Uji Sorong', kind: 'university', city: 'Kabupaten Sorong', website: null });
    assert.equal(res.status, 201, await res.clone().text());
    const partner = z.parse(Partner, await res.json());
    assert.equal(partner.version, 1);
    assert.equal(partner.status, 'expired', 'no agreement runs');
    assert.deepEqual(partner.agreements, []);

    const create = async (body: Record<string, unknown>) => {
      const r = await admin('POST', `/v1/partners/${partner.id}/agreements`, agreementBody(body));
      assert.equal(r.status, 201, await r.clone().text());
      return z.parse(Agreement, await r.json());
    };
    // Created children first in the list's order would hide a sort: the PKS starts before a second MoU.
    const mou = await create({ startsOn: '2026-02-01' });
    const pks = await create({ kind: 'pks', parentId: mou.id, number: '000.5.2/902/PKS/BKPSDM/2026', startsOn: '2026-03-01', endsOn: '2028-12-31' });
    const pp = await create({ kind: 'implementation', parentId: pks.id, number: '000.5.3/903/PP/BKPSDM/2026', startsOn: '2026-04-01', endsOn: '2027-06-30' });
    const earlier = await create({ number: '000.5/900/PKS-MoU/2025', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    assert.deepEqual(pks.delivered, { programs: [], openings: [] });
    assert.equal(mou.version, 1);
    const tree = await get(partner.id);
    assert.deepEqual(tree.agreements.map((a) => a.id), [earlier.id, mou.id, pks.id, pp.id]);

    const renamed = await admin('PATCH', `/v1/partners/${partner.id}`, { name: 'Universitas Uji Coba Sorong', version: 1 });
    assert.equal(renamed.status, 200, await renamed.clone().text());
    const after1 = z.parse(Partner, await renamed.json());
    assert.equal(after1.version, 2);
    assert.equal(after1.name, 'Universitas Uji Coba Sorong');
    assert.equal(after1.city, 'Kabupaten Sorong', 'fields not sent stay');
    const staleP = await expectProblem(await admin('PATCH', `/v1/partners/${partner.id}`, { city: 'Kota Sorong', version: 1 }), 409);
    assert.match(staleP.detail ?? '', /current version is 2/);
    assert.equal((await get(partner.id)).city, 'Kabupaten Sorong', 'a stale PATCH changes nothing');

    const moved = await admin('PATCH', `/v1/agreements/${pp.id}`, { endsOn: '2027-12-31', version: 1 });
    assert.equal(moved.status, 200, await moved.clone().text());
    const ppAfter = z.parse(Agreement, await moved.json());
    assert.equal(ppAfter.version, 2);
    assert.equal(ppAfter.endsOn, '2027-12-31');
    assert.equal(ppAfter.parentId, pks.id);
    const staleA = await expectProblem(await admin('PATCH', `/v1/agreements/${pp.id}`, { title: 'Judul Lain Pengaturan', version: 1 }), 409);
    assert.match(staleA.detail ?? '', /current version is 2/);
    // The merged dates must stay in order too.
    assert.deepEqual(await errorPaths(await admin('PATCH', `/v1/agreements/${pp.id}`, { startsOn: '2028-01-01', version: 2 })), ['startsOn']);
    assert.deepEqual(await errorPaths(await admin('POST', `/v1/partners/${partner.id}/agreements`, agreementBody({ startsOn: '2027-01-01', endsOn: '2026-01-01' }))), ['endsOn']);

    await expectProblem(await admin('PATCH', '/v1/partners/ptn_nosuchpartner', { name: 'Tidak Ada', version: 1 }), 404);
    await expectProblem(await admin('POST', '/v1/partners/ptn_nosuchpartner/agreements', agreementBody()), 404);
    await expectProblem(await admin('PATCH', '/v1/agreements/agr_nosuchagreement', { title: 'Tidak Ada', version: 1 }), 404);
  });

  it('the tree rules: 400 naming parentId (or kind) when a parent does not fit', async () => {
    const partner = z.parse(Partner, await (await admin('POST', '/v1/partners', { name: 'PT Uji Pohon', kind: 'company', city: 'Kota Sorong', website: null })).json());
    const post = (body: Record<string, unknown>) => admin('POST', `/v1/partners/${partner.id}/agreements`, agreementBody(body));
    const mou = z.parse(Agreement, await (await post({})).json());
    const pks = z.parse(Agreement, await (await post({ kind: 'pks', parentId: mou.id })).json());
    const pp = z.parse(Agreement, await (await post({ kind: 'implementation', parentId: pks.id })).json());

    assert.deepEqual(await errorPaths(await post({ kind: 'mou', parentId: mou.id })), ['parentId'], 'an MoU has no parent');
    assert.deepEqual(await errorPaths(await post({ kind: 'pks', parentId: null })), ['parentId'], 'a PKS needs one');
    assert.deepEqual(await errorPaths(await post({ kind: 'pks', parentId: pks.id })), ['parentId'], "a PKS's parent is an MoU");
    assert.deepEqual(await errorPaths(await post({ kind: 'pks', parentId: pp.id })), ['parentId']);
    assert.deepEqual(await errorPaths(await post({ kind: 'implementation', parentId: mou.id })), ['parentId'], "an arrangement's parent is a PKS");
    assert.deepEqual(await errorPaths(await post({ kind: 'implementation', parentId: null })), ['parentId']);
    // Another partner's MoU, or one that does not exist: the same answer.
    assert.deepEqual(await errorPaths(await post({ kind: 'pks', parentId: 'agr_umsorong' })), ['parentId']);
    assert.deepEqual(await errorPaths(await post({ kind: 'pks', parentId: 'agr_nosuchagreement' })), ['parentId']);

    // A PATCH is held to the same rules, and an agreement with children keeps its kind.
    assert.deepEqual(await errorPaths(await admin('PATCH', `/v1/agreements/${pp.id}`, { parentId: mou.id, version: 1 })), ['parentId']);
    assert.deepEqual(await errorPaths(await admin('PATCH', `/v1/agreements/${mou.id}`, { parentId: pks.id, version: 1 })), ['parentId']);
    assert.deepEqual(await errorPaths(await admin('PATCH', `/v1/agreements/${mou.id}`, { kind: 'pks', parentId: 'agr_papuadigital', version: 1 })), ['parentId']);
    const other = z.parse(Agreement, await (await post({ number: '000.5/904/PKS-MoU/2026' })).json());
    assert.deepEqual(await errorPaths(await admin('PATCH', `/v1/agreements/${pks.id}`, { kind: 'mou', parentId: null, version: 1 })), ['kind']);
    // Moving a PKS under another MoU of the same partner is fine.
    const movedRes = await admin('PATCH', `/v1/agreements/${pks.id}`, { parentId: other.id, version: 1 });
    assert.equal(movedRes.status, 200, await movedRes.clone().text());
    assert.equal(z.parse(Agreement, await movedRes.json()).parentId, other.id);
  });

  it('only admins write; every signed-in user reads; no token → 401', async () => {
    const sup = caller(server, (await server.tokenFor('supervisor')).token);
    for (const who of [asn, sup]) {
      await expectProblem(await who('POST', '/v1/partners', { name: 'Universitas Tanpa Izin', kind: 'university', city: 'Kota Sorong', website: null }), 403);
      await expectProblem(await who('PATCH', '/v1/partners/ptn_umsorong', { name: 'Diubah Tanpa Izin', version: 1 }), 403);
      await expectProblem(await who('POST', '/v1/partners/ptn_umsorong/agreements', agreementBody()), 403);
      await expectProblem(await who('PATCH', '/v1/agreements/agr_umsorong', { title: 'Diubah Tanpa Izin', version: 1 }), 403);
      assert.equal((await who('GET', '/v1/partners/ptn_umsorong')).status, 200);
    }
    assert.equal((await get('ptn_umsorong')).version, 1, 'nothing changed');
    await expectProblem(await fetch(`${server.url}/v1/partners`), 401);
    await expectProblem(await asn('GET', '/v1/partners/ptn_nosuchpartner'), 404);
  });
});
