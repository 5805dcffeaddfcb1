import type { Translate } from '../i18n';
import { displayFieldPath } from './field-path';
import { itemSchemas, packSchema, type Pack } from './schema';
import type { LoadedItem } from './snapshot';
import { walkSchema, type FieldPath } from './schema-walk';
import { localizedText } from './text';

/** A text of an item that is not written in one of the pack's languages. */
export interface MissingLanguage {
  /** The file, relative to the pack. */
  file: string;
  /** The language it lacks, as the pack lists it (`fr`). */
  language: string;
  /** The fields without it, as shown (`name`, `events.2.text`), in the file's order. */
  fields: string[];
}

interface FoundText {
  path: FieldPath;
  text: Record<string, string>;
}

/**
 * The localized texts of `value` (checked against `schema`): every field the schema declares as
 * `localizedText`, with its path. Lyric lines are maps of language to text too, but they are
 * the song's original and its translations, not texts every language must have.
 */
function localizedTexts(schema: unknown, value: unknown): FoundText[] {
  const found: FoundText[] = [];
  walkSchema(schema, value, (fieldSchema, fieldValue, path) => {
    if (fieldSchema !== localizedText) return false;
    // One string is the same text in every language: nothing is missing.
    if (typeof fieldValue === 'object') {
      found.push({ path, text: fieldValue as Record<string, string> });
    }
    return true;
  });
  return found;
}

function missingIn(
  file: string,
  schema: unknown,
  value: unknown,
  languages: readonly string[],
): MissingLanguage[] {
  const texts = localizedTexts(schema, value);
  const missing: MissingLanguage[] = [];
  for (const language of languages) {
    const fields = texts
      .filter(({ text }) => !Object.hasOwn(text, language))
      .map(({ path }) => displayFieldPath(path));
    if (fields.length > 0) missing.push({ file, language, fields });
  }
  return missing;
}

/**
 * Texts missing one of the pack's `languages`: one warning per file and language, listing the
 * fields. The show still runs (a screen shows another language there), so these are warnings;
 * but a French slide with one Russian line is a slide a French audience cannot read. Fields
 * that are optional and absent, and one string meant for every language, are not missing.
 */
export function missingLanguages(
  pack: Pick<Pack, 'languages'> & Partial<Pack>,
  items: readonly LoadedItem[],
  packFile = 'pack.yaml',
): MissingLanguage[] {
  const languages = [...new Set(pack.languages)];
  const warnings = missingIn(packFile, packSchema, pack, languages);
  for (const item of items) {
    const missing = missingIn(item.source, itemSchemas[item.kind], item, languages);
    // A video speaks one language: the others need its subtitles to follow it.
    if (item.kind === 'video') {
      for (const language of languages) {
        if (Object.hasOwn(item.subtitles ?? {}, language)) continue;
        const entry = missing.find((m) => m.language === language);
        if (entry) entry.fields.push('subtitles');
        else missing.push({ file: item.source, language, fields: ['subtitles'] });
      }
    }
    warnings.push(...missing);
  }
  return warnings;
}

/** A language's name in the reader's language (`French`, `французский`), or its code. */
export function languageName(code: string, readerLanguage: string): string {
  try {
    return new Intl.DisplayNames([readerLanguage, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The warning's words (a `problems` translator `t`): `no French for name, status; …`. */
export function missingLanguageText(
  warning: MissingLanguage,
  t: Translate,
  readerLanguage: string,
): string {
  return t('warning.missingLanguage', {
    language: languageName(warning.language, readerLanguage),
    fields: warning.fields.join(', '),
  });
}

/** `cases/x.yaml: warning: no French for name, status; …`, for `validate`. */
export function formatMissingLanguage(
  warning: MissingLanguage,
  t: Translate,
  readerLanguage: string,
): string {
  return `${warning.file}: ${t('validate.warningLabel')}: ${missingLanguageText(warning, t, readerLanguage)}`;
}
