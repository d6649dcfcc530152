// Deterministic sandbox data for Kota Sorong: the same ids, names and NIPs on every run (mulberry32 with a
// fixed seed). Dates are relative to the current WIT year and never in the future, except the coming programs'
// sessions and enrolment windows (relative to today).
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { newCertificateNumber, newId } from '../ids.js';
import { hashKey, sandboxKeyFor, sandboxKeyId } from '../keys.js';
import { WIT_OFFSET_MS, witToday, witYear } from '../time.js';
import type {
  AgreementTable, ApplicationCounterTable, AttendanceTable, CheckInTable, Database, DB, DeliveredUnderColumn, EmployeeTable, EnrollmentTable, FeedbackTable, GoalTable,
  InternshipApplicationTable, InternshipOpeningTable, LearningRecordTable, PartnerTable, ProgramSessionTable, ProgramTable, RecommendationTable, UnitTable,
} from './database.js';
import { dialectOf } from './database.js';
import { sessionJp } from './programs.js';
import { NOTICE_PUBLISHED_AT, NOTICE_PURPOSES, NOTICE_VERSION, noticeHashFor } from '../privacy-notice.js';
import { keptUntil } from '../retention.js';

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

// ── The training catalog (issue #7) ────────────────────────────────────────────────────────────────────────
// Dates are relative to "now" so every run has programs behind and ahead: a past program starts a share
// (`ago`) of the year so far back (at least 90 days' worth), a coming one `ahead` days on; sessions fall on
// working days, `day` working days after the first, at WIT times.

interface SessionSeed {
  day: number;
  from: string;
  to: string;
  location?: string;
  online?: string;
}

interface ProgramSeed {
  id: string;
  title: string;
  description: string;
  type: ProgramTable['type'];
  competency: ProgramTable['competency'];
  mode: ProgramTable['mode'];
  partner: string | null;
  when: { ago: number } | { ahead: number };
  sessions: SessionSeed[];
  status: ProgramTable['status'];
  /** Seats; `full` = exactly the registered, `seatsLeft` = registered plus that many. */
  capacity: number | 'full' | { seatsLeft: number };
  /** A JP an admin set by hand (the others are computed from the sessions). */
  jp?: { jp: number; reason: string };
  /** Run by a BKPSDM staff member (not an admin). */
  organised?: boolean;
  /** Enrolments: registered (open, closed), completed + incomplete (completed), waitlisted, cancelled. */
  enrol: { registered?: number; completed?: number; incomplete?: number; waitlisted?: number; cancelled?: number };
}

const AULA_BKPSDM = 'Aula BKPSDM Kota Sorong';
const AULA_WALIKOTA = 'Aula Kantor Wali Kota Sorong';
const RUANG_DISKOMINFO = 'Ruang Rapat Diskominfo Kota Sorong';
const AUDITORIUM_UMS = 'Gedung Auditorium UM Sorong';
const VICON = 'https://vicon.sorongkota.go.id';

/** Fixed-date days off (month-day) no program meets on: New Year, Independence Day, Christmas and its leave days. */
const HOLIDAYS = new Set(['01-01', '08-17', '12-24', '12-25', '12-26', '12-31']);

const PROGRAMS: ProgramSeed[] = [
  {
    id: 'prg_layanandigital', title: 'Pelatihan Layanan Publik Digital untuk ASN', type: 'training', competency: 'technical', mode: 'classroom', partner: 'ptn_papuadigital',
    description: 'Merancang dan menjalankan layanan publik berbasis digital: alur layanan daring, formulir elektronik, antrean online, dan pengukuran kepuasan masyarakat. Setiap peserta membawa satu layanan dari OPD-nya untuk didigitalkan bersama fasilitator PT Papua Digital Nusantara.',
    when: { ago: 0.8 }, sessions: [0, 1, 2].map((day) => ({ day, from: '08:00', to: '15:30', location: AULA_BKPSDM })),
    status: 'completed', capacity: 30, enrol: { completed: 12, incomplete: 2 },
  },
  {
    id: 'prg_kerjasamatim', title: 'Workshop Kerja Sama Tim dan Kolaborasi Lintas OPD', type: 'workshop', competency: 'managerial', mode: 'classroom', partner: 'ptn_umsorong',
    description: 'Praktik membangun tim yang solid dan kolaborasi antar-OPD: pembagian peran, rapat koordinasi yang efektif, penyelesaian konflik, dan studi kasus program terpadu Kota Sorong. Difasilitasi dosen psikologi UM Sorong.',
    when: { ago: 0.45 }, sessions: [0, 1].map((day) => ({ day, from: '08:30', to: '15:00', location: AUDITORIUM_UMS })),
    status: 'completed', capacity: 25, enrol: { completed: 10, incomplete: 1 },
  },
  {
    id: 'prg_kebersihansiber', title: 'E-learning Kebersihan Siber untuk ASN', type: 'e-learning', competency: 'technical', mode: 'online', partner: 'ptn_rajatekno',
    description: 'Kebersihan siber sehari-hari: kata sandi dan verifikasi dua langkah, mengenali phishing dan penipuan lewat WhatsApp, pembaruan perangkat, serta menjaga data pribadi warga. Kelas daring bersama CV Raja Ampat Teknologi, diakhiri kuis singkat.',
    when: { ago: 0.15 }, sessions: [0, 5].map((day) => ({ day, from: '09:00', to: '12:00', online: 'https://elearning.sorongkota.go.id/kelas/kebersihan-siber' })),
    status: 'completed', capacity: 40, enrol: { completed: 14, incomplete: 2, cancelled: 1 },
  },
  {
    id: 'prg_pelayananprima', title: 'Pelatihan Pelayanan Prima di Unit Layanan', type: 'training', competency: 'socio-cultural', mode: 'classroom', partner: null,
    description: 'Standar pelayanan prima bagi petugas loket dan front office: sikap melayani, komunikasi dengan warga, penanganan keluhan, serta layanan bagi penyandang disabilitas dan lansia. Praktik langsung di Mal Pelayanan Publik Kota Sorong.',
    when: { ahead: 3 }, sessions: [0, 1].map((day) => ({ day, from: '08:00', to: '15:00', location: 'Mal Pelayanan Publik Kota Sorong' })),
    status: 'closed', capacity: 25, organised: true, enrol: { registered: 18 },
  },
  {
    id: 'prg_ekonomibiru', title: 'Seminar Ekonomi Biru dan Perikanan Berkelanjutan', type: 'seminar', competency: 'technical', mode: 'classroom', partner: 'ptn_polikpsorong',
    description: 'Peluang ekonomi biru bagi Kota Sorong: tata kelola perikanan, pengolahan hasil laut, dan perlindungan kawasan pesisir. Dibatalkan karena narasumber utama berhalangan; jadwal baru akan diumumkan.',
    when: { ahead: 24 }, sessions: [{ day: 0, from: '09:00', to: '12:00', location: 'Aula Politeknik Kelautan dan Perikanan Sorong' }],
    status: 'cancelled', capacity: 120, enrol: { cancelled: 5 },
  },
  {
    id: 'prg_kepemimpinandigital', title: 'Pelatihan Kepemimpinan Digital bagi Pengawas', type: 'training', competency: 'managerial', mode: 'blended', partner: 'ptn_uvictory',
    description: 'Untuk pejabat pengawas: memimpin tim di era digital, mengambil keputusan berbasis data, dan mengelola perubahan layanan. Materi dan narasumber masih disusun.',
    when: { ahead: 70 },
    sessions: [
      { day: 0, from: '08:00', to: '15:00', location: 'Aula Universitas Victory Sorong' },
      { day: 5, from: '09:00', to: '12:00', online: `${VICON}/kepemimpinan-digital` },
      { day: 10, from: '08:00', to: '12:00', location: 'Aula Universitas Victory Sorong' },
    ],
    status: 'draft', capacity: 30, organised: true, enrol: {},
  },
  {
    id: 'prg_analisisdata', title: 'Pelatihan Analisis Data dengan Spreadsheet', type: 'training', competency: 'technical', mode: 'classroom', partner: 'ptn_unimuda',
    description: 'Mengolah data layanan dengan spreadsheet: merapikan data, rumus dan fungsi penting, tabel pivot, grafik, dan dasbor sederhana untuk laporan kinerja. Kursi terbatas sesuai jumlah komputer laboratorium.',
    when: { ahead: 8 }, sessions: [0, 1, 2].map((day) => ({ day, from: '08:00', to: '12:00', location: 'Laboratorium Komputer UNIMUDA Sorong' })),
    status: 'open', capacity: 'full', enrol: { registered: 15, waitlisted: 3 },
  },
  {
    id: 'prg_srikandi', title: 'Bimbingan Teknis Aplikasi SRIKANDI', type: 'training', competency: 'technical', mode: 'blended', partner: null,
    description: 'Tata naskah dinas elektronik dengan SRIKANDI: membuat, memaraf, dan menandatangani naskah dinas secara elektronik, disposisi, serta pengarsipan. Sesi pertama praktik tatap muka, sesi kedua tanya jawab daring.',
    when: { ahead: 13 },
    sessions: [
      { day: 0, from: '08:00', to: '12:00', location: RUANG_DISKOMINFO },
      { day: 1, from: '09:00', to: '11:00', online: `${VICON}/srikandi` },
    ],
    status: 'open', capacity: { seatsLeft: 3 }, enrol: { registered: 17 },
  },
  {
    id: 'prg_berakhlak', title: 'E-learning Nilai Dasar BerAKHLAK', type: 'e-learning', competency: 'socio-cultural', mode: 'online', partner: null,
    description: 'Tujuh nilai dasar ASN BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif) dalam pekerjaan sehari-hari. Empat pertemuan daring mingguan dengan studi kasus pelayanan di Kota Sorong.',
    when: { ahead: 6 }, sessions: [0, 5, 10, 15].map((day) => ({ day, from: '09:00', to: '11:00', online: 'https://asn-unggul.lan.go.id' })),
    status: 'open', capacity: 200, enrol: { registered: 9 },
  },
  {
    id: 'prg_komunikasipublik', title: 'Pelatihan Komunikasi Publik dan Media Sosial Instansi', type: 'training', competency: 'managerial', mode: 'blended', partner: 'ptn_uvictory',
    description: 'Menyampaikan informasi pemerintah dengan jelas dan tepercaya: menulis siaran pers, mengelola akun media sosial instansi, menjawab pertanyaan warga, dan menangkal hoaks. Bersama Universitas Victory Sorong.',
    when: { ahead: 20 },
    sessions: [
      { day: 0, from: '08:00', to: '15:00', location: AULA_WALIKOTA, online: `${VICON}/komunikasi-publik` },
      { day: 1, from: '09:00', to: '12:00', online: `${VICON}/komunikasi-publik` },
    ],
    status: 'open', capacity: 35, enrol: { registered: 6 },
  },
  {
    id: 'prg_seminardigital', title: 'Seminar Transformasi Digital Pemerintahan Daerah', type: 'seminar', competency: 'technical', mode: 'classroom', partner: 'ptn_papuadigital',
    description: 'Arah Sistem Pemerintahan Berbasis Elektronik (SPBE) di Kota Sorong: satu data, layanan terpadu, dan keamanan informasi. Narasumber dari PT Papua Digital Nusantara dan Diskominfo Kota Sorong.',
    when: { ahead: 16 }, sessions: [{ day: 0, from: '09:00', to: '12:30', location: AULA_WALIKOTA }],
    jp: { jp: 2, reason: 'Seminar tanpa evaluasi akhir diakui 2 JP sesuai pedoman pengembangan kompetensi BKPSDM Kota Sorong.' },
    status: 'open', capacity: 100, enrol: { registered: 12 },
  },
  {
    id: 'prg_keamananaplikasi', title: 'Workshop Keamanan Aplikasi Layanan dan Data Pribadi', type: 'workshop', competency: 'technical', mode: 'classroom', partner: 'ptn_rajatekno',
    description: 'Untuk pengelola aplikasi OPD: pengamanan akun admin, cadangan data, perlindungan data pribadi sesuai UU PDP, dan langkah pertama ketika terjadi insiden siber.',
    when: { ahead: 30 }, sessions: [0, 1].map((day) => ({ day, from: '08:00', to: '16:00', location: RUANG_DISKOMINFO })),
    status: 'open', capacity: 20, enrol: { registered: 4 },
  },
  {
    id: 'prg_pelayananinklusif', title: 'Seminar Pelayanan Publik Inklusif dan Kearifan Lokal Papua', type: 'seminar', competency: 'socio-cultural', mode: 'online', partner: 'ptn_unimuda',
    description: 'Melayani semua warga dengan hormat: bahasa yang mudah dipahami, layanan ramah disabilitas, dan menghargai adat serta budaya Papua dalam pelayanan publik. Seminar daring bersama UNIMUDA Sorong.',
    when: { ahead: 35 }, sessions: [{ day: 0, from: '09:00', to: '12:00', online: `${VICON}/pelayanan-inklusif` }],
    status: 'open', capacity: 150, enrol: { registered: 3 },
  },
  {
    id: 'prg_inovasilayanan', title: 'Workshop Penyusunan Rencana Aksi Inovasi Pelayanan', type: 'workshop', competency: 'managerial', mode: 'classroom', partner: 'ptn_umsorong',
    description: 'Dari masalah layanan menjadi rencana aksi inovasi: memetakan keluhan warga, merancang solusi, menyusun indikator, dan menyiapkan proposal inovasi OPD untuk tahun berikutnya.',
    when: { ahead: 45 }, sessions: [0, 1].map((day) => ({ day, from: '08:00', to: '15:00', location: AUDITORIUM_UMS })),
    status: 'open', capacity: 25, enrol: {},
  },
];

/** What the demo ASN finds: a completed program with a certificate, a coming one, and a recommendation. */
const DEMO = { completed: 'prg_kerjasamatim', registered: 'prg_srikandi', recommended: 'prg_berakhlak' };

const RECOMMENDATION_NOTES = [
  'Sesuai kebutuhan pengembangan kompetensi Anda tahun ini.',
  'Membantu mengejar target 20 JP sebelum akhir tahun.',
  'Materinya langsung terpakai untuk tugas di bidang kita.',
  null,
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

  // ── Partners, agreements, openings ───────────────────────────────────────────────────────────────────
  const partners: Insertable<PartnerTable>[] = [
    { id: 'ptn_umsorong', name: 'Universitas Muhammadiyah Sorong (UM Sorong)', kind: 'university', city: 'Kota Sorong', website: 'https://um-sorong.ac.id', version: 1 },
    { id: 'ptn_uvictory', name: 'Universitas Victory Sorong', kind: 'university', city: 'Kota Sorong', website: null, version: 1 },
    { id: 'ptn_unimuda', name: 'Universitas Pendidikan Muhammadiyah Sorong (UNIMUDA Sorong)', kind: 'university', city: 'Kota Sorong', website: 'https://unimudasorong.ac.id', version: 1 },
    { id: 'ptn_polikpsorong', name: 'Politeknik Kelautan dan Perikanan Sorong', kind: 'university', city: 'Kota Sorong', website: null, version: 1 },
    { id: 'ptn_papuadigital', name: 'PT Papua Digital Nusantara', kind: 'company', city: 'Kota Sorong', website: null, version: 1 },
    { id: 'ptn_rajatekno', name: 'CV Raja Ampat Teknologi', kind: 'company', city: 'Kota Sorong', website: null, version: 1 },
    { id: 'ptn_bpssorong', name: 'Badan Pusat Statistik Kota Sorong', kind: 'government', city: 'Kota Sorong', website: null, version: 1 },
    { id: 'ptn_konservasipesisir', name: 'Yayasan Konservasi Pesisir Papua Barat Daya', kind: 'ngo', city: 'Kota Sorong', website: null, version: 1 },
  ];
  const agreements = seedAgreements(year, now);
  /** Programs delivered under an agreement (drafts and cancelled programs are not: nothing was delivered). */
  const programAgreements: Record<string, string> = {
    prg_kerjasamatim: 'agr_umsorongpks',
    prg_inovasilayanan: 'agr_umsorongpp',
    prg_komunikasipublik: 'agr_uvictorypks',
    prg_analisisdata: 'agr_unimudapks',
    prg_layanandigital: 'agr_papuadigitalpks',
    prg_seminardigital: 'agr_papuadigitalpp',
    prg_kebersihansiber: 'agr_rajateknopks',
    prg_keamananaplikasi: 'agr_rajateknopks',
  };

  // Openings and applications relative to today (seedInternships, below): open, filled, closed, draft, and one past
  // retention whose applications are already erased.
  const internships = seedInternships(now);

  // ── Learning, goals, feedback (per employee) ────────────────────────────────────────────────────────────
  const learning: Insertable<LearningRecordTable>[] = [];
  const goals: Insertable<GoalTable>[] = [];
  const feedback: Insertable<FeedbackTable>[] = [];
  /** Employees with no learning this year: they stay at 0 JP (no completed program either). */
  const noJpYet = new Set<string>();
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

    if (targetJp === 0) noJpYet.add(e.id!);
    // Release 1 drew a sample enrolment here (14 draws); the draws stay so every later employee's records do too.
    if (r.chance(0.1)) for (let i = 0; i < 14; i++) r.next();
  }

  // ── Programs, enrolments, attendance, certificates, recommendations: after the loop, on the same PRNG ───
  const supervisors = new Set(employees.map((e) => e.supervisor_id).filter(Boolean));
  // The sandbox's default ASN (lowest id with a supervisor and no reports, see pickEmployeeForRole) always
  // has goals, check-ins and feedback, one of them unacknowledged, so the demo shows the whole loop; and a
  // completed program with a certificate, a coming one and a recommendation from their supervisor.
  const demoAsn = employees
    .filter((e) => e.supervisor_id && !e.is_admin && !supervisors.has(e.id))
    .map((e) => e.id!)
    .sort()[0];
  const catalog = seedCatalog({ r, now, employees, demoAsn, noJpYet });
  learning.push(...catalog.records);

  // ── Goals, check-ins and feedback: their own PRNG, so they do not shift the data above ─────────────────
  const c = rng(SEED + 1);
  const checkIns: Insertable<CheckInTable>[] = [];
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
  // Multi-row INSERTs: 200 rows on SQLite (as ever); on PostgreSQL as many as keep under 30,000 bound parameters
  // (its limit is 65,535), since each statement is a round trip.
  const postgres = dialectOf(db) === 'postgres';
  await db.transaction().execute(async (trx) => {
    const insert = async <T extends keyof import('./database.js').DB>(table: T, rows: Insertable<import('./database.js').DB[T]>[]) => {
      const chunk = postgres && rows.length > 0 ? Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length)) : 200;
      for (let i = 0; i < rows.length; i += chunk) await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
    };
    await insert('units', units);
    // Supervisors are inserted before their reports (the list is built top-down), so the FK holds.
    await insert('employees', employees);
    await insert('partners', partners);
    await insert('agreements', agreements);
    await insert('programs', catalog.programs.map((p) => ({ ...p, agreement_id: programAgreements[p.id!] ?? null })));
    await insert('program_sessions', catalog.sessions);
    await insert('enrollments', catalog.enrollments);
    await insert('attendance', catalog.attendance);
    await insert('recommendations', catalog.recommendations);
    await insert('internship_openings', internships.openings);
    await insert('internship_applications', internships.applications);
    await insert('application_counters', internships.counters);
    await insert('learning_records', learning);
    await insert('goals', goals);
    await insert('check_ins', checkIns);
    await insert('feedback', feedback);
  });

  return { employees: employees.length, learningRecords: learning.length, goals: goals.length, checkIns: checkIns.length, feedback: feedback.length };
}

interface CatalogInput {
  r: Rng;
  now: Date;
  employees: readonly Insertable<EmployeeTable>[];
  demoAsn: string | undefined;
  /** Left out of completed programs, so they stay at 0 JP. */
  noJpYet: ReadonlySet<string>;
}

/**
 * The catalog with everything behind it, consistent the way the routes keep it: `seats_taken` = the enrolments
 * holding a seat (registered; a completed program keeps its completed + incomplete, a cancelled one has none,
 * docs/architecture.md "Programs"), `waitlist_seq` = tickets handed out, a completed enrolment has attendance at every session, a
 * certificate and exactly one learning record (dated at the program's end, so never in the future); an
 * incomplete one missed a session.
 */
function seedCatalog({ r, now, employees, demoAsn, noJpYet }: CatalogInput) {
  const DAY = 86_400_000;
  const nowMs = now.getTime();
  const [ty, tm, td] = witToday(now).split('-').map(Number);
  const yearSoFar = Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(ty, 0, 1)) / DAY);
  const pastSpan = Math.max(90, yearSoFar - 10);
  const offDay = (offset: number) => {
    const day = new Date(Date.UTC(ty, tm - 1, td + offset));
    return day.getUTCDay() === 0 || day.getUTCDay() === 6 || HOLIDAYS.has(day.toISOString().slice(5, 10));
  };
  const workday = (offset: number) => {
    let d = offset;
    while (offDay(d)) d++;
    return d;
  };
  const addWorkdays = (offset: number, n: number) => {
    let d = offset;
    for (let i = 0; i < n; i++) d = workday(d + 1);
    return d;
  };
  /** `HH:MM` WIT on the day `offset` days from today (WIT). */
  const at = (offset: number, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(ty, tm - 1, td + offset, h, m) - WIT_OFFSET_MS).toISOString();
  };
  const sample = (pool: readonly string[], n: number) => {
    const left = [...pool];
    const out: string[] = [];
    while (out.length < n && left.length > 0) out.push(left.splice(r.int(0, left.length - 1), 1)[0]);
    return out;
  };

  // A BKPSDM staff member (not an admin, not the demo ASN) runs two programs: lowest id, so always the same one.
  const bkpsdmStaff = new Set(UNITS.find((u) => u.short === 'bkpsdm')!.staff);
  const bkpsdm = employees.filter((e) => e.unit_id === UNIT_ID('bkpsdm') && !e.is_admin && e.id !== demoAsn);
  const organiser = (bkpsdm.filter((e) => bkpsdmStaff.has(e.position)).map((e) => e.id!).sort()[0] ?? bkpsdm.map((e) => e.id!).sort()[0]) || null;
  // The demo ASN's programs are chosen, never drawn.
  const everyone = employees.map((e) => e.id!).filter((id) => id !== demoAsn);

  const programs: Insertable<ProgramTable>[] = [];
  const sessions: Insertable<ProgramSessionTable>[] = [];
  const enrollments: Insertable<EnrollmentTable>[] = [];
  const attendance: Insertable<AttendanceTable>[] = [];
  const records: Insertable<LearningRecordTable>[] = [];

  for (const p of PROGRAMS) {
    const past = 'ago' in p.when;
    const first = workday('ago' in p.when ? -Math.round(pastSpan * p.when.ago) : p.when.ahead);
    const own = p.sessions.map((s, i) => {
      const day = addWorkdays(first, s.day);
      return { program_id: p.id, n: i + 1, starts_at: at(day, s.from), ends_at: at(day, s.to), location: s.location ?? null, online_url: s.online ?? null };
    });
    sessions.push(...own);
    const startsAt = own[0].starts_at;
    const endsAt = own.at(-1)!.ends_at;
    const [enrollFrom, enrollUntil] =
      past || p.status === 'draft'
        ? [at(first - 30, '08:00'), at(first - 2, '16:00')]
        : p.status === 'closed'
          ? [at(-30, '08:00'), at(-1, '16:00')]
          : [at(-14, '08:00'), at(first - 2, '16:00')];
    const createdAt = new Date(Math.min(Date.parse(enrollFrom) - 7 * DAY, nowMs - DAY)).toISOString();
    // Completed at the end of its last session; cancelled three days ago.
    const updatedAt = p.status === 'completed' ? endsAt : p.status === 'cancelled' ? new Date(nowMs - 3 * DAY).toISOString() : createdAt;

    const jp = p.jp?.jp ?? sessionJp(own.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at })));

    // Enrolment times inside the window (a cancelled program's before its cancellation), oldest first, so the
    // registered came before the waitlisted.
    const windowEnd = Math.min(p.status === 'cancelled' ? Date.parse(updatedAt) : Date.parse(enrollUntil), nowMs);
    const pool = (past ? everyone.filter((id) => !noJpYet.has(id)) : everyone).filter((id) => !(p.organised && id === organiser));
    const { registered = 0, completed = 0, incomplete = 0, waitlisted = 0, cancelled = 0 } = p.enrol;
    // The demo ASN counts as one of the registered (or completed) of their two programs.
    const demoIn = demoAsn && (p.id === DEMO.completed || p.id === DEMO.registered) ? [demoAsn] : [];
    const people = [...demoIn, ...sample(pool, registered + completed + incomplete + waitlisted + cancelled - demoIn.length)];
    const when = people.map(() => between(Date.parse(enrollFrom), windowEnd, r.next())).sort();
    const row = (employeeId: string, i: number, status: EnrollmentTable['status']): Insertable<EnrollmentTable> => ({
      id: newId('enr', 12, r.next), program_id: p.id, employee_id: employeeId, status, waitlist_ticket: null, certificate_number: null,
      created_at: when[i], updated_at: when[i], cancelled_at: null, completed_at: null,
    });
    let seatsTaken = 0;
    let tickets = 0;
    people.forEach((employeeId, i) => {
      if (p.status === 'completed' && i < completed) {
        const e = { ...row(employeeId, i, 'completed'), certificate_number: newCertificateNumber(witYear(endsAt), r.next), updated_at: endsAt, completed_at: endsAt };
        enrollments.push(e);
        for (const s of own) attendance.push({ program_id: p.id, session_n: s.n, employee_id: employeeId });
        records.push({
          id: newId('lrn', 12, r.next), employee_id: employeeId, title: p.title, competency: p.competency, jp, completed_at: endsAt,
          program_id: p.id, evidence_url: null, created_at: endsAt, enrollment_id: e.id,
        });
        seatsTaken += 1;
      } else if (p.status === 'completed' && i < completed + incomplete) {
        enrollments.push({ ...row(employeeId, i, 'incomplete'), updated_at: endsAt });
        seatsTaken += 1;
        const missed = r.int(1, own.length);
        for (const s of own) if (s.n !== missed) attendance.push({ program_id: p.id, session_n: s.n, employee_id: employeeId });
      } else if (p.status === 'completed') {
        const cancelledAt = between(Date.parse(when[i]), Date.parse(enrollUntil), r.next());
        enrollments.push({ ...row(employeeId, i, 'cancelled'), updated_at: cancelledAt, cancelled_at: cancelledAt });
      } else if (p.status === 'cancelled') {
        enrollments.push({ ...row(employeeId, i, 'cancelled'), updated_at: updatedAt, cancelled_at: updatedAt });
      } else if (i < registered) {
        enrollments.push(row(employeeId, i, 'registered'));
        seatsTaken += 1;
      } else {
        tickets += 1;
        enrollments.push({ ...row(employeeId, i, 'waitlisted'), waitlist_ticket: tickets });
      }
    });

    programs.push({
      id: p.id, title: p.title, description: p.description, type: p.type, competency: p.competency, mode: p.mode, partner_id: p.partner,
      starts_at: startsAt, ends_at: endsAt, location: own[0].location, online_url: own[0].online_url, jp, jp_reason: p.jp?.reason ?? null,
      capacity: p.capacity === 'full' ? Math.max(1, seatsTaken) : typeof p.capacity === 'number' ? Math.max(p.capacity, seatsTaken) : seatsTaken + p.capacity.seatsLeft,
      enroll_from: enrollFrom, enroll_until: enrollUntil, cancel_until: enrollUntil, attendance_threshold: null,
      organizer_id: p.organised ? organiser : null, seats_taken: seatsTaken, waitlist_seq: tickets, status: p.status,
      version: p.status === 'completed' || p.status === 'cancelled' ? 2 : 1, created_at: createdAt, updated_at: updatedAt,
    });
  }

  // Recommendations: the demo ASN's supervisor, and a few more supervisors to a report, for open programs.
  const recommendations: Insertable<RecommendationTable>[] = [];
  const open = programs.filter((p) => p.status === 'open').map((p) => p.id);
  const byId = new Map(employees.map((e) => [e.id!, e]));
  const recommend = (employeeId: string, programId: string, note: string | null) => {
    const author = byId.get(employeeId)?.supervisor_id;
    if (!author || recommendations.some((x) => x.employee_id === employeeId && x.program_id === programId)) return;
    if (enrollments.some((x) => x.employee_id === employeeId && x.program_id === programId)) return;
    recommendations.push({ id: newId('rec', 12, r.next), employee_id: employeeId, program_id: programId, author_id: author, note, created_at: between(nowMs - 20 * DAY, nowMs - DAY, r.next()) });
  };
  if (demoAsn) recommend(demoAsn, DEMO.recommended, 'Materinya sesuai untuk target pengembangan kompetensi Anda tahun ini.');
  const reports = everyone.filter((id) => byId.get(id)?.supervisor_id);
  for (let i = 0; i < 6 && reports.length > 0; i++) recommend(r.pick(reports), r.pick(open), r.pick(RECOMMENDATION_NOTES));

  return { programs, sessions, enrollments, attendance, recommendations, records };
}

// ── Partners' agreements and sandbox keys ──────────────────────────────────────────────────────────────────────

interface AgreementSeed {
  /** `agr_<partner>` for the MoU, `…pks` for the PKS under it, `…pp` for an implementation arrangement (pengaturan pelaksanaan). */
  id: string;
  partnerId: string;
  kind: AgreementTable['kind'];
  parent: string | null;
  number: string;
  title: string;
  scope: string[];
  partner: { name: string; position: string };
  government: { name: string; position: string };
  startsOn: string;
  endsOn: string;
}

// Fictional signatories. The Wali Kota signs MoUs, the Sekda or a Kepala OPD the PKS, a Kepala OPD the arrangements.
const WALI_KOTA = { name: 'Drs. Yohanis Mandacan, M.Si.', position: 'Wali Kota Sorong' };
const SEKDA = { name: 'Dr. Markus Kalami, S.STP., M.Si.', position: 'Sekretaris Daerah Kota Sorong' };
const KEPALA_BKPSDM = { name: 'Agustina Rumbiak, S.Sos., M.AP.', position: 'Kepala BKPSDM Kota Sorong' };
const KEPALA_DISKOMINFO = { name: 'Ir. Petrus Womsiwor, M.T.', position: 'Kepala Dinas Komunikasi dan Informatika Kota Sorong' };
const KEPALA_DLH = { name: 'Selfina Osok, S.Hut., M.Si.', position: 'Kepala Dinas Lingkungan Hidup Kota Sorong' };

/**
 * One tree per partner (MoU → PKS → implementation arrangement). Dates are relative to the seed's year, and where the
 * status depends on it, to its day, so that every seeded day shows each status: mostly active, UM Sorong's
 * arrangement and the Politeknik's MoU expiring (ending within 90 days), UNIMUDA's first MoU and BPS's agreements
 * expired, and the Yayasan's MoU upcoming (signed, it starts next year).
 */
function seedAgreements(year: number, now: Date): Insertable<AgreementTable>[] {
  const today = witToday(now);
  const day = (offset: number) => {
    const [y, m, d] = today.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
  };
  const mou = (n: number, y: number) => `000.5/${pad(n, 3)}/PKS-MoU/${y}`;
  const pks = (n: number, y: number) => `000.5.2/${pad(n, 3)}/PKS/BKPSDM/${y}`;
  const pp = (n: number, y: number) => `000.5.3/${pad(n, 3)}/PP/BKPSDM/${y}`;
  const yearOf = (date: string) => Number(date.slice(0, 4));
  const seeds: AgreementSeed[] = [];
  type Draft = Omit<AgreementSeed, 'number' | 'partnerId'> & { number: (n: number, y: number) => string; n: number };
  const tree = (partnerId: string, drafts: Draft[]) =>
    seeds.push(...drafts.map(({ n, ...a }) => ({ ...a, partnerId, number: a.number(n, yearOf(a.startsOn)) })));

  // UM Sorong: active MoU and PKS; this semester's internship arrangement ends within 90 days.
  const ums = { name: 'Dr. H. Muhammad Ali Hidayat, M.M.', position: 'Rektor Universitas Muhammadiyah Sorong' };
  tree('ptn_umsorong', [
    { id: 'agr_umsorong', kind: 'mou', parent: null, number: mou, n: 101, title: 'Nota Kesepahaman Pengembangan SDM Aparatur, Magang Mahasiswa dan Penelitian Bersama', scope: ['magang mahasiswa', 'seminar', 'penelitian bersama'], partner: ums, government: WALI_KOTA, startsOn: `${year - 2}-03-01`, endsOn: `${year + 3}-02-28` },
    { id: 'agr_umsorongpks', kind: 'pks', parent: 'agr_umsorong', number: pks, n: 117, title: 'Perjanjian Kerja Sama Program Magang Mahasiswa di Perangkat Daerah Kota Sorong', scope: ['magang mahasiswa', 'pembimbingan lapangan', 'workshop'], partner: { name: 'Dr. Rina Tuasikal, M.Pd.', position: 'Wakil Rektor I UM Sorong' }, government: SEKDA, startsOn: `${year - 1}-08-01`, endsOn: `${year + 2}-07-31` },
    { id: 'agr_umsorongpp', kind: 'implementation', parent: 'agr_umsorongpks', number: pp, n: 233, title: 'Pengaturan Pelaksanaan Magang Mahasiswa Semester Berjalan di BKPSDM dan Diskominfo', scope: ['magang mahasiswa', 'workshop'], partner: { name: 'Fajar Saputra, S.Kom., M.Kom.', position: 'Dekan Fakultas Teknik UM Sorong' }, government: KEPALA_BKPSDM, startsOn: day(-120), endsOn: day(60) },
  ]);

  // Universitas Victory: active MoU and PKS on leadership and public communication training.
  const victory = { name: 'Dr. Stevanus Sroyer, S.H., M.H.', position: 'Rektor Universitas Victory Sorong' };
  tree('ptn_uvictory', [
    { id: 'agr_uvictory', kind: 'mou', parent: null, number: mou, n: 108, title: 'Nota Kesepahaman Pendidikan, Pelatihan dan Pengabdian kepada Masyarakat', scope: ['pelatihan', 'magang mahasiswa', 'pengabdian masyarakat'], partner: victory, government: WALI_KOTA, startsOn: `${year - 1}-05-02`, endsOn: `${year + 4}-05-01` },
    { id: 'agr_uvictorypks', kind: 'pks', parent: 'agr_uvictory', number: pks, n: 142, title: 'Perjanjian Kerja Sama Pelatihan Kepemimpinan dan Komunikasi Publik bagi ASN', scope: ['pelatihan kepemimpinan', 'komunikasi publik'], partner: { name: 'Yuliana Kafiar, S.E., M.M.', position: 'Wakil Rektor II Universitas Victory Sorong' }, government: KEPALA_BKPSDM, startsOn: `${year - 1}-09-01`, endsOn: `${year + 2}-08-31` },
  ]);

  // UNIMUDA: the first MoU and its PKS expired; renewed with a new MoU and PKS.
  const unimuda = { name: 'Dr. Ratna Latuconsina, M.Pd.', position: 'Rektor UNIMUDA Sorong' };
  tree('ptn_unimuda', [
    { id: 'agr_unimudalama', kind: 'mou', parent: null, number: mou, n: 37, title: 'Nota Kesepahaman Peningkatan Kapasitas Aparatur dan Tenaga Pendidik', scope: ['pelatihan', 'penelitian bersama'], partner: { name: 'Dr. Abdul Pattiasina, M.Pd.', position: 'Rektor UNIMUDA Sorong' }, government: WALI_KOTA, startsOn: `${year - 5}-03-01`, endsOn: `${year - 1}-02-28` },
    { id: 'agr_unimudalamapks', kind: 'pks', parent: 'agr_unimudalama', number: pks, n: 52, title: 'Perjanjian Kerja Sama Pelatihan Literasi Digital Guru dan ASN', scope: ['literasi digital', 'pelatihan'], partner: { name: 'Herlina Wamafma, M.Pd.', position: 'Dekan FKIP UNIMUDA Sorong' }, government: KEPALA_BKPSDM, startsOn: `${year - 4}-01-15`, endsOn: `${year - 2}-01-14` },
    { id: 'agr_unimuda', kind: 'mou', parent: null, number: mou, n: 112, title: 'Nota Kesepahaman Pengembangan Kompetensi ASN, Magang dan Kajian Pelayanan Publik', scope: ['magang mahasiswa', 'kajian kebijakan', 'seminar'], partner: unimuda, government: WALI_KOTA, startsOn: `${year - 1}-03-01`, endsOn: `${year + 4}-02-28` },
    { id: 'agr_unimudapks', kind: 'pks', parent: 'agr_unimuda', number: pks, n: 156, title: 'Perjanjian Kerja Sama Pelatihan Analisis Data dan Pelayanan Publik Inklusif', scope: ['analisis data', 'pelayanan inklusif'], partner: { name: 'Imanuel Mambrasar, S.Si., M.Stat.', position: 'Dekan FMIPA UNIMUDA Sorong' }, government: KEPALA_BKPSDM, startsOn: `${year - 1}-06-01`, endsOn: `${year + 2}-05-31` },
  ]);

  // Politeknik KP Sorong: the MoU and its PKS end within 90 days (a renewal is being drafted).
  const poli = { name: 'Dr. Daniel Rumbewas, S.Pi., M.Si.', position: 'Direktur Politeknik Kelautan dan Perikanan Sorong' };
  tree('ptn_polikpsorong', [
    { id: 'agr_polikpsorong', kind: 'mou', parent: null, number: mou, n: 64, title: 'Nota Kesepahaman Pengembangan Ekonomi Biru dan Pengelolaan Wilayah Pesisir', scope: ['ekonomi biru', 'magang taruna', 'penelitian bersama'], partner: poli, government: WALI_KOTA, startsOn: `${year - 3}-01-10`, endsOn: day(45) },
    { id: 'agr_polikpsorongpks', kind: 'pks', parent: 'agr_polikpsorong', number: pks, n: 98, title: 'Perjanjian Kerja Sama Magang Taruna di Dinas Lingkungan Hidup', scope: ['magang taruna', 'survei pesisir'], partner: { name: 'Naomi Yoku, S.Pi., M.P.', position: 'Wakil Direktur I Politeknik KP Sorong' }, government: KEPALA_DLH, startsOn: `${year - 2}-07-01`, endsOn: day(45) },
  ]);

  // PT Papua Digital Nusantara: active; a PKS on digital services and this year's seminar arrangement.
  const papua = { name: 'Benyamin Wanma, S.Kom., M.B.A.', position: 'Direktur Utama PT Papua Digital Nusantara' };
  tree('ptn_papuadigital', [
    { id: 'agr_papuadigital', kind: 'mou', parent: null, number: mou, n: 115, title: 'Nota Kesepahaman Transformasi Digital Pemerintahan Kota Sorong', scope: ['transformasi digital', 'pelatihan teknis', 'pendampingan aplikasi'], partner: papua, government: WALI_KOTA, startsOn: `${year - 2}-06-01`, endsOn: `${year + 3}-05-31` },
    { id: 'agr_papuadigitalpks', kind: 'pks', parent: 'agr_papuadigital', number: pks, n: 121, title: 'Perjanjian Kerja Sama Pelatihan Layanan Publik Digital', scope: ['pelatihan teknis', 'workshop'], partner: { name: 'Dewi Lestari, S.T.', position: 'Direktur Operasional PT Papua Digital Nusantara' }, government: KEPALA_DISKOMINFO, startsOn: `${year - 2}-08-01`, endsOn: `${year + 2}-07-31` },
    { id: 'agr_papuadigitalpp', kind: 'implementation', parent: 'agr_papuadigitalpks', number: pp, n: 240, title: 'Pengaturan Pelaksanaan Seminar Transformasi Digital Pemerintahan Daerah', scope: ['seminar'], partner: { name: 'Dewi Lestari, S.T.', position: 'Direktur Operasional PT Papua Digital Nusantara' }, government: KEPALA_DISKOMINFO, startsOn: day(-30), endsOn: day(200) },
  ]);

  // CV Raja Ampat Teknologi: active MoU and a PKS on cyber security.
  const raja = { name: 'Hendrik Kareth, S.Kom.', position: 'Direktur CV Raja Ampat Teknologi' };
  tree('ptn_rajatekno', [
    { id: 'agr_rajatekno', kind: 'mou', parent: null, number: mou, n: 122, title: 'Nota Kesepahaman Keamanan Informasi dan Pelatihan Teknologi', scope: ['keamanan informasi', 'pelatihan teknis'], partner: raja, government: WALI_KOTA, startsOn: `${year - 1}-02-01`, endsOn: `${year + 2}-01-31` },
    { id: 'agr_rajateknopks', kind: 'pks', parent: 'agr_rajatekno', number: pks, n: 163, title: 'Perjanjian Kerja Sama Pelatihan Kebersihan Siber dan Keamanan Aplikasi', scope: ['kebersihan siber', 'keamanan aplikasi'], partner: raja, government: KEPALA_DISKOMINFO, startsOn: `${year - 1}-03-01`, endsOn: `${year + 1}-12-31` },
  ]);

  // BPS Kota Sorong: the Satu Data agreements expired (a new MoU waits for signature).
  const bps = { name: 'Ester Sinaga, S.Si., M.E.', position: 'Kepala Badan Pusat Statistik Kota Sorong' };
  tree('ptn_bpssorong', [
    { id: 'agr_bpssorong', kind: 'mou', parent: null, number: mou, n: 45, title: 'Nota Kesepahaman Penyelenggaraan Statistik Sektoral dan Satu Data Kota Sorong', scope: ['statistik sektoral', 'satu data'], partner: bps, government: WALI_KOTA, startsOn: `${year - 4}-04-01`, endsOn: `${year - 1}-03-31` },
    { id: 'agr_bpssorongpks', kind: 'pks', parent: 'agr_bpssorong', number: pks, n: 71, title: 'Perjanjian Kerja Sama Pembinaan Statistisi dan Penyusunan Metadata Statistik', scope: ['pembinaan statistisi', 'metadata'], partner: bps, government: KEPALA_DISKOMINFO, startsOn: `${year - 3}-05-01`, endsOn: `${year - 1}-03-31` },
  ]);

  // Yayasan Konservasi Pesisir: signed, starts next year.
  const yayasan = { name: 'Magdalena Fatem, S.Hut., M.Sc.', position: 'Ketua Yayasan Konservasi Pesisir Papua Barat Daya' };
  tree('ptn_konservasipesisir', [
    { id: 'agr_konservasipesisir', kind: 'mou', parent: null, number: mou, n: 130, title: 'Nota Kesepahaman Konservasi Pesisir, Pengelolaan Sampah Laut dan Edukasi Lingkungan', scope: ['konservasi pesisir', 'sampah laut', 'magang mahasiswa'], partner: yayasan, government: WALI_KOTA, startsOn: `${year + 1}-01-15`, endsOn: `${year + 4}-01-14` },
  ]);

  return seeds.map((a) => ({
    id: a.id,
    partner_id: a.partnerId,
    kind: a.kind,
    parent_id: a.parent,
    number: a.number,
    title: a.title,
    scope: JSON.stringify(a.scope),
    signatories: JSON.stringify({ partner: a.partner, government: a.government }),
    starts_on: a.startsOn,
    ends_on: a.endsOn,
    version: 1,
  }));
}

/** Where the sandbox keys work: any port on the developer's own machine. */
export const SANDBOX_KEY_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * Gives every partner without one its sandbox test key (`sandboxKeyFor`), allowed for `http://localhost:*` and
 * `http://127.0.0.1:*`. Idempotent: main.ts and the test server call it at every start in sandbox mode, so a database
 * seeded before keys existed gets them too. Returns the partners' keys, for printing.
 */
export async function ensureSandboxKeys(db: Database, now: Date = new Date()): Promise<Array<{ partnerId: string; name: string; key: string }>> {
  const partners = await db.selectFrom('partners').select(['id', 'name']).orderBy('id').execute();
  const out: Array<{ partnerId: string; name: string; key: string }> = [];
  for (const p of partners) {
    const key = sandboxKeyFor(p.id);
    await db
      .insertInto('publishable_keys')
      .values({
        id: sandboxKeyId(p.id),
        partner_id: p.id,
        mode: 'test',
        label: 'Kunci sandbox (localhost)',
        key_hash: hashKey(key),
        hint: key.slice(-4),
        allowed_origins: JSON.stringify(SANDBOX_KEY_ORIGINS),
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    out.push({ partnerId: p.id, name: p.name, key });
  }
  return out;
}

export { sandboxKeyFor };

// ── Internship openings and applications ───────────────────────────────────────────────────────────────────

/**
 * The private link of a seeded application, derived from its id (sandbox data only: anyone with this source can
 * compute it, which is what lets the demo link to a private page). Real applications get 32 random bytes.
 */
export const seededPrivateToken = (applicationId: string): string =>
  createHash('sha256').update(`sandbox-private-link:${applicationId}`).digest('base64url').slice(0, 43);

interface ApplicantSeed {
  opening: string;
  partner: string;
  name: string;
  nim: string;
  studyProgram: string;
  semester: number;
  phone: string;
  motivation: string;
  status: InternshipApplicationTable['status'];
  reason?: string;
  /** Days before today it arrived. */
  daysAgo: number;
  /** Entered by an admin with a token (no key, no origin) rather than through the university's form. */
  byAdmin?: boolean;
}

/** The version of the privacy notice the seed's older consents name (the sandbox has no text of its own for it). */
const EARLIER_NOTICE_VERSION = '2025-06-02';

const MOTIVATIONS = [
  'Saya ingin belajar langsung bagaimana data pemerintah diolah menjadi layanan yang berguna bagi warga Kota Sorong.',
  'Magang ini sesuai dengan tugas akhir saya tentang sistem informasi pelayanan publik, dan saya ingin berkontribusi nyata.',
  'Saya terbiasa bekerja di lapangan dan ingin membantu pendataan pesisir agar kampung-kampung di Sorong lebih bersih.',
  'Sebagai anak asli Sorong saya ingin ikut membangun pelayanan pemerintahan yang lebih cepat dan ramah bagi masyarakat.',
  'Saya ingin menerapkan ilmu statistika yang saya pelajari untuk membantu perencanaan kepegawaian di Pemerintah Kota Sorong.',
  'Saya ingin mengenal kerja perangkat daerah dari dekat dan belajar menulis laporan serta dokumentasi yang rapi.',
];

/** Openings relative to today (WIT) and ~20 applications consistent with them: `accepted` = the accepted applications. */
function seedInternships(now: Date) {
  const DAY = 86_400_000;
  const [ty, tm, td] = witToday(now).split('-').map(Number);
  const day = (offset: number) => new Date(Date.UTC(ty, tm - 1, td + offset)).toISOString().slice(0, 10);
  const next = mulberry32(SEED + 3);

  type OpeningSeed = Omit<InternshipOpeningTable, 'accepted' | 'version' | 'skills' | 'partner_ids'> & DeliveredUnderColumn & { skills: string[]; partners: string[] };
  const openingSeeds: OpeningSeed[] = [
    { id: 'int_satudata', title: 'Magang Pengembangan Portal Satu Data Kota Sorong', unit_id: UNIT_ID('diskominfo'), description: 'Mahasiswa bergabung dengan tim aplikasi untuk membangun dasbor data terbuka Kota Sorong bersama pranata komputer Diskominfo.', skills: ['JavaScript', 'SQL', 'visualisasi data'], quota: 4, starts_on: day(35), ends_on: day(125), apply_by: day(21), status: 'open', partners: ['ptn_umsorong', 'ptn_uvictory', 'ptn_unimuda'], agreement_id: 'agr_umsorongpp' },
    { id: 'int_pesisir', title: 'Magang Pemetaan Kawasan Pesisir dan Sampah Laut', unit_id: UNIT_ID('dlh'), description: 'Pendataan titik sampah pesisir dan kualitas air bersama Dinas Lingkungan Hidup, untuk mahasiswa kelautan dan lingkungan.', skills: ['GIS', 'survei lapangan'], quota: 6, starts_on: day(60), ends_on: day(150), apply_by: day(40), status: 'open', partners: ['ptn_polikpsorong', 'ptn_unimuda'], agreement_id: 'agr_polikpsorongpks' },
    { id: 'int_layanan', title: 'Magang Layanan Kependudukan Digital', unit_id: UNIT_ID('disdukcapil'), description: 'Membantu digitalisasi arsip dan antrean daring layanan kependudukan di Disdukcapil Kota Sorong.', skills: ['administrasi', 'pelayanan publik'], quota: 3, starts_on: day(30), ends_on: day(120), apply_by: day(10), status: 'open', partners: ['ptn_uvictory', 'ptn_umsorong'], agreement_id: null },
    { id: 'int_kepegawaian', title: 'Magang Analisis Data Kepegawaian ASN', unit_id: UNIT_ID('bkpsdm'), description: 'Menyusun dasbor komposisi ASN dan kebutuhan pelatihan per perangkat daerah bersama Bidang Pengembangan Kompetensi BKPSDM.', skills: ['spreadsheet', 'statistika', 'penulisan laporan'], quota: 3, starts_on: day(-10), ends_on: day(80), apply_by: day(-30), status: 'open', partners: ['ptn_umsorong', 'ptn_unimuda'], agreement_id: 'agr_umsorongpp' },
    { id: 'int_perizinan', title: 'Magang Penyederhanaan Layanan Perizinan Daring', unit_id: UNIT_ID('dpmptsp'), description: 'Memetakan alur izin usaha mikro dan merancang panduan layanan daring bersama DPMPTSP Kota Sorong.', skills: ['analisis proses bisnis', 'desain layanan'], quota: 2, starts_on: day(90), ends_on: day(180), apply_by: day(70), status: 'draft', partners: ['ptn_umsorong'], agreement_id: null },
    // Closed more than the retention ago: its applications were erased (what the retention job leaves behind).
    { id: 'int_arsip', title: 'Magang Dokumentasi dan Arsip Digital Sekretariat Daerah', unit_id: UNIT_ID('setda'), description: 'Pemindaian dan penataan arsip surat masuk dan keluar Sekretariat Daerah ke dalam aplikasi arsip digital.', skills: ['kearsipan', 'pemindaian dokumen'], quota: 2, starts_on: day(-400), ends_on: day(-310), apply_by: day(-420), status: 'open', partners: ['ptn_uvictory'], agreement_id: null },
  ];

  const applicants: ApplicantSeed[] = [
    { opening: 'int_satudata', partner: 'ptn_umsorong', name: 'Markus Rumbiak', nim: '142020110034', studyProgram: 'Teknik Informatika', semester: 7, phone: '+6281244010034', motivation: MOTIVATIONS[1], status: 'accepted', reason: 'Portofolio dasbor data sangat sesuai dengan kebutuhan tim.', daysAgo: 18 },
    { opening: 'int_satudata', partner: 'ptn_uvictory', name: 'Selfina Mandacan', nim: '2021.11.0457', studyProgram: 'Sistem Informasi', semester: 6, phone: '+6282199340457', motivation: MOTIVATIONS[0], status: 'reviewing', daysAgo: 15 },
    { opening: 'int_satudata', partner: 'ptn_unimuda', name: 'Imanuel Wanma', nim: '148720210019', studyProgram: 'Pendidikan Matematika', semester: 5, phone: '+6285244120019', motivation: MOTIVATIONS[4], status: 'reviewing', daysAgo: 12 },
    { opening: 'int_satudata', partner: 'ptn_umsorong', name: 'Naomi Ayamiseba', nim: '142021110112', studyProgram: 'Teknik Informatika', semester: 5, phone: '+6281344560112', motivation: MOTIVATIONS[3], status: 'submitted', daysAgo: 6 },
    { opening: 'int_satudata', partner: 'ptn_uvictory', name: 'Rizky Pratama', nim: '2022.11.0203', studyProgram: 'Ilmu Komputer', semester: 5, phone: '+6281298760203', motivation: MOTIVATIONS[1], status: 'submitted', daysAgo: 3 },
    { opening: 'int_satudata', partner: 'ptn_umsorong', name: 'Yosias Kalami', nim: '142020110078', studyProgram: 'Sistem Informasi', semester: 7, phone: '+6282248110078', motivation: MOTIVATIONS[0], status: 'withdrawn', daysAgo: 14 },
    { opening: 'int_pesisir', partner: 'ptn_polikpsorong', name: 'Fransina Osok', nim: '21.3.05.012', studyProgram: 'Teknologi Pengelolaan Sumber Daya Perairan', semester: 6, phone: '+6281355012012', motivation: MOTIVATIONS[2], status: 'submitted', daysAgo: 9 },
    { opening: 'int_pesisir', partner: 'ptn_polikpsorong', name: 'Daniel Sroyer', nim: '21.3.05.027', studyProgram: 'Teknologi Penangkapan Ikan', semester: 6, phone: '+6285254027027', motivation: MOTIVATIONS[2], status: 'submitted', daysAgo: 7 },
    { opening: 'int_pesisir', partner: 'ptn_unimuda', name: 'Magdalena Womsiwor', nim: '148320210044', studyProgram: 'Pendidikan Geografi', semester: 6, phone: '+6281240440044', motivation: MOTIVATIONS[2], status: 'submitted', daysAgo: 4, byAdmin: true },
    { opening: 'int_pesisir', partner: 'ptn_unimuda', name: 'Benyamin Yoku', nim: '148320220008', studyProgram: 'Pendidikan Biologi', semester: 2, phone: '+6282197080008', motivation: MOTIVATIONS[5], status: 'rejected', reason: 'Lowongan ini untuk mahasiswa mulai semester 5; silakan melamar lagi tahun depan.', daysAgo: 11 },
    { opening: 'int_layanan', partner: 'ptn_uvictory', name: 'Agustina Kafiar', nim: '2021.12.0318', studyProgram: 'Ilmu Administrasi Negara', semester: 7, phone: '+6281311220318', motivation: MOTIVATIONS[3], status: 'accepted', daysAgo: 25 },
    { opening: 'int_layanan', partner: 'ptn_umsorong', name: 'Siti Nurhaliza Tuasikal', nim: '142120120051', studyProgram: 'Ilmu Pemerintahan', semester: 6, phone: '+6285243510051', motivation: MOTIVATIONS[5], status: 'accepted', daysAgo: 24 },
    { opening: 'int_layanan', partner: 'ptn_uvictory', name: 'Hendrik Mambrasar', nim: '2021.12.0366', studyProgram: 'Ilmu Administrasi Negara', semester: 7, phone: '+6281247660366', motivation: MOTIVATIONS[3], status: 'accepted', daysAgo: 22 },
    { opening: 'int_layanan', partner: 'ptn_umsorong', name: 'Ester Rumbewas', nim: '142120120089', studyProgram: 'Ilmu Komunikasi', semester: 5, phone: '+6282238890089', motivation: MOTIVATIONS[5], status: 'rejected', reason: 'Kuota sudah terpenuhi oleh pelamar yang lebih dahulu diterima.', daysAgo: 20 },
    { opening: 'int_kepegawaian', partner: 'ptn_unimuda', name: 'Ahmad Fauzi Latuconsina', nim: '148620200033', studyProgram: 'Statistika', semester: 8, phone: '+6281344330033', motivation: MOTIVATIONS[4], status: 'accepted', daysAgo: 50 },
    { opening: 'int_kepegawaian', partner: 'ptn_umsorong', name: 'Lince Fatem', nim: '142220110015', studyProgram: 'Manajemen', semester: 6, phone: '+6285210150015', motivation: MOTIVATIONS[4], status: 'reviewing', daysAgo: 45 },
    { opening: 'int_kepegawaian', partner: 'ptn_umsorong', name: 'Otto Kareth', nim: '142220110042', studyProgram: 'Akuntansi', semester: 6, phone: '+6281342420042', motivation: MOTIVATIONS[5], status: 'rejected', reason: 'Belum melampirkan contoh laporan analisis data.', daysAgo: 40 },
    { opening: 'int_arsip', partner: 'ptn_uvictory', name: 'Dewi Lestari Malibela', nim: '2019.13.0120', studyProgram: 'Ilmu Perpustakaan', semester: 7, phone: '+6281240120120', motivation: MOTIVATIONS[5], status: 'accepted', daysAgo: 440 },
    { opening: 'int_arsip', partner: 'ptn_uvictory', name: 'Yakob Momot', nim: '2019.13.0177', studyProgram: 'Ilmu Administrasi Negara', semester: 7, phone: '+6282177170177', motivation: MOTIVATIONS[3], status: 'rejected', reason: 'Jadwal kuliah bentrok dengan jam kerja magang.', daysAgo: 435 },
  ];

  // In arrival order, so the references count up with time, per WIT year.
  const ordered = applicants.map((a, i) => ({ a, i, at: now.getTime() - a.daysAgo * DAY - (i + 1) * 3_600_000 })).sort((x, y) => x.at - y.at);
  const lastOfYear = new Map<number, number>();
  const applications: Insertable<InternshipApplicationTable>[] = [];
  for (const { a, at } of ordered) {
    const year = witYear(new Date(at));
    const n = (lastOfYear.get(year) ?? 0) + 1;
    lastOfYear.set(year, n);
    const opening = openingSeeds.find((o) => o.id === a.opening)!;
    const id = newId('app', 12, next);
    const createdAt = new Date(at).toISOString();
    // Decided (or withdrawn) a few days after it arrived, never after now.
    const updatedAt = a.status === 'submitted' ? createdAt : new Date(Math.min(now.getTime() - 60_000, at + 2 * DAY)).toISOString();
    const withdrawn = a.status === 'withdrawn';
    // The notice in force when it arrived: before the current one, the same text under the seed's earlier version.
    const noticeVersion = at >= Date.parse(NOTICE_PUBLISHED_AT) ? NOTICE_VERSION : EARLIER_NOTICE_VERSION;
    // What the retention job will have done: the opening closed more than the retention ago.
    const pastRetention = keptUntil(opening.apply_by) < witToday(now);
    const erasedAt = withdrawn ? updatedAt : pastRetention ? new Date(Date.parse(`${keptUntil(opening.apply_by)}T15:00:00Z`) + DAY).toISOString() : null;
    const local = a.nim.toLowerCase().replace(/[^a-z0-9]/g, '');
    const email = `${a.name.toLowerCase().split(' ').slice(0, 2).join('.')}.${local.slice(-4)}@mahasiswa.example.ac.id`;
    const personal = erasedAt
      ? { name: null, nim: null, study_program: null, semester: null, email: null, phone: null, motivation: null, reason: null }
      : { name: a.name, nim: a.nim, study_program: a.studyProgram, semester: a.semester, email, phone: a.phone, motivation: a.motivation, reason: a.reason ?? null };
    applications.push({
      id,
      reference: `MG-${year}-${String(n).padStart(6, '0')}`,
      opening_id: a.opening,
      partner_id: a.partner,
      ...personal,
      notice_version: noticeVersion,
      notice_hash: noticeHashFor(noticeVersion),
      purposes: JSON.stringify(NOTICE_PURPOSES),
      consent_at: createdAt,
      // Through the university's form on the sandbox's demo university page, with its test key.
      origin: a.byAdmin ? null : 'http://localhost:5173',
      key_id: a.byAdmin ? null : sandboxKeyId(a.partner),
      withdrawn_at: withdrawn ? updatedAt : null,
      status: a.status,
      private_token_hash: createHash('sha256').update(seededPrivateToken(id)).digest('hex'),
      created_at: createdAt,
      updated_at: erasedAt && erasedAt > updatedAt ? erasedAt : updatedAt,
      erased_at: erasedAt,
      version: a.status === 'submitted' ? 1 : a.status === 'reviewing' || withdrawn ? 2 : 3,
    });
  }

  const accepted = (openingId: string) => applicants.filter((a) => a.opening === openingId && a.status === 'accepted').length;
  const openings: Insertable<DB['internship_openings']>[] = openingSeeds.map(({ skills, partners, ...o }) => ({
    ...o,
    skills: JSON.stringify(skills),
    partner_ids: JSON.stringify(partners),
    accepted: accepted(o.id),
    version: 1,
  }));
  const counters: Insertable<ApplicationCounterTable>[] = [...lastOfYear].map(([year, last]) => ({ year, last }));
  return { openings, applications, counters };
}
