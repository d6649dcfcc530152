/**
 * Program fixtures for the stories AND the component tests of `asn-program-catalog`, `asn-program-roster` and the
 * team overview's "recommend a program" (deterministic, no server). Dates are in 2025, shown in WIT.
 */
import type { Enrollment, Program, ProgramSession, Recommendation } from '../src/contract/index.js';

const session = (day: string, from = '08:00', to = '16:00', place: Partial<ProgramSession> = {}): ProgramSession => ({
  startsAt: `${day}T${from}:00+09:00`,
  endsAt: `${day}T${to}:00+09:00`,
  location: 'Aula BKPSDM Kota Sorong',
  onlineUrl: null,
  ...place,
});

export const makeProgram = (overrides: Partial<Program> = {}): Program => {
  const sessions = overrides.sessions ?? [session('2025-11-10'), session('2025-11-11')];
  return {
    id: 'prg_digital1',
    title: 'Pelatihan Layanan Publik Digital',
    description: 'Merancang layanan daring yang mudah dipakai warga, dari formulir sampai antrean online.',
    type: 'training',
    competency: 'technical',
    mode: 'classroom',
    sessions,
    startsAt: sessions[0].startsAt,
    endsAt: sessions[sessions.length - 1].endsAt,
    jp: 21,
    jpReason: null,
    capacity: 30,
    enrolled: 12,
    waitlisted: 0,
    enrollFrom: '2025-10-01T08:00:00+09:00',
    enrollUntil: '2025-11-07T16:00:00+09:00',
    cancelUntil: '2025-11-07T16:00:00+09:00',
    attendanceThreshold: sessions.length,
    partnerId: 'ptn_papuadigital',
    partnerName: 'PT Papua Digital Nusantara',
    organizerId: 'emp_org1',
    status: 'open',
    version: 1,
    createdAt: '2025-09-20T08:00:00+09:00',
    updatedAt: '2025-09-20T08:00:00+09:00',
    viewer: { enrollment: null, recommendations: [] },
    ...overrides,
  } as Program;
};

export const supervisorRecommendation: Recommendation = {
  id: 'rec_demo1',
  employeeId: 'emp_owner1',
  programId: 'prg_siber1',
  authorId: 'emp_boss1',
  authorName: 'Markus Rumbiak',
  note: 'Cocok untuk tugas pengelolaan data layanan di bidang kita.',
  createdAt: '2025-10-02T09:00:00+09:00',
} as Recommendation;

/** The catalog as an ASN sees it with `for=me`: seats left, almost full, full with a waitlist, recommended, enrolled. */
export const catalogPrograms: Program[] = [
  makeProgram(),
  makeProgram({
    id: 'prg_siber1',
    title: 'E-learning Kebersihan Siber untuk ASN',
    description: 'Kata sandi, phishing dan perangkat kerja yang aman, dalam empat modul daring.',
    type: 'e-learning',
    mode: 'online',
    sessions: [session('2025-11-17', '09:00', '12:00', { location: null, onlineUrl: 'https://belajar.sorongkota.go.id/siber' })],
    jp: 4,
    capacity: 100,
    enrolled: 97,
    partnerId: null,
    partnerName: null,
    viewer: { enrollment: null, recommendations: [supervisorRecommendation] },
  }),
  makeProgram({
    id: 'prg_komunikasi1',
    title: 'Workshop Komunikasi Publik dan Kerja Sama Tim',
    type: 'workshop',
    competency: 'managerial',
    sessions: [session('2025-11-20', '08:00', '15:00', { location: 'Kampus UM Sorong' })],
    jp: 9,
    capacity: 25,
    enrolled: 25,
    waitlisted: 3,
    partnerId: 'ptn_umsorong',
    partnerName: 'Universitas Muhammadiyah Sorong (UM Sorong)',
  }),
  makeProgram({
    id: 'prg_berakhlak1',
    title: 'Orientasi Nilai Dasar BerAKHLAK',
    type: 'seminar',
    competency: 'socio-cultural',
    mode: 'blended',
    sessions: [session('2025-11-25', '09:00', '12:00', { onlineUrl: 'https://zoom.us/j/123456789' })],
    jp: 4,
    capacity: 80,
    enrolled: 41,
    partnerId: null,
    partnerName: null,
    viewer: {
      enrollment: { id: 'enr_mine1', status: 'registered', waitlistPosition: null, certificate: null },
      recommendations: [],
    },
  }),
];

/** The same catalog after the ASN joined the full workshop's waitlist (position 4). */
export const waitlistedProgram: Program = makeProgram({
  ...catalogPrograms[2],
  waitlisted: 4,
  viewer: { enrollment: { id: 'enr_wait1', status: 'waitlisted', waitlistPosition: 4, certificate: null }, recommendations: [] },
});

/** A program title an attacker typed: it must render as text. */
export const hostileProgram: Program = makeProgram({
  id: 'prg_hostile1',
  title: '<img src=x onerror="window.__pwned=1">Pelatihan <b>palsu</b>',
  description: '<script>window.__pwned=1</script>',
});

export const makeEnrollment = (overrides: Partial<Enrollment> = {}): Enrollment =>
  ({
    id: 'enr_mine1',
    programId: 'prg_berakhlak1',
    employeeId: 'emp_owner1',
    employeeName: 'Yuliana Kambu',
    program: {
      title: 'Orientasi Nilai Dasar BerAKHLAK',
      type: 'seminar',
      startsAt: '2025-11-25T09:00:00+09:00',
      endsAt: '2025-11-25T12:00:00+09:00',
      jp: 4,
      status: 'open',
      cancelUntil: '2025-11-07T16:00:00+09:00',
    },
    status: 'registered',
    waitlistPosition: null,
    attended: [],
    certificate: null,
    createdAt: '2025-10-03T10:00:00+09:00',
    updatedAt: '2025-10-03T10:00:00+09:00',
    cancelledAt: null,
    completedAt: null,
    ...overrides,
  }) as Enrollment;

/** "My programs": one coming, one on the waitlist, one completed with a certificate. */
export const myEnrollments: Enrollment[] = [
  makeEnrollment(),
  makeEnrollment({
    id: 'enr_wait1',
    programId: 'prg_komunikasi1',
    program: { ...makeEnrollment().program, title: 'Workshop Komunikasi Publik dan Kerja Sama Tim', type: 'workshop', startsAt: '2025-11-20T08:00:00+09:00', endsAt: '2025-11-20T15:00:00+09:00', jp: 9 },
    status: 'waitlisted',
    waitlistPosition: 4,
  }),
  makeEnrollment({
    id: 'enr_done1',
    programId: 'prg_literasi1',
    program: { title: 'Pelatihan Literasi Digital untuk ASN', type: 'training', startsAt: '2025-03-10T08:00:00+09:00', endsAt: '2025-03-12T16:00:00+09:00', jp: 24, status: 'completed', cancelUntil: '2025-03-03T16:00:00+09:00' },
    status: 'completed',
    attended: [1, 2, 3],
    certificate: { number: 'SRT-2025-7KQ4M9XD2P', url: 'https://asn.sorongkota.go.id/v1/certificates/SRT-2025-7KQ4M9XD2P' },
    completedAt: '2025-03-12T16:00:00+09:00',
  }),
];

const GIVEN = ['Yohanis', 'Maria', 'Markus', 'Ester', 'Petrus', 'Debora', 'Agus', 'Siti', 'Samuel', 'Naomi', 'Herman', 'Ratna'];
const FAMILY = ['Kambu', 'Rumbiak', 'Mandacan', 'Wanma', 'Kalami', 'Osok', 'Fatem', 'Sroyer', 'Kafiar', 'Yoku', 'Siregar', 'Wibowo'];

/** The program a roster shows: three sessions, organised by `emp_org1`. */
export const rosterProgram: Program = makeProgram({
  sessions: [session('2025-11-10'), session('2025-11-11'), session('2025-11-12', '08:00', '12:00')],
  jp: 24,
  attendanceThreshold: 3,
});

/**
 * A roster of `registered` people (attendance varied, deterministic) and `waitlisted` after them, as
 * `GET /v1/programs/{id}/enrollments` orders it. `makeRoster(500)` is the large case.
 */
export function makeRoster(registered: number, waitlisted = 0, program: Program = rosterProgram): Enrollment[] {
  const sessions = program.sessions.length;
  const brief = { title: program.title, type: program.type, startsAt: program.startsAt, endsAt: program.endsAt, jp: program.jp, status: program.status, cancelUntil: program.cancelUntil };
  const rows: Enrollment[] = [];
  for (let i = 0; i < registered + waitlisted; i++) {
    const onWaitlist = i >= registered;
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}${i >= GIVEN.length * FAMILY.length ? ` ${Math.floor(i / (GIVEN.length * FAMILY.length)) + 1}` : ''}`;
    const attended = onWaitlist ? [] : Array.from({ length: sessions }, (_, s) => s + 1).filter((s) => (i + s) % 4 !== 0);
    rows.push(
      makeEnrollment({
        id: `enr_r${String(i).padStart(4, '0')}` as Enrollment['id'],
        programId: program.id,
        employeeId: `emp_r${String(i).padStart(4, '0')}` as Enrollment['employeeId'],
        employeeName: name,
        program: brief,
        status: onWaitlist ? 'waitlisted' : 'registered',
        waitlistPosition: onWaitlist ? i - registered + 1 : null,
        attended,
      }),
    );
  }
  return rows;
}

/** `rosterProgram` once completed (status `completed`, read-only in the roster). */
export const completedRosterProgram: Program = makeProgram({ ...rosterProgram, status: 'completed', version: 2, updatedAt: '2025-11-12T13:00:00+09:00' });

/**
 * `makeRoster(registered, 0, program)` after completion: who attended at least the threshold is `completed` with
 * a certificate, the others `incomplete`.
 */
export function makeCompletedRoster(registered: number, program: Program = completedRosterProgram): Enrollment[] {
  return makeRoster(registered, 0, program).map((e, i) =>
    e.attended.length >= program.attendanceThreshold
      ? {
          ...e,
          status: 'completed',
          completedAt: program.updatedAt,
          certificate: { number: `SRT-2025-${String(i).padStart(10, '0')}`, url: `https://asn.sorongkota.go.id/v1/certificates/SRT-2025-${String(i).padStart(10, '0')}` },
        }
      : { ...e, status: 'incomplete' },
  ) as Enrollment[];
}

/**
 * The moment the catalog fixtures are shown at (`now` of `<asn-program-catalog>`): enrolment is open (it closes
 * 7 Nov 2025, 16.00 WIT) and cancelling is still allowed.
 */
export const catalogNow = '2025-10-20T10:00:00+09:00';

/** After the cancellation deadline of the fixtures (7 Nov 2025, 16.00 WIT), before the first session. */
export const afterCancelDeadline = '2025-11-08T09:00:00+09:00';

/** The enrolment the server answers when the ASN enrols in `catalogPrograms[0]` (a seat was left). */
export const registeredEnrollment: Enrollment = makeEnrollment({
  id: 'enr_new1',
  programId: 'prg_digital1',
  program: {
    title: 'Pelatihan Layanan Publik Digital',
    type: 'training',
    startsAt: '2025-11-10T08:00:00+09:00',
    endsAt: '2025-11-11T16:00:00+09:00',
    jp: 21,
    status: 'open',
    cancelUntil: '2025-11-07T16:00:00+09:00',
  },
});

/** The enrolment the server answers when the ASN joins the full workshop (`catalogPrograms[2]`): 4th on the waitlist. */
export const waitlistedEnrollment: Enrollment = makeEnrollment({
  id: 'enr_wait1',
  programId: 'prg_komunikasi1',
  program: { ...myEnrollments[1].program },
  status: 'waitlisted',
  waitlistPosition: 4,
});
