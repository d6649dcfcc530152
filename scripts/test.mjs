// `npm test`: everything — contract, server, SDK and end-to-end tests in Node, then components in Chromium.
// Prints one closing line "N passed, N failed" over both runners.
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
function exec(command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    // Piped, the spec reporter would drop its colours: keep them when we print to a terminal.
    const env = capture && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
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
const node = await exec(process.execPath, [
  // --test-force-exit: once every test has finished, exit even if a stray handle (socket, timer) is still open,
  // so CI reports instead of hanging.
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit',
  '--test-reporter=spec',
  ...nodeFiles,
], { capture: true });
const plain = node.out.replace(/\x1b\[[0-9;]*m/g, '');
const num = (key) => Number(plain.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm'))?.[1] ?? Number.NaN);
if (Number.isNaN(num('pass'))) failedRunner = true; // no summary: the runner died
else {
  counts.passed += num('pass');
  counts.failed += num('fail') + num('cancelled');
  counts.skipped += num('skipped') + num('todo');
}
if (node.code !== 0) failedRunner = true;

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

console.log(`\nnode: ${nodeFiles.length} files; chromium: see above`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (failedRunner || counts.failed > 0 || counts.passed === 0) process.exitCode = 1;
