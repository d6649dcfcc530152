// `npm run load`: many live subscribers (server-sent events) on one instance, or spread over several instances on one
// PostgreSQL database, plus a steady rate of writes; prints delivery, event latency, write latency and memory.
//
//   npm run load                                   # 5,000 subscribers, 20 writes/s for 20 s, one instance (SQLite)
//   npm run load -- --subscribers 1000 --rate 50 --seconds 10
//   npm run load -- --instances 2                  # PostgreSQL (a throw-away cluster), LISTEN/NOTIFY between instances
//
// Every seeded employee opens one stream on `employee:<own id>`, supervisors also `team:<own id>`: what the progress
// card and the team overview subscribe to. An admin records learning for random employees; each record is an event
// on the employee's topic and their supervisor's team topic, so its recipients are known in advance. Delivery is
// (recipients who got it) / (recipients who may see it); latency runs from the write's request to the event's arrival.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createParser } from 'eventsource-parser';
import { signToken } from '../server/auth.js';
import { spawnInstance, type Instance } from '../server/spawn-instance.js';

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    instances: { type: 'string', default: '1' },
  },
});
const SUBSCRIBERS = Number(args.subscribers);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const INSTANCES = Number(args.instances);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited with ${code}`))));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Person {
  id: string;
  supervisorId: string | null;
  role: string;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asn-load-'));
  let cluster: { url: string; stop(): Promise<void> } | null = null;
  const secret = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    ASN_SANDBOX: '1',
    ASN_JWT_SECRET: secret,
    ASN_UNIVERSITY_PORT: '0',
    NODE_ENV: 'production',
    // What is measured here is delivery, not the rate limits.
    ASN_RATE_USER_WRITE: '1000000',
    ASN_RATE_USER_READ: '1000000',
    ASN_RATE_AUTH_FAILURE: '1000000',
    ASN_RATE_ANONYMOUS: '1000000',
  };
  if (INSTANCES > 1) {
    const { startCluster } = (await import('./pg-cluster.mjs')) as { startCluster(): Promise<{ url: string; stop(): Promise<void> } | null> };
    cluster = await startCluster();
    if (!cluster) throw new Error('--instances > 1 needs PostgreSQL (the instances share one database); no PostgreSQL binaries found');
    env.DATABASE_URL = cluster.url;
  }
  const children: ChildProcess[] = [];
  try {
    const seedStarted = performance.now();
    await run(process.execPath, ['--import', 'tsx', 'server/seed-cli.ts', '--employees', String(SUBSCRIBERS)], env);
    console.log(`seeded ${SUBSCRIBERS} employees in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const instances: Instance[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const instance = await spawnInstance(env);
      instances.push(instance);
      children.push(instance.child);
    }
    const base = instances[0].url;

    // Everyone, through the sandbox list (100 a page).
    const people: Person[] = [];
    let cursor: string | null = null;
    do {
      const res = await fetch(`${base}/v1/sandbox/users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const page = (await res.json()) as { data: Person[]; nextCursor: string | null };
      people.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    const admin = people.find((p) => p.role === 'admin');
    if (!admin) throw new Error('no admin in the seed');
    const adminToken = (await signToken(secret, admin.id, 'admin')).token;
    const subscribers = people.slice(0, SUBSCRIBERS);

    const rssBefore = instances.map((i) => rssMb(i.child.pid!));
    // Who receives an event about employee X: X's stream, and X's supervisor's (team topic).
    const streamOf = new Map<string, number>();
    const received: Array<Map<string, number>> = subscribers.map(() => new Map());
    let opened = 0;
    const connectStarted = performance.now();
    await Promise.all(
      subscribers.map(async (person, n) => {
        const { token } = await signToken(secret, person.id, person.role as 'employee');
        const topics = [`employee:${person.id}`, ...(person.role === 'supervisor' || person.role === 'admin' ? [`team:${person.id}`] : [])];
        streamOf.set(person.id, n);
        const target = new URL(`${instances[n % INSTANCES].url}/v1/events?topics=${topics.join(',')}`);
        await new Promise<void>((resolve, reject) => {
          const req = request(target, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`subscriber ${n}: ${res.statusCode}`));
            const parser = createParser({
              onEvent(event) {
                if (event.event !== 'learning.created') return;
                const data = JSON.parse(event.data) as { subjectId?: string };
                if (data.subjectId && !received[n].has(data.subjectId)) received[n].set(data.subjectId, performance.now());
              },
            });
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => parser.feed(chunk));
            opened++;
            resolve();
          });
          req.on('error', reject);
          req.end();
        });
      }),
    );
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(1000);
    const rssAfter = instances.map((i) => rssMb(i.child.pid!));
    const perSubscriberKb = ((rssAfter.reduce((a, b) => a + b, 0) - rssBefore.reduce((a, b) => a + b, 0)) * 1024) / opened;
    console.log(
      `${opened} subscribers open over ${INSTANCES} instance(s) in ${connectSeconds.toFixed(1)} s; server RSS ${rssBefore.map((m) => m.toFixed(0)).join('+')} → ${rssAfter.map((m) => m.toFixed(0)).join('+')} MB (${perSubscriberKb.toFixed(1)} KB per subscriber)`,
    );

    // Steady writes: an admin records learning for a random employee, round-robin over the instances.
    const writes: Array<{ id: string; sentAt: number; employee: Person }> = [];
    const writeMs: number[] = [];
    const failures: number[] = [];
    const total = RATE * SECONDS;
    const started = performance.now();
    const inflight: Array<Promise<void>> = [];
    for (let w = 0; w < total; w++) {
      const due = started + (w * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const employee = subscribers[Math.floor(Math.random() * subscribers.length)];
      const instance = instances[w % INSTANCES];
      inflight.push(
        (async () => {
          const sentAt = performance.now();
          const res = await fetch(`${instance.url}/v1/employees/${employee.id}/learning-records`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
            body: JSON.stringify({ title: `Beban uji ${w}`, competency: 'technical', jp: 2, completedAt: new Date().toISOString() }),
          });
          writeMs.push(performance.now() - sentAt);
          if (!res.ok) {
            failures.push(res.status);
            await res.body?.cancel();
            return;
          }
          const record = (await res.json()) as { id: string };
          writes.push({ id: record.id, sentAt, employee });
        })(),
      );
    }
    await Promise.all(inflight);
    await sleep(3000);

    let expected = 0;
    let delivered = 0;
    const latencies: number[] = [];
    for (const write of writes) {
      const recipients = [streamOf.get(write.employee.id), write.employee.supervisorId ? streamOf.get(write.employee.supervisorId) : undefined];
      for (const n of recipients) {
        if (n === undefined) continue;
        expected++;
        const at = received[n].get(write.id);
        if (at !== undefined) {
          delivered++;
          latencies.push(at - write.sentAt);
        }
      }
    }
    latencies.sort((a, b) => a - b);
    writeMs.sort((a, b) => a - b);
    const rssEnd = instances.map((i) => rssMb(i.child.pid!));
    console.log(
      `writes: ${writes.length} ok, ${failures.length} failed, ${RATE}/s for ${SECONDS} s; write p50 ${percentile(writeMs, 50).toFixed(1)} ms, p99 ${percentile(writeMs, 99).toFixed(1)} ms`,
    );
    console.log(
      `delivery: ${delivered}/${expected} (${expected ? ((100 * delivered) / expected).toFixed(2) : '—'} %); event latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; RSS at the end ${rssEnd.map((m) => m.toFixed(0)).join('+')} MB`,
    );
    if (delivered !== expected || failures.length > 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    for (const child of children) child.kill('SIGKILL');
    await sleep(200);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(process.exitCode ?? 0);
