// `npm run serve` (and `npm start`): migrate, seed an empty database, listen, print where everything is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureSandboxKeys, seedDatabase } from './db/seed.js';
import { EventHub } from './events.js';
import { IdempotencyStore } from './idempotency.js';
import { pruneUsedChallenges } from './challenge.js';
import { scheduleRetention } from './retention.js';
import { createUniversitySite } from './university-site.js';
import { sandboxKeyFor } from './keys.js';

const config = loadConfig();
mkdirSync(config.dataDir, { recursive: true });
const dbPath = join(config.dataDir, 'sandbox.db');
const db = openDatabase(dbPath);
await migrateToLatest(db);
const { n } = await db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
if (Number(n) === 0) {
  const seeded = await seedDatabase(db);
  console.log(`Seeded ${dbPath}: ${seeded.employees} employees, ${seeded.learningRecords} learning records.`);
}

// Sandbox test keys (deterministic, not secrets: server/keys.ts), also for a database seeded before keys existed.
const sandboxKeys = config.sandbox ? await ensureSandboxKeys(db) : [];

const deps = { config, db, events: new EventHub(db), idempotency: new IdempotencyStore(db) };
const app = createApp(deps);
// Applications past their retention are erased hourly (and now); used ALTCHA solutions are forgotten once expired.
const stopRetention = scheduleRetention(db);
const pruneChallenges = setInterval(() => void pruneUsedChallenges(db).catch((error: unknown) => console.error('Pruning used challenges failed:', error)), 10 * 60_000);
pruneChallenges.unref();
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  console.log(`
Pembinaan ASN sandbox API ${config.version}${config.sandbox ? ' (sandbox mode)' : ''}
  API        ${base}/v1
  Demo page  ${base}/
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
    : '\nSandbox mode is off (ASN_SANDBOX=0): no sandbox tokens.'
}
`);
});

// Sandbox: a partner university's page on the next port (another origin, its own strict CSP) with the openings and
// the form, through UM Sorong's test key (README, "Embedding the internship form").
const universityPort = config.sandbox && config.port !== 0 ? Number(process.env.ASN_UNIVERSITY_PORT ?? config.port + 1) : 0;
const university = universityPort
  ? serve(
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
      void db.destroy().finally(() => process.exit(0));
    });
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
