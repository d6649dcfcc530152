// Two server processes on one PostgreSQL database (docs/architecture.md, "Several instances"): an event written
// through instance A reaches an SSE client of instance B, and a client that moves from A to B resumes with its
// Last-Event-ID without a gap or a duplicate. Runs in the PostgreSQL pass of `npm test` (ASN_TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createParser } from 'eventsource-parser';
import pg from 'pg';
import { spawnInstance, type Instance } from '../../server/spawn-instance.js';

const base = process.env.ASN_TEST_DATABASE_URL?.trim();

interface Received {
  id: string;
  type: string;
  subjectId?: string;
}

/** An SSE client: collects events until closed. */
function subscribe(url: string, token: string, topic: string, lastEventId?: string) {
  const controller = new AbortController();
  const events: Received[] = [];
  const waiters: Array<() => void> = [];
  const ready = (async () => {
    const res = await fetch(`${url}/v1/events?topics=${topic}`, {
      headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: controller.signal,
    });
    assert.equal(res.status, 200);
    const parser = createParser({
      onEvent(event) {
        if (!event.id) return;
        const data = JSON.parse(event.data) as { subjectId?: string };
        events.push({ id: event.id, type: event.event ?? 'message', subjectId: data.subjectId });
        for (const wake of waiters.splice(0)) wake();
      },
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          parser.feed(value);
        }
      } catch {
        // aborted
      }
    })();
  })();
  return {
    events,
    ready,
    async until(predicate: (events: Received[]) => boolean, what: string): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => controller.abort(),
  };
}

describe('several instances on one PostgreSQL database', { skip: base ? false : 'PostgreSQL only (ASN_TEST_DATABASE_URL)' }, () => {
  let a: Instance;
  let b: Instance;
  let admin: pg.Client;
  const name = `asn_inst_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-inst-'));
  let token: string;
  let employeeId: string;

  before(async () => {
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(base!);
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(),
      ASN_SANDBOX: '1',
      ASN_JWT_SECRET: randomBytes(32).toString('base64url'),
      ASN_UNIVERSITY_PORT: '0',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
    };
    // One after the other: the first migrates and seeds the empty database.
    a = await spawnInstance(env);
    b = await spawnInstance(env);
    const res = await fetch(`${a.url}/v1/sandbox/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'employee' }),
    });
    ({ token, employee: { id: employeeId } } = (await res.json()) as { token: string; employee: { id: string } });
  });

  after(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const record = async (instance: Instance, title: string): Promise<string> => {
    const res = await fetch(`${instance.url}/v1/employees/me/learning-records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, competency: 'technical', jp: 2, completedAt: new Date(Date.now() - 60_000).toISOString() }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  };
  const learned = (events: Received[]) => events.filter((e) => e.type === 'learning.created').map((e) => e.subjectId);

  it('an event written through A reaches a subscriber of B', async () => {
    const onB = subscribe(b.url, token, `employee:${employeeId}`);
    await onB.ready;
    const id = await record(a, 'Pelatihan lewat instans A');
    await onB.until((events) => learned(events).includes(id), 'the record on B');
    onB.close();
  });

  it('a client that moves from A to B resumes without a gap or a duplicate', async () => {
    const onA = subscribe(a.url, token, `employee:${employeeId}`);
    await onA.ready;
    const first = [await record(a, 'Sebelum pindah 1'), await record(b, 'Sebelum pindah 2')];
    await onA.until((events) => first.every((id) => learned(events).includes(id)), 'both records on A');
    onA.close();
    const lastId = onA.events.at(-1)!.id;

    // Written while the client is away, through both instances.
    const missed = [await record(b, 'Saat terputus 1'), await record(a, 'Saat terputus 2'), await record(b, 'Saat terputus 3')];
    const onB = subscribe(b.url, token, `employee:${employeeId}`, lastId);
    await onB.ready;
    const live = await record(a, 'Setelah pindah');
    await onB.until((events) => learned(events).includes(live), 'the live record on B');
    onB.close();

    const all = [...onA.events, ...onB.events];
    const ids = all.map((e) => Number(e.id));
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'in seq order across the move');
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    assert.deepEqual(learned(onB.events), [...missed, live], 'exactly the missed records, then the live one');
  });
});
