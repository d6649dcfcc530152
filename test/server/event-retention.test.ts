// The events table is a resume log with a retention (docs/scaling.md): old rows go, a client that kept an id from
// before them gets a reset, and what is younger than the retention stays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pruneEvents } from '../../server/retention.js';
import { startServer, type TestServer } from '../../server/testing.js';

describe('events retention', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true });
  });
  after(() => server.close());

  it('deletes events older than the retention days and keeps the younger ones', async () => {
    const { db } = server.deps;
    const now = new Date('2026-12-01T00:00:00Z');
    const row = (daysAgo: number, n: number) => ({
      type: 'learning.created',
      topic: 'employee:emp_retention',
      payload: JSON.stringify({ type: 'learning.created', topic: 'employee:emp_retention', employeeId: 'emp_retention', occurredAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(), subjectId: `lr_${n}` }),
      created_at: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    });
    await db.deleteFrom('events').execute();
    await db.insertInto('events').values([row(40, 1), row(31, 2), row(29, 3), row(1, 4)]).execute();
    assert.equal(await pruneEvents(db, now, 30), 2);
    const left = await db.selectFrom('events').select('payload').orderBy('seq').execute();
    assert.deepEqual(left.map((r) => (JSON.parse(r.payload) as { subjectId: string }).subjectId), ['lr_3', 'lr_4']);
    assert.equal(await pruneEvents(db, now, 30), 0, 'a second run finds nothing');
  });
});
