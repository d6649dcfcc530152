/**
 * Internship fixtures for the stories AND the component tests of `asn-internship-openings` and
 * `asn-internship-form` (deterministic, no server): openings of December 2026 – 2027, the privacy notice in both
 * languages, a challenge the real solver cracks in a few milliseconds, a receipt, and `FakeInternships`, the
 * stand-in for the SDK's `internships` resource that `FakeCoachingClient` carries.
 */
import type {
  ApplicationPrivateView, ApplicationReceipt, Challenge, InternshipOpening, PrivacyNotice,
} from '../src/contract/index.js';

export const makeOpening = (overrides: Partial<InternshipOpening> = {}): InternshipOpening =>
  ({
    id: 'int_dukcapil1',
    title: 'Aplikasi Antrean Layanan Kependudukan',
    unit: { id: 'unit_disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    description:
      'Membangun aplikasi antrean daring untuk layanan KTP-el dan akta kelahiran bersama tim TI Disdukcapil, dari wawancara warga sampai uji coba di loket.',
    skills: ['TypeScript', 'Desain antarmuka', 'Basis data'],
    quota: 4,
    startsOn: '2027-02-01',
    endsOn: '2027-05-31',
    applyBy: '2027-01-15',
    status: 'open',
    ...overrides,
  }) as InternshipOpening;

/** The open openings a university's students see through its publishable key (public fields only). */
export const storyOpenings: InternshipOpening[] = [
  makeOpening(),
  makeOpening({
    id: 'int_bkpsdm1',
    title: 'Analisis Data Kepegawaian ASN Kota Sorong',
    unit: { id: 'unit_bkpsdm', name: 'BKPSDM Kota Sorong' },
    description: 'Merapikan dan memvisualkan data pelatihan ASN (20 JP per tahun) untuk laporan pimpinan.',
    skills: ['Python', 'Statistik', 'Visualisasi data'],
    quota: 2,
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
    applyBy: '2027-02-10',
  }),
  makeOpening({
    id: 'int_aset1',
    title: 'Pemetaan Aset Daerah dengan GIS',
    unit: { id: 'unit_bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah' },
    description: 'Memetakan tanah dan bangunan milik daerah dengan QGIS dan survei lapangan di enam distrik.',
    skills: ['QGIS', 'Survei lapangan'],
    quota: 3,
    startsOn: '2027-02-15',
    endsOn: '2027-04-30',
    applyBy: '2027-01-31',
  }),
];

/** Quota reached: the form says so instead of asking for an application. */
export const filledOpening = makeOpening({ id: 'int_penuh1', title: 'Dokumentasi Arsip Digital', status: 'filled' });

/** Markup an attacker typed into an opening renders as text. */
export const hostileOpening = makeOpening({
  id: 'int_hostile1',
  title: '<img src=x onerror="window.__pwned=1"> Magang <b>tebal</b>',
  description: '<script>window.__pwned=1</script> Deskripsi dengan <a href="javascript:alert(1)">tautan</a>.',
  skills: ['<img src=x onerror="window.__pwned=1">'],
});

export const noticeId: PrivacyNotice = {
  id: 'internship-application',
  version: '2026-11',
  hash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  locale: 'id',
  title: 'Pemberitahuan Privasi: Lamaran Magang di Pemerintah Kota Sorong',
  controller: {
    name: 'BKPSDM Kota Sorong',
    address: 'Jl. Jenderal Sudirman No. 1, Kota Sorong, Papua Barat Daya',
    email: 'privasi.bkpsdm@sorongkota.go.id',
    phone: '(0951) 321 000',
  },
  sections: [
    { heading: 'Untuk apa data Anda dipakai', paragraphs: ['Untuk menyeleksi lamaran, menempatkan Anda di unit kerja bila diterima, dan menghubungi Anda tentang lamaran ini. Tidak untuk keperluan lain.'] },
    { heading: 'Data yang kami kumpulkan', paragraphs: ['Nama, NIM, program studi, semester, email, nomor HP dan motivasi yang Anda tulis, serta kampus asal Anda.'] },
    { heading: 'Berapa lama disimpan', paragraphs: ['Sampai 12 bulan setelah lowongan ditutup. Setelah itu data pribadi Anda dihapus otomatis.'] },
    { heading: 'Siapa yang dapat melihatnya', paragraphs: ['Petugas BKPSDM yang menyeleksi lamaran dan pimpinan unit kerja yang membuka lowongan. Data tidak dijual dan tidak dibagikan ke pihak lain.'] },
    { heading: 'Hak Anda', paragraphs: ['Anda berhak melihat data Anda, memperbaikinya, meminta penghapusan, dan menarik persetujuan kapan saja (UU 27/2022).'] },
    { heading: 'Cara menggunakan hak Anda', paragraphs: ['Lewat tautan pribadi yang tampil setelah Anda melamar, atau email ke privasi.bkpsdm@sorongkota.go.id dengan menyebut nomor referensi.'] },
  ],
  purposes: ['selection', 'placement', 'contact'],
  retentionMonths: 12,
  publishedAt: '2026-11-01T08:00:00+09:00',
};

export const noticeEn: PrivacyNotice = {
  ...noticeId,
  locale: 'en',
  title: 'Privacy notice: internship applications to the City of Sorong',
  sections: [
    { heading: 'What your data is used for', paragraphs: ['To select applications, place you in a unit if you are accepted, and contact you about this application. For nothing else.'] },
    { heading: 'The data we collect', paragraphs: ['Your name, student number (NIM), study program, semester, email, mobile number, the motivation you write, and your university.'] },
    { heading: 'How long it is kept', paragraphs: ['Until 12 months after the opening closes. Your personal data is then erased automatically.'] },
    { heading: 'Who can see it', paragraphs: ['BKPSDM staff who select applications and the head of the unit that opened the position. It is never sold or shared.'] },
    { heading: 'Your rights', paragraphs: ['You may see your data, correct it, ask for it to be erased and withdraw your consent at any time (Law 27/2022).'] },
    { heading: 'How to use them', paragraphs: ['Through the private link shown after you apply, or by email to privasi.bkpsdm@sorongkota.go.id quoting your reference.'] },
  ],
};

/** A notice whose text holds markup: it must show literally. */
export const hostileNotice: PrivacyNotice = {
  ...noticeId,
  title: 'Pemberitahuan <img src=x onerror="window.__pwned=1">',
  sections: [{ heading: '<b>Tujuan</b>', paragraphs: ['<img src=x onerror="window.__pwned=1"> untuk seleksi.'] }],
};

/** A fresh, valid challenge: SHA-256, one round, a one-hex-digit prefix (about 16 tries), ten minutes to live. */
export const makeChallenge = (overrides: Partial<Challenge['parameters']> = {}): Challenge => ({
  parameters: {
    algorithm: 'SHA-256',
    nonce: '0123456789abcdef0123456789abcdef',
    salt: 'fedcba9876543210fedcba9876543210',
    cost: 1,
    keyLength: 32,
    keyPrefix: '0',
    expiresAt: Math.floor(Date.now() / 1000) + 600,
    ...overrides,
  },
  signature: 'f'.repeat(64),
});

export const storyReceipt: ApplicationReceipt = {
  id: 'app_demo1',
  reference: 'MG-2026-000123',
  openingId: 'int_dukcapil1',
  status: 'submitted',
  createdAt: '2026-12-02T10:15:00+09:00',
  privateUrl: 'https://asn.sorongkota.go.id/lamaran/q8V3kR0xWm2LtY7bN4sJd9HfPz6cA1uE5gKoTiXlMnB',
};

export const storyPrivateView: ApplicationPrivateView = {
  reference: storyReceipt.reference,
  openingTitle: storyOpenings[0].title,
  partnerName: 'Universitas Muhammadiyah Sorong',
  status: 'submitted',
  student: {
    name: 'Yohana Kambu',
    nim: 'UMS-2022-0101',
    studyProgram: 'Teknik Informatika',
    semester: 5,
    email: 'yohana.kambu@example.ac.id',
    phone: '+6281234567890',
  },
  createdAt: storyReceipt.createdAt,
  erasedAt: null,
  notice: { version: noticeId.version, hash: noticeId.hash },
};

/** An answer: a value (cloned), an error to reject with, or a function (e.g. a promise that never settles). */
export type Reply<T> = T | Error | ((...args: unknown[]) => Promise<T>);

function reply<T>(a: Reply<T> | undefined, args: unknown[]): Promise<T> {
  if (a === undefined) return Promise.reject(new Error('FakeInternships: no answer set'));
  if (typeof a === 'function') return (a as (...args: unknown[]) => Promise<T>)(...args);
  if (a instanceof Error) return Promise.reject(a);
  return Promise.resolve(structuredClone(a));
}

/** An error shaped like an SDK `ApiError` carrying a problem (field errors by path, a `code` member). */
export function problemError(
  status: number,
  problem: { detail?: string; code?: string; errors?: Array<{ path: string; code: string; message: string }> } = {},
  extra: Record<string, unknown> = {},
): Error {
  const errors = problem.errors ?? [];
  const name = status === 409 ? 'ConflictError' : status === 429 ? 'RateLimitError' : status === 404 ? 'NotFoundError' : 'ApiError';
  return Object.assign(new Error(problem.detail ?? `HTTP ${status}`), {
    name,
    status,
    problem: { type: 'about:blank', title: 'Problem', status, requestId: 'req_test', ...problem },
    fieldErrors: Object.fromEntries(errors.map((e) => [e.path, e.message])),
    ...extra,
  });
}

/**
 * A hand-driven `internships` resource: each method answers from its field (set per story or test) and logs the
 * call. `get` answers the opening of that id from `openings` unless `getAnswer` is set; `privacyNotice` the
 * notice of the asked locale unless `noticeAnswer` is set.
 */
export class FakeInternships {
  openings: InternshipOpening[] = [...storyOpenings, filledOpening, hostileOpening];
  listAnswer: Reply<InternshipOpening[]> = storyOpenings;
  getAnswer: Reply<InternshipOpening> | undefined;
  noticeAnswer: Reply<PrivacyNotice> | undefined;
  challengeAnswer: Reply<Challenge> = () => Promise.resolve(makeChallenge());
  applyAnswer: Reply<ApplicationReceipt> = (openingId) => Promise.resolve({ ...storyReceipt, openingId: openingId as ApplicationReceipt['openingId'] });
  privateLinkAnswer: Reply<ApplicationPrivateView> = storyPrivateView;
  calls: { method: string; args: unknown[] }[] = [];

  private log<T>(method: string, args: unknown[], a: Reply<T> | undefined): Promise<T> {
    this.calls.push({ method, args });
    return reply(a, args);
  }

  /** The calls made to one method, e.g. `callsOf('apply')`. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === `internships.${method}`).map((c) => c.args);
  }

  list = (...args: unknown[]) => this.log('internships.list', args, this.listAnswer).then((data) => ({ data, nextCursor: null }));
  get = (...args: unknown[]) => {
    const found = this.openings.find((o) => o.id === args[0]);
    const fallback = found ?? Object.assign(new Error('Not found'), { name: 'NotFoundError', status: 404 });
    return this.log('internships.get', args, this.getAnswer ?? fallback);
  };
  privacyNotice = (...args: unknown[]) => this.log('internships.privacyNotice', args, this.noticeAnswer ?? (args[0] === 'en' ? noticeEn : noticeId));
  challenge = (...args: unknown[]) => this.log('internships.challenge', args, this.challengeAnswer);
  apply = (...args: unknown[]) => this.log('internships.apply', args, this.applyAnswer);
  privateLink = {
    get: (...args: unknown[]) => this.log('internships.privateLink.get', args, this.privateLinkAnswer),
    update: (...args: unknown[]) => this.log('internships.privateLink.update', args, this.privateLinkAnswer),
    withdraw: (...args: unknown[]) =>
      this.log('internships.privateLink.withdraw', args, { ...storyPrivateView, status: 'withdrawn' as const, student: null, erasedAt: '2026-12-02T11:00:00+09:00' }),
  };
}
