import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { summarise } from '../../../scripts/test-summary.mjs';
import { tempDir } from '../../helpers/temp-dir';

function reportsDir(files: Record<string, unknown>): string {
  const dir = tempDir('reports-');
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return dir;
}

const vitestReport = {
  numPassedTests: 7,
  numFailedTests: 2,
  numFailedTestSuites: 1,
  testResults: [
    {
      name: '/repo/tests/unit/a.test.ts',
      assertionResults: [{ fullName: 'a skips', status: 'skipped' }],
    },
  ],
};

const playwrightReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 1 },
  errors: [],
  suites: [
    {
      suites: [
        {
          specs: [
            {
              title: 'opens the Electron window',
              file: 'electron.spec.ts',
              tests: [
                {
                  status: 'skipped',
                  annotations: [{ type: 'skip', description: 'the Electron binary is absent' }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('summarise', () => {
  it('adds up vitest and Playwright reports, flaky counting as passed', () => {
    const s = summarise(
      reportsDir({ 'vitest.json': vitestReport, 'playwright-e2e.json': playwrightReport }),
    );
    expect(s.passed).toBe(7 + 3 + 1);
    expect(s.failed).toBe(2 + 1);
    expect([...s.stepsWithFailures].sort()).toEqual(['end-to-end tests (Chromium)', 'unit tests']);
  });

  it('lists skipped tests with their reasons', () => {
    const s = summarise(reportsDir({ 'playwright-electron.json': playwrightReport }));
    expect(s.skipped).toContain(
      'opens the Electron window (electron.spec.ts): the Electron binary is absent',
    );
  });

  it('counts a suite that failed to load when no test failed', () => {
    const s = summarise(
      reportsDir({
        'vitest.json': { numPassedTests: 1, numFailedTests: 0, numFailedTestSuites: 1 },
      }),
    );
    expect(s.failed).toBe(1);
  });

  it('counts an unreadable report as a failure instead of ignoring it', () => {
    const s = summarise(reportsDir({ 'vitest.json': '{ not json' }));
    expect(s.failed).toBe(1);
    expect(s.passed).toBe(0);
  });
});
