import {
  formatContentError,
  formatMissingLanguage,
  formatStaleCase,
  missingGlyphProblem,
  missingGlyphs,
  missingLanguages,
  staleCases,
} from '../../shared/content';
import { translate, type AppLanguage } from '../../shared/i18n';
import { renderText } from '../../shared/protocol/localized-text';
import { calendarDate } from '../../shared/time';
import { slideGlyphCoverage } from './glyphs/coverage';
import { loadPack } from './load-pack';
import { formatSensitiveNameWarning, sensitiveNameWarnings } from './sensitive-names';

/**
 * `validate --content DIR [--lang ru]`: prints every problem in the pack, one per line, then
 * the warnings (things that load but may endanger someone), then a summary, in `language`
 * (English unless asked). Resolves to the process exit code: 0 when the pack has no problems
 * (warnings or not), 1 otherwise.
 */
export async function runValidate(
  packDir: string,
  out: (line: string) => void,
  language: AppLanguage = 'en',
): Promise<number> {
  const t = translate(language, 'problems');
  const result = await loadPack(packDir);
  for (const error of result.errors) out(formatContentError(error, t));
  // Old case facts first: a wrong number on a rally screen is the costliest mistake here.
  const stale = staleCases(
    result.items,
    calendarDate(Date.now()),
    result.pack?.cases?.factsMaxAgeDays,
  );
  const caseT = translate(language, 'case');
  for (const item of stale) out(formatStaleCase(item, caseT));
  const sensitive = sensitiveNameWarnings(result.items);
  for (const warning of sensitive) out(formatSensitiveNameWarning(warning, t));
  const untranslated = result.pack ? missingLanguages(result.pack, result.items) : [];
  for (const warning of untranslated) out(formatMissingLanguage(warning, t, language));
  // Characters the bundled fonts cannot draw: the pack loads, but a screen shows a box.
  const undrawable = missingGlyphs(result.pack, result.items, slideGlyphCoverage()).map(
    missingGlyphProblem,
  );
  for (const warning of undrawable) {
    out(
      `${warning.file}: ${t('validate.warningLabel')}: ${warning.field}: ${renderText(t, warning)}`,
    );
  }
  const warnings = [...stale, ...sensitive, ...untranslated, ...undrawable];
  const label = packDir.endsWith('/') ? packDir : `${packDir}/`;
  const summary = [
    t('validate.items', { count: result.items.length }),
    result.errors.length === 0
      ? t('validate.noProblems')
      : t('validate.problems', { count: result.errors.length }),
    ...(warnings.length === 0 ? [] : [t('validate.warnings', { count: warnings.length })]),
  ];
  out(`${label}: ${summary.join(', ')}`);
  return result.errors.length === 0 && result.pack !== null ? 0 : 1;
}
