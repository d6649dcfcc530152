// `npm run seed -- --employees 5000`: recreates DATA_DIR/sandbox.db with that many employees (default 60). With
// DATABASE_URL set, seeds that PostgreSQL database instead: an empty one as it is; one that already has employees
// only with `--reset`, which drops and recreates its `public` schema (everything in it), so a production database
// is never wiped by a stray environment variable.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { describeDatabase, openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEFAULT_EMPLOYEES, seedDatabase } from './db/seed.js';

const { values } = parseArgs({
  options: { employees: { type: 'string' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(
    'Usage: npm run seed -- [--employees N] [--reset]\n' +
      '  SQLite (default): recreates $DATA_DIR/sandbox.db (DATA_DIR defaults to .data).\n' +
      '  PostgreSQL (DATABASE_URL set): seeds an empty database; --reset first drops its public schema.',
  );
  process.exit(0);
}
const employees = values.employees === undefined ? DEFAULT_EMPLOYEES : Number(values.employees);
if (!Number.isInteger(employees) || employees < 1 || employees > 200_000) {
  console.error(`--employees must be a whole number between 1 and 200000, got "${values.employees}"`);
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
let target: string;
let db: Database;
if (databaseUrl) {
  target = describeDatabase(databaseUrl);
  db = openDatabase(databaseUrl);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'employees'`.execute(db);
  const hasEmployees = rows[0]!.n > 0 && Number((await db.selectFrom('employees').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) > 0;
  if (hasEmployees && !values.reset) {
    console.error(`${target} already has employees: add --reset to drop its public schema and seed it anew.`);
    await db.destroy();
    process.exit(1);
  }
  if (values.reset) await sql`drop schema public cascade; create schema public`.execute(db);
} else {
  const dataDir = process.env.DATA_DIR?.trim() || '.data';
  mkdirSync(dataDir, { recursive: true });
  target = join(dataDir, 'sandbox.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  db = openDatabase(target);
}

const started = Date.now();
await migrateToLatest(db);
const result = await seedDatabase(db, { employees });
await db.destroy();
console.log(
  `${target}: ${result.employees} employees, ${result.learningRecords} learning records, ${result.goals} goals, ${result.checkIns} check-ins, ` +
    `${result.feedback} feedback (${Date.now() - started} ms)`,
);
