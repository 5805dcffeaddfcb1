import { isShowItem, type LoadedItem, type LocalizedText } from '../../shared/content';
import { translate, type Translate } from '../../shared/i18n';
import {
  problem,
  renderText,
  type LocalizedText as LocalizedTextMessage,
} from '../../shared/protocol/localized-text';

const english = translate('en', 'problems');

/** Why `validate` warns about an item: it names someone safe mode is meant to hide. */
export interface SensitiveNameWarning {
  /** The item that is shown in safe mode, relative to the pack folder. */
  file: string;
  /** The name as the sensitive case writes it. */
  name: string;
  /** The sensitive case the name comes from. */
  caseFile: string;
}

function texts(value: LocalizedText): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}

/**
 * The ways a text may name the person: the full name, in any case; and the surname as a
 * name is written (capitalised, or in capitals), at the start of a word, so "Kagarlitsky's"
 * counts and "example.org" does not name Anna Example. A Russian surname loses its ending
 * first, so the declined "Кагарлицкого" and "Мифтаховым" are found too.
 */
function namePatterns(fullName: string): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `\p{L}` on the left: a match must start a word, in any script.
  const atWordStart = (s: string, flags: string) =>
    new RegExp(`(?<!\\p{L})${escape(s)}`, `u${flags}`);
  const surname = fullName.split(/\s+/).filter(Boolean).at(-1) ?? '';
  const stem = surname.replace(/[аеёиоуыэюяйь]+$/iu, '');
  const patterns = [atWordStart(fullName, 'i')];
  if (stem.length >= 4 && stem !== fullName) {
    patterns.push(atWordStart(stem, ''), atWordStart(stem.toLocaleUpperCase(), ''));
  }
  return patterns;
}

/** Every string in an item, however deep: titles, bodies, captions, lyrics, credits. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/**
 * Items that safe mode would show but that name a person from a sensitive case: a statement
 * quoting Boris Kagarlitsky, an event for Azat Miftakhov. Safe mode hides items by their own
 * `sensitive`, not by what they mention, so these would put the name on screen at a rally.
 * A warning, not an error: the author may mean it (`sensitive: false` on purpose).
 */
export function sensitiveNameWarnings(items: readonly LoadedItem[]): SensitiveNameWarning[] {
  const people = items.flatMap((item) => {
    if (item.kind !== 'case' || !item.sensitive) return [];
    const names = [...new Set(texts(item.name))];
    // Reported by its first spelling (the file's own order), whichever one the item used.
    return [{ name: names[0]!, caseFile: item.source, patterns: names.flatMap(namePatterns) }];
  });
  const warnings: SensitiveNameWarning[] = [];
  for (const item of items) {
    // Playlists and setlists are never on screen; a sensitive item is hidden anyway.
    if (!isShowItem(item) || item.sensitive) continue;
    const { source: _source, kind: _kind, ...fields } = item;
    const text = stringsIn(fields);
    for (const person of people) {
      if (text.some((t) => person.patterns.some((p) => p.test(t)))) {
        warnings.push({ file: item.source, name: person.name, caseFile: person.caseFile });
      }
    }
  }
  return warnings;
}

/** The warning as words: a `problems` key with the names in it. */
export function sensitiveNameProblem(warning: SensitiveNameWarning): LocalizedTextMessage {
  return problem('warning.sensitiveName', { name: warning.name, caseFile: warning.caseFile });
}

/**
 * `statements/quote.yaml: warning: ...`, as `validate` prints it: in English, or in the
 * language of `t` (a `problems` translator).
 */
export function formatSensitiveNameWarning(
  warning: SensitiveNameWarning,
  t: Translate = english,
): string {
  return `${warning.file}: ${t('validate.warningLabel')}: ${renderText(t, sensitiveNameProblem(warning))}`;
}
