import { isAppLanguage, translate, type Translate } from '../../i18n';
import type { LocalizedText } from '../../protocol/localized-text';
import type { ImportWarningKey, TextParams } from './types';

const translators = new Map<string, Translate>();

function editorT(language: string): Translate {
  const lang = isAppLanguage(language) ? language : 'en';
  let t = translators.get(lang);
  if (!t) {
    t = translate(lang, 'editor');
    translators.set(lang, t);
  }
  return t;
}

/** A warning about the import, as a catalog key the dialog shows in its reader's language. */
export function importWarning(key: ImportWarningKey, params: TextParams = {}): LocalizedText {
  const text: LocalizedText = {
    message: editorT('en')(`import.warning.${key}`, params),
    key: `editor:import.warning.${key}`,
  };
  if (Object.keys(params).length > 0) text.params = params;
  return text;
}

export type SectionKind =
  'verse' | 'chorus' | 'bridge' | 'preChorus' | 'intro' | 'ending' | 'other';

/**
 * A stanza's label in each of the song's languages (the words the audience may read next to
 * the lines), from the catalogs; a language the app does not speak gets the English.
 */
export function sectionLabel(
  kind: SectionKind,
  number: number | undefined,
  languages: readonly string[],
): Record<string, string> {
  const key = number === undefined ? `import.section.${kind}` : `import.section.${kind}Numbered`;
  return Object.fromEntries(languages.map((lang) => [lang, editorT(lang)(key, { number })]));
}
