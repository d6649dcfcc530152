// The privacy notice of internship applications (UU 27/2022 on personal data protection, "UU PDP"), shown in full
// before consent. `GET /v1/privacy-notices/internship-application` serves it (server/routes/internships.ts).
//
// The Indonesian text is the notice a student consents to; the English one is a translation for reading. Both
// carry the same `version` and the same `hash`, the SHA-256 of the Indonesian text's canonical form, so an
// application consented to from the English page still names the Indonesian text it agreed to.
// A change of any word is a new version (and so a new hash): applications then have to consent to the new one.
import { createHash } from 'node:crypto';
import type { PrivacyNotice } from '../src/contract/index.js';

/** The version in force; a date, so a person reading it knows how old it is. */
export const NOTICE_VERSION = '2026-12-01';
export const NOTICE_PUBLISHED_AT = '2026-12-01T00:00:00+09:00';

/** Months after an opening closes (its `applyBy`, a WIT day) before the applications' personal data is erased. */
export const RETENTION_MONTHS = 12;

/** What the data is used for; recorded with every consent. */
export const NOTICE_PURPOSES: PrivacyNotice['purposes'] = ['selection', 'placement', 'contact'];

type NoticeText = Pick<PrivacyNotice, 'title' | 'controller' | 'sections'>;

// Sandbox placeholder: a plausible address, e-mail and phone of BKPSDM Kota Sorong. Before going live the real
// ones go here (and so into a new version of the notice).
const CONTROLLER_ADDRESS = 'Jl. Jenderal Sudirman No. 1, Kantor Wali Kota Sorong, Kota Sorong, Papua Barat Daya 98412';
const CONTROLLER_EMAIL = 'privasi@bkpsdm.sorongkota.go.id';
const CONTROLLER_PHONE = '+62 951 321 100';

const id: NoticeText = {
  title: 'Pemberitahuan Privasi Lamaran Magang',
  controller: {
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Sorong, Pemerintah Kota Sorong',
    address: CONTROLLER_ADDRESS,
    email: CONTROLLER_EMAIL,
    phone: CONTROLLER_PHONE,
  },
  sections: [
    {
      heading: 'Untuk apa data Anda dipakai',
      paragraphs: [
        'BKPSDM Kota Sorong memakai data Anda untuk tiga hal saja: menyeleksi pelamar magang, menempatkan peserta yang diterima di perangkat daerah yang membuka lowongan, dan menghubungi Anda tentang lamaran ini.',
        'Dasar pemrosesannya adalah persetujuan Anda (Pasal 20 ayat (2) huruf a UU 27/2022). Tanpa persetujuan, lamaran tidak dapat dikirim. Data Anda tidak dipakai untuk hal lain, tidak dijual, dan tidak dipakai untuk iklan.',
        'Jika Anda belum berusia 18 tahun, lamaran harus disetujui orang tua atau wali Anda (Pasal 25 UU 27/2022): hubungi kami melalui email sebelum melamar.',
      ],
    },
    {
      heading: 'Data yang kami kumpulkan',
      paragraphs: [
        'Yang Anda isi: nama, NIM, program studi, semester, email, nomor ponsel, dan motivasi Anda.',
        'Yang dicatat server kami saat Anda mengirim: alamat situs tempat formulir dipasang (misalnya situs kampus Anda), kunci formulir kampus tersebut, waktu persetujuan menurut jam server kami, dan versi pemberitahuan ini. Catatan ini adalah bukti persetujuan Anda.',
        'Alamat IP Anda hanya dipakai sesaat untuk membatasi percobaan berulang dan tidak disimpan bersama lamaran. Formulir ini tidak memakai cookie, pelacak, atau layanan pihak ketiga.',
      ],
    },
    {
      heading: 'Berapa lama data disimpan',
      paragraphs: [
        `Data pribadi dalam lamaran disimpan sampai ${RETENTION_MONTHS} bulan setelah lowongan ditutup (tanggal batas pendaftaran lowongan), lalu dihapus otomatis.`,
        'Jika Anda menarik lamaran lebih dahulu, data pribadi Anda langsung dihapus saat itu juga. Yang tersisa hanya nomor referensi, lowongan yang dilamar, kampus, dan catatan bahwa lamaran ditarik; tidak ada lagi yang menunjuk kepada Anda.',
      ],
    },
    {
      heading: 'Siapa yang dapat melihat data Anda',
      paragraphs: [
        'Admin BKPSDM Kota Sorong yang mengelola magang, dan perangkat daerah (unit) tempat magang berlangsung bila Anda dipertimbangkan atau diterima.',
        'Kampus Anda hanya memasang formulir di situsnya: isian Anda dikirim langsung ke server Pemerintah Kota Sorong. Kampus tidak mendapat data lamaran Anda dari kami, selain yang memang sudah mereka miliki.',
        'Data Anda tidak diberikan kepada pihak lain, kecuali bila diwajibkan oleh peraturan perundang-undangan.',
      ],
    },
    {
      heading: 'Hak Anda',
      paragraphs: [
        'Menurut UU 27/2022 Anda berhak: mendapat informasi tentang siapa yang memproses data Anda dan untuk apa (Pasal 5); melengkapi, memperbarui, dan memperbaiki data yang salah (Pasal 6); mengakses dan mendapat salinan data Anda (Pasal 7); mengakhiri pemrosesan serta meminta data Anda dihapus (Pasal 8); dan menarik kembali persetujuan Anda kapan saja (Pasal 9).',
        'Setelah persetujuan ditarik, kami wajib menghentikan pemrosesan (Pasal 40) dan menghapus data Anda (Pasal 43). Kami melakukannya seketika, tidak menunggu batas 3 × 24 jam.',
      ],
    },
    {
      heading: 'Cara menggunakan hak Anda',
      paragraphs: [
        'Setelah mengirim lamaran, Anda mendapat tautan pribadi. Simpan tautan itu dan jangan bagikan: siapa pun yang memegangnya dapat melihat lamaran Anda. Melalui tautan itu Anda dapat melihat status lamaran, memperbaiki nama, program studi, semester, email, dan nomor ponsel, serta menarik lamaran (data pribadi langsung dihapus).',
        `Untuk salinan data, perbaikan NIM atau motivasi, atau pertanyaan lain, kirim email ke ${CONTROLLER_EMAIL} dengan menyebutkan nomor referensi lamaran (misalnya MG-2026-000123). Kami menjawab paling lambat 3 × 24 jam pada hari kerja.`,
      ],
    },
  ],
};

const en: NoticeText = {
  title: 'Privacy notice for internship applications',
  controller: {
    name: 'Civil Service and Human Resources Development Agency (BKPSDM) of Kota Sorong, City Government of Sorong',
    address: CONTROLLER_ADDRESS,
    email: CONTROLLER_EMAIL,
    phone: CONTROLLER_PHONE,
  },
  sections: [
    {
      heading: 'What your data is used for',
      paragraphs: [
        'BKPSDM Kota Sorong uses your data for three things only: selecting internship applicants, placing the accepted ones in the city unit that offers the internship, and contacting you about this application.',
        'The basis for processing is your consent (Article 20(2)(a) of Law 27/2022). Without consent the application cannot be sent. Your data is used for nothing else, never sold and never used for advertising.',
        'If you are under 18, your parent or guardian must agree to the application (Article 25 of Law 27/2022): e-mail us before you apply.',
      ],
    },
    {
      heading: 'The data we collect',
      paragraphs: [
        'What you fill in: name, student number (NIM), study program, semester, e-mail, mobile number and your motivation.',
        "What our server records when you send it: the address of the site the form is on (for example your university's site), that university's form key, the time of your consent by our server's clock, and the version of this notice. This record is the proof of your consent.",
        'Your IP address is used only for a moment to limit repeated attempts and is not stored with the application. The form uses no cookies, trackers or third-party services.',
      ],
    },
    {
      heading: 'How long it is kept',
      paragraphs: [
        `The personal data in an application is kept until ${RETENTION_MONTHS} months after the opening closes (its application deadline), then erased automatically.`,
        'If you withdraw before then, your personal data is erased at that moment. Only the reference number, the opening, the university and the fact that the application was withdrawn remain; nothing that points to you.',
      ],
    },
    {
      heading: 'Who can see your data',
      paragraphs: [
        'The BKPSDM Kota Sorong admins who run internships, and the city unit hosting the internship when you are considered or accepted.',
        'Your university only places the form on its site: what you type goes straight to the City Government of Sorong. The university gets no application data from us beyond what it already has.',
        'Your data is given to no one else, unless the law requires it.',
      ],
    },
    {
      heading: 'Your rights',
      paragraphs: [
        'Under Law 27/2022 you have the right to: be told who processes your data and why (Article 5); complete, update and correct wrong data (Article 6); access and get a copy of your data (Article 7); end the processing and have your data erased (Article 8); and withdraw your consent at any time (Article 9).',
        'Once consent is withdrawn we must stop processing (Article 40) and erase your data (Article 43). We do it at once, without waiting for the 3 × 24 hour limit.',
      ],
    },
    {
      heading: 'How to use your rights',
      paragraphs: [
        'After sending the application you get a private link. Keep it and do not share it: anyone holding it can see your application. With it you can see the status, correct your name, study program, semester, e-mail and mobile number, and withdraw the application (the personal data is erased at once).',
        `For a copy of your data, a correction of your NIM or motivation, or any other question, e-mail ${CONTROLLER_EMAIL} quoting the application's reference (for example MG-2026-000123). We answer within 3 × 24 hours on working days.`,
      ],
    },
  ],
};

/**
 * The canonical form of a notice's text that the hash covers: JSON of the version, title, controller, sections
 * (headings and paragraphs in order), purposes and retention, Unicode-normalised (NFC). Anyone can recompute it
 * from the served Indonesian notice: `sha256(JSON.stringify([version, title, controller, sections, purposes,
 * retentionMonths]))` with the fields as served.
 */
export function canonicalNoticeText(text: NoticeText, version: string): string {
  const controller = { name: text.controller.name, address: text.controller.address, email: text.controller.email, phone: text.controller.phone };
  const sections = text.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }));
  return JSON.stringify([version, text.title, controller, sections, NOTICE_PURPOSES, RETENTION_MONTHS]).normalize('NFC');
}

/** SHA-256 (hex) of the Indonesian text under `version` (the sandbox seed dates older consents to an earlier one). */
export const noticeHashFor = (version: string): string => createHash('sha256').update(canonicalNoticeText(id, version)).digest('hex');

/** SHA-256 (hex) of the Indonesian notice: what an application must carry as `consent.noticeHash`. */
export const NOTICE_HASH = noticeHashFor(NOTICE_VERSION);

/** The current notice in `locale`; both locales carry the version and hash of the Indonesian text. */
export function privacyNotice(locale: 'id' | 'en' = 'id'): PrivacyNotice {
  const text = locale === 'en' ? en : id;
  return {
    id: 'internship-application',
    version: NOTICE_VERSION,
    hash: NOTICE_HASH,
    locale,
    title: text.title,
    controller: { ...text.controller },
    sections: text.sections.map((s) => ({ heading: s.heading, paragraphs: [...s.paragraphs] })),
    purposes: [...NOTICE_PURPOSES],
    retentionMonths: RETENTION_MONTHS,
    publishedAt: NOTICE_PUBLISHED_AT,
  };
}
