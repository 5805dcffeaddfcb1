import type { i18n, TFunction } from 'i18next';
import { CATALOGS } from './catalogs';
import { SOURCE_LANGUAGE, type AppLanguage } from './languages';
import type { Namespace } from './namespaces';
import { translatorFrom } from './translator-options';

export type Translator = i18n;
export type Translate = TFunction;

/**
 * A translator over every catalog (the main process, the CLI, tests). Plurals come from the
 * catalogs' CLDR forms (`_one`, `_few`, `_many`, `_other`) through `Intl.PluralRules`;
 * numbers and dates through `Intl` in the reader's locale (`{{count, number}}`). A page
 * fetches only its own catalogs instead: `loadTranslator` (`lazy-translator.ts`).
 */
export function createTranslator(
  language: AppLanguage,
  defaultNamespace: Namespace = 'common',
): Translator {
  return translatorFrom(language, defaultNamespace, CATALOGS, SOURCE_LANGUAGE);
}

/** A plain `t` for code outside React (the CLI, the loader's tests). */
export function translate(language: AppLanguage, namespace: Namespace): Translate {
  return createTranslator(language, namespace).getFixedT(language, namespace);
}
