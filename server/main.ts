// `npm run serve` (and `npm start`): migrate, seed an empty database, listen, print where everything is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveApp } from './http-errors.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { describeDatabase, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureSandboxKeys, seedDatabase } from './db/seed.js';
import { EventHub } from './events.js';
import { IdempotencyStore } from './idempotency.js';
import { pruneUsedChallenges } from './challenge.js';
import { scheduleRetention } from './retention.js';
import { createUniversitySite } from './university-site.js';
import { sandboxKeyFor } from './keys.js';
import pg from 'pg';
import { postgresLimiterStore, useLimiterStore } from './rate-limit.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  // A configuration mistake is a sentence for the operator, not a stack trace.
  console.error(`Cannot start: ${(error as Error).message}`);
  process.exit(1);
}
mkdirSync(config.dataDir, { recursive: true });
// PostgreSQL when DATABASE_URL is set (a province, several instances); else the sandbox's SQLite file.
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const dbPath = databaseUrl ? describeDatabase(databaseUrl) : join(config.dataDir, 'sandbox.db');
const db = openDatabase(databaseUrl ?? dbPath);
await migrateToLatest(db);
const { n } = await db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
// Made-up employees only in sandbox mode: in production a seeded admin's NIP could be a real person's.
if (Number(n) === 0 && !config.sandbox) console.log('The database has no employees yet: nobody can sign in until they are imported.');
if (Number(n) === 0 && config.sandbox) {
  const seeded = await seedDatabase(db);
  console.log(`Seeded ${dbPath}: ${seeded.employees} employees, ${seeded.learningRecords} learning records.`);
}

// Sandbox test keys (deterministic, not secrets: server/keys.ts), also for a database seeded before keys existed.
const sandboxKeys = config.sandbox ? await ensureSandboxKeys(db) : [];

// Instances sharing one PostgreSQL share their rate-limit counters too (server/rate-limit.ts), on a small pool of
// their own: a limiter's query must not wait behind request transactions for a connection.
if (databaseUrl) useLimiterStore(config, await postgresLimiterStore(new pg.Pool({ connectionString: databaseUrl, max: 2 })));
const events = new EventHub(db);
// Several instances on one PostgreSQL: live events reach every instance's subscribers (server/event-bus.ts).
if (databaseUrl) await events.distribute(databaseUrl);
const deps = { config, db, events, idempotency: new IdempotencyStore(db) };
const app = createApp(deps);
// Applications past their retention are erased hourly (and now); used ALTCHA solutions are forgotten once expired.
const stopRetention = scheduleRetention(db, Date.now, 60 * 60_000, config.eventsRetentionDays);
const pruneChallenges = setInterval(() => void pruneUsedChallenges(db).catch((error: unknown) => console.error('Pruning used challenges failed:', error)), 10 * 60_000);
pruneChallenges.unref();
const server = serveApp({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  console.log(`
Pembinaan ASN API ${config.version}${config.sandbox ? ' (sandbox mode)' : ''}
  API        ${base}/v1${config.sandbox ? `\n  Demo page  ${base}/` : ''}
  OpenAPI    ${base}/v1/openapi.json
  Health     ${base}/healthz
  Database   ${dbPath}
${
  config.sandbox
    ? `
Sandbox token (role: employee | supervisor | admin, or {"employeeId":"emp_…"}):
  curl -s -X POST ${base}/v1/sandbox/tokens -H 'content-type: application/json' -d '{"role":"employee"}'
Then: curl -s ${base}/v1/me -H "authorization: Bearer <token>"

Publishable test keys (pk_test_…, from http://localhost:* and http://127.0.0.1:* only):
${sandboxKeys.map((k) => `  ${k.key}  ${k.partnerId}  ${k.name}`).join('\n')}`
    : `\nSandbox mode is off: tokens of ${config.oidc?.issuer} only (ASN_SANDBOX=1 for the sandbox).`
}
`);
});

// Sandbox: a partner university's page on the next port (another origin, its own strict CSP) with the openings and
// the form, through UM Sorong's test key (README, "Embedding the internship form").
const universityPort = config.sandbox && config.port !== 0 ? Number(process.env.ASN_UNIVERSITY_PORT ?? config.port + 1) : 0;
const university = universityPort
  ? serveApp(
      {
        fetch: createUniversitySite({ apiOrigin: `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`, publishableKey: sandboxKeyFor('ptn_umsorong') }).fetch,
        port: universityPort,
        hostname: config.host,
      },
      () => console.log(`University page (another origin, strict CSP): http://localhost:${universityPort}/\n`),
    )
  : null;
university?.on('error', (error: Error) => console.error(`The university demo page could not start on port ${universityPort}: ${error.message}`));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    stopRetention();
    university?.close();
    clearInterval(pruneChallenges);
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    server.close(() => {
      void events.close().then(() => db.destroy()).finally(() => process.exit(0));
    });
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
