// The events table is a resume log with a retention (docs/scaling.md): old rows go, a client that kept an id from
// before them gets a reset, and what is younger than the retention stays.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../server/config.js';
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

describe('ASN_EVENTS_RETENTION_DAYS', () => {
  const load = async (value?: string) => {
    const env = { ASN_SANDBOX: '1', DATA_DIR: mkdtempSync(join(tmpdir(), 'asn-config-')), ...(value === undefined ? {} : { ASN_EVENTS_RETENTION_DAYS: value }) };
    return loadConfig(env);
  };

  it('is 30 days unless set, and a whole number of days from 1 to 3650 when set', async () => {
    assert.equal((await load()).eventsRetentionDays, 30);
    assert.equal((await load('90')).eventsRetentionDays, 90);
    for (const bad of ['0', '3651', '1.5', 'tiga puluh']) {
      await assert.rejects(load(bad), /ASN_EVENTS_RETENTION_DAYS must be a whole number from 1 to 3650/, bad);
    }
  });
});
