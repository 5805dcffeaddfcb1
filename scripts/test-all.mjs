// Runs everything CI runs, in order, and prints one summary line counted from the runners'
// JSON reports. Every step runs even when an earlier one failed, so one run shows all problems.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { summarise } from './test-summary.mjs';

const steps = [
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'unit tests', cmd: 'npx', args: ['vitest', 'run'] },
  { name: 'Electron audit (Electronegativity)', cmd: 'node', args: ['scripts/electron-audit.mjs'] },
  { name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'] },
  { name: 'end-to-end tests (Chromium)', cmd: 'npx', args: ['playwright', 'test'] },
  {
    name: 'Electron tests',
    cmd: 'npx',
    args: ['playwright', 'test', '-c', 'playwright.electron.config.ts'],
  },
  {
    name: 'OBS tests (real OBS)',
    cmd: 'npx',
    args: ['vitest', 'run', '--config', 'vitest.obs.config.mts'],
  },
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, CI_REPORTS: '1', FORCE_COLOR: '0' },
  });
  if (run.status !== 0) failedSteps.push(step.name);
}

const summary = summarise('reports');
for (const line of summary.skipped) console.log(`skipped: ${line}`);
for (const name of failedSteps) console.log(`step failed: ${name}`);
// A step that failed without a failing test in any report (lint, typecheck, build, a runner
// that crashed) still counts once, so a red run never prints "0 failed".
const failedWithoutTests = failedSteps.filter((name) => !summary.stepsWithFailures.has(name));
const failed = summary.failed + failedWithoutTests.length;
console.log(`tests: ${summary.passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
