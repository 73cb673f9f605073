// Counts passed and failed browser tests so scripts/run-tests.mjs can print one total line.
import { mkdirSync, writeFileSync } from 'node:fs';

function walk(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) walk(child, counts);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
      for (const session of sessions) {
        walk(session.testResults, counts);
        // A file that failed to load or threw outside a test has no test results to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/browser.json', JSON.stringify(counts));
    },
  };
}
