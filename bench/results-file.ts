// bench/results.md is written by several benchmarks (`npm run bench`, `npm run soak`), each
// owning one "## " section: a run replaces its own section and keeps the others.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_PATH = path.join(import.meta.dirname, 'results.md');
const TITLE = '# Benchmark results';

/**
 * A section's own history: from this heading to the section's end, written by hand (what was
 * tried, earlier tables) and kept as it is when a run writes the section anew.
 */
export const HISTORY_HEADING = '### History';

/**
 * `existing` with the section under `heading` replaced by `section` (or added at the end). The
 * old section's history (from a `### History` line on) follows the new lines.
 */
export function replaceSection(existing: string, heading: string, section: string): string {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^## ${escaped}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const base = existing.trim() ? existing : `${TITLE}\n\n`;
  const old = pattern.exec(base)?.[0];
  if (old === undefined) return `${base.trimEnd()}\n\n${section.trimEnd()}\n\n`;
  const historyAt = old.search(new RegExp(`^${HISTORY_HEADING}\\b`, 'm'));
  const history = historyAt >= 0 ? `${old.slice(historyAt).trimEnd()}\n\n` : '';
  // A function, so a `$` in the new text is not read as a replacement pattern.
  return base.replace(pattern, () => `${section.trimEnd()}\n\n${history}`);
}

export function writeResultsSection(heading: string, lines: readonly string[]): void {
  const existing = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '';
  const section = [`## ${heading}`, '', ...lines].join('\n');
  writeFileSync(RESULTS_PATH, replaceSection(existing, heading, section).trimEnd() + '\n');
}
