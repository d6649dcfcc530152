// `npm run seed -- --employees 5000`: recreates DATA_DIR/sandbox.db with that many employees (default 60).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEFAULT_EMPLOYEES, seedDatabase } from './db/seed.js';

const { values } = parseArgs({ options: { employees: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: npm run seed -- [--employees N]   (recreates $DATA_DIR/sandbox.db, DATA_DIR defaults to .data)');
  process.exit(0);
}
const employees = values.employees === undefined ? DEFAULT_EMPLOYEES : Number(values.employees);
if (!Number.isInteger(employees) || employees < 1 || employees > 200_000) {
  console.error(`--employees must be a whole number between 1 and 200000, got "${values.employees}"`);
  process.exit(1);
}

const dataDir = process.env.DATA_DIR?.trim() || '.data';
mkdirSync(dataDir, { recursive: true });
const dbPath = join(dataDir, 'sandbox.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

const started = Date.now();
const db = openDatabase(dbPath);
await migrateToLatest(db);
const result = await seedDatabase(db, { employees });
await db.destroy();
console.log(
  `${dbPath}: ${result.employees} employees, ${result.learningRecords} learning records, ${result.goals} goals, ${result.checkIns} check-ins, ` +
    `${result.feedback} feedback (${Date.now() - started} ms)`,
);
