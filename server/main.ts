// `npm run serve` (and `npm start`): migrate, seed an empty database, listen, print where everything is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDatabase } from './db/seed.js';
import { EventHub } from './events.js';
import { IdempotencyStore } from './idempotency.js';

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

const deps = { config, db, events: new EventHub(db), idempotency: new IdempotencyStore(db) };
const app = createApp(deps);
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
Then: curl -s ${base}/v1/me -H "authorization: Bearer <token>"`
    : '\nSandbox mode is off (ASN_SANDBOX=0): no sandbox tokens.'
}
`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    server.close(() => {
      void db.destroy().finally(() => process.exit(0));
    });
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
