// A @web/test-runner reporter that writes the run's counts to .tmp/wtr-summary.json, so `npm test` can print
// one closing "N passed, N failed" line over the Node and the Chromium runs.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter({ file = '.tmp/wtr-summary.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: sessions.length, erroredFiles: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load, or threw outside a test, counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.erroredFiles += 1;
          totals.failed += 1;
        }
      }
      mkdirSync('.tmp', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
