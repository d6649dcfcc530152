/**
 * Fixtures for the stories AND the component tests (test/components/*.test.ts import this module): deterministic,
 * no server. Types come only from the SDK's public entry points.
 */
import type { Client } from '../src/client/index.js';
import type {
  Attendance, CompletionResult, Enrollment, Feedback, Goal, Me, Program, ProgressSummary, Recommendation, TeamMember,
} from '../src/contract/index.js';
import { catalogPrograms, myEnrollments, makeRoster, rosterProgram } from './program-fixtures.js';
import { FakeInternships } from './internship-fixtures.js';
import { ReviewApplicationsFake } from './review-fixtures.js';
import { FakePartners } from './partner-fixtures.js';

/** The years the year-keyed fixtures (progress, goals, team) have data for; the stories' `year` control offers these. */
export const STORY_YEARS = [2024, 2025, 2026] as const;

// ── asn-progress-card ──

export const loadedSummary: ProgressSummary = {
  employeeId: 'emp_demo1',
  year: 2025,
  learning: {
    jp: 12.5,
    targetJp: 20,
    byCompetency: { technical: 8, managerial: 3, 'socio-cultural': 1.5 },
    fromPrograms: 8,
    byMonth: [0, 2, 0, 4, 0, 0, 3, 0, 3.5, 0, 0, 0],
  },
  goals: { total: 4, active: 2, achieved: 1, atRisk: 1 },
  feedback: { total: 3, lastAt: '2025-09-14T10:30:00+09:00' },
  updatedAt: '2025-10-01T08:00:00+09:00',
};

export const completeSummary: ProgressSummary = {
  ...loadedSummary,
  employeeId: 'emp_demo3',
  learning: {
    jp: 26,
    targetJp: 20,
    byCompetency: { technical: 14, managerial: 8, 'socio-cultural': 4 },
    fromPrograms: 18,
    byMonth: [2, 3, 0, 4, 2, 6, 3, 0, 2, 4, 0, 0],
  },
  goals: { total: 5, active: 1, achieved: 4, atRisk: 0 },
};

export const emptySummary: ProgressSummary = {
  employeeId: 'emp_demo2',
  year: 2025,
  learning: {
    jp: 0,
    targetJp: 20,
    byCompetency: { technical: 0, managerial: 0, 'socio-cultural': 0 },
    fromPrograms: 0,
    byMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
  goals: { total: 0, active: 0, achieved: 0, atRisk: 0 },
  feedback: { total: 0, lastAt: null },
  updatedAt: '2025-10-01T08:00:00+09:00',
};

/** The same ASN's progress year by year (2025 is `loadedSummary`): what the card shows as the `year` control moves. */
export const progressByYear: Readonly<Record<number, ProgressSummary>> = {
  2024: {
    employeeId: 'emp_demo1',
    year: 2024,
    learning: {
      jp: 23,
      targetJp: 20,
      byCompetency: { technical: 12, managerial: 6, 'socio-cultural': 5 },
      fromPrograms: 15,
      byMonth: [0, 3, 2, 0, 4, 0, 2, 5, 0, 3, 4, 0],
    },
    goals: { total: 4, active: 0, achieved: 2, atRisk: 0 },
    feedback: { total: 6, lastAt: '2024-12-10T10:00:00+09:00' },
    updatedAt: '2025-01-06T08:00:00+09:00',
  },
  2025: loadedSummary,
  2026: {
    employeeId: 'emp_demo1',
    year: 2026,
    learning: {
      jp: 4.5,
      targetJp: 20,
      byCompetency: { technical: 3, managerial: 0, 'socio-cultural': 1.5 },
      fromPrograms: 3,
      byMonth: [1.5, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    goals: { total: 3, active: 2, achieved: 0, atRisk: 0 },
    feedback: { total: 1, lastAt: '2026-03-12T09:15:00+09:00' },
    updatedAt: '2026-03-14T08:00:00+09:00',
  },
};

/**
 * A stand-in SDK client for stories: `progress.get` answers from the given function. Lets stories show the
 * loading and error states of a card inside an `<asn-provider>` without a server.
 */
export function storyClient(get: () => Promise<ProgressSummary>): Client {
  const client = {
    baseUrl: 'https://example.invalid',
    hasCredentials: true,
    progress: { get },
    events: { subscribe: () => () => {} },
    onInvalidate: () => () => {},
    setToken: () => {},
    close: () => {},
  };
  return client as unknown as Client;
}

export const never = (): Promise<never> => new Promise(() => {});

export const failWith = (error: { name: string; status?: number; message: string }) => (): Promise<never> =>
  Promise.reject(Object.assign(new Error(error.message), error));

// ── The coaching loop: goals and feedback for asn-goal-list / asn-feedback-form stories (and their tests) ──

type Answer<T> = T | Error | (() => Promise<T>);

export const ownerMe: Me = {
  id: 'emp_owner1',
  nip: '198503152010011001',
  name: 'Yohana Kambu',
  employmentType: 'PNS',
  position: 'Analis Kepegawaian',
  grade: 'III/b',
  unit: { id: 'unit_bkpsdm', name: 'BKPSDM Kota Sorong' },
  supervisorId: 'emp_boss1',
  role: 'employee',
} as Me;

export const makeGoal = (overrides: Partial<Goal> = {}): Goal =>
  ({
    id: 'goal_a1',
    employeeId: 'emp_owner1',
    title: 'Menyelesaikan pelatihan literasi digital',
    kind: 'development',
    competency: 'technical',
    measure: { unit: 'pelatihan', target: 5, current: 3 },
    status: 'active',
    year: 2025,
    dueDate: '2025-12-15',
    alignedGoalId: null,
    version: 1,
    createdAt: '2025-02-01T08:00:00+09:00',
    updatedAt: '2025-09-01T08:00:00+09:00',
    ...overrides,
  }) as Goal;

function answer<T>(a: Answer<T> | undefined): Promise<T> {
  if (a === undefined) return Promise.reject(new Error('FakeCoachingClient: no answer queued'));
  if (typeof a === 'function') return (a as () => Promise<T>)();
  if (a instanceof Error) return Promise.reject(a);
  return Promise.resolve(structuredClone(a));
}

/** An error shaped like the SDK's `QueuedError` (written offline, kept in the outbox). */
export function queuedError(id = 'obx_test1'): Error {
  return Object.assign(new Error('queued'), { name: 'QueuedError', entry: { id } });
}

export class FakeCoachingClient {
  readonly baseUrl = 'http://fake.invalid';
  readonly hasCredentials = true;
  meAnswer: Answer<Me> = ownerMe;
  goalsAnswers: Answer<Goal[]>[] = [[makeGoal()]];
  createGoalAnswer: Answer<Goal> = makeGoal({ id: 'goal_new1', title: 'Baru', measure: { unit: 'pelatihan', target: 5, current: 0 } });
  createFeedbackAnswer: Answer<Feedback> | undefined;
  goalListCalls: unknown[][] = [];
  createGoalCalls: unknown[][] = [];
  checkInCalls: unknown[][] = [];
  feedbackCalls: unknown[][] = [];
  subscriptions: string[][] = [];
  private invalidateListeners = new Set<(tags: readonly string[]) => void>();
  private outboxListeners = new Set<(e: unknown) => void>();

  me = { get: () => answer(this.meAnswer) };
  goals = {
    list: (...args: unknown[]) => {
      this.goalListCalls.push(args);
      const next = this.goalsAnswers.length > 1 ? this.goalsAnswers.shift() : this.goalsAnswers[0];
      return answer(next).then((data) => ({ data, nextCursor: null }));
    },
    create: (...args: unknown[]) => {
      this.createGoalCalls.push(args);
      return answer(this.createGoalAnswer);
    },
    checkIns: {
      create: (...args: unknown[]) => {
        this.checkInCalls.push(args);
        return Promise.reject(queuedError('obx_chk1'));
      },
    },
  };
  feedback = {
    create: (...args: unknown[]) => {
      this.feedbackCalls.push(args);
      return answer(this.createFeedbackAnswer);
    },
  };

  // Programs (catalog, roster, recommendations): answers to set per story or test, and the calls made.
  programsAnswer: Answer<Program[]> = catalogPrograms;
  programAnswer: Answer<Program> = rosterProgram;
  rosterAnswer: Answer<Enrollment[]> = makeRoster(12, 2);
  attendanceAnswer: Answer<Attendance> | undefined;
  completeAnswer: Answer<CompletionResult> | undefined;
  enrollmentsAnswer: Answer<Enrollment[]> = myEnrollments;
  createEnrollmentAnswer: Answer<Enrollment> | undefined;
  cancelEnrollmentAnswer: Answer<Enrollment> | undefined;
  recommendationAnswer: Answer<Recommendation> | undefined;
  programCalls: { method: string; args: unknown[] }[] = [];
  private logged<T>(method: string, args: unknown[], a: Answer<T> | undefined): Promise<T> {
    this.programCalls.push({ method, args });
    return answer(a);
  }
  programs = {
    list: (...args: unknown[]) => this.logged('programs.list', args, this.programsAnswer).then((data) => ({ data, nextCursor: null })),
    get: (...args: unknown[]) => this.logged('programs.get', args, this.programAnswer),
    roster: (...args: unknown[]) => this.logged('programs.roster', args, this.rosterAnswer).then((data) => ({ data, nextCursor: null })),
    setAttendance: (...args: unknown[]) => this.logged('programs.setAttendance', args, this.attendanceAnswer),
    complete: (...args: unknown[]) => this.logged('programs.complete', args, this.completeAnswer),
  };
  enrollments = {
    list: (...args: unknown[]) => this.logged('enrollments.list', args, this.enrollmentsAnswer).then((data) => ({ data, nextCursor: null })),
    create: (...args: unknown[]) => this.logged('enrollments.create', args, this.createEnrollmentAnswer),
    cancel: (...args: unknown[]) => this.logged('enrollments.cancel', args, this.cancelEnrollmentAnswer),
  };
  recommendations = {
    create: (...args: unknown[]) => this.logged('recommendations.create', args, this.recommendationAnswer),
  };
  // Internship openings and the student's application (asn-internship-openings, asn-internship-form): see internship-fixtures.ts.
  internships = new FakeInternships();
  // Internship applications (the review queue): a stateful stand-in, see review-fixtures.ts.
  readonly review = new ReviewApplicationsFake();
  applications = this.review.resource;
  // The partner directory (asn-partner-directory): filtered and paged like the server, see partner-fixtures.ts.
  partners = new FakePartners();
  outbox = {
    enabled: true,
    size: 0,
    list: async () => [],
    flush: async () => ({ sent: 0, failed: 0, remaining: 0 }),
    subscribe: (l: (e: unknown) => void) => {
      this.outboxListeners.add(l);
      return () => this.outboxListeners.delete(l);
    },
  };
  events = {
    subscribe: (topics: string[]) => {
      this.subscriptions.push(topics);
      return () => undefined;
    },
  };
  onInvalidate(listener: (tags: readonly string[]) => void): () => void {
    this.invalidateListeners.add(listener);
    return () => this.invalidateListeners.delete(listener);
  }
  invalidate(tags: string[]): void {
    for (const l of this.invalidateListeners) l(tags);
  }
  emitOutbox(event: unknown): void {
    for (const l of this.outboxListeners) l(event);
  }
  setToken(): void {}
  close(): void {}
  asClient(): Client {
    return this as unknown as Client;
  }
}

/**
 * The team overview's "recommend a program" (stories and tests): a FakeCoachingClient whose `team.list` answers
 * `members` and whose `me` is their supervisor (`emp_boss1`; pass `{ role: 'admin' }` or another id to change who looks).
 */
export function teamCoachingClient(members: TeamMember[], me: Partial<Me> = {}): FakeCoachingClient {
  const c = new FakeCoachingClient();
  c.meAnswer = { ...ownerMe, id: 'emp_boss1', name: 'Markus Wanma', position: 'Kepala Bidang Pengembangan Kompetensi', supervisorId: null, ...me } as Me;
  return Object.assign(c, { team: { list: () => Promise.resolve({ data: structuredClone(members), nextCursor: null }) } });
}

/** Goals of one ASN for stories: one active, one achieved, one missed. */
export const storyGoals: Goal[] = [
  makeGoal(),
  makeGoal({ id: 'goal_a2', title: 'Menyusun SOP layanan kenaikan pangkat', kind: 'performance', competency: 'managerial', measure: { unit: 'dokumen', target: 1, current: 1 }, status: 'achieved', dueDate: '2025-06-30' }),
  makeGoal({ id: 'goal_a3', title: 'Mengikuti pelatihan pelayanan publik berbasis budaya Papua', competency: 'socio-cultural', measure: { unit: 'JP', target: 8, current: 2 }, status: 'missed', dueDate: '2025-03-31' }),
];

/** The owner's goals year by year (2025 is `storyGoals`). */
export const goalsByYear: Readonly<Record<number, Goal[]>> = {
  2024: [
    makeGoal({ id: 'goal_2024a', title: 'Mengikuti pelatihan analisis jabatan dan beban kerja', measure: { unit: 'JP', target: 12, current: 12 }, status: 'achieved', year: 2024, dueDate: '2024-08-31', createdAt: '2024-01-15T08:00:00+09:00', updatedAt: '2024-08-20T08:00:00+09:00' }),
    makeGoal({ id: 'goal_2024b', title: 'Menyusun peta jabatan BKPSDM Kota Sorong', kind: 'performance', competency: 'managerial', measure: { unit: 'dokumen', target: 1, current: 1 }, status: 'achieved', year: 2024, dueDate: '2024-11-30', createdAt: '2024-01-15T08:00:00+09:00', updatedAt: '2024-11-25T08:00:00+09:00' }),
    makeGoal({ id: 'goal_2024c', title: 'Menuntaskan digitalisasi arsip kepegawaian 2015–2019', kind: 'performance', measure: { unit: 'berkas', target: 1200, current: 950 }, status: 'missed', year: 2024, dueDate: '2024-12-20', createdAt: '2024-02-01T08:00:00+09:00', updatedAt: '2024-12-21T08:00:00+09:00' }),
    makeGoal({ id: 'goal_2024d', title: 'Mengikuti bimbingan teknis SIASN tingkat nasional', measure: { unit: 'JP', target: 8, current: 0 }, status: 'cancelled', year: 2024, dueDate: '2024-05-31', createdAt: '2024-02-01T08:00:00+09:00', updatedAt: '2024-04-10T08:00:00+09:00' }),
  ],
  2025: storyGoals,
  2026: [
    makeGoal({ id: 'goal_2026a', title: 'Mengikuti Pelatihan Kepemimpinan Pengawas (PKP)', competency: 'managerial', measure: { unit: 'JP', target: 16, current: 4 }, status: 'active', year: 2026, dueDate: '2026-09-30', createdAt: '2026-01-12T08:00:00+09:00', updatedAt: '2026-03-02T08:00:00+09:00' }),
    makeGoal({ id: 'goal_2026b', title: 'Memetakan talenta ASN Kota Sorong per unit kerja', kind: 'performance', competency: 'managerial', measure: { unit: 'unit kerja', target: 30, current: 6 }, status: 'active', year: 2026, dueDate: '2026-11-30', createdAt: '2026-01-12T08:00:00+09:00', updatedAt: '2026-03-10T08:00:00+09:00' }),
    makeGoal({ id: 'goal_2026c', title: 'Menyusun modul orientasi pegawai baru berbasis budaya Moi', competency: 'socio-cultural', measure: { unit: 'modul', target: 1, current: 0 }, status: 'draft', year: 2026, dueDate: '2026-06-30', createdAt: '2026-02-03T08:00:00+09:00', updatedAt: '2026-02-03T08:00:00+09:00' }),
  ],
};

/** The owner's goals of one year (none for a year without fixtures). */
export const goalsForYear = (year: number): Goal[] => goalsByYear[year] ?? [];

/**
 * A stand-in client for the coaching stories: goals from `goals` (default: `goalsByYear`, answering the `year` and
 * `status` the list asks for, so those controls work), feedback writes answered by `feedback` (or queued offline).
 */
export function goalFeedbackStoryClient(options: { goals?: Goal[] | (() => Promise<Goal[]>) | Error; feedback?: Feedback | Error | (() => Promise<Feedback>) } = {}): Client {
  const c = new FakeCoachingClient();
  c.goalsAnswers = [options.goals ?? storyGoals];
  if (options.goals === undefined) {
    c.goals = {
      ...c.goals,
      list: (...args: unknown[]) => {
        c.goalListCalls.push(args);
        const query = (args[1] ?? {}) as { year?: number; status?: string };
        const data = goalsForYear(query.year ?? 2025).filter((g) => !query.status || g.status === query.status);
        return Promise.resolve({ data: structuredClone(data), nextCursor: null });
      },
    };
  }
  if (options.feedback) c.createFeedbackAnswer = options.feedback;
  return c.asClient();
}

export const storyFeedback: Feedback = {
  id: 'fb_story1',
  employeeId: 'emp_owner1',
  authorId: 'emp_boss1',
  authorName: 'Markus Fonataba',
  kind: 'appreciation',
  rating: 'above',
  goalId: 'goal_a1',
  message: 'Terima kasih atas pendampingan pegawai baru minggu ini. Sangat membantu tim!',
  createdAt: '2025-10-01T09:00:00+09:00',
  acknowledgedAt: null,
  response: null,
} as Feedback;

// ── asn-feedback-feed and asn-team-overview: deterministic fixtures (no server) ──

/** Feedback received by `emp_owner1`, newest first: two not yet acknowledged, one whose message looks like HTML. */
export const feedbackItems: Feedback[] = [
  {
    id: 'fb_feed0001',
    employeeId: 'emp_owner1',
    authorId: 'emp_boss1',
    authorName: 'Markus Wanma',
    kind: 'appreciation',
    rating: 'above',
    goalId: 'goal_a1',
    message: 'Terima kasih atas pendampingan pegawai baru minggu ini.\nSangat membantu tim layanan!',
    createdAt: '2026-03-12T09:15:00+09:00',
    acknowledgedAt: null,
    response: null,
  },
  {
    id: 'fb_feed0002',
    employeeId: 'emp_owner1',
    authorId: 'emp_boss1',
    authorName: 'Markus Wanma',
    kind: 'guidance',
    rating: 'meets',
    goalId: null,
    message: '<img src=x onerror=alert(1)>',
    createdAt: '2026-03-05T14:40:00+09:00',
    acknowledgedAt: null,
    response: null,
  },
  {
    id: 'fb_feed0003',
    employeeId: 'emp_owner1',
    authorId: 'emp_boss1',
    authorName: 'Markus Wanma',
    kind: 'guidance',
    rating: 'below',
    goalId: 'goal_unknown9',
    message: 'Laporan bulanan perlu dikirim tepat waktu; mari susun jadwal bersama.',
    createdAt: '2026-02-20T08:05:00+09:00',
    acknowledgedAt: '2026-02-21T10:00:00+09:00',
    response: 'Siap, Pak. Jadwal sudah saya kirim lewat surel.',
  },
];

export const feedbackGoals = [{ id: 'goal_a1', title: 'Menyelesaikan pelatihan literasi digital' }];

/** A small seeded PRNG (mulberry32): the same seed gives the same rows on every machine. Never `Math.random`. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const pickWeighted = <T extends { weight: number }>(random: Random, list: readonly T[]): T => {
  let x = random() * list.reduce((sum, item) => sum + item.weight, 0);
  for (const item of list) if ((x -= item.weight) < 0) return item;
  return list[list.length - 1];
};

/**
 * Naming traditions of Kota Sorong's civil servants, weighted roughly as in the city: Papuan (Moi, Biak, Serui,
 * Maybrat… family names after Christian given names, and Muslim Papuans of Raja Ampat and Fakfak), then Maluku,
 * Javanese and Sundanese (no family name: a second personal name), Bugis-Makassar, Batak, Mandailing, Minahasa,
 * Toraja and Chinese Indonesian.
 */
interface NameGroup {
  weight: number;
  male: readonly string[];
  female: readonly string[];
  /** Family names, or (Javanese, Sundanese) second personal names by gender. */
  last: readonly string[] | { male: readonly string[]; female: readonly string[] };
  /** Chance of a second given name ("Maria Agustina Kambu"). */
  middle: number;
}

const CHRISTIAN_MALE = ['Yohanes', 'Agustinus', 'Frans', 'Markus', 'Petrus', 'Paulus', 'Yakobus', 'Marthen', 'Daniel', 'Hendrik', 'Obed', 'Yance', 'Septinus', 'Oktovianus', 'Yulius', 'Yulianus', 'Nikolas', 'Origenes', 'Lukas', 'Samuel', 'Melkias', 'Herman', 'Adolof', 'Welem', 'Korneles', 'Zakeus', 'Ferdinand', 'Benyamin', 'Yermias', 'Stevanus', 'Lodewijk', 'Habel', 'Izak', 'Timotius', 'Elias', 'Yosias', 'Demianus', 'Aprianus', 'Alfons', 'Barnabas'];
const CHRISTIAN_FEMALE = ['Yohana', 'Maria', 'Agustina', 'Fransiska', 'Yosina', 'Martha', 'Elisabeth', 'Novita', 'Naomi', 'Ribka', 'Sara', 'Ester', 'Debora', 'Selfina', 'Kristina', 'Orpa', 'Anace', 'Yuliana', 'Theresia', 'Magdalena', 'Yosefina', 'Dorkas', 'Mince', 'Lusiana', 'Adolfina', 'Dina', 'Feronika', 'Margaretha', 'Rut', 'Hana', 'Paulina', 'Septina', 'Natalia', 'Antonia', 'Klara'];
const MUSLIM_MALE = ['Muhammad', 'Ahmad', 'Abdullah', 'Abdul', 'Rahmat', 'Usman', 'Ismail', 'Yusuf', 'Hasan', 'Husein', 'Ali', 'Umar', 'Said', 'Jafar', 'Hamid', 'Fadli', 'Ridwan', 'Ilham', 'Akbar', 'Zainal', 'Irwan', 'Syahrul', 'Hamdan', 'Zulkifli', 'Arif', 'Ibrahim', 'Hamzah', 'Idris', 'Anwar', 'Taufik'];
const MUSLIM_FEMALE = ['Siti', 'Fatimah', 'Aisyah', 'Nurhayati', 'Halimah', 'Mariam', 'Zainab', 'Salma', 'Nurul', 'Rahmawati', 'Hasnah', 'Hasna', 'Khadijah', 'Aminah', 'Fitri', 'Rahmah', 'Nurjanah', 'Saida', 'Rukia', 'Zahra', 'Hajar', 'Yusnita', 'Khairani', 'Lely'];

const NAME_GROUPS: readonly NameGroup[] = [
  // Papuan: Moi (Sorong's own), Biak, Serui, Maybrat, Tehit… family names.
  {
    weight: 38,
    male: CHRISTIAN_MALE,
    female: CHRISTIAN_FEMALE,
    last: ['Kambu', 'Wanma', 'Mayor', 'Rumbiak', 'Sawaki', 'Kareth', 'Ulim', 'Fatem', 'Malak', 'Kalami', 'Salossa', 'Yaboisembut', 'Mambrasar', 'Arwam', 'Krey', 'Momot', 'Baransano', 'Rumbewas', 'Rumsayor', 'Mofu', 'Korwa', 'Ayamiseba', 'Kafiar', 'Rumaropen', 'Karubaba', 'Wamafma', 'Mansoben', 'Yembise', 'Womsiwor', 'Rumere', 'Sroyer', 'Ansanay', 'Msiren', 'Wanggai', 'Awom', 'Ramandey', 'Osok', 'Klasibin', 'Gisim', 'Magablo', 'Klagilit', 'Mobalen', 'Kalasuat', 'Sapisa', 'Kalaibin', 'Fonataba', 'Rumadas', 'Howay', 'Isir', 'Duwiri', 'Samori', 'Sundoy', 'Kondologit', 'Bonsapia', 'Rumainum', 'Wambrauw', 'Kbarek', 'Rumbino', 'Dimara', 'Inggamer', 'Wamaer', 'Burdam', 'Sanyar', 'Yoku', 'Ohee', 'Hamadi'],
    middle: 0.45,
  },
  // Muslim Papuans (Raja Ampat, Fakfak).
  { weight: 4, male: MUSLIM_MALE, female: MUSLIM_FEMALE, last: ['Arfan', 'Umlati', 'Hindom', 'Iribaram', 'Patiran', 'Rumagesan', 'Uswanas', 'Bauw', 'Tuturop'], middle: 0.45 },
  // Maluku (Ambon, Kei).
  {
    weight: 9,
    male: ['Johanis', 'Marthinus', 'Yopie', 'Frederik', 'Jacob', 'Ronald', 'Melkianus', 'Abraham', 'Semuel', 'Dominggus', 'Stevanus', 'Richard', 'Fredy', 'Reinhard', 'Elkana'],
    female: ['Olivia', 'Yolanda', 'Meliana', 'Christina', 'Wilhelmina', 'Jacqueline', 'Grace', 'Merry', 'Elsye', 'Anneke', 'Josephine', 'Priscilla', 'Vonny', 'Carolina'],
    last: ['Pattiasina', 'Latuperissa', 'Sahetapy', 'Tuhumury', 'Manuputty', 'Sopacua', 'Lekatompessy', 'Tetelepta', 'Wattimena', 'Siahaya', 'Lewerissa', 'Huwae', 'Pattinama', 'Matulessy', 'Renwarin', 'Rahayaan', 'Ohoiwutun', 'Rettob', 'Leiwakabessy', 'Pelupessy', 'Tupamahu', 'Noya', 'Ririmasse', 'Soplanit'],
    middle: 0.45,
  },
  // Muslim Maluku.
  { weight: 3, male: MUSLIM_MALE, female: MUSLIM_FEMALE, last: ['Tuasikal', 'Latuconsina', 'Ohorella', 'Lestaluhu', 'Pellu', 'Marasabessy', 'Sangadji', 'Tuanaya'], middle: 0.45 },
  // Javanese: a second personal name, no family name.
  {
    weight: 14,
    male: ['Agus', 'Budi', 'Eko', 'Joko', 'Djoko', 'Bambang', 'Heru', 'Dedi', 'Slamet', 'Sugeng', 'Hadi', 'Teguh', 'Wahyu', 'Bayu', 'Dwi', 'Tri', 'Yudi', 'Rudi', 'Arif', 'Hendro', 'Sigit', 'Puguh', 'Gunawan', 'Suryo', 'Bagus', 'Anton', 'Didik', 'Imam'],
    female: ['Sri', 'Dwi', 'Tri', 'Rina', 'Endang', 'Yuli', 'Siti', 'Ratna', 'Wulan', 'Ani', 'Nurhayati', 'Retno', 'Indah', 'Fitri', 'Puji', 'Dewi', 'Sulastri', 'Wiwik', 'Yuniarti', 'Rini', 'Tutik', 'Kartini', 'Endah', 'Ayu', 'Novi', 'Eka', 'Ika'],
    last: {
      male: ['Santoso', 'Setiawan', 'Prasetyo', 'Susilo', 'Hidayat', 'Sutrisno', 'Purnomo', 'Kurniawan', 'Wibowo', 'Nugroho', 'Saputra', 'Hartono', 'Widodo', 'Suharto', 'Utomo', 'Sulistyo', 'Priyanto', 'Haryanto', 'Wijanarko', 'Cahyono', 'Susanto', 'Pamungkas', 'Raharjo', 'Sasongko', 'Wicaksono', 'Nugraha', 'Darmawan', 'Firmansyah', 'Subagyo', 'Prabowo'],
      female: ['Wahyuni', 'Lestari', 'Handayani', 'Kusumawati', 'Sulistyowati', 'Astuti', 'Rahayu', 'Pratiwi', 'Rahmawati', 'Susanti', 'Wijayanti', 'Yuliani', 'Suryani', 'Purwanti', 'Setyaningsih', 'Widayati', 'Hastuti', 'Mulyani', 'Ningsih', 'Puspitasari', 'Kurniasih', 'Wulandari', 'Anggraeni', 'Maharani', 'Safitri', 'Permatasari', 'Utami', 'Damayanti', 'Sari'],
    },
    middle: 0.45,
  },
  // Sundanese.
  {
    weight: 3,
    male: ['Asep', 'Ujang', 'Dadang', 'Cecep', 'Yayan', 'Dede', 'Iwan', 'Ade', 'Deden', 'Jajang', 'Agus', 'Dodi', 'Endang', 'Wawan'],
    female: ['Euis', 'Neneng', 'Lilis', 'Imas', 'Enung', 'Yeni', 'Rina', 'Siti', 'Cucu', 'Iis', 'Nina', 'Wida', 'Ela', 'Popon'],
    last: {
      male: ['Supriatna', 'Suryana', 'Hermawan', 'Sopandi', 'Rukmana', 'Permana', 'Ruhiyat', 'Kusnadi', 'Sutisna', 'Hidayat', 'Sudrajat', 'Wiguna', 'Gumilar', 'Mulyana', 'Kurnia', 'Setiadi'],
      female: ['Nurjanah', 'Komalasari', 'Sumarni', 'Rosmiati', 'Kurniasih', 'Herawati', 'Nuraeni', 'Sukaesih', 'Yulianti', 'Rahmawati', 'Maryani', 'Wulansari', 'Rohayati', 'Nurhasanah', 'Fitriani', 'Apriliani'],
    },
    middle: 0.35,
  },
  // Bugis-Makassar: often the father's name last.
  {
    weight: 7,
    male: ['Muhammad', 'Andi', 'Ahmad', 'Rahmat', 'Syahrul', 'Irwan', 'Asrul', 'Syamsul', 'Fadli', 'Ridwan', 'Ilham', 'Akbar', 'Arifuddin', 'Zainal', 'Hasanuddin', 'Nasrullah'],
    female: ['Siti', 'Nurul', 'Sitti', 'Rahmawati', 'Hasnah', 'Hijrah', 'Fatimah', 'Nurhaliza', 'Asmawati', 'Ernawati', 'Rosmiati', 'Nurdiana', 'Hasmiah', 'Suriani', 'Jumriah'],
    last: ['Syam', 'Latif', 'Rahman', 'Hamid', 'Basri', 'Amir', 'Yusuf', 'Arsyad', 'Ramli', 'Syamsuddin', 'Haris', 'Jufri', 'Rasyid', 'Makmur', 'Mappiasse', 'Sultan', 'Kadir', 'Usman', 'Tahir', 'Baharuddin', 'Nurdin', 'Saleh', 'Mustafa', 'Aziz'],
    middle: 0.45,
  },
  // Batak Toba and Simalungun (marga).
  {
    weight: 7,
    male: ['Maruli', 'Parulian', 'Hotman', 'Lamhot', 'Jonny', 'Hendra', 'Samuel', 'Togar', 'Pardamean', 'Robert', 'Bonar', 'Sahat', 'Tigor', 'Rudolf'],
    female: ['Tiurma', 'Sondang', 'Rosmawati', 'Friska', 'Ruth', 'Rosmaida', 'Nurmaida', 'Lisbet', 'Duma', 'Rotua', 'Hotmauli', 'Mariani'],
    last: ['Siregar', 'Saragih', 'Simanjuntak', 'Sitompul', 'Hutapea', 'Sihombing', 'Panjaitan', 'Simatupang', 'Manurung', 'Pardede', 'Situmorang', 'Tampubolon', 'Sinaga', 'Gultom', 'Hutagalung', 'Marpaung', 'Sitorus', 'Purba', 'Damanik', 'Napitupulu', 'Silalahi', 'Hutabarat', 'Sirait', 'Pasaribu'],
    middle: 0.4,
  },
  // Mandailing (marga).
  { weight: 4, male: MUSLIM_MALE, female: MUSLIM_FEMALE, last: ['Nasution', 'Lubis', 'Harahap', 'Siregar', 'Daulay', 'Pulungan', 'Hasibuan', 'Rangkuti', 'Batubara', 'Matondang'], middle: 0.45 },
  // Minahasa (fam).
  {
    weight: 5,
    male: ['Frangky', 'Stenly', 'Vicky', 'Jefry', 'Ronald', 'Ferry', 'Meiky', 'Hendry', 'Jimmy', 'Recky', 'Denny', 'Rolly'],
    female: ['Jeane', 'Meiske', 'Novie', 'Marlyn', 'Deisy', 'Vivi', 'Inggrid', 'Sintje', 'Ivonne', 'Lenny', 'Juliet', 'Femmy'],
    last: ['Wowor', 'Lumintang', 'Rumengan', 'Tumbelaka', 'Sumampouw', 'Pangemanan', 'Mandagi', 'Kaunang', 'Sondakh', 'Tambayong', 'Lasut', 'Rondonuwu', 'Karundeng', 'Supit', 'Tangkilisan', 'Lumanauw', 'Waworuntu', 'Runtuwene', 'Mamahit', 'Palit'],
    middle: 0.35,
  },
  // Toraja.
  { weight: 3, male: ['Yohanis', 'Paulus', 'Daniel', 'Simon', 'Yulius', 'Andarias', 'Lukas', 'Aris', 'Markus', 'Petrus', 'Yosia', 'Matius'], female: ['Yuliana', 'Ribka', 'Meri', 'Lidya', 'Selvi', 'Dorce', 'Agustina', 'Martha', 'Yohana', 'Rahel'], last: ['Palimbong', 'Tandirerung', 'Pasanda', 'Tangdilintin', 'Parinding', 'Sarungallo', 'Rantetana', 'Sampetoding'], middle: 0.45 },
  // Chinese Indonesian.
  { weight: 2, male: ['Hendra', 'Andreas', 'Kevin', 'Michael', 'Felix', 'William', 'Budi', 'Hartono'], female: ['Linda', 'Yenny', 'Stefanie', 'Vivian', 'Susanti', 'Lily', 'Meilani', 'Shirley'], last: ['Wijaya', 'Halim', 'Gunawan', 'Tanoto', 'Kusuma', 'Salim', 'Tanjaya', 'Hartanto', 'Setiadi', 'Sutanto', 'Lim', 'Tan'], middle: 0.25 },
];

function personName(random: Random): string {
  const group = pickWeighted(random, NAME_GROUPS);
  const female = random() < 0.5;
  const given = female ? group.female : group.male;
  const first = pick(random, given);
  const second = random() < group.middle ? pick(random, given.filter((n) => n !== first)) : undefined;
  const lastNames = 'male' in group.last ? (female ? group.last.female : group.last.male) : group.last;
  return [first, second, pick(random, lastNames)].filter(Boolean).join(' ');
}

/** Positions any unit has (administration, finance, personnel, records, IT). */
const COMMON_POSITIONS = [
  'Pengadministrasi Perkantoran',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Arsiparis Terampil',
  'Arsiparis Ahli Pertama',
  'Analis SDM Aparatur Ahli Pertama',
  'Pranata Komputer Terampil',
  'Perencana Ahli Pertama',
  'Analis Keuangan Pusat dan Daerah Ahli Pertama',
  'Pengelola Pengadaan Barang/Jasa Ahli Pertama',
  'Pranata Humas Terampil',
  'Kepala Subbagian Umum dan Kepegawaian',
  'Kepala Subbagian Perencanaan dan Keuangan',
];

/** Units of the Kota Sorong government, weighted by headcount, with the positions particular to each. */
const UNITS: readonly { id: string; name: string; weight: number; positions: readonly string[] }[] = [
  { id: 'unit_setda', name: 'Sekretariat Daerah Kota Sorong', weight: 3, positions: ['Analis Kebijakan Ahli Muda', 'Analis Kebijakan Ahli Madya', 'Analis Hukum Ahli Pertama', 'Perancang Peraturan Perundang-undangan Ahli Muda', 'Pranata Humas Ahli Muda', 'Kepala Bagian Organisasi'] },
  { id: 'unit_bkpsdm', name: 'BKPSDM Kota Sorong', weight: 3, positions: ['Analis SDM Aparatur Ahli Muda', 'Asesor SDM Aparatur Ahli Pertama', 'Pranata SDM Aparatur Terampil', 'Widyaiswara Ahli Muda', 'Kepala Bidang Pengembangan Kompetensi'] },
  { id: 'unit_bapperida', name: 'Bapperida Kota Sorong', weight: 2, positions: ['Perencana Ahli Muda', 'Peneliti Ahli Pertama', 'Statistisi Ahli Pertama', 'Kepala Bidang Riset dan Inovasi'] },
  { id: 'unit_bpkad', name: 'BPKAD Kota Sorong', weight: 2, positions: ['Analis Keuangan Pusat dan Daerah Ahli Muda', 'Penata Laporan Keuangan', 'Pengelola Barang Milik Daerah', 'Kepala Bidang Akuntansi'] },
  { id: 'unit_bapenda', name: 'Bapenda Kota Sorong', weight: 2, positions: ['Pemeriksa Pajak Ahli Pertama', 'Penilai Pajak Bumi dan Bangunan Ahli Pertama', 'Kepala Bidang Pendapatan'] },
  { id: 'unit_inspektorat', name: 'Inspektorat Daerah Kota Sorong', weight: 2, positions: ['Auditor Ahli Pertama', 'Auditor Ahli Muda', 'Auditor Ahli Madya', 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda'] },
  { id: 'unit_dinkes', name: 'Dinas Kesehatan Kota Sorong', weight: 8, positions: ['Penyuluh Kesehatan Masyarakat Ahli Pertama', 'Epidemiolog Kesehatan Ahli Muda', 'Sanitarian Terampil', 'Nutrisionis Ahli Pertama', 'Bidan Terampil', 'Perawat Ahli Pertama', 'Dokter Ahli Pertama', 'Apoteker Ahli Pertama', 'Administrator Kesehatan Ahli Muda', 'Kepala Puskesmas'] },
  { id: 'unit_rsud', name: 'RSUD Sele be Solu Kota Sorong', weight: 6, positions: ['Dokter Ahli Muda', 'Perawat Ahli Pertama', 'Perawat Terampil', 'Bidan Ahli Pertama', 'Apoteker Ahli Pertama', 'Radiografer Terampil', 'Pranata Laboratorium Kesehatan Terampil', 'Perekam Medis Terampil', 'Fisioterapis Terampil'] },
  { id: 'unit_disdikbud', name: 'Dinas Pendidikan dan Kebudayaan Kota Sorong', weight: 12, positions: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya', 'Pengawas Sekolah Ahli Madya', 'Penilik Ahli Muda', 'Pamong Belajar Ahli Pertama', 'Pamong Budaya Ahli Pertama', 'Pustakawan Terampil'] },
  { id: 'unit_disdukcapil', name: 'Disdukcapil Kota Sorong', weight: 2, positions: ['Administrator Database Kependudukan Ahli Pertama', 'Administrator Database Kependudukan Ahli Muda', 'Pengolah Data dan Informasi', 'Kepala Bidang Pelayanan Pendaftaran Penduduk'] },
  { id: 'unit_dpupr', name: 'Dinas PUPR Kota Sorong', weight: 3, positions: ['Teknik Jalan dan Jembatan Ahli Pertama', 'Teknik Pengairan Ahli Pertama', 'Teknik Tata Bangunan dan Perumahan Ahli Pertama', 'Penata Ruang Ahli Muda'] },
  { id: 'unit_dishub', name: 'Dinas Perhubungan Kota Sorong', weight: 2, positions: ['Penguji Kendaraan Bermotor Terampil', 'Penguji Kendaraan Bermotor Ahli Pertama', 'Kepala Seksi Lalu Lintas'] },
  { id: 'unit_dlh', name: 'Dinas Lingkungan Hidup Kota Sorong', weight: 2, positions: ['Pengendali Dampak Lingkungan Ahli Pertama', 'Pengawas Lingkungan Hidup Ahli Muda', 'Penyuluh Lingkungan Hidup Ahli Pertama'] },
  { id: 'unit_dinsos', name: 'Dinas Sosial Kota Sorong', weight: 2, positions: ['Pekerja Sosial Ahli Pertama', 'Pekerja Sosial Terampil', 'Penyuluh Sosial Ahli Pertama'] },
  { id: 'unit_kominfo', name: 'Dinas Kominfo Kota Sorong', weight: 2, positions: ['Pranata Komputer Ahli Pertama', 'Pranata Komputer Ahli Muda', 'Pranata Humas Ahli Muda', 'Statistisi Terampil', 'Sandiman Ahli Pertama'] },
  { id: 'unit_satpolpp', name: 'Satpol PP Kota Sorong', weight: 3, positions: ['Polisi Pamong Praja Terampil', 'Polisi Pamong Praja Ahli Pertama', 'Kepala Seksi Penegakan Peraturan Daerah'] },
  { id: 'unit_perikanan', name: 'Dinas Perikanan Kota Sorong', weight: 2, positions: ['Penyuluh Perikanan Terampil', 'Penyuluh Perikanan Ahli Pertama', 'Pengawas Perikanan Ahli Pertama'] },
  { id: 'unit_pertanian', name: 'Dinas Pertanian dan Ketahanan Pangan Kota Sorong', weight: 2, positions: ['Penyuluh Pertanian Ahli Pertama', 'Penyuluh Pertanian Terampil', 'Pengawas Mutu Hasil Pertanian Terampil', 'Medik Veteriner Ahli Pertama', 'Analis Ketahanan Pangan Ahli Pertama'] },
  { id: 'unit_dpmptsp', name: 'DPMPTSP Kota Sorong', weight: 1, positions: ['Penata Perizinan Ahli Pertama', 'Penata Perizinan Ahli Muda'] },
  ...['Sorong', 'Sorong Barat', 'Sorong Timur', 'Sorong Utara', 'Sorong Manoi', 'Sorong Kota', 'Sorong Kepulauan', 'Klaurung', 'Malaimsimsa', 'Maladum Mes'].map((district) => ({
    id: `unit_distrik${district.replace(/\s+/g, '').toLowerCase()}`,
    name: `Distrik ${district}`,
    weight: 1.5,
    positions: ['Sekretaris Distrik', 'Kepala Seksi Pemerintahan', 'Kepala Seksi Pelayanan Umum', 'Lurah', 'Sekretaris Kelurahan'],
  })),
];

/** The grades (golongan/ruang) a position's level is held at. */
function gradesFor(position: string): readonly string[] {
  if (/Terampil$/.test(position)) return ['II/c', 'II/d', 'III/a', 'III/b'];
  if (/Ahli Pertama$/.test(position)) return ['III/a', 'III/b'];
  if (/Ahli Muda$/.test(position)) return ['III/c', 'III/d'];
  if (/Ahli Madya$/.test(position)) return ['IV/a', 'IV/b', 'IV/c'];
  if (/^(Kepala Bidang|Kepala Bagian|Kepala Puskesmas|Sekretaris Distrik|Lurah)/.test(position)) return ['III/d', 'IV/a', 'IV/b'];
  if (/^(Kepala Sub|Kepala Seksi|Sekretaris Kelurahan)/.test(position)) return ['III/b', 'III/c', 'III/d'];
  if (/^(Pengadministrasi|Pengelola Layanan)/.test(position)) return ['II/a', 'II/b', 'II/c', 'II/d'];
  return ['II/d', 'III/a', 'III/b', 'III/c'];
}

/**
 * The first eight rows (the small stories' team) are one BKPSDM team, fixed: the owner of the coaching stories and
 * the old spellings (Soekarno, Djoko) the search folds into EYD. The rows after them are drawn from the lists above.
 */
const FIRST_ROWS: readonly { name: string; position: string; grade: string; unit: string }[] = [
  { name: 'Yohana Kambu', position: 'Analis SDM Aparatur Ahli Pertama', grade: 'III/b', unit: 'unit_bkpsdm' },
  { name: 'Soekarno Hadi Wibowo', position: 'Pranata Komputer Ahli Muda', grade: 'III/c', unit: 'unit_bkpsdm' },
  { name: 'Agustina Rumbiak', position: 'Asesor SDM Aparatur Ahli Pertama', grade: 'III/a', unit: 'unit_bkpsdm' },
  { name: 'Djoko Susilo', position: 'Pranata SDM Aparatur Terampil', grade: 'II/d', unit: 'unit_bkpsdm' },
  { name: 'Frans Mayor', position: 'Analis SDM Aparatur Ahli Muda', grade: 'III/d', unit: 'unit_bkpsdm' },
  { name: 'Siti Aisyah Nasution', position: 'Widyaiswara Ahli Muda', grade: 'III/c', unit: 'unit_bkpsdm' },
  { name: 'Yulius Sawaki', position: 'Arsiparis Terampil', grade: 'III/a', unit: 'unit_bkpsdm' },
  { name: 'Maria Pattiasina', position: 'Pengadministrasi Perkantoran', grade: 'II/c', unit: 'unit_bkpsdm' },
];

/** The year the team fixtures are "now" in (feedback dates count back from 14 March 2026, WIT). */
export const TEAM_YEAR = 2026;
const TEAM_NOW = Date.parse('2026-03-14T12:00:00+09:00');

/**
 * `n` deterministic team rows (same input, same rows; `teamMembers(8)` is the start of `teamMembers(5000)`):
 * varied Indonesian and Papuan names, positions and grades across the units of the Kota Sorong government.
 * The people, and their last feedback, are the same every year; JP and goals are `year`'s (a past year is
 * complete, 2026 is in its first quarter), so a story's `year` control changes the figures.
 */
export function teamMembers(n: number, year: number = TEAM_YEAR): TeamMember[] {
  const people = seeded(20260314);
  const progress = seeded(year * 7919 + 17);
  const unitsById = new Map(UNITS.map((u) => [u.id, u]));
  return Array.from({ length: n }, (_, i) => {
    const fixed = FIRST_ROWS[i];
    const unit = fixed ? unitsById.get(fixed.unit)! : pickWeighted(people, UNITS);
    const name = fixed?.name ?? personName(people);
    const position = fixed?.position ?? (people() < 0.6 ? pick(people, unit.positions) : pick(people, COMMON_POSITIONS));
    const grade = fixed?.grade ?? pick(people, gradesFor(position));
    const daysAgo = people() < 0.15 ? null : Math.floor(people() * 120);
    const unacknowledged = people() < 0.3 ? 1 + Math.floor(people() * 2) : 0;

    const past = year < TEAM_YEAR;
    const jp = past ? (progress() < 0.15 ? progress() * 12 : 10 + progress() * 28) : progress() < 0.3 ? 0 : progress() * 12;
    const total = Math.floor(progress() * 6);
    const achieved = Math.floor((past ? 0.4 + progress() * 0.6 : progress() * 0.4) * (total + 1) * 0.999);
    const atRisk = Math.min(total - achieved, Math.floor(progress() * 3));
    return {
      employee: {
        id: `emp_fx${String(i + 1).padStart(5, '0')}` as TeamMember['employee']['id'],
        name,
        position,
        employmentType: grade.includes('/') ? 'PNS' : 'PPPK',
        grade,
        unit: { id: unit.id, name: unit.name } as TeamMember['employee']['unit'],
      },
      jp: Math.round(jp * 2) / 2,
      targetJp: 20,
      goals: { total, achieved, atRisk },
      feedback: { lastAt: daysAgo === null ? null : new Date(TEAM_NOW - daysAgo * 86_400_000).toISOString(), unacknowledged },
    };
  });
}

/**
 * A stand-in client for feed and team stories inside an `<asn-provider>`: every read answers with `read`
 * (e.g. `never` for the loading state, `failWith(...)` for errors).
 */
export function feedTeamStoryClient(read: () => Promise<never>): Client {
  return {
    baseUrl: 'https://example.invalid',
    hasCredentials: true,
    me: { get: read },
    goals: { list: read },
    feedback: { list: read, acknowledge: read },
    team: { list: read },
    events: { subscribe: () => () => {} },
    onInvalidate: () => () => {},
    setToken: () => {},
    close: () => {},
  } as unknown as Client;
}
