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
