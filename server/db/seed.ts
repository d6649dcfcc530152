// Deterministic sandbox data for Kota Sorong: the same ids, names and NIPs on every run (mulberry32 with a
// fixed seed). Dates are relative to the current WIT year and never in the future.
import type { Insertable } from 'kysely';
import { newId } from '../ids.js';
import { WIT_OFFSET_MS, witYear } from '../time.js';
import type {
  AgreementTable, CheckInTable, Database, EmployeeTable, EnrollmentTable, FeedbackTable, GoalTable, InternshipOpeningTable,
  LearningRecordTable, PartnerTable, ProgramTable, UnitTable,
} from './database.js';

export const SEED = 0x50_52_47; // "SRG"
export const DEFAULT_EMPLOYEES = 60;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface UnitSeed {
  short: string;
  name: string;
  head: string;
  bidang: string[];
  staff: string[];
}

// Perangkat daerah (OPD) of Kota Sorong. The first is the Secretariat, whose head is the Sekda.
const UNITS: UnitSeed[] = [
  { short: 'setda', name: 'Sekretariat Daerah Kota Sorong', head: 'Sekretaris Daerah', bidang: ['Kepala Bagian Organisasi', 'Kepala Bagian Umum', 'Kepala Bagian Hukum'], staff: ['Analis Kebijakan', 'Pengelola Layanan Operasional', 'Analis Hukum'] },
  { short: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', head: 'Kepala BKPSDM', bidang: ['Kepala Bidang Pengembangan Kompetensi', 'Kepala Bidang Mutasi dan Promosi'], staff: ['Analis SDM Aparatur', 'Pranata SDM Aparatur', 'Pengelola Data Kepegawaian'] },
  { short: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', head: 'Kepala Dinas Komunikasi dan Informatika', bidang: ['Kepala Bidang Aplikasi Informatika', 'Kepala Bidang Persandian dan Statistik'], staff: ['Pranata Komputer', 'Pranata Hubungan Masyarakat', 'Statistisi'] },
  { short: 'disdik', name: 'Dinas Pendidikan', head: 'Kepala Dinas Pendidikan', bidang: ['Kepala Bidang Pembinaan SD', 'Kepala Bidang Pembinaan SMP'], staff: ['Pengawas Sekolah', 'Analis Kurikulum', 'Pengelola Data Pendidikan'] },
  { short: 'dinkes', name: 'Dinas Kesehatan', head: 'Kepala Dinas Kesehatan', bidang: ['Kepala Bidang Pelayanan Kesehatan', 'Kepala Bidang Pencegahan Penyakit'], staff: ['Epidemiolog Kesehatan', 'Perawat', 'Penyuluh Kesehatan Masyarakat'] },
  { short: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', head: 'Kepala Bappeda', bidang: ['Kepala Bidang Perencanaan Infrastruktur', 'Kepala Bidang Penelitian dan Pengembangan'], staff: ['Perencana', 'Analis Data Pembangunan', 'Peneliti'] },
  { short: 'pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', head: 'Kepala Dinas PUPR', bidang: ['Kepala Bidang Bina Marga', 'Kepala Bidang Cipta Karya'], staff: ['Teknik Jalan dan Jembatan', 'Penata Ruang', 'Pengawas Konstruksi'] },
  { short: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', bidang: ['Kepala Bidang Pelayanan Pendaftaran Penduduk'], staff: ['Administrator Database Kependudukan', 'Pengelola Layanan Kependudukan'] },
  { short: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', head: 'Kepala DPMPTSP', bidang: ['Kepala Bidang Pelayanan Perizinan'], staff: ['Analis Perizinan', 'Pengelola Layanan Perizinan'] },
  { short: 'dishub', name: 'Dinas Perhubungan', head: 'Kepala Dinas Perhubungan', bidang: ['Kepala Bidang Lalu Lintas'], staff: ['Penguji Kendaraan Bermotor', 'Pengelola Transportasi'] },
  { short: 'dlh', name: 'Dinas Lingkungan Hidup', head: 'Kepala Dinas Lingkungan Hidup', bidang: ['Kepala Bidang Pengelolaan Sampah'], staff: ['Pengendali Dampak Lingkungan', 'Pengawas Lingkungan Hidup'] },
];

const FIRST_MALE = ['Yohanis', 'Markus', 'Yakob', 'Petrus', 'Agus', 'Budi', 'Andi', 'Imanuel', 'Daniel', 'Frans', 'Herman', 'Muhammad', 'Ahmad', 'Rizky', 'Fajar', 'Samuel', 'Yosias', 'Otto', 'Benyamin', 'Hendrik', 'Abdul', 'Stevanus', 'Marthen', 'Dominggus'];
const FIRST_FEMALE = ['Maria', 'Yuliana', 'Ester', 'Debora', 'Siti', 'Dewi', 'Nur', 'Rina', 'Fransina', 'Agustina', 'Naomi', 'Lince', 'Yohana', 'Marice', 'Sri', 'Wulan', 'Ratna', 'Anita', 'Selfina', 'Herlina', 'Magdalena', 'Fatmawati'];
const FAMILY = ['Kambu', 'Rumbiak', 'Mandacan', 'Wanma', 'Ayamiseba', 'Kalami', 'Malibela', 'Osok', 'Fatem', 'Momot', 'Sroyer', 'Kafiar', 'Rumbewas', 'Womsiwor', 'Yoku', 'Wamafma', 'Mambrasar', 'Kareth', 'Siregar', 'Nasution', 'Wibowo', 'Santoso', 'Pratama', 'Lestari', 'Hidayat', 'Saputra', 'Rahmawati', 'Tuasikal', 'Latuconsina', 'Pattiasina', 'Sinaga', 'Manurung', 'Hasibuan', 'Rahayu', 'Setiawan', 'Simanjuntak'];

const LEARNING: Array<{ title: string; competency: LearningRecordTable['competency'] }> = [
  { title: 'Pelatihan Literasi Digital untuk ASN', competency: 'technical' },
  { title: 'Bimbingan Teknis Aplikasi SIPD', competency: 'technical' },
  { title: 'E-learning Keamanan Informasi dan Siber', competency: 'technical' },
  { title: 'Pelatihan Analisis Data dengan Spreadsheet', competency: 'technical' },
  { title: 'Workshop Penyusunan SKP dan Rencana Aksi', competency: 'technical' },
  { title: 'Pelatihan Kepemimpinan Pengawas', competency: 'managerial' },
  { title: 'Seminar Manajemen Kinerja ASN', competency: 'managerial' },
  { title: 'Pelatihan Komunikasi Efektif dalam Pelayanan', competency: 'managerial' },
  { title: 'Kerja Sama Tim dan Kolaborasi Lintas OPD', competency: 'managerial' },
  { title: 'Orientasi Nilai Dasar BerAKHLAK', competency: 'socio-cultural' },
  { title: 'Pelatihan Pelayanan Publik yang Inklusif', competency: 'socio-cultural' },
  { title: 'Seminar Kearifan Lokal dan Adat Papua dalam Pelayanan', competency: 'socio-cultural' },
];

interface GoalSeed {
  title: string;
  kind: GoalTable['kind'];
  competency: GoalTable['competency'];
  unit: string;
  target: number;
}

// Development goals tie to a competency type (PermenPANRB 38/2017); performance goals to the unit's work.
const DEVELOPMENT_GOALS: GoalSeed[] = [
  { title: 'Menyelesaikan 20 JP pengembangan kompetensi teknis', kind: 'development', competency: 'technical', unit: 'JP', target: 20 },
  { title: 'Meraih sertifikasi kompetensi pengelolaan data pemerintahan', kind: 'development', competency: 'technical', unit: 'sertifikat', target: 1 },
  { title: 'Menguasai aplikasi SRIKANDI untuk tata naskah dinas elektronik', kind: 'development', competency: 'technical', unit: 'modul', target: 5 },
  { title: 'Meningkatkan keterampilan komunikasi efektif dalam rapat koordinasi', kind: 'development', competency: 'managerial', unit: 'sesi latihan', target: 6 },
  { title: 'Membimbing staf baru di bidang', kind: 'development', competency: 'managerial', unit: 'orang', target: 3 },
  { title: 'Mengikuti pelatihan kerja sama tim dan kolaborasi lintas OPD', kind: 'development', competency: 'managerial', unit: 'JP', target: 12 },
  { title: 'Menuntaskan e-learning nilai dasar BerAKHLAK', kind: 'development', competency: 'socio-cultural', unit: 'modul', target: 7 },
  { title: 'Memahami kearifan lokal dan adat Papua dalam pelayanan publik', kind: 'development', competency: 'socio-cultural', unit: 'JP', target: 8 },
];

const PERFORMANCE_GOALS: GoalSeed[] = [
  { title: 'Mendigitalkan arsip layanan bidang', kind: 'performance', competency: 'technical', unit: 'berkas', target: 500 },
  { title: 'Menurunkan waktu layanan perizinan', kind: 'performance', competency: 'technical', unit: 'persen', target: 30 },
  { title: 'Menyusun laporan kinerja triwulan tepat waktu', kind: 'performance', competency: 'managerial', unit: 'laporan', target: 4 },
  { title: 'Sosialisasi layanan ke distrik dan kelurahan', kind: 'performance', competency: 'socio-cultural', unit: 'kegiatan', target: 6 },
  { title: 'Melaksanakan survei kepuasan masyarakat atas layanan', kind: 'performance', competency: 'socio-cultural', unit: 'responden', target: 200 },
];

const CHECK_IN_NOTES = [
  'Progres sesuai rencana.',
  'Terkendala jaringan internet di kantor distrik, sudah diatasi.',
  'Selesai satu tahap lagi; lanjut minggu depan.',
  'Dikerjakan bersama rekan satu bidang.',
  'Menunggu verifikasi dari sekretariat.',
];

// Umpan balik berkelanjutan, flavoured with the BerAKHLAK core values (PermenPANRB 6/2022).
const FEEDBACK_MESSAGES: Array<{ kind: FeedbackTable['kind']; rating: FeedbackTable['rating']; message: string }> = [
  { kind: 'appreciation', rating: 'above', message: 'Berorientasi Pelayanan: antrean di loket jauh lebih tertib sejak Anda menyiapkan nomor antrean daring. Terima kasih!' },
  { kind: 'appreciation', rating: 'above', message: 'Akuntabel: laporan kinerja triwulan lengkap dengan bukti dukung dan diserahkan sebelum tenggat. Pertahankan.' },
  { kind: 'appreciation', rating: 'meets', message: 'Kolaboratif: koordinasi dengan Diskominfo untuk data layanan berjalan lancar. Terima kasih atas inisiatifnya.' },
  { kind: 'appreciation', rating: 'meets', message: 'Adaptif: cepat menguasai aplikasi SRIKANDI dan membantu rekan lain memakainya.' },
  { kind: 'appreciation', rating: 'above', message: 'Harmonis: Anda menenangkan warga yang kecewa di loket dengan sabar dan sopan. Contoh yang baik bagi tim.' },
  { kind: 'appreciation', rating: null, message: 'Loyal: terima kasih sudah bersedia lembur saat persiapan kunjungan kerja Wali Kota.' },
  { kind: 'guidance', rating: 'meets', message: 'Kompeten: capaian JP tahun ini masih di bawah 20 JP; silakan ikuti e-learning literasi digital bulan ini.' },
  { kind: 'guidance', rating: 'below', message: 'Akuntabel: beberapa berkas belum diunggah ke sistem. Mohon dilengkapi paling lambat Jumat.' },
  { kind: 'guidance', rating: null, message: 'Kolaboratif: koordinasikan jadwal sosialisasi dengan kepala distrik dan lurah terlebih dahulu.' },
  { kind: 'guidance', rating: 'meets', message: 'Berorientasi Pelayanan: tanggapi pengaduan warga di kanal daring paling lambat 2 x 24 jam.' },
  { kind: 'guidance', rating: 'below', message: 'Kompeten: laporan perlu analisis data, bukan hanya rekap angka. Mari diskusikan formatnya Senin.' },
];

const FEEDBACK_REPLIES = [
  'Baik, terima kasih arahannya.',
  'Siap, akan saya tindak lanjuti minggu ini.',
  'Terima kasih, Bapak/Ibu. Saya sudah mendaftar e-learning-nya.',
  'Siap, jadwal koordinasi sudah saya kirim.',
];

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[Math.floor(next() * items.length)], chance: (p) => next() < p };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO instant at fraction `f` of `[from, to]`, to the minute. */
const between = (from: number, to: number, f: number) => new Date(Math.floor((from + (to - from) * f) / 60000) * 60000).toISOString();

export interface SeedOptions {
  employees?: number;
  /** "Now" for relative dates; defaults to the current time. */
  now?: Date;
}

export interface SeedResult {
  employees: number;
  learningRecords: number;
  goals: number;
  checkIns: number;
  feedback: number;
}

const UNIT_ID = (short: string) => `unit_${short}`;

/** Fills an empty, migrated database. Throws when employees already exist. */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const total = Math.max(options.employees ?? DEFAULT_EMPLOYEES, UNITS.length * 2 + 4);
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const year = witYear(now);
  const yearStart = Date.UTC(year, 0, 1) - WIT_OFFSET_MS;
  const lastYearStart = Date.UTC(year - 1, 0, 1) - WIT_OFFSET_MS;
  const r = rng(SEED);

  const existing = await db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('The database already has employees; seed an empty database');

  // ── Units and employees ─────────────────────────────────────────────────────────────────────────────────
  const units: Insertable<UnitTable>[] = UNITS.map((u) => ({ id: UNIT_ID(u.short), name: u.name, short_name: u.short }));
  const employees: Insertable<EmployeeTable>[] = [];
  const nips = new Set<string>();
  let sequence = 0;

  const person = (level: 'sekda' | 'head' | 'kabid' | 'staff') => {
    const female = r.chance(0.45);
    const name = `${r.pick(female ? FIRST_FEMALE : FIRST_MALE)} ${r.pick(FAMILY)}`;
    const age = level === 'sekda' ? r.int(50, 57) : level === 'head' ? r.int(45, 56) : level === 'kabid' ? r.int(38, 52) : r.int(23, 50);
    const birthYear = year - age;
    const birthMonth = r.int(1, 12);
    const birthDay = r.int(1, 28);
    const startYear = Math.min(year - 1, birthYear + r.int(22, Math.max(22, Math.min(30, age - 1))));
    const startMonth = r.int(1, 12);
    let nip = '';
    do {
      sequence = (sequence % 999) + 1;
      nip = `${birthYear}${pad(birthMonth)}${pad(birthDay)}${startYear}${pad(startMonth)}${female ? 2 : 1}${pad(sequence, 3)}`;
    } while (nips.has(nip));
    nips.add(nip);
    return { name, nip, createdAt: new Date(Date.UTC(startYear, startMonth - 1, 1)).toISOString() };
  };

  const add = (level: 'sekda' | 'head' | 'kabid' | 'staff', unit: UnitSeed, position: string, supervisorId: string | null) => {
    const p = person(level);
    const pppk = level === 'staff' && r.chance(0.25);
    const grade = pppk
      ? r.pick(['V', 'VII', 'IX', 'X'])
      : level === 'sekda'
        ? 'IV/d'
        : level === 'head'
          ? r.pick(['IV/b', 'IV/c'])
          : level === 'kabid'
            ? r.pick(['III/d', 'IV/a'])
            : r.pick(['II/c', 'II/d', 'III/a', 'III/b', 'III/c']);
    const row: Insertable<EmployeeTable> = {
      id: newId('emp', 10, r.next),
      nip: p.nip,
      name: p.name,
      employment_type: pppk ? 'PPPK' : 'PNS',
      position,
      grade,
      unit_id: UNIT_ID(unit.short),
      supervisor_id: supervisorId,
      is_admin: 0,
      created_at: p.createdAt,
    };
    employees.push(row);
    return row;
  };

  const sekda = add('sekda', UNITS[0], 'Sekretaris Daerah Kota Sorong', null);
  const heads = new Map<string, string>([[UNITS[0].short, sekda.id]]);
  for (const unit of UNITS.slice(1)) heads.set(unit.short, add('head', unit, unit.head, sekda.id).id);

  const remaining = total - employees.length;
  const kabidCount = Math.max(UNITS.length, Math.round(remaining / 7));
  const kabids: Array<{ id: string; unit: UnitSeed }> = [];
  for (let i = 0; i < kabidCount; i++) {
    const unit = UNITS[i % UNITS.length];
    const round = Math.floor(i / UNITS.length);
    const base = unit.bidang[round % unit.bidang.length];
    const position = round < unit.bidang.length ? base : `${base} ${Math.floor(round / unit.bidang.length) + 1}`;
    kabids.push({ id: add('kabid', unit, position, heads.get(unit.short)!).id, unit });
  }
  const adminIds: string[] = [];
  for (let i = 0; employees.length < total; i++) {
    const lead = kabids[i % kabids.length];
    const row = add('staff', lead.unit, r.pick(lead.unit.staff), lead.id);
    // The first two BKPSDM staff run the platform (admins); role is derived from this flag.
    if (lead.unit.short === 'bkpsdm' && adminIds.length < 2) {
      row.is_admin = 1;
      row.position = 'Analis SDM Aparatur (Pengelola Platform Pembinaan)';
      adminIds.push(row.id);
    }
  }

  // ── Partners, agreements, programs, openings ────────────────────────────────────────────────────────────
  const partners: Insertable<PartnerTable>[] = [
    { id: 'ptn_umsorong', name: 'Universitas Muhammadiyah Sorong (UM Sorong)', kind: 'university', city: 'Kota Sorong', website: 'https://um-sorong.ac.id' },
    { id: 'ptn_uvictory', name: 'Universitas Victory Sorong', kind: 'university', city: 'Kota Sorong', website: null },
    { id: 'ptn_unimuda', name: 'Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)', kind: 'university', city: 'Kota Sorong', website: 'https://unimudasorong.ac.id' },
    { id: 'ptn_polikpsorong', name: 'Politeknik Kelautan dan Perikanan Sorong', kind: 'university', city: 'Kota Sorong', website: null },
    { id: 'ptn_papuadigital', name: 'PT Papua Digital Nusantara', kind: 'company', city: 'Kota Sorong', website: null },
    { id: 'ptn_rajatekno', name: 'CV Raja Ampat Teknologi', kind: 'company', city: 'Kota Sorong', website: null },
  ];
  const agreements: Insertable<AgreementTable>[] = partners.map((p, i) => ({
    id: `agr_${p.id.slice(4)}`,
    partner_id: p.id,
    number: `800/${pad(101 + i * 7, 3)}/BKPSDM/${year - 1 - (i % 2)}`,
    title:
      p.kind === 'university'
        ? `Nota Kesepahaman Pengembangan SDM Aparatur dan Magang Mahasiswa dengan ${p.name}`
        : `Nota Kesepahaman Transformasi Digital dan Pelatihan Teknologi dengan ${p.name}`,
    scope: JSON.stringify(p.kind === 'university' ? ['magang mahasiswa', 'seminar', 'penelitian bersama'] : ['pelatihan teknis', 'workshop', 'pendampingan aplikasi']),
    starts_on: `${year - 1 - (i % 2)}-${pad(2 + i)}-01`,
    ends_on: `${year + 2 - (i % 2)}-${pad(1 + i)}-28`,
  }));

  const isoAt = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h) - WIT_OFFSET_MS).toISOString();
  const programs: Insertable<ProgramTable>[] = [
    { id: 'prg_literasidigital', title: 'Pelatihan Literasi Digital untuk ASN', type: 'training', competency: 'technical', partner_id: 'ptn_papuadigital', starts_at: isoAt(year, 3, 10, 8), ends_at: isoAt(year, 3, 12, 16), location: 'Aula BKPSDM Kota Sorong', online_url: null, jp: 24, capacity: 40, status: 'completed' },
    { id: 'prg_komunikasi', title: 'Workshop Komunikasi Efektif dan Kerja Sama Tim', type: 'workshop', competency: 'managerial', partner_id: 'ptn_umsorong', starts_at: isoAt(year, 5, 20, 8), ends_at: isoAt(year, 5, 21, 15), location: 'Kampus UM Sorong', online_url: null, jp: 12, capacity: 30, status: 'completed' },
    { id: 'prg_berakhlak', title: 'E-learning Nilai Dasar BerAKHLAK', type: 'e-learning', competency: 'socio-cultural', partner_id: null, starts_at: isoAt(year, 1, 15, 8), ends_at: isoAt(year, 12, 15, 16), location: null, online_url: 'https://asn-unggul.lan.go.id', jp: 6, capacity: 500, status: 'open' },
    { id: 'prg_maritim', title: 'Seminar Ekonomi Maritim dan Perikanan Berkelanjutan', type: 'seminar', competency: 'technical', partner_id: 'ptn_polikpsorong', starts_at: isoAt(year, 11, 18, 9), ends_at: isoAt(year, 11, 18, 15), location: 'Politeknik KP Sorong', online_url: null, jp: 4, capacity: 120, status: 'open' },
    { id: 'prg_datapemerintah', title: 'Pelatihan Analisis Data Pemerintahan', type: 'training', competency: 'technical', partner_id: 'ptn_unimuda', starts_at: isoAt(year, 10, 6, 8), ends_at: isoAt(year, 10, 8, 16), location: 'Laboratorium Komputer UNIMUDA Sorong', online_url: null, jp: 20, capacity: 25, status: 'open' },
  ];

  const openings: Insertable<InternshipOpeningTable>[] = [
    { id: 'int_satudata', title: 'Magang Pengembangan Portal Satu Data Kota Sorong', unit_id: UNIT_ID('diskominfo'), description: 'Mahasiswa bergabung dengan tim aplikasi untuk membangun dasbor data terbuka Kota Sorong bersama pranata komputer Diskominfo.', skills: JSON.stringify(['JavaScript', 'SQL', 'visualisasi data']), quota: 4, accepted: 1, starts_on: `${year}-07-01`, ends_on: `${year}-09-30`, apply_by: `${year}-06-15`, status: 'open', partner_ids: JSON.stringify(['ptn_umsorong', 'ptn_uvictory', 'ptn_unimuda']) },
    { id: 'int_pesisir', title: 'Magang Pemetaan Kawasan Pesisir dan Sampah Laut', unit_id: UNIT_ID('dlh'), description: 'Pendataan titik sampah pesisir dan kualitas air bersama Dinas Lingkungan Hidup, untuk mahasiswa kelautan dan lingkungan.', skills: JSON.stringify(['GIS', 'survei lapangan']), quota: 6, accepted: 0, starts_on: `${year}-08-01`, ends_on: `${year}-10-31`, apply_by: `${year}-07-15`, status: 'open', partner_ids: JSON.stringify(['ptn_polikpsorong', 'ptn_unimuda']) },
    { id: 'int_layanan', title: 'Magang Layanan Kependudukan Digital', unit_id: UNIT_ID('disdukcapil'), description: 'Membantu digitalisasi arsip dan antrean daring layanan kependudukan di Disdukcapil Kota Sorong.', skills: JSON.stringify(['administrasi', 'pelayanan publik']), quota: 3, accepted: 3, starts_on: `${year}-02-01`, ends_on: `${year}-04-30`, apply_by: `${year}-01-20`, status: 'filled', partner_ids: JSON.stringify(['ptn_uvictory', 'ptn_umsorong']) },
  ];

  // ── Learning, goals, feedback (per employee) ────────────────────────────────────────────────────────────
  const learning: Insertable<LearningRecordTable>[] = [];
  const goals: Insertable<GoalTable>[] = [];
  const feedback: Insertable<FeedbackTable>[] = [];
  const enrollments: Insertable<EnrollmentTable>[] = [];
  const thisYearSpan = (f: number) => between(yearStart, nowMs, f);
  const jpSteps = [2, 3, 4, 6, 8, 10, 12];

  for (const e of employees) {
    // Profiles: ~15% nothing yet this year, ~25% past the 20 JP target, the rest on the way.
    const profile = r.next();
    const targetJp = profile < 0.15 ? 0 : profile < 0.4 ? r.int(22, 40) : r.int(3, 18);
    let jp = 0;
    while (jp < targetJp) {
      const item = r.pick(LEARNING);
      const amount = Math.min(r.pick(jpSteps), Math.max(1, targetJp - jp));
      const completedAt = thisYearSpan(r.next());
      learning.push({ id: newId('lrn', 12, r.next), employee_id: e.id!, title: item.title, competency: item.competency, jp: amount, completed_at: completedAt, program_id: null, evidence_url: r.chance(0.3) ? `https://bkpsdm.sorongkota.go.id/sertifikat/${e.id}/${learning.length}` : null, created_at: completedAt });
      jp += amount;
    }
    // Last year too, so `?year=` has something to show.
    for (let i = r.int(0, 2); i > 0; i--) {
      const item = r.pick(LEARNING);
      const completedAt = between(lastYearStart, yearStart - 60000, r.next());
      learning.push({ id: newId('lrn', 12, r.next), employee_id: e.id!, title: item.title, competency: item.competency, jp: r.pick(jpSteps), completed_at: completedAt, program_id: null, evidence_url: null, created_at: completedAt });
    }

    if (r.chance(0.1)) {
      const program = r.pick(programs);
      const createdAt = thisYearSpan(r.next());
      if (!enrollments.some((x) => x.program_id === program.id && x.employee_id === e.id)) {
        enrollments.push({ id: newId('enr', 12, r.next), program_id: program.id!, employee_id: e.id!, status: 'registered', created_at: createdAt, completed_at: null });
      }
    }
  }

  // ── Goals, check-ins and feedback: their own PRNG, so they do not shift the data above ─────────────────
  const c = rng(SEED + 1);
  const checkIns: Insertable<CheckInTable>[] = [];
  const supervisors = new Set(employees.map((e) => e.supervisor_id).filter(Boolean));
  // The sandbox's default ASN (lowest id with a supervisor and no reports, see pickEmployeeForRole) always
  // has goals, check-ins and feedback, one of them unacknowledged, so the demo shows the whole loop.
  const demoAsn = employees
    .filter((e) => e.supervisor_id && !e.is_admin && !supervisors.has(e.id))
    .map((e) => e.id!)
    .sort()[0];
  const goalsCreatedBy = Math.min(nowMs, yearStart + 40 * 86400000);
  const integral = (unit: string) => unit !== 'persen' && unit !== 'JP';

  for (const e of employees) {
    const demo = e.id === demoAsn;
    const own: Array<{ id: string; createdAt: string }> = [];
    if (demo || c.chance(0.8)) {
      const picks = [c.pick(DEVELOPMENT_GOALS)];
      for (let i = demo ? 2 : c.int(0, 2); i > 0; i--) {
        const g = c.pick(PERFORMANCE_GOALS);
        if (!picks.includes(g)) picks.push(g);
      }
      for (const [index, g] of picks.entries()) {
        const roll = c.next();
        const status: GoalTable['status'] =
          demo && index === 0 ? 'active' : roll < 0.6 ? 'active' : roll < 0.8 ? 'achieved' : roll < 0.95 ? 'draft' : 'cancelled';
        const dueMonth = c.int(3, 12);
        const share = status === 'achieved' ? 1 : status === 'draft' ? 0 : c.next() * 0.9;
        const current = status === 'achieved' ? g.target : integral(g.unit) ? Math.floor(g.target * share) : Math.round(g.target * share * 10) / 10;
        const createdAtMs = Date.parse(between(yearStart, goalsCreatedBy, c.next()));
        const createdAt = new Date(createdAtMs).toISOString();
        const id = newId('goal', 12, c.next);
        // Check-ins climb to the current value; each one bumped the goal's version.
        let updatedAt = createdAt;
        let version = 1;
        if (current > 0) {
          const steps = Math.min(c.int(1, 3), integral(g.unit) ? current : 3);
          const fractions = Array.from({ length: steps }, () => c.next() * 0.95).sort((x, y) => x - y);
          for (let i = 1; i <= steps; i++) {
            const value = i === steps ? current : integral(g.unit) ? Math.max(1, Math.floor((current * i) / steps)) : Math.round(((current * i) / steps) * 10) / 10;
            const at = new Date(Date.parse(between(createdAtMs, nowMs, fractions[i - 1])) + i * 1000).toISOString();
            checkIns.push({ id: newId('chk', 12, c.next), goal_id: id, value, note: c.chance(0.6) ? c.pick(CHECK_IN_NOTES) : null, author_id: e.id!, created_at: at });
            updatedAt = at;
            version += 1;
          }
        }
        goals.push({
          id, employee_id: e.id!, title: g.title, kind: g.kind, competency: g.competency, measure_unit: g.unit, measure_target: g.target,
          measure_current: current, status, year, due_date: `${year}-${pad(dueMonth)}-${dueMonth === 2 ? 28 : 30}`, aligned_goal_id: null,
          version, created_at: createdAt, updated_at: updatedAt,
        });
        if (status !== 'draft' && status !== 'cancelled') own.push({ id, createdAt });
      }
    }

    if (e.supervisor_id && (demo || c.chance(0.7))) {
      const count = demo ? 3 : c.int(1, 3);
      for (let i = 0; i < count; i++) {
        const f = c.pick(FEEDBACK_MESSAGES);
        const goal = own.length > 0 && c.chance(0.4) ? c.pick(own) : null;
        const from = goal ? Date.parse(goal.createdAt) : yearStart;
        const createdAtMs = Date.parse(between(from, nowMs, c.next() * 0.98));
        // Demo ASN: the newest one waits for an acknowledgement. Others: a bit over half are acknowledged.
        const acknowledged = demo ? i < count - 1 : c.chance(0.55);
        const ackAt = acknowledged ? new Date(Math.min(nowMs, createdAtMs + c.int(1, 72) * 3600_000)).toISOString() : null;
        feedback.push({
          id: newId('fb', 12, c.next), employee_id: e.id!, author_id: e.supervisor_id, kind: f.kind, rating: f.rating, goal_id: goal?.id ?? null,
          message: f.message, created_at: new Date(createdAtMs).toISOString(), acknowledged_at: ackAt,
          response: acknowledged && c.chance(0.5) ? c.pick(FEEDBACK_REPLIES) : null,
        });
      }
    }
  }

  // A feedback's acknowledgement can never come before it; goals' created_at never after now.
  await db.transaction().execute(async (trx) => {
    const insert = async <T extends keyof import('./database.js').DB>(table: T, rows: Insertable<import('./database.js').DB[T]>[], chunk = 200) => {
      for (let i = 0; i < rows.length; i += chunk) await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
    };
    await insert('units', units);
    // Supervisors are inserted before their reports (the list is built top-down), so the FK holds.
    await insert('employees', employees);
    await insert('partners', partners);
    await insert('agreements', agreements);
    await insert('programs', programs);
    await insert('enrollments', enrollments);
    await insert('internship_openings', openings);
    await insert('learning_records', learning);
    await insert('goals', goals);
    await insert('check_ins', checkIns);
    await insert('feedback', feedback);
  });

  return { employees: employees.length, learningRecords: learning.length, goals: goals.length, checkIns: checkIns.length, feedback: feedback.length };
}
