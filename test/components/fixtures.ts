import type { ProgressSummary } from '../../src/contract/index.js';

export const loadedSummary: ProgressSummary = {
  employeeId: 'emp_demo1',
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

export const emptySummary: ProgressSummary = {
  employeeId: 'emp_demo2',
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
