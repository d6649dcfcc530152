import { expect } from '@open-wc/testing';
import { atRiskHorizon, isAtRisk, isOverdue, todayInWit } from '../../components/goal-list/at-risk.js';

// The same cases as the server's rule (isAtRisk in server/routes/progress.ts): active, and overdue or due within
// 30 days (today included) below 80% of the target.
const goal = (status: string, dueDate: string, current: number, target = 10) =>
  ({ status, dueDate, measure: { current, target } }) as Parameters<typeof isAtRisk>[0];

describe('goal at risk / overdue (mirrors the server)', () => {
  const today = '2026-06-10';

  it('counts today in WIT, which is a day ahead of UTC from 15:00 UTC', () => {
    expect(todayInWit(new Date('2026-12-31T14:59:59Z'))).to.equal('2026-12-31');
    expect(todayInWit(new Date('2026-12-31T15:00:00Z'))).to.equal('2027-01-01');
  });

  it('the "due soon" window ends 30 days after today, inclusive', () => {
    expect(atRiskHorizon(today)).to.equal('2026-07-10');
    expect(isAtRisk(goal('active', '2026-07-10', 0), today)).to.equal(true);
    expect(isAtRisk(goal('active', '2026-07-11', 0), today)).to.equal(false);
  });

  it('an active goal due soon is at risk only below 80% of its target', () => {
    expect(isAtRisk(goal('active', '2026-06-20', 7.9), today)).to.equal(true);
    expect(isAtRisk(goal('active', '2026-06-20', 8), today)).to.equal(false);
    expect(isAtRisk(goal('active', today, 0), today)).to.equal(true);
  });

  it('an active overdue goal is at risk whatever its progress; other statuses never are', () => {
    expect(isAtRisk(goal('active', '2026-06-09', 9.9), today)).to.equal(true);
    for (const status of ['draft', 'achieved', 'missed', 'cancelled']) {
      expect(isAtRisk(goal(status, '2026-06-09', 0), today), status).to.equal(false);
    }
  });

  it('overdue: an open goal (active or draft) whose due date is before today', () => {
    expect(isOverdue(goal('active', '2026-06-09', 0), today)).to.equal(true);
    expect(isOverdue(goal('draft', '2026-06-09', 0), today)).to.equal(true);
    expect(isOverdue(goal('active', today, 0), today)).to.equal(false);
    expect(isOverdue(goal('achieved', '2026-06-09', 10), today)).to.equal(false);
    expect(isOverdue(goal('missed', '2026-06-09', 0), today)).to.equal(false);
    expect(isOverdue(goal('cancelled', '2026-06-09', 0), today)).to.equal(false);
  });
});
