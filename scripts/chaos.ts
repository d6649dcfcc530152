// `npm run chaos`: kill the server with SIGKILL in the middle of a stream of writes from clients that retry with
// their Idempotency-Keys, many times, then count what an acknowledged write may never be: lost or duplicated.
//
//   npm run chaos                          # SQLite, and PostgreSQL when its binaries are on the machine
//   npm run chaos -- --db sqlite --rounds 20 --clients 8
//
// Each client posts goals (POST /v1/employees/me/goals), one Idempotency-Key per goal, and retries the same key and
// body after a connection error, a 5xx or a 409 until the server acknowledges it with a 2xx. Meanwhile the script
// kills the server at a random moment, starts it again on the same database, and repeats. At the end:
//  - lost: an acknowledged goal id that is not in the database (must be 0);
//  - duplicates: a key (each has its own title) stored more than once (must be 0);
//  - changed: a replayed answer naming another goal than the first acknowledgement (must be 0).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, spawnInstance, type Instance } from '../server/spawn-instance.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'all' },
    rounds: { type: 'string', default: '100' },
    clients: { type: 'string', default: '8' },
    seed: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const CLIENTS = Number(args.clients);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  name: string;
  env: Record<string, string>;
  /** Counts rows of goals whose title starts with the run's prefix: title → ids. */
  stored(prefix: string): Promise<Map<string, string[]>>;
  cleanup(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'asn-chaos-'));
  return {
    name: 'SQLite',
    env: { DATA_DIR: dir },
    async stored(prefix) {
      const { default: SQLite } = await import('better-sqlite3');
      const db = new SQLite(join(dir, 'sandbox.db'), { readonly: true });
      try {
        const rows = db.prepare('select id, title from goals where title like ?').all(`${prefix}%`) as Array<{ id: string; title: string }>;
        return group(rows);
      } finally {
        db.close();
      }
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target | null> {
  let cluster: { url: string; stop(): Promise<void> } | null;
  try {
    const { startCluster } = (await import('./pg-cluster.mjs')) as {
      startCluster(): Promise<{ url: string; stop(): Promise<void> } | null>;
    };
    cluster = await startCluster();
  } catch (error) {
    console.log(`PostgreSQL: skipped (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  if (!cluster) {
    console.log('PostgreSQL: skipped (no PostgreSQL binaries on this machine)');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'asn-chaos-'));
  const { default: pg } = await import('pg');
  return {
    name: 'PostgreSQL',
    env: { DATA_DIR: dir, DATABASE_URL: cluster.url },
    async stored(prefix) {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; title: string }>('select id, title from goals where title like $1', [`${prefix}%`]);
        return group(rows);
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function group(rows: Array<{ id: string; title: string }>): Map<string, string[]> {
  const byTitle = new Map<string, string[]>();
  for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row.id]);
  return byTitle;
}

/** One server on a fixed port (the clients keep their URL), started again after each kill. */
class Server {
  private instance: Instance | null = null;
  constructor(private readonly port: number, private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.instance = await spawnInstance({ ...this.env, NODE_ENV: 'production' }, this.port);
  }

  async kill(): Promise<void> {
    await this.instance?.kill();
    this.instance = null;
  }

  async stop(): Promise<void> {
    await this.instance?.stop();
    this.instance = null;
  }
}

interface Ack {
  key: string;
  title: string;
  id: string;
}

async function runTarget(target: Target): Promise<{ acknowledged: number; lost: number; duplicates: number; changed: number; attempts: number; seconds: number }> {
  const started = performance.now();
  const port = await freePort();
  const env = {
    ...target.env,
    ASN_SANDBOX: '1',
    // The same signing secret across restarts, so the clients' tokens stay valid.
    ASN_JWT_SECRET: randomBytes(32).toString('base64url'),
    ASN_UNIVERSITY_PORT: '0',
    // The rate limits are not what this measures.
    ASN_RATE_USER_WRITE: '1000000',
    ASN_RATE_USER_READ: '1000000',
    ASN_RATE_AUTH_FAILURE: '1000000',
    ASN_RATE_ANONYMOUS: '1000000',
  };
  const server = new Server(port, env);
  await server.start();

  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const res = await fetch(`${server.url}/v1/sandbox/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'employee' }),
    });
    if (!res.ok) throw new Error(`sandbox token: ${res.status} ${await res.text()}`);
    tokens.push(((await res.json()) as { token: string }).token);
  }

  const prefix = `chaos ${randomUUID().slice(0, 8)} `;
  const acks: Ack[] = [];
  let changed = 0;
  let attempts = 0;
  let running = true;

  async function client(token: string, n: number): Promise<void> {
    let i = 0;
    while (running) {
      const key = randomUUID();
      const title = `${prefix}${n}-${i++}`;
      const body = JSON.stringify({
        title,
        kind: 'development',
        competency: 'technical',
        measure: { unit: 'modul', target: 3 },
        year: 2026,
        dueDate: '2026-12-31',
      });
      let first: string | null = null;
      // Retry this key until acknowledged, also after the run is told to stop: an unacknowledged write is the
      // client's to finish, or it is not counted.
      for (;;) {
        attempts++;
        try {
          const res = await fetch(`${server.url}/v1/employees/me/goals`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body,
          });
          if (res.ok) {
            const goal = (await res.json()) as { id: string };
            if (first === null) {
              first = goal.id;
              acks.push({ key, title, id: goal.id });
            } else if (first !== goal.id) changed++;
            // Ask once more with the same key: the replay must name the same goal.
            if (Math.random() < 0.05) continue;
            break;
          }
          await res.body?.cancel();
          if (res.status < 500 && res.status !== 409 && res.status !== 429) throw new Error(`unexpected ${res.status} for ${title}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
          // The server is down (being killed or starting): the client retries with the same key.
        }
        await sleep(20 + Math.random() * 40);
      }
    }
  }

  const clients = tokens.map((token, n) => client(token, n));
  for (let round = 1; round <= ROUNDS; round++) {
    await sleep(50 + Math.random() * 250);
    await server.kill();
    await server.start();
    if (round % 10 === 0) process.stdout.write(`  ${target.name}: ${round}/${ROUNDS} kills, ${acks.length} acknowledged\n`);
  }
  running = false;
  await Promise.all(clients);
  await server.stop();

  const stored = await target.stored(prefix);
  let lost = 0;
  for (const ack of acks) if (!(stored.get(ack.title) ?? []).includes(ack.id)) lost++;
  let duplicates = 0;
  for (const ids of stored.values()) if (ids.length > 1) duplicates += ids.length - 1;
  return { acknowledged: acks.length, lost, duplicates, changed, attempts, seconds: (performance.now() - started) / 1000 };
}

const which = args.db;
const targets: Array<() => Promise<Target | null>> = [];
if (which === 'all' || which === 'sqlite') targets.push(sqliteTarget);
if (which === 'all' || which === 'postgres') targets.push(postgresTarget);

let failed = false;
for (const make of targets) {
  const target = await make();
  if (!target) {
    if (which === 'postgres') failed = true;
    continue;
  }
  try {
    const r = await runTarget(target);
    console.log(
      `chaos ${target.name}: ${ROUNDS} SIGKILLs, ${CLIENTS} clients, ${r.acknowledged} acknowledged writes (${r.attempts} attempts) in ${r.seconds.toFixed(1)} s → lost ${r.lost}, duplicates ${r.duplicates}, changed replays ${r.changed}`,
    );
    if (r.lost || r.duplicates || r.changed) failed = true;
  } finally {
    await target.cleanup();
  }
}
process.exit(failed ? 1 : 0);
