// Reads the JSON reports of vitest and Playwright and counts passed, failed and skipped tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Which test-all step produced which report, so a failed step with failed tests counts once. */
const reportSteps = {
  'vitest.json': 'unit tests',
  'playwright-e2e.json': 'end-to-end tests (Chromium)',
  'playwright-obs.json': 'OBS tests (real OBS)',
  'vitest-obs.json': 'OBS tests (real OBS)',
  'playwright-electron.json': 'Electron tests',
};

function countVitest(report, out) {
  out.passed += report.numPassedTests ?? 0;
  out.failed += report.numFailedTests ?? 0;
  // A file that failed to load has no tests: count the suite itself as a failure.
  out.failed +=
    report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0;
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
        out.skipped.push(
          `${test.fullName} (${file.name}): skipped in vitest; see the test's skip condition`,
        );
      }
    }
  }
}

function walkPlaywrightSuites(suites, visit) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) visit(spec, test);
    walkPlaywrightSuites(suite.suites, visit);
  }
}

function countPlaywright(report, out) {
  const stats = report.stats ?? {};
  out.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  out.failed += stats.unexpected ?? 0;
  out.failed += (report.errors ?? []).length; // errors outside tests (e.g. a broken config)
  walkPlaywrightSuites(report.suites, (spec, test) => {
    if (test.status !== 'skipped') return;
    const reasons = (test.annotations ?? [])
      .filter((a) => a.type === 'skip' || a.type === 'fixme')
      .map((a) => a.description)
      .filter(Boolean);
    out.skipped.push(`${spec.title} (${spec.file}): ${reasons.join('; ') || 'no reason given'}`);
  });
}

export function summarise(dir) {
  const out = { passed: 0, failed: 0, skipped: [], stepsWithFailures: new Set() };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const before = out.failed;
    let report;
    try {
      report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      out.failed += 1;
      out.skipped.push(`${name}: the report could not be read`);
      continue;
    }
    if (name.startsWith('vitest')) countVitest(report, out);
    else countPlaywright(report, out);
    if (out.failed > before && reportSteps[name]) out.stepsWithFailures.add(reportSteps[name]);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarise(process.argv[2] ?? 'reports');
  for (const line of s.skipped) console.log(`skipped: ${line}`);
  console.log(`tests: ${s.passed} passed, ${s.failed} failed`);
}
