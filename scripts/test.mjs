// `npm test`: everything — contract, server, SDK and end-to-end tests in Node (on SQLite), the server and SDK tests
// again on PostgreSQL 15, then components in Chromium. Prints one closing line "N passed, N failed" over all runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { buildIsStale } from './freshness.mjs';
import { bin, run } from './run.mjs';

if (buildIsStale()) {
  console.log('dist/ is missing or older than the sources: building first (the end-to-end test loads the CDN file).');
  await run('npm', ['run', '--silent', 'build']);
}

mkdirSync('.tmp', { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };
let failedRunner = false;

/** Runs a command with its output on ours; with `capture`, also returns its stdout (to count results). */
function exec(command, args, { capture = false, env: base = process.env } = {}) {
  return new Promise((resolve) => {
    // Piped, the spec reporter would drop its colours: keep them when we print to a terminal.
    const env = capture && process.stdout.isTTY ? { ...base, FORCE_COLOR: '1' } : base;
    const child = spawn(command, args, { stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'], env });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

// 1. Node: node:test over TypeScript through tsx; the spec reporter's closing summary gives the counts.
const testsIn = (dir) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [];
const nodeFiles = ['contract', 'server', 'client', 'e2e'].flatMap((dir) => testsIn(`test/${dir}`)).sort();
const summaries = [];

/** One node:test run, with `env` as its environment; adds its counts. */
async function nodeRun(label, files, env) {
  const started = Date.now();
  const run = await exec(process.execPath, [
    // --test-force-exit: once every test has finished, exit even if a stray handle (socket, timer) is still open,
    // so CI reports instead of hanging.
    '--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit',
    '--test-reporter=spec',
    ...files,
  ], { capture: true, env });
  const plain = run.out.replace(/\x1b\[[0-9;]*m/g, '');
  const num = (key) => Number(plain.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm'))?.[1] ?? Number.NaN);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (Number.isNaN(num('pass'))) {
    failedRunner = true; // no summary: the runner died
    summaries.push(`${label}: no summary (the runner died), ${seconds} s`);
  } else {
    counts.passed += num('pass');
    counts.failed += num('fail') + num('cancelled');
    counts.skipped += num('skipped') + num('todo');
    summaries.push(`${label}: ${num('pass')} passed, ${num('fail') + num('cancelled')} failed, ${num('skipped') + num('todo')} skipped, ${seconds} s`);
  }
  if (run.code !== 0) failedRunner = true;
}

// ASN_TEST_DATABASE_URL set by the caller would turn the SQLite run into a second PostgreSQL one: not passed on.
const { ASN_TEST_DATABASE_URL: _ignored, ...sqliteEnv } = process.env;
await nodeRun('node (SQLite)', nodeFiles, sqliteEnv);

// 1b. The server and SDK tests again on a real PostgreSQL 15: a throw-away cluster (scripts/pg-cluster.mjs), a fresh
// database per test server (server/db/test-database.ts). Skipped only where PostgreSQL is not installed, and never in CI.
const pgFiles = ['server', 'client'].flatMap((dir) => testsIn(`test/${dir}`)).sort();
const { pgAvailable, startPgCluster, PG_BIN } = await import('./pg-cluster.mjs');
if (pgAvailable()) {
  let cluster;
  try {
    cluster = await startPgCluster();
  } catch (error) {
    console.error(`\nPostgreSQL could not start: ${error.message}`);
    failedRunner = true;
    summaries.push('node (PostgreSQL): the cluster did not start');
  }
  if (cluster) {
    // Ctrl-C: the cluster (its processes and directory) goes too.
    const stopOnSignal = () => void cluster.stop().finally(() => process.exit(130));
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    try {
      await nodeRun('node (PostgreSQL)', pgFiles, { ...sqliteEnv, ASN_TEST_DATABASE_URL: cluster.url });
    } finally {
      await cluster.stop();
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
    }
  }
} else if (process.env.CI === 'true') {
  console.error(`\nPostgreSQL 15 is missing (${PG_BIN}/initdb): CI must run the server and SDK tests on it too (.ci/run installs it).`);
  failedRunner = true;
  summaries.push('node (PostgreSQL): MISSING in CI');
} else {
  console.log(`\nPostgreSQL tests skipped: no ${PG_BIN}/initdb here (apt-get install postgresql-15 to run them).`);
  summaries.push('node (PostgreSQL): skipped, PostgreSQL not installed');
}

// 2. Chromium: web components through @web/test-runner; its summary reporter writes the counts.
const wtrSummary = '.tmp/wtr-summary.json';
rmSync(wtrSummary, { force: true });
const { code: wtrCode } = await exec(bin('wtr'), ['--config', 'web-test-runner.config.mjs']);
if (existsSync(wtrSummary)) {
  const s = JSON.parse(readFileSync(wtrSummary, 'utf8'));
  counts.passed += s.passed;
  counts.failed += s.failed;
  counts.skipped += s.skipped;
} else {
  failedRunner = true;
}
if (wtrCode !== 0) failedRunner = true;

console.log(`\n${summaries.join('\n')}\nnode: ${nodeFiles.length} files (${pgFiles.length} of them on PostgreSQL too); chromium: see above`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (failedRunner || counts.failed > 0 || counts.passed === 0) process.exitCode = 1;
