// bench/results.md is written by several benchmarks (`npm run bench`, `npm run soak`), each
// owning one "## " section: a run replaces its own section and keeps the others.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_PATH = path.join(import.meta.dirname, 'results.md');
const TITLE = '# Benchmark results';

/** `existing` with the section under `heading` replaced by `section` (or added at the end). */
export function replaceSection(existing: string, heading: string, section: string): string {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^## ${escaped}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const base = existing.trim() ? existing : `${TITLE}\n\n`;
  const body = `${section.trimEnd()}\n\n`;
  return pattern.test(base) ? base.replace(pattern, body) : `${base.trimEnd()}\n\n${body}`;
}

export function writeResultsSection(heading: string, lines: readonly string[]): void {
  const existing = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '';
  const section = [`## ${heading}`, '', ...lines].join('\n');
  writeFileSync(RESULTS_PATH, replaceSection(existing, heading, section).trimEnd() + '\n');
}
