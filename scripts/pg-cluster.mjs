// A throw-away PostgreSQL 15 cluster for tests: initdb and pg_ctl (Debian's postgresql-15) in a temporary directory,
// trust auth on a Unix socket in that directory only (no TCP), stopped and deleted on exit. As root it runs as the
// `postgres` user (PostgreSQL refuses to run as root).
//
//   node scripts/pg-cluster.mjs                 prints DATABASE_URL, runs until Ctrl-C
//   node scripts/pg-cluster.mjs -- CMD ARGS…    runs CMD with DATABASE_URL and ASN_TEST_DATABASE_URL set, then stops
//
// From another script: `const cluster = await startPgCluster(); …; await cluster.stop();` (`startCluster()`: null
// when PostgreSQL is not installed).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PG_BIN = process.env.ASN_PG_BIN || '/usr/lib/postgresql/15/bin';

/** True when initdb and pg_ctl are installed. */
export const pgAvailable = () => existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));

/** A free TCP port number, used for the socket's name (`.s.PGSQL.<port>`), so `psql -p` finds it too. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds() {
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) throw new Error('No `postgres` user to run PostgreSQL as (is postgresql-15 installed?)');
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root; throws with its output when it fails. */
function pgRun(binary, args) {
  const command = join(PG_BIN, binary);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) throw new Error(`${binary} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * Starts a cluster; resolves to `{ url, dir, port, stop() }`. `url` names the `postgres` database as the superuser
 * `postgres`. Durability is off (fsync, synchronous_commit, full_page_writes): the cluster is deleted anyway.
 */
export async function startPgCluster({ quiet = false } = {}) {
  if (!pgAvailable()) throw new Error(`PostgreSQL binaries not found in ${PG_BIN} (apt-get install postgresql-15)`);
  const dir = mkdtempSync(join(tmpdir(), 'asn-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (it failed to start, or was stopped already): only the directory is left.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // C locale: byte-order text everywhere, whatever the machine's locale (the columns are `collate "C"` anyway).
    pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    const options = [
      `-p ${port}`, `-k ${dir}`, "-c listen_addresses=''", '-c fsync=off', '-c synchronous_commit=off',
      '-c full_page_writes=off', '-c max_connections=300', '-c shared_buffers=128MB',
    ].join(' ');
    pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
  if (!quiet) console.log(`PostgreSQL ${pgRun('pg_ctl', ['--version']).match(/\d+(\.\d+)*/)?.[0]} in ${dir}\nDATABASE_URL=${url}`);
  return { url, dir, port, stop };
}

/** `startPgCluster`, or null when PostgreSQL is not installed here (for scripts that then skip their PostgreSQL part). */
export async function startCluster(options = { quiet: true }) {
  return pgAvailable() ? startPgCluster(options) : null;
}

// As a command.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dashdash = process.argv.indexOf('--');
  const command = dashdash >= 0 ? process.argv.slice(dashdash + 1) : [];
  const cluster = await startPgCluster();
  let exiting = false;
  const finish = async (code) => {
    if (exiting) return;
    exiting = true;
    await cluster.stop();
    process.exit(code);
  };
  if (command.length === 0) {
    console.log('Ctrl-C stops the cluster and deletes it.');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(0));
    setInterval(() => {}, 1 << 30);
  } else {
    const child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: cluster.url, ASN_TEST_DATABASE_URL: cluster.url },
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    child.on('error', (error) => {
      console.error(error.message);
      void finish(127);
    });
    child.on('exit', (code, signal) => void finish(code ?? (signal ? 1 : 0)));
  }
}
