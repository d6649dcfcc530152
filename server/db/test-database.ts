// The database of a test server (server/testing.ts). SQLite by default (`':memory:'` or the given file). With
// `ASN_TEST_DATABASE_URL` (a PostgreSQL URL, e.g. from scripts/pg-cluster.mjs) every test server gets a fresh
// PostgreSQL database of its own, copied from a template that was migrated and seeded once per process and seed
// option (`CREATE DATABASE … TEMPLATE …` copies files: far cheaper than migrating and seeding again), and dropped
// when the server closes. A SQLite file path maps to a database that outlives the server, so a test that restarts
// a server on the same file finds its data again.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { ensureSandboxKeys, seedDatabase } from './seed.js';

export interface TestDatabase {
  db: Database;
  /** The PostgreSQL URL of `db`; undefined on SQLite. */
  url?: string;
  /** After `db.destroy()`: drops the database when it was this server's own. */
  release(): Promise<void>;
}

const PREFIX = 'asn_t';
let admin: pg.Pool | undefined;
let swept: Promise<void> | undefined;
const templates = new Map<string, Promise<string>>();
let counter = 0;

/** The URL of database `name` on the server of `base`. */
function urlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function adminPool(base: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: base, max: 2, allowExitOnIdle: true });
  return admin;
}

/** Drops the databases left by test processes that are gone (killed before their servers closed). */
function sweep(pool: pg.Pool): Promise<void> {
  swept ??= (async () => {
    const { rows } = await pool.query<{ datname: string }>(`select datname from pg_database where datname like '${PREFIX}\\_%'`);
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[3]);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
      await pool.query(`drop database if exists ${quoted(datname)} with (force)`).catch(() => undefined);
    }
  })();
  return swept;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `asn_t_<kind>_<pid>_<suffix>`: the pid lets a later run sweep what a killed one left. */
const dbName = (kind: string, suffix: string) => `${PREFIX}_${kind}_${process.pid}_${suffix}`;

function template(base: string, seedEmployees: number | undefined): Promise<string> {
  const key = String(seedEmployees ?? 'default');
  let made = templates.get(key);
  if (!made) {
    made = (async () => {
      const name = dbName('tpl', key);
      const pool = adminPool(base);
      await pool.query(`drop database if exists ${quoted(name)} with (force)`);
      await pool.query(`create database ${quoted(name)}`);
      const db = openDatabase(urlFor(base, name), { poolMax: 2 });
      try {
        await migrateToLatest(db);
        await seedDatabase(db, { employees: seedEmployees });
        await ensureSandboxKeys(db);
      } finally {
        await db.destroy();
      }
      return name;
    })();
    // A failed template is not kept: the next server tries again (and reports its own error).
    made.catch(() => templates.delete(key));
    templates.set(key, made);
  }
  return made;
}

async function exists(pool: pg.Pool, name: string): Promise<boolean> {
  const { rowCount } = await pool.query('select 1 from pg_database where datname = $1', [name]);
  return (rowCount ?? 0) > 0;
}

async function connectionsTo(pool: pg.Pool, name: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
  return rows[0]?.n ?? 0;
}

export async function openTestDatabase(options: { dbPath?: string; seedEmployees?: number }): Promise<TestDatabase> {
  const base = process.env.ASN_TEST_DATABASE_URL?.trim();
  if (!base) return { db: openDatabase(options.dbPath ?? ':memory:'), release: async () => {} };

  const pool = adminPool(base);
  await sweep(pool);
  const source = await template(base, options.seedEmployees);
  const path = options.dbPath ?? ':memory:';
  if (path !== ':memory:') {
    // A "file": the same database for every server of this process that names it; kept when a server closes.
    const name = dbName('file', createHash('sha256').update(path).digest('hex').slice(0, 16));
    if (!(await exists(pool, name))) await pool.query(`create database ${quoted(name)} template ${quoted(source)}`);
    return { db: openDatabase(urlFor(base, name)), url: urlFor(base, name), release: async () => {} };
  }
  const name = dbName('db', String(++counter));
  await pool.query(`create database ${quoted(name)} template ${quoted(source)}`);
  return {
    db: openDatabase(urlFor(base, name)),
    url: urlFor(base, name),
    release: async () => {
      // pg's pool.end() resolves once it has *asked* its connections to close: wait (briefly) until they have, so
      // the forced drop does not kill one mid-goodbye (harmless, but it would log an error for each).
      for (let i = 0; i < 40 && (await connectionsTo(pool, name)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      await pool.query(`drop database if exists ${quoted(name)} with (force)`);
    },
  };
}
