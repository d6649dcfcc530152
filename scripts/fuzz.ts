// `npm run fuzz`: malformed requests against every route of the contract on an in-process sandbox server (in-memory
// SQLite), over real HTTP. Prints a status histogram per route and overall, the 5xx (must be 0) with what caused
// them, and whether every table is unchanged (row counts and a content hash before and after each route). Exits
// non-zero when a 5xx was answered or a table changed. No request is valid (scripts/fuzz-oracle.ts decides,
// scripts/fuzz-cases.ts generates): on reads some pass the schemas (an unknown cursor), and reads must not write.
//
//   npm run fuzz -- [--per-route 10000] [--route id[,id…]] [--seed fuzz] [--concurrency 32] [--default-limits]
//   npm run fuzz -- --route createGoal --index 123      (one request, shown in full, with the server's log)
import { parseArgs } from 'node:util';
import * as contract from '../src/contract/index.js';
import type { RouteDef } from '../src/contract/index.js';
import { signToken } from '../server/auth.js';
import { DEFAULT_RATE_LIMITS } from '../server/rate-limit.js';
import { startServer } from '../server/testing.js';
import { fixtureFor, generate, type FuzzContext, type FuzzRequest } from './fuzz-cases.js';
import { makeOracle } from './fuzz-oracle.js';
import { makeSender, type Outcome, type Status } from './fuzz-send.js';
import { differences, EXCLUDED_TABLES, snapshot } from './fuzz-tables.js';
import { randomWord, rngFor } from './fuzz-values.js';

const { values: args } = parseArgs({
  options: {
    'per-route': { type: 'string', default: '10000' },
    route: { type: 'string' },
    seed: { type: 'string', default: 'fuzz' },
    concurrency: { type: 'string', default: '32' },
    'default-limits': { type: 'boolean', default: false },
    index: { type: 'string' },
  },
});
const perRoute = Number(args['per-route']);
const concurrency = Number(args.concurrency);
const seed = args.seed!;

// Every route the contract exports: the `routes` table and any route constant exported beside it.
const isRoute = (v: unknown): v is RouteDef =>
  typeof v === 'object' && v !== null && typeof (v as RouteDef).id === 'string' && typeof (v as RouteDef).path === 'string' && typeof (v as RouteDef).method === 'string';
const exported: unknown[] = [...Object.values(contract.routes), ...Object.values(contract)];
const allRoutes: RouteDef[] = [...new Map(exported.filter(isRoute).map((r) => [r.id, r])).values()];
const wanted = args.route ? new Set(args.route.split(',')) : null;
const selected = wanted ? allRoutes.filter((r) => wanted.has(r.id)) : allRoutes;
if (wanted && selected.length !== wanted.size) {
  console.error(`fuzz: unknown route id(s): ${[...wanted].filter((id) => !allRoutes.some((r) => r.id === id)).join(', ')}`);
  process.exit(2);
}

// The server logs `[requestId] METHOD path failed: <error>` for every 500: keep those, keyed by request id.
const serverFailures = new Map<string, string>();
const consoleError = console.error;
console.error = (...parts: unknown[]) => {
  const first = typeof parts[0] === 'string' ? parts[0] : '';
  const id = /^\[([^\]]+)\]/.exec(first)?.[1];
  if (id && first.includes('failed:')) {
    const error = parts[1];
    serverFailures.set(id, `${first} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return;
  }
  consoleError(...parts);
};

const highLimits = Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((bucket) => [bucket, 1_000_000_000]));
const server = await startServer({ quiet: true, rateLimits: args['default-limits'] ? undefined : highLimits });
const { db, config } = server.deps;

// ── What the generator and the oracle know: credentials and ids that exist ─────────────────────────────────────────
const first = async (table: string, column = 'id', where?: string) => {
  let q = (db as any).selectFrom(table).select(column);
  if (where) q = q.where(where, 'is not', null);
  const row = await q.orderBy(column).limit(1).executeTakeFirst();
  return row ? String(row[column]) : '';
};
const admin = await server.tokenFor('admin');
const employee = await server.tokenFor('employee');
const partnerId = await first('partners');
const ctx: FuzzContext = {
  adminToken: admin.token,
  employeeToken: employee.token,
  expiredToken: (await signToken(config.jwtSecret, admin.employee.id, 'admin', Date.now() - 3 * 86_400_000)).token,
  strangerToken: (await signToken(config.jwtSecret, 'emp_nobody', 'admin')).token,
  publishableKey: server.publishableKey(partnerId),
  ids: {
    employee: employee.employee.id,
    unit: await first('units'),
    partner: partnerId,
    program: await first('programs'),
    certificate: await first('enrollments', 'certificate_number', 'certificate_number'),
    privateToken: randomWord(rngFor(seed, 'token'), 43),
    'path:employees': employee.employee.id,
    'path:goals': await first('goals'),
    'path:feedback': await first('feedback'),
    'path:programs': await first('programs'),
    'path:enrollments': await first('enrollments'),
    'path:partners': partnerId,
    'path:agreements': await first('agreements'),
    'path:keys': await first('publishable_keys'),
    'path:internships': await first('internship_openings'),
    'path:applications': await first('internship_applications'),
  },
};
const keyRow = await (db as any).selectFrom('publishable_keys').select('allowed_origins').where('partner_id', '=', partnerId).where('mode', '=', 'test').executeTakeFirst();
const sender = makeSender(server.url, concurrency);
const mayBeAccepted = makeOracle(
  allRoutes,
  {
    tokens: new Map([
      [admin.token, admin.employee.role],
      [employee.token, employee.employee.role],
    ]),
    keys: new Map([[ctx.publishableKey, JSON.parse(keyRow?.allowed_origins ?? '[]') as string[]]]),
  },
  sender.host,
);
const fixtures = selected.map((route) => fixtureFor(route, ctx));

const describe = (r: FuzzRequest) => {
  const body = r.raw ?? r.body;
  const preview = (b: Buffer) => JSON.stringify(b.subarray(0, 300).toString('latin1')) + (b.length > 300 ? ` … (${b.length} bytes)` : '');
  return [
    `  reproduce: npm run fuzz -- --route ${r.route} --seed ${seed} --index ${r.index}`,
    `  mutations: ${r.tags.join(', ')}`,
    r.raw ? `  raw bytes: ${preview(r.raw)}` : `  ${r.method} ${r.target.length > 300 ? `${r.target.slice(0, 300)}… (${r.target.length} chars)` : r.target}`,
    ...(r.raw ? [] : r.headers.map(([n, v]) => `  ${n}: ${v.length > 120 ? `${v.slice(0, 120)}… (${v.length} chars)` : v}`)),
    ...(body && !r.raw ? [`  body: ${preview(body)}`] : []),
  ].join('\n');
};

// ── One request, shown in full ───────────────────────────────────────────────────────────────────────────────────
if (args.index !== undefined) {
  const f = fixtures[0];
  const { request, acceptedRead } = generate(f, ctx, seed, Number(args.index), sender.host, mayBeAccepted);
  const outcome = await sender.send(request);
  console.log(`${describe(request)}\n  oracle: ${acceptedRead ? 'a read the schemas accept' : 'rejected before any handler'}`);
  console.log(`  → ${outcome.status} via ${outcome.via} ${outcome.contentType}\n  ${outcome.head.slice(0, 1000)}`);
  const logged = serverFailures.get(`fuzz-${f.route.id.slice(0, 30)}-${request.index}`);
  if (logged) console.log(`  server: ${logged}`);
  sender.close();
  await server.close();
  process.exit(0);
}

// ── The run ────────────────────────────────────────────────────────────────────────────────────────────────────
interface RouteResult {
  id: string;
  requests: number;
  forced: number;
  acceptedReads: number;
  raw: number;
  statuses: Map<Status, number>;
  failures: Array<{ request: FuzzRequest; outcome: Outcome; logged?: string }>;
  fiveHundreds: number;
  /** Successes of write routes (none should be). */
  accepted: number;
  changed: string[];
  ms: number;
}

/** Requests whose connection closed without an answer (not a 5xx, but worth a look): the first few. */
const closedSamples: Array<{ request: FuzzRequest; outcome: Outcome }> = [];
const started = performance.now();
const before = await snapshot(db);
let previous = before;
const results: RouteResult[] = [];
console.log(
  `fuzz: ${selected.length} routes × ${perRoute} requests, seed ${seed}, concurrency ${concurrency}, rate limits ${args['default-limits'] ? 'default' : 'raised'}; ${before.size} tables`,
);

for (const f of fixtures) {
  const t0 = performance.now();
  const result: RouteResult = { id: f.route.id, requests: 0, forced: 0, acceptedReads: 0, raw: 0, statuses: new Map(), failures: [], fiveHundreds: 0, accepted: 0, changed: [], ms: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < perRoute; i = next++) {
      const { request, acceptedRead } = generate(f, ctx, seed, i, sender.host, mayBeAccepted);
      const outcome = await sender.send(request);
      result.requests += 1;
      if (request.tags.some((t) => t.startsWith('force:'))) result.forced += 1;
      if (acceptedRead) result.acceptedReads += 1;
      if (outcome.via === 'raw') result.raw += 1;
      result.statuses.set(outcome.status, (result.statuses.get(outcome.status) ?? 0) + 1);
      if (typeof outcome.status === 'number' && outcome.status >= 500) {
        result.fiveHundreds += 1;
        if (result.failures.length < 5) result.failures.push({ request, outcome });
      } else if (outcome.status === 'closed') {
        if (closedSamples.length < 8 && !closedSamples.some((c) => c.request.route === f.route.id)) closedSamples.push({ request, outcome });
      } else if (outcome.status === 'timeout' && result.failures.length < 5) {
        result.failures.push({ request, outcome });
      } else if (f.route.method !== 'GET' && request.method !== 'OPTIONS' && typeof outcome.status === 'number' && outcome.status < 300) {
        // A write route answered success to a request the oracle rejected: the oracle or the server is wrong.
        result.accepted += 1;
        if (result.failures.length < 5) result.failures.push({ request, outcome });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const failure of result.failures) failure.logged = serverFailures.get(`fuzz-${f.route.id.slice(0, 30)}-${failure.request.index}`);
  const after = await snapshot(db);
  result.changed = differences(previous, after);
  previous = after;
  result.ms = performance.now() - t0;
  server.requestLog.length = 0;
  results.push(result);
  const line = [...result.statuses].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([s, n]) => `${s}:${n}`).join(' ');
  console.log(
    `${f.route.id.padEnd(28)} ${String(result.requests).padStart(6)} req ${(result.ms / 1000).toFixed(1).padStart(5)} s  forced ${String(result.forced).padStart(5)}  reads-accepted ${String(result.acceptedReads).padStart(5)}  raw ${String(result.raw).padStart(5)} | ${line}${result.changed.length ? `  TABLES CHANGED: ${result.changed.join('; ')}` : ''}`,
  );
}

const totalMs = performance.now() - started;
const after = await snapshot(db);
const overall = new Map<Status, number>();
for (const r of results) for (const [s, n] of r.statuses) overall.set(s, (overall.get(s) ?? 0) + n);
const total = results.reduce((s, r) => s + r.requests, 0);
const fiveHundreds = results.reduce((s, r) => s + r.fiveHundreds, 0);
const changed = differences(before, after);
const changedDuring = results.filter((r) => r.changed.length);

console.log(`\noverall: ${[...overall].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([s, n]) => `${s}:${n}`).join(' ')}`);
console.log(`tables checked: ${[...before.keys()].join(', ')}${EXCLUDED_TABLES.source ? ` (left out: tables matching /${EXCLUDED_TABLES.source}/i)` : ''}`);
for (const r of results.filter((r) => r.failures.length)) {
  console.log(`\n${r.id}: ${r.fiveHundreds} × 5xx${r.accepted ? `, ${r.accepted} × a write route answered 2xx` : ''}`);
  for (const { request, outcome, logged } of r.failures) {
    console.log(`${describe(request)}\n  → ${outcome.status} via ${outcome.via}: ${outcome.head.slice(0, 300)}`);
    if (logged) console.log(`  server: ${logged.split('\n').slice(0, 8).join('\n    ')}`);
  }
}
if (closedSamples.length) {
  console.log(`\nclosed without an answer, ${overall.get('closed') ?? 0} in all; samples:`);
  for (const { request, outcome } of closedSamples) console.log(`${describe(request)}\n  → closed via ${outcome.via} ${outcome.head}`);
}
for (const r of changedDuring) console.log(`\n${r.id} changed tables: ${r.changed.join('; ')}`);
console.log(
  `\nfuzz: ${total} requests in ${(totalMs / 1000).toFixed(1)} s (${Math.round(total / (totalMs / 1000))}/s), ${fiveHundreds} × 5xx, ${changed.length === 0 && changedDuring.length === 0 ? 'tables unchanged' : `TABLES CHANGED (${[...new Set([...changed, ...changedDuring.flatMap((r) => r.changed)])].join('; ')})`}`,
);
sender.close();
await server.close();
process.exit(fiveHundreds > 0 || changed.length > 0 || changedDuring.length > 0 ? 1 : 0);
