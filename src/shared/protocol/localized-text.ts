import { z } from 'zod';
import type { CoreKey, ProblemKey, Translate } from '../i18n';
import { translatorFrom } from '../i18n/translator-options';
import enCore from '../i18n/locales/en/core.json' with { type: 'json' };
import enProblems from '../i18n/locales/en/problems.json' with { type: 'json' };

/**
 * Words the core sends a person (a content problem, a notice, a refusal): a catalog key with
 * its parameters, so each view shows them in its reader's language, and the English text for
 * logs, the CLI and a view too old to know the key.
 */
export const localizedTextSchema = z.strictObject({
  message: z.string(),
  /** `namespace:path.to.key`, looked up in the reader's catalog. */
  key: z
    .string()
    .regex(/^[a-z]+:[A-Za-z0-9_.]+$/)
    .optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type TextParams = Record<string, string | number>;

type TextNamespace = 'problems' | 'core';

/**
 * The English of one namespace, from its English catalog alone: the one place English is
 * written. Only that catalog, so a page whose transport words its own refusals (`coreText`)
 * carries 7 kB of English, not every catalog of every language.
 */
function englishIn(namespace: TextNamespace, catalog: object): Translate {
  return translatorFrom('en', namespace, { en: { [namespace]: catalog } }).getFixedT(
    'en',
    namespace,
  );
}

function localizedText(
  namespace: TextNamespace,
  english: Translate,
  key: string,
  params?: TextParams,
): LocalizedText {
  const text: LocalizedText = {
    message: english(key, params ?? {}),
    key: `${namespace}:${key}`,
  };
  if (params && Object.keys(params).length > 0) text.params = params;
  return text;
}

let problemsEnglish: Translate | undefined;
/** A content problem (`problems` catalog) with its parameters and its English. */
export function problem(key: ProblemKey, params?: TextParams): LocalizedText {
  problemsEnglish ??= englishIn('problems', enProblems);
  return localizedText('problems', problemsEnglish, key, params);
}

let coreEnglish: Translate | undefined;
/** A notice, refusal or error of the core (`core` catalog) with its parameters and English. */
export function coreText(key: CoreKey, params?: TextParams): LocalizedText {
  coreEnglish ??= englishIn('core', enCore);
  return localizedText('core', coreEnglish, key, params);
}

/** The words in one language: its catalog key when it has one, else the English sent with it. */
export function renderText(t: Translate, text: LocalizedText | string): string {
  if (typeof text === 'string') return text;
  if (!text.key) return text.message;
  return t(text.key, { ...text.params, defaultValue: text.message });
}
