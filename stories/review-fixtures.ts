/**
 * Review-queue fixtures for the stories AND the component tests of `asn-application-review` (deterministic, no
 * server): applications from Sorong's partner universities to the openings of the sandbox seed, and a stand-in
 * `applications` resource that filters, pages, checks versions and quotas as the API does.
 */
import type {
  ApplicationListQuery, ApplicationTransition, InternshipApplication, InternshipOpening, ServerEvent, Student,
} from '../src/contract/index.js';

export const reviewPartners = [
  { id: 'ptn_umsorong', name: 'Universitas Muhammadiyah Sorong (UM Sorong)' },
  { id: 'ptn_uvictory', name: 'Universitas Victory Sorong' },
  { id: 'ptn_unimuda', name: 'Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)' },
  { id: 'ptn_polikpsorong', name: 'Politeknik Kelautan dan Perikanan Sorong' },
] as const;

type PartnerKey = (typeof reviewPartners)[number]['id'];

const opening = (o: Partial<InternshipOpening> & Pick<InternshipOpening, 'id' | 'title'>): InternshipOpening =>
  ({
    unit: { id: 'unit_kominfo', name: 'Dinas Kominfo Kota Sorong' },
    description: 'Mahasiswa bergabung dengan tim di unit kerja selama tiga bulan, didampingi seorang pembimbing ASN.',
    skills: [],
    quota: 4,
    accepted: 0,
    applications: 0,
    startsOn: '2026-07-01',
    endsOn: '2026-09-30',
    applyBy: '2026-06-15',
    status: 'open',
    partnerIds: ['ptn_umsorong', 'ptn_uvictory', 'ptn_unimuda', 'ptn_polikpsorong'],
    version: 1,
    ...o,
  }) as InternshipOpening;

/** The openings of the sandbox seed: two with seats left, the last full (2 of 2 accepted). */
export const reviewOpenings: InternshipOpening[] = [
  opening({ id: 'int_satudata', title: 'Magang Pengembangan Portal Satu Data Kota Sorong', skills: ['JavaScript', 'SQL', 'visualisasi data'], quota: 4, accepted: 2 }),
  opening({
    id: 'int_pesisir',
    title: 'Magang Pemetaan Kawasan Pesisir dan Sampah Laut',
    unit: { id: 'unit_dlh', name: 'Dinas Lingkungan Hidup Kota Sorong' } as InternshipOpening['unit'],
    skills: ['GIS', 'survei lapangan'],
    quota: 6,
    accepted: 0,
    startsOn: '2026-08-01',
    endsOn: '2026-10-31',
    applyBy: '2026-07-15',
  }),
  opening({
    id: 'int_layanan',
    title: 'Magang Layanan Kependudukan Digital',
    unit: { id: 'unit_disdukcapil', name: 'Disdukcapil Kota Sorong' } as InternshipOpening['unit'],
    skills: ['administrasi', 'pelayanan publik'],
    quota: 2,
    accepted: 2,
    status: 'filled',
  }),
];

const NOTICE_HASH = '3f9a6c1e8b7d45a2c0e19f6b2d8a4c7e5b1f0a9d8c7b6a5f4e3d2c1b0a998877';
const KEY_BY_PARTNER: Record<PartnerKey, string> = {
  ptn_umsorong: 'key_umsorongtest1',
  ptn_uvictory: 'key_uvictorytest1',
  ptn_unimuda: 'key_unimudatest1',
  ptn_polikpsorong: 'key_polikptest1',
};
const ORIGIN_BY_PARTNER: Record<PartnerKey, string> = {
  ptn_umsorong: 'https://pmb.um-sorong.ac.id',
  ptn_uvictory: 'https://siakad.uvictory.ac.id',
  ptn_unimuda: 'https://unimudasorong.ac.id',
  ptn_polikpsorong: 'https://karir.polikpsorong.ac.id',
};

interface Row {
  partner: PartnerKey;
  opening: number;
  student: Student;
  motivation: string;
  status?: InternshipApplication['status'];
  reason?: string;
  day: string;
  version?: number;
}

const row = (
  partner: PartnerKey,
  openingIndex: number,
  name: string,
  nim: string,
  studyProgram: string,
  semester: number,
  phone: string,
  day: string,
  motivation: string,
  extra: Partial<Row> = {},
): Row => ({
  partner,
  opening: openingIndex,
  student: {
    name,
    nim,
    studyProgram,
    semester,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@mhs.example.ac.id`,
    phone,
  },
  motivation,
  day,
  ...extra,
});

const ROWS: Row[] = [
  row('ptn_umsorong', 0, 'Yohana Mambrasar', '142021012', 'Teknik Informatika', 7, '+6281344001201', '2026-05-04T09:12:00+09:00',
    'Saya ingin belajar membangun dasbor data yang dipakai warga.\nDi kampus saya mengerjakan proyek peta fasilitas kesehatan Kota Sorong dengan JavaScript dan PostgreSQL.', { status: 'accepted', version: 3 }),
  row('ptn_uvictory', 0, 'Marthen Kambu', '20211100045', 'Sistem Informasi', 6, '+6282199441003', '2026-05-04T14:40:00+09:00',
    'Portal Satu Data membantu perencanaan daerah. Saya ingin ikut merapikan data terbuka supaya mudah dicari.', { status: 'accepted', version: 3 }),
  row('ptn_unimuda', 1, 'Siti Aisyah Patiran', '1522021034', 'Pendidikan Geografi', 6, '+6285244120987', '2026-05-06T08:05:00+09:00',
    'Saya terbiasa memakai QGIS untuk tugas pemetaan.\n\nSaya ingin membantu pendataan sampah laut di Tanjung Kasuari dan Pantai Dofior.', { status: 'reviewing', version: 2 }),
  row('ptn_polikpsorong', 1, 'Obed Wanma', '21.3.05.047', 'Teknologi Kelautan', 5, '+6281248770032', '2026-05-06T10:30:00+09:00',
    'Sebagai anak nelayan di Doom, saya melihat sampah plastik setiap hari. Saya ingin ikut survei kualitas air dan titik sampah pesisir.', { status: 'reviewing', version: 2 }),
  row('ptn_umsorong', 2, 'Agustina Rumbiak', '142020077', 'Ilmu Pemerintahan', 8, '+6281399402211', '2026-01-08T11:00:00+09:00',
    'Saya pernah membantu pelayanan KTP elektronik di kampung saya dan ingin memahami layanan kependudukan daring.', { status: 'accepted', version: 3 }),
  row('ptn_uvictory', 2, 'Frans Sawaki', '20201100218', 'Administrasi Publik', 8, '+6282248113390', '2026-01-09T09:20:00+09:00',
    'Saya tertarik pada digitalisasi arsip dan antrean daring untuk mempercepat layanan kepada warga.', { status: 'accepted', version: 3 }),
  row('ptn_umsorong', 2, 'Rahmat Hindom', '142021140', 'Ilmu Pemerintahan', 6, '+6285254300127', '2026-01-10T15:45:00+09:00',
    'Saya ingin belajar pelayanan publik langsung dari Disdukcapil dan membantu warga di distrik yang jauh.', { status: 'reviewing', version: 2 }),
  row('ptn_uvictory', 2, 'Lusiana Kalami', '20211100301', 'Administrasi Publik', 6, '+6281247001188', '2026-01-12T08:30:00+09:00',
    'Saya dapat mengetik cepat dan teliti, dan ingin membantu digitalisasi arsip kependudukan.', {
      status: 'rejected',
      reason: 'Kuota lowongan sudah terpenuhi sebelum lamaran ditinjau.',
      version: 3,
    }),
  row('ptn_unimuda', 0, 'Hendrik Mofu', '1522022008', 'Pendidikan Matematika', 4, '+6282197330456', '2026-05-08T19:02:00+09:00',
    'Saya suka statistik dan ingin belajar menyajikan data pendidikan Kota Sorong dalam bentuk grafik yang mudah dibaca.'),
  row('ptn_polikpsorong', 1, 'Yosina Rumaropen', '21.3.05.011', 'Pengolahan Hasil Laut', 5, '+6281344550901', '2026-05-09T07:48:00+09:00',
    'Saya ingin berkontribusi untuk laut Sorong yang bersih.\nSaya sudah ikut dua kali aksi bersih pantai bersama komunitas kampus.'),
  row('ptn_umsorong', 0, 'Muhammad Ilham Arfan', '142022031', 'Teknik Informatika', 4, '+6285244778812', '2026-05-10T13:15:00+09:00',
    'Saya sedang belajar React dan ingin mempraktikkannya pada proyek pemerintah yang dipakai banyak orang.'),
  row('ptn_uvictory', 1, 'Ribka Mandacan', '20221100077', 'Biologi', 4, '+6282238990144', '2026-05-11T10:00:00+09:00',
    'Penelitian skripsi saya tentang mangrove di pesisir Sorong. Magang ini akan memperkaya data lapangan saya.'),
  row('ptn_unimuda', 1, 'Daniel Osok', '1522021120', 'Pendidikan Geografi', 6, '+6281298004415', '2026-05-12T16:20:00+09:00',
    'Saya ingin belajar pemetaan partisipatif bersama warga pesisir dan membagikan hasilnya ke sekolah-sekolah.'),
  row('ptn_polikpsorong', 0, 'Nurhayati Umlati', '21.3.02.064', 'Teknik Informatika Perikanan', 5, '+6285343210765', '2026-05-13T09:05:00+09:00',
    'Saya terbiasa mengolah data hasil tangkapan ikan dengan spreadsheet dan ingin belajar membuat dasbor data terbuka.'),
  row('ptn_umsorong', 1, 'Petrus Fonataba', '142021266', 'Teknik Lingkungan', 6, '+6281247665320', '2026-05-14T11:40:00+09:00',
    'Saya ingin menerapkan ilmu teknik lingkungan untuk memetakan sumber pencemaran di kawasan pesisir kota.'),
  row('ptn_uvictory', 0, 'Elisabeth Krey', '20221100190', 'Sistem Informasi', 4, '+6282199007788', '2026-05-15T08:55:00+09:00',
    'Saya ingin belajar bagaimana data pemerintah dikelola dengan aman dan terbuka.'),
  row('ptn_unimuda', 0, 'Zainal Tuturop', '1522022150', 'Pendidikan Teknologi Informasi', 4, '+6281355441290', '2026-05-16T14:10:00+09:00',
    'Saya ingin membantu membuat portal data yang ramah bagi guru dan siswa di Kota Sorong.'),
  row('ptn_polikpsorong', 1, 'Naomi Yaboisembut', '21.3.05.090', 'Teknologi Kelautan', 5, '+6281248003366', '2026-05-17T10:25:00+09:00',
    'Saya bisa menyelam dan ingin membantu survei sampah di dasar perairan dekat pelabuhan.'),
];

/** An attacker's markup in the name and the motivation: the queue must show it as text, never run it. */
const HOSTILE: Row = row('ptn_uvictory', 0, '<img src=x onerror=alert(1)>', '20221100666', 'Sistem Informasi', 2, '+6281200000666', '2026-05-18T02:13:00+09:00',
  '<img src=x onerror=alert(1)>\n<script>window.__pwned = 1</script> Saya sangat berminat.');

const partnerName = (id: PartnerKey) => reviewPartners.find((p) => p.id === id)!.name;

function toApplication(r: Row, i: number): InternshipApplication {
  const open = reviewOpenings[r.opening];
  const id = `app_rv${String(i + 1).padStart(4, '0')}`;
  return {
    id,
    reference: `MG-2026-${String(120 + i).padStart(6, '0')}`,
    openingId: open.id,
    openingTitle: open.title,
    partnerId: r.partner,
    partnerName: partnerName(r.partner),
    student: r.student,
    motivation: r.motivation,
    consent: {
      noticeVersion: '2026-01',
      noticeHash: NOTICE_HASH,
      purposes: ['selection', 'placement', 'contact'],
      acceptedAt: r.day,
      origin: ORIGIN_BY_PARTNER[r.partner],
      keyId: KEY_BY_PARTNER[r.partner],
      withdrawnAt: null,
    },
    status: r.status ?? 'submitted',
    reason: r.reason ?? null,
    createdAt: r.day,
    updatedAt: r.day,
    erasedAt: null,
    version: r.version ?? 1,
  } as InternshipApplication;
}

/** A withdrawn application: the student used the private link; only the reference, the opening and the fact remain. */
const WITHDRAWN: InternshipApplication = {
  ...toApplication(row('ptn_unimuda', 1, 'x', 'x', 'x', 1, '+628', '2026-05-07T12:00:00+09:00', ''), 18),
  student: null,
  motivation: null,
  consent: null,
  status: 'withdrawn',
  updatedAt: '2026-05-20T08:00:00+09:00',
  erasedAt: '2026-05-20T08:00:00+09:00',
  version: 2,
} as InternshipApplication;

/**
 * Twenty applications, oldest first as the queue orders them: statuses mixed (submitted, under review, accepted,
 * rejected with a reason), one withdrawn and erased (`student: null`), one whose name and motivation are markup.
 */
export const reviewApplications: InternshipApplication[] = [...ROWS.map(toApplication), WITHDRAWN, toApplication(HOSTILE, 19)].sort((a, b) =>
  a.createdAt.localeCompare(b.createdAt),
);

export const hostileApplicationId = 'app_rv0020';
export const withdrawnApplicationId = 'app_rv0019';
/** Under review, to an opening with seats left (`int_pesisir`, 0 of 6): accepting it works. */
export const reviewingApplicationId = 'app_rv0003';
/** Under review, to the full opening (`int_layanan`, 2 of 2): accepting it is past the quota (409). */
export const pastQuotaApplicationId = 'app_rv0007';
/** Waiting for review. */
export const submittedApplicationId = 'app_rv0009';

/** A new application, as it arrives live (`application.created`). */
export function arrivingApplication(n = 1): InternshipApplication {
  return toApplication(
    row('ptn_umsorong', 1, `Yakobus Rumere ${n > 1 ? n : ''}`.trim(), `14202300${String(n).padStart(2, '0')}`, 'Teknik Lingkungan', 2, '+6281344009900', `2026-05-21T0${Math.min(n, 9)}:00:00+09:00`,
      'Saya baru semester dua, tetapi sudah ikut relawan bersih pantai. Saya ingin belajar survei lapangan.'),
    100 + n,
  );
}

/** An error shaped like the SDK's `ConflictError` (409) with the problem's detail (and `code`, when the API sets one). */
export function conflictError(detail: string, code?: string): Error {
  const problem = { type: 'https://pembinaan-asn.dev/problems/conflict', title: 'Conflict', status: 409, detail, ...(code ? { code } : {}) };
  return Object.assign(new Error(detail), { name: 'ConflictError', status: 409, problem });
}

type Later = () => Promise<never>;

/**
 * A stand-in for `client.applications` (and the `internships` list the opening filter reads): filters,
 * `q` over name, NIM, email and reference, cursor pages, and transitions that check the `version` and, when
 * accepting, the opening's quota — 409 otherwise, as the API answers. Every call is logged.
 */
export class ReviewApplicationsFake {
  items: InternshipApplication[];
  openings: InternshipOpening[];
  calls: { method: string; args: unknown[] }[] = [];
  /** Answers every `list` instead (e.g. `never` for the loading state, `failWith(...)` for an error). */
  listAnswer: Later | undefined;
  /** Answers every `transition` instead (e.g. `never` for the busy state). */
  transitionAnswer: Later | undefined;

  constructor(items: InternshipApplication[] = reviewApplications, openings: InternshipOpening[] = reviewOpenings) {
    this.items = structuredClone(items);
    this.openings = structuredClone(openings);
  }

  /** A new application arrives (the caller then emits `application.created`). */
  arrive(application: InternshipApplication = arrivingApplication()): InternshipApplication {
    this.items.push(structuredClone(application));
    return application;
  }

  /** Someone else moved an application on meanwhile: its version goes up, so the page's copy is stale. */
  touch(id: string, patch: Partial<InternshipApplication> = {}): void {
    const a = this.items.find((x) => x.id === id);
    if (a) Object.assign(a, patch, { version: a.version + 1 });
  }

  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  readonly resource = {
    list: (query: ApplicationListQuery = {}, ...rest: unknown[]) => {
      this.calls.push({ method: 'applications.list', args: [query, ...rest] });
      if (this.listAnswer) return this.listAnswer();
      const q = (query.q ?? '').toLocaleLowerCase();
      const all = this.items.filter(
        (a) =>
          (!query.opening || a.openingId === query.opening) &&
          (!query.partner || a.partnerId === query.partner) &&
          (!query.status || a.status === query.status) &&
          (!q || [a.reference, a.student?.name ?? '', a.student?.nim ?? '', a.student?.email ?? ''].some((t) => t.toLocaleLowerCase().includes(q))),
      );
      const from = query.cursor ? Number(query.cursor) : 0;
      const limit = Number(query.limit ?? 25);
      const data = all.slice(from, from + limit);
      return Promise.resolve({ data: structuredClone(data), nextCursor: from + limit < all.length ? String(from + limit) : null });
    },
    get: (id: string, ...rest: unknown[]) => {
      this.calls.push({ method: 'applications.get', args: [id, ...rest] });
      const a = this.items.find((x) => x.id === id);
      return a ? Promise.resolve(structuredClone(a)) : Promise.reject(Object.assign(new Error('Not found'), { name: 'NotFoundError', status: 404 }));
    },
    transition: (id: string, body: ApplicationTransition, ...rest: unknown[]) => {
      this.calls.push({ method: 'applications.transition', args: [id, body, ...rest] });
      if (this.transitionAnswer) return this.transitionAnswer();
      const a = this.items.find((x) => x.id === id);
      if (!a) return Promise.reject(Object.assign(new Error('Not found'), { name: 'NotFoundError', status: 404 }));
      if (a.version !== body.version) {
        return Promise.reject(conflictError(`The application was changed since you read it: you sent version ${body.version}, the current version is ${a.version}. Reload it and decide again.`));
      }
      const allowed = a.status === 'submitted' ? ['reviewing', 'rejected'] : a.status === 'reviewing' ? ['accepted', 'rejected'] : [];
      if (!allowed.includes(body.to)) return Promise.reject(conflictError(`This application is ${a.status}: it cannot move to ${body.to}`));
      const open = this.openings.find((o) => o.id === a.openingId);
      if (body.to === 'accepted' && open) {
        if ((open.accepted ?? 0) >= open.quota) {
          return Promise.reject(conflictError(`The opening's quota of ${open.quota} is reached: no place is left to accept this application`, 'opening.quota_reached'));
        }
        open.accepted = (open.accepted ?? 0) + 1;
      }
      Object.assign(a, { status: body.to, reason: body.reason ?? null, version: a.version + 1, updatedAt: '2026-05-21T10:00:00+09:00' });
      return Promise.resolve(structuredClone(a));
    },
  };

  /** `client.internships`, as far as the queue's opening filter reads it. */
  readonly internships = {
    list: (...args: unknown[]) => {
      this.calls.push({ method: 'internships.list', args });
      return Promise.resolve({ data: structuredClone(this.openings), nextCursor: null });
    },
  };
}

/** What `prepareReviewClient` adds to a stand-in client: the openings list and a live event stream to drive. */
export interface ReviewClientExtras {
  /** Sends a server event to every subscriber of its topic (default `applications`). */
  emit(event: Partial<ServerEvent> & Pick<ServerEvent, 'type'>): void;
  /** Topics subscribed so far, one array per subscription. */
  topics: string[][];
}

/**
 * Gives a stand-in client (a `FakeCoachingClient`, whose `review` this is) what the review queue reads besides
 * `applications`: `internships.list` for the opening filter, and an event stream that can be driven.
 */
export function prepareReviewClient<C extends { review: ReviewApplicationsFake }>(client: C): C & ReviewClientExtras {
  const target = client as unknown as Record<string, unknown> & ReviewClientExtras;
  const handlers = new Set<{ topics: string[]; handler: (event: ServerEvent) => void }>();
  target.internships = { ...(target.internships as object | undefined), list: client.review.internships.list };
  target.topics = [];
  target.events = {
    subscribe: (topics: string[], handler: (event: ServerEvent) => void) => {
      const sub = { topics, handler };
      handlers.add(sub);
      target.topics.push(topics);
      return () => handlers.delete(sub);
    },
  };
  let n = 0;
  target.emit = (event) => {
    const full = { id: `evt_${++n}`, topic: 'applications', occurredAt: '2026-05-21T10:00:00+09:00', ...event } as ServerEvent;
    for (const sub of handlers) if (sub.topics.includes(full.topic)) sub.handler(full);
  };
  return target as unknown as C & ReviewClientExtras;
}
