/**
 * Partner fixtures for the stories AND the component tests of `asn-partner-directory` (deterministic, no server):
 * Sorong's partners with their agreement trees (MoU → PKS → implementation arrangement) and what was delivered
 * under them, and `FakePartners`, the stand-in `partners` resource of `FakeCoachingClient` (stories/fixtures.ts).
 *
 * Statuses are as the server computes them on `directoryNow` (20 Oct 2025, WIT): `expiring` ends within 90 days.
 * People and agreement numbers are made up.
 */
import type { Agreement, Page, Partner } from '../src/contract/index.js';

/** The moment the fixtures' statuses hold (`now` of `<asn-partner-directory>`): the same day as the catalog's. */
export const directoryNow = '2025-10-20T10:00:00+09:00';

const walikota = { name: 'Yohanes Kambuaya, S.H., M.Si.', position: 'Wali Kota Sorong' };
const kepalaBkpsdm = { name: 'Dr. Agustinus Kalami, M.Si.', position: 'Kepala BKPSDM Kota Sorong' };
const kabidKompetensi = { name: 'Naomi Wanma, S.Psi., M.M.', position: 'Kepala Bidang Pengembangan Kompetensi, BKPSDM Kota Sorong' };

export const makeAgreement = (overrides: Partial<Agreement> = {}): Agreement =>
  ({
    id: 'agr_test1',
    kind: 'mou',
    parentId: null,
    number: '119/MOU/PEMKOT-SRG/II/2024',
    title: 'Kerja Sama Pengembangan Sumber Daya Manusia Aparatur',
    scope: ['Pendidikan dan pelatihan ASN'],
    signatories: { partner: { name: 'Dr. Ahmad Rumagia, M.Pd.', position: 'Rektor' }, government: walikota },
    startsOn: '2024-02-12',
    endsOn: '2029-02-11',
    status: 'active',
    delivered: { programs: [], openings: [] },
    version: 1,
    ...overrides,
  }) as Agreement;

export const makePartner = (overrides: Partial<Partner> = {}): Partner =>
  ({
    id: 'ptn_test1',
    name: 'Mitra Uji',
    kind: 'university',
    city: 'Kota Sorong',
    website: null,
    status: 'active',
    agreements: [],
    version: 1,
    ...overrides,
  }) as Partner;

// ── The partners, by name (as `GET /v1/partners` orders them) ──

const bps = makePartner({
  id: 'ptn_bpssorong',
  name: 'Badan Pusat Statistik (BPS) Kota Sorong',
  kind: 'government',
  website: 'https://sorongkota.bps.go.id',
  status: 'expiring',
  agreements: [
    makeAgreement({
      id: 'agr_bpsmou1',
      number: 'B-112/91710/HM.010/I/2023',
      title: 'Penyediaan dan Pemanfaatan Data Statistik untuk Perencanaan Pembangunan Daerah',
      scope: ['Statistik sektoral', 'Satu Data Kota Sorong', 'Peningkatan kapasitas statistik ASN'],
      signatories: { partner: { name: 'Ratna Safitri, S.ST., M.Si.', position: 'Kepala BPS Kota Sorong' }, government: walikota },
      startsOn: '2023-01-16',
      endsOn: '2025-12-31',
      status: 'expiring',
    }),
    makeAgreement({
      id: 'agr_bpspks1',
      kind: 'pks',
      parentId: 'agr_bpsmou1',
      number: '800.1/14/PKS/BKPSDM/III/2024',
      title: 'Pembinaan Statistik Sektoral bagi Pranata Komputer dan Statistisi Perangkat Daerah',
      scope: ['Pelatihan statistik dasar', 'Pendampingan metadata statistik'],
      signatories: { partner: { name: 'Ratna Safitri, S.ST., M.Si.', position: 'Kepala BPS Kota Sorong' }, government: kepalaBkpsdm },
      startsOn: '2024-03-04',
      endsOn: '2025-12-31',
      status: 'expiring',
      delivered: { programs: [{ id: 'prg_statistik1', title: 'Pelatihan Statistik Sektoral untuk Perangkat Daerah' }], openings: [] },
    }),
  ],
});

const polikp = makePartner({
  id: 'ptn_polikpsorong',
  name: 'Politeknik Kelautan dan Perikanan Sorong',
  website: 'https://polikpsorong.ac.id',
  agreements: [
    makeAgreement({
      id: 'agr_polikpmou1',
      number: '231/MOU/PEMKOT-SRG/VI/2024',
      title: 'Kerja Sama Pendidikan Vokasi, Penelitian dan Pemberdayaan Masyarakat Pesisir',
      scope: ['Magang mahasiswa', 'Penelitian terapan kelautan', 'Seminar ekonomi biru'],
      signatories: { partner: { name: 'Dr. Ir. Hendra Wijaya, M.Si.', position: 'Direktur Politeknik KP Sorong' }, government: walikota },
      startsOn: '2024-06-10',
      endsOn: '2029-06-09',
    }),
    makeAgreement({
      id: 'agr_polikppks1',
      kind: 'pks',
      parentId: 'agr_polikpmou1',
      number: '800.1/05/PKS/BKPSDM/III/2025',
      title: 'Magang Mahasiswa Bidang Kelautan dan Lingkungan Pesisir',
      scope: ['Magang mahasiswa', 'Pembimbingan lapangan'],
      signatories: { partner: { name: 'Yulius Sawaki, S.Pi., M.Si.', position: 'Wakil Direktur Bidang Akademik' }, government: kepalaBkpsdm },
      startsOn: '2025-03-03',
      endsOn: '2027-02-26',
      delivered: { programs: [{ id: 'prg_ekonomibiru', title: 'Seminar Ekonomi Biru dan Perikanan Berkelanjutan' }], openings: [] },
    }),
    makeAgreement({
      id: 'agr_polikppp1',
      kind: 'implementation',
      parentId: 'agr_polikppks1',
      number: '800.1/31/PP/BKPSDM/VII/2025',
      title: 'Pelaksanaan Magang Pemetaan Aset dan Kawasan Pesisir 2025',
      scope: ['Pemetaan GIS'],
      signatories: { partner: { name: 'Ester Osok, S.Kel., M.Si.', position: 'Ketua Program Studi Teknik Kelautan' }, government: kabidKompetensi },
      startsOn: '2025-07-14',
      endsOn: '2025-11-28',
      status: 'expiring',
      delivered: { programs: [], openings: [{ id: 'int_aset1', title: 'Pemetaan Aset Daerah dengan GIS' }] },
    }),
  ],
});

const papuaDigital = makePartner({
  id: 'ptn_papuadigital',
  name: 'PT Papua Digital Nusantara',
  kind: 'company',
  website: 'https://www.papuadigital.co.id',
  agreements: [
    makeAgreement({
      id: 'agr_pdnmou1',
      number: '302/MOU/PEMKOT-SRG/IX/2024',
      title: 'Transformasi Digital Layanan Publik Kota Sorong',
      scope: ['Pelatihan teknis', 'Pendampingan aplikasi layanan'],
      signatories: { partner: { name: 'Samuel Kafiar, S.Kom.', position: 'Direktur Utama' }, government: walikota },
      startsOn: '2024-09-02',
      endsOn: '2027-09-01',
    }),
    makeAgreement({
      id: 'agr_pdnpks1',
      kind: 'pks',
      parentId: 'agr_pdnmou1',
      number: '800.1/01/PKS/BKPSDM/I/2025',
      title: 'Pelatihan Layanan Publik Digital untuk ASN',
      scope: ['Pelatihan', 'Seminar'],
      signatories: { partner: { name: 'Samuel Kafiar, S.Kom.', position: 'Direktur Utama' }, government: kepalaBkpsdm },
      startsOn: '2025-01-06',
      endsOn: '2026-12-31',
      delivered: {
        programs: [
          { id: 'prg_digital1', title: 'Pelatihan Layanan Publik Digital' },
          { id: 'prg_seminardigital', title: 'Seminar Transformasi Digital Pemerintahan Daerah' },
        ],
        openings: [],
      },
    }),
    makeAgreement({
      id: 'agr_pdnpp1',
      kind: 'implementation',
      parentId: 'agr_pdnpks1',
      number: '800.1/40/PP/BKPSDM/X/2025',
      title: 'Pendampingan Aplikasi Antrean Daring Disdukcapil',
      scope: ['Pendampingan aplikasi layanan'],
      signatories: { partner: { name: 'Petrus Yoku, S.T.', position: 'Manajer Proyek' }, government: kabidKompetensi },
      startsOn: '2025-11-03',
      endsOn: '2026-04-30',
      status: 'upcoming',
    }),
  ],
});

/** The partner the stories and tests open: an MoU with two PKS, one with an implementation arrangement that ends soon. */
export const umSorong = makePartner({
  id: 'ptn_umsorong',
  name: 'Universitas Muhammadiyah Sorong (UM Sorong)',
  website: 'https://um-sorong.ac.id',
  agreements: [
    makeAgreement({
      id: 'agr_umsmou1',
      number: '119/MOU/PEMKOT-SRG/II/2024',
      title: 'Kerja Sama Pengembangan Sumber Daya Manusia Aparatur dan Tridharma Perguruan Tinggi',
      scope: ['Pendidikan dan pelatihan ASN', 'Penelitian kebijakan publik', 'Magang mahasiswa', 'Pengabdian kepada masyarakat'],
      signatories: { partner: { name: 'Dr. Ahmad Rumagia, M.Pd.', position: 'Rektor UM Sorong' }, government: walikota },
      startsOn: '2024-02-12',
      endsOn: '2029-02-11',
    }),
    makeAgreement({
      id: 'agr_umspks1',
      kind: 'pks',
      parentId: 'agr_umsmou1',
      number: '800.1/07/PKS/BKPSDM/III/2024',
      title: 'Program Magang Mahasiswa di Lingkungan Pemerintah Kota Sorong',
      scope: ['Magang mahasiswa', 'Konversi SKS'],
      signatories: { partner: { name: 'Siti Nurhaliza Kadir, M.Pd.', position: 'Wakil Rektor I' }, government: kepalaBkpsdm },
      startsOn: '2024-03-01',
      endsOn: '2026-02-27',
      delivered: { programs: [], openings: [{ id: 'int_dukcapil1', title: 'Aplikasi Antrean Layanan Kependudukan' }] },
    }),
    makeAgreement({
      id: 'agr_umspp1',
      kind: 'implementation',
      parentId: 'agr_umspks1',
      number: '800.1/23/PP/BKPSDM/VIII/2025',
      title: 'Magang Semester Ganjil 2025/2026',
      scope: ['Magang mahasiswa'],
      signatories: { partner: { name: 'Maria Pattiasina, M.Kom.', position: 'Kepala Biro Kerja Sama' }, government: kabidKompetensi },
      startsOn: '2025-08-18',
      endsOn: '2025-12-31',
      status: 'expiring',
      delivered: { programs: [], openings: [{ id: 'int_bkpsdm1', title: 'Analisis Data Kepegawaian ASN Kota Sorong' }] },
    }),
    makeAgreement({
      id: 'agr_umspks2',
      kind: 'pks',
      parentId: 'agr_umsmou1',
      number: '800.1/18/PKS/BKPSDM/V/2025',
      title: 'Pelatihan Komunikasi Publik dan Kerja Sama Tim bagi ASN',
      scope: ['Workshop', 'Narasumber'],
      signatories: { partner: { name: 'Siti Nurhaliza Kadir, M.Pd.', position: 'Wakil Rektor I' }, government: kepalaBkpsdm },
      startsOn: '2025-05-05',
      endsOn: '2026-05-04',
      delivered: { programs: [{ id: 'prg_komunikasi1', title: 'Workshop Komunikasi Publik dan Kerja Sama Tim' }], openings: [] },
    }),
  ],
});

const unimuda = makePartner({
  id: 'ptn_unimuda',
  name: 'Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)',
  website: 'https://unimudasorong.ac.id',
  status: 'upcoming',
  agreements: [
    makeAgreement({
      id: 'agr_unimudamou0',
      number: '045/MOU/PEMKOT-SRG/III/2020',
      title: 'Kerja Sama Peningkatan Mutu Pendidikan dan Pelayanan Publik',
      scope: ['Seminar', 'Penelitian bersama'],
      signatories: { partner: { name: 'Dr. Rustamadji Syam, M.Pd.', position: 'Rektor UNIMUDA Sorong' }, government: walikota },
      startsOn: '2020-03-09',
      endsOn: '2025-03-08',
      status: 'expired',
    }),
    makeAgreement({
      id: 'agr_unimudapks0',
      kind: 'pks',
      parentId: 'agr_unimudamou0',
      number: '800/12/PKS/BKPSDM/VII/2023',
      title: 'Seminar Pelayanan Publik Inklusif',
      scope: ['Seminar'],
      signatories: { partner: { name: 'Herman Fatem, M.Pd.', position: 'Dekan FKIP' }, government: kepalaBkpsdm },
      startsOn: '2023-07-03',
      endsOn: '2024-12-31',
      status: 'expired',
      delivered: { programs: [{ id: 'prg_pelayananinklusif', title: 'Seminar Pelayanan Publik Inklusif dan Kearifan Lokal Papua' }], openings: [] },
    }),
    makeAgreement({
      id: 'agr_unimudamou1',
      number: '388/MOU/PEMKOT-SRG/XI/2025',
      title: 'Kerja Sama Pengembangan Kompetensi ASN dan Magang Mahasiswa 2025–2030',
      scope: ['Magang mahasiswa', 'Pelatihan analisis data'],
      signatories: { partner: { name: 'Dr. Rustamadji Syam, M.Pd.', position: 'Rektor UNIMUDA Sorong' }, government: walikota },
      startsOn: '2025-11-17',
      endsOn: '2030-11-16',
      status: 'upcoming',
    }),
  ],
});

const victory = makePartner({
  id: 'ptn_uvictory',
  name: 'Universitas Victory Sorong',
  agreements: [
    makeAgreement({
      id: 'agr_uvsmou1',
      number: '207/MOU/PEMKOT-SRG/VIII/2023',
      title: 'Kerja Sama Pengembangan Kepemimpinan dan Komunikasi Aparatur',
      scope: ['Pelatihan kepemimpinan', 'Komunikasi publik'],
      signatories: { partner: { name: 'Dr. Yosias Mandacan, M.Th.', position: 'Rektor Universitas Victory Sorong' }, government: walikota },
      startsOn: '2023-08-01',
      endsOn: '2028-07-31',
    }),
    makeAgreement({
      id: 'agr_uvspks1',
      kind: 'pks',
      parentId: 'agr_uvsmou1',
      number: '800.1/02/PKS/BKPSDM/I/2024',
      title: 'Pelatihan Kepemimpinan Digital dan Komunikasi Publik bagi Pengawas',
      scope: ['Pelatihan', 'Narasumber'],
      signatories: { partner: { name: 'Lidya Rumbiak, M.I.Kom.', position: 'Dekan Fakultas Ilmu Sosial dan Politik' }, government: kepalaBkpsdm },
      startsOn: '2024-01-15',
      endsOn: '2026-01-14',
      status: 'expiring',
      delivered: {
        programs: [
          { id: 'prg_kepemimpinandigital', title: 'Pelatihan Kepemimpinan Digital bagi Pengawas' },
          { id: 'prg_komunikasipublik', title: 'Pelatihan Komunikasi Publik dan Media Sosial Instansi' },
        ],
        openings: [],
      },
    }),
  ],
});

const conservation = makePartner({
  id: 'ptn_pesisirlestari',
  name: 'Yayasan Pesisir Lestari Papua',
  kind: 'ngo',
  website: 'https://pesisirlestari.or.id',
  status: 'expired',
  agreements: [
    makeAgreement({
      id: 'agr_yplmou1',
      number: '077/MOU/PEMKOT-SRG/IV/2021',
      title: 'Konservasi Pesisir dan Pengelolaan Sampah Laut Berbasis Masyarakat',
      scope: ['Pendidikan lingkungan', 'Pengelolaan sampah pesisir', 'Rehabilitasi mangrove'],
      signatories: { partner: { name: 'Debora Sroyer, S.Hut.', position: 'Ketua Yayasan' }, government: walikota },
      startsOn: '2021-04-22',
      endsOn: '2024-04-21',
      status: 'expired',
    }),
    makeAgreement({
      id: 'agr_yplpks1',
      kind: 'pks',
      parentId: 'agr_yplmou1',
      number: '660/09/PKS/DLH/VI/2021',
      title: 'Lokakarya Pengelolaan Sampah Pesisir bagi ASN dan Kelurahan Pesisir',
      scope: ['Lokakarya'],
      signatories: { partner: { name: 'Debora Sroyer, S.Hut.', position: 'Ketua Yayasan' }, government: { name: 'Ir. Samuel Osok, M.T.', position: 'Kepala Dinas Lingkungan Hidup Kota Sorong' } },
      startsOn: '2021-06-01',
      endsOn: '2023-12-29',
      status: 'expired',
      delivered: { programs: [{ id: 'prg_sampahpesisir', title: 'Lokakarya Pengelolaan Sampah Pesisir Berbasis Masyarakat' }], openings: [] },
    }),
  ],
});

/** Every partner of the directory, by name: every kind, and every status (active, expiring, expired, upcoming). */
export const directoryPartners: Partner[] = [bps, polikp, papuaDigital, umSorong, unimuda, victory, conservation];

/** Text an attacker typed into a partner and its agreement: it must render as text, and the `javascript:` site not as a link. */
export const hostilePartner: Partner = makePartner({
  id: 'ptn_hostile1',
  name: '<img src=x onerror="window.__pwned=1">Mitra <b>palsu</b>',
  city: '<script>window.__pwned=1</script>',
  website: 'javascript:window.__pwned=1',
  agreements: [
    makeAgreement({
      id: 'agr_hostile1',
      number: '<i>1</i>/MOU',
      title: '<img src=x onerror="window.__pwned=1">Judul',
      scope: ['<b>lingkup</b>'],
      signatories: {
        partner: { name: '<svg onload="window.__pwned=1">', position: '<u>Rektor</u>' },
        government: { name: 'Yohanes <script>x</script>', position: 'Wali Kota' },
      },
      delivered: { programs: [{ id: 'prg_hostile1', title: '<img src=x onerror="window.__pwned=1">Program' }], openings: [{ id: 'int_hostile1', title: '<a href="javascript:1">Magang</a>' }] },
    }),
  ],
});

// ── The stand-in `partners` resource ──

type Reply<T> = T | Error | (() => Promise<T>);

function reply<T>(a: Reply<T>): Promise<T> {
  if (typeof a === 'function') return (a as () => Promise<T>)();
  if (a instanceof Error) return Promise.reject(a);
  return Promise.resolve(structuredClone(a));
}

interface ListQuery {
  kind?: string;
  status?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/**
 * `client.partners` of `FakeCoachingClient`: `list` answers from `partners` filtered and paged the way the server
 * does (kind, status, `q` over name, city, agreement numbers and titles; `cursor` an offset), or from `listAnswer`
 * when set (an error, `never` for the loading state). Every call is logged in `calls`.
 */
export class FakePartners {
  partners: Partner[] = directoryPartners;
  listAnswer: Reply<Page<Partner>> | undefined;
  /** Partners per page whatever `limit` asks (to show "Muat lebih banyak" with few partners). */
  pageSize: number | undefined;
  calls: { method: string; args: unknown[] }[] = [];

  /** The calls made to one method, e.g. `callsOf('list')`. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === `partners.${method}`).map((c) => c.args);
  }

  list = (...args: unknown[]): Promise<Page<Partner>> => {
    this.calls.push({ method: 'partners.list', args });
    if (this.listAnswer !== undefined) return reply(this.listAnswer);
    const query = (args[0] ?? {}) as ListQuery;
    const q = query.q?.toLocaleLowerCase();
    const found = this.partners.filter(
      (p) =>
        (!query.kind || p.kind === query.kind) &&
        (!query.status || p.status === query.status) &&
        (!q || [p.name, p.city, ...p.agreements.flatMap((a) => [a.number, a.title])].some((t) => t.toLocaleLowerCase().includes(q))),
    );
    const from = query.cursor ? Number(query.cursor.replace(/^o/, '')) : 0;
    const size = this.pageSize ?? query.limit ?? 20;
    const data = found.slice(from, from + size);
    return reply({ data, nextCursor: from + size < found.length ? `o${from + size}` : null });
  };

  get = (...args: unknown[]): Promise<Partner> => {
    this.calls.push({ method: 'partners.get', args });
    const found = this.partners.find((p) => p.id === args[0]);
    return reply<Partner>(found ?? Object.assign(new Error('Not found'), { name: 'NotFoundError', status: 404 }));
  };
}
