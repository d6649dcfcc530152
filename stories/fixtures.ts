/** Progress summaries for stories: no server needed. */
import type { ProgressSummary } from '../src/contract/index.js';
import type { Client } from '../src/client/types.js';

export const loadedSummary: ProgressSummary = {
  employeeId: 'emp_0001',
  year: 2025,
  learning: {
    jp: 12.5,
    targetJp: 20,
    byCompetency: { technical: 8, managerial: 3, 'socio-cultural': 1.5 },
    byMonth: [0, 2, 0, 4, 0, 0, 3, 0, 3.5, 0, 0, 0],
  },
  goals: { total: 4, active: 2, achieved: 1, atRisk: 1 },
  feedback: { total: 3, lastAt: '2025-09-14T10:30:00+09:00' },
  updatedAt: '2025-10-01T08:00:00+09:00',
};

export const completeSummary: ProgressSummary = {
  ...loadedSummary,
  employeeId: 'emp_0002',
  learning: {
    jp: 26,
    targetJp: 20,
    byCompetency: { technical: 14, managerial: 8, 'socio-cultural': 4 },
    byMonth: [2, 3, 0, 4, 2, 6, 3, 0, 2, 4, 0, 0],
  },
  goals: { total: 5, active: 1, achieved: 4, atRisk: 0 },
};

export const emptySummary: ProgressSummary = {
  employeeId: 'emp_0003',
  year: 2025,
  learning: {
    jp: 0,
    targetJp: 20,
    byCompetency: { technical: 0, managerial: 0, 'socio-cultural': 0 },
    byMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
  goals: { total: 0, active: 0, achieved: 0, atRisk: 0 },
  feedback: { total: 0, lastAt: null },
  updatedAt: '2025-10-01T08:00:00+09:00',
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
import type { Feedback, Goal, Me } from '../src/contract/index.js';

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

/** Goals of one ASN for stories: one active, one achieved, one missed. */
export const storyGoals: Goal[] = [
  makeGoal(),
  makeGoal({ id: 'goal_a2', title: 'Menyusun SOP layanan kenaikan pangkat', kind: 'performance', competency: 'managerial', measure: { unit: 'dokumen', target: 1, current: 1 }, status: 'achieved', dueDate: '2025-06-30' }),
  makeGoal({ id: 'goal_a3', title: 'Mengikuti pelatihan pelayanan publik berbasis budaya Papua', competency: 'socio-cultural', measure: { unit: 'JP', target: 8, current: 2 }, status: 'missed', dueDate: '2025-03-31' }),
];

/** A stand-in client for the coaching stories: goals from `goals`, writes answered by `write` (or queued offline). */
export function goalFeedbackStoryClient(options: { goals?: Goal[] | (() => Promise<Goal[]>) | Error; feedback?: Feedback | Error | (() => Promise<Feedback>) } = {}): Client {
  const c = new FakeCoachingClient();
  c.goalsAnswers = [options.goals ?? storyGoals];
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
import type { Feedback as FeedFixtureItem, TeamMember as TeamFixtureMember } from '../src/contract/index.js';

/** Feedback received by `emp_owner1`, newest first: two not yet acknowledged, one whose message looks like HTML. */
export const feedbackItems: FeedFixtureItem[] = [
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

const FIRST = ['Yohana', 'Markus', 'Fransiska', 'Yulius', 'Maria', 'Agustinus', 'Sri', 'Budi', 'Siti', 'Rahmat', 'Elisabeth', 'Daniel', 'Nurhayati', 'Soekarno', 'Djoko', 'Ratna', 'Petrus', 'Wulan', 'Hendrik', 'Ani'];
const LAST = ['Kambu', 'Wanma', 'Mayor', 'Rumbiak', 'Sawaki', 'Kareth', 'Ulim', 'Fatem', 'Malak', 'Kalami', 'Salossa', 'Santoso', 'Rahayu', 'Hidayat', 'Yaboisembut', 'Mambrasar', 'Arwam', 'Krey', 'Momot', 'Baransano'];
const POSITIONS = ['Analis Kepegawaian', 'Pengelola Keuangan', 'Penyuluh Kesehatan', 'Guru Ahli Pertama', 'Pranata Komputer', 'Perencana Muda', 'Auditor Pertama', 'Penata Laporan Keuangan', 'Pengadministrasi Umum', 'Arsiparis Terampil'];
const UNITS = [
  { id: 'unit_bkpsdm', name: 'BKPSDM Kota Sorong' },
  { id: 'unit_dinkes', name: 'Dinas Kesehatan' },
  { id: 'unit_disdik', name: 'Dinas Pendidikan' },
  { id: 'unit_bapperida', name: 'Bapperida' },
  { id: 'unit_disdukcapil', name: 'Disdukcapil' },
];
const GRADES = ['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'];

/**
 * `n` deterministic team rows (same input, same rows): names, positions, JP, goals and last feedback spread so
 * every column sorts meaningfully. `now` anchors the feedback dates (default 2026-03-14 WIT).
 */
export function teamMembers(n: number, now = Date.parse('2026-03-14T12:00:00+09:00')): TeamFixtureMember[] {
  let seed = 20260314;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: n }, (_, i) => {
    const total = Math.floor(next() * 6);
    const achieved = Math.floor(next() * (total + 1));
    const atRisk = Math.min(total - achieved, Math.floor(next() * 3));
    const daysAgo = next() < 0.15 ? null : Math.floor(next() * 120);
    const id = `emp_fx${String(i + 1).padStart(5, '0')}` as TeamFixtureMember['employee']['id'];
    return {
      employee: {
        id,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        position: pick(POSITIONS),
        grade: pick(GRADES),
        unit: pick(UNITS) as TeamFixtureMember['employee']['unit'],
      },
      jp: Math.round(next() * 60) / 2,
      targetJp: 20,
      goals: { total, achieved, atRisk },
      feedback: {
        lastAt: daysAgo === null ? null : new Date(now - daysAgo * 86_400_000).toISOString(),
        unacknowledged: Math.floor(next() * 2),
      },
    } as TeamFixtureMember;
  });
}

/** A few rows for the small stories. */
export const smallTeam: TeamFixtureMember[] = teamMembers(8);

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
