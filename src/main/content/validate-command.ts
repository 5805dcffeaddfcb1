import { formatContentError, formatStaleCase, staleCases } from '../../shared/content';
import { calendarDate } from '../../shared/time';
import { loadPack } from './load-pack';
import { formatSensitiveNameWarning, sensitiveNameWarnings } from './sensitive-names';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `validate --content DIR`: prints every problem in the pack, one per line, then the
 * warnings (things that load but may endanger someone), then a summary. Resolves to the
 * process exit code: 0 when the pack has no problems (warnings or not), 1 otherwise.
 */
export async function runValidate(packDir: string, out: (line: string) => void): Promise<number> {
  const result = await loadPack(packDir);
  for (const error of result.errors) out(formatContentError(error));
  // Old case facts first: a wrong number on a rally screen is the costliest mistake here.
  const stale = staleCases(
    result.items,
    calendarDate(Date.now()),
    result.pack?.cases?.factsMaxAgeDays,
  );
  for (const item of stale) out(formatStaleCase(item));
  const sensitive = sensitiveNameWarnings(result.items);
  for (const warning of sensitive) out(formatSensitiveNameWarning(warning));
  const warnings = [...stale, ...sensitive];
  const label = packDir.endsWith('/') ? packDir : `${packDir}/`;
  const problems =
    result.errors.length === 0 ? 'no problems' : count(result.errors.length, 'problem', 'problems');
  const warned = warnings.length === 0 ? '' : `, ${count(warnings.length, 'warning', 'warnings')}`;
  out(`${label}: ${count(result.items.length, 'item', 'items')}, ${problems}${warned}`);
  return result.errors.length === 0 && result.pack !== null ? 0 : 1;
}
