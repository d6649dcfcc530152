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

function exec(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// 1. Node: node:test over TypeScript through tsx; a TAP copy is kept to count results.
const testsIn = (dir) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [];
const nodeFiles = ['contract', 'server', 'client', 'e2e'].flatMap((dir) => testsIn(`test/${dir}`)).sort();
const tap = '.tmp/node-tests.tap';
rmSync(tap, { force: true });
const nodeCode = await exec(process.execPath, [
  // --test-force-exit: a handle left open after a file's tests finished must fail loudly in a leak hunt, not hang CI.
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...nodeFiles,
]);
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  const num = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  counts.passed += num('pass');
  counts.failed += num('fail') + num('cancelled');
  counts.skipped += num('skipped') + num('todo');
}
if (nodeCode !== 0) failedRunner = true;

// 2. Chromium: web components through @web/test-runner; its summary reporter writes the counts.
const wtrSummary = '.tmp/wtr-summary.json';
rmSync(wtrSummary, { force: true });
const wtrCode = await exec(bin('wtr'), ['--config', 'web-test-runner.config.mjs']);
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
