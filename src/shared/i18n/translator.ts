import i18next, { type i18n, type TFunction } from 'i18next';
import { CATALOGS } from './catalogs';
import { APP_LANGUAGES, SOURCE_LANGUAGE, type AppLanguage } from './languages';
import { NAMESPACES, type Namespace } from './namespaces';

export type Translator = i18n;
export type Translate = TFunction;

/**
 * A translator of its own for one page or process: never i18next's global instance, so a
 * test, the CLI and each view can speak different languages side by side. Plurals come from
 * the catalogs' CLDR forms (`_one`, `_few`, `_many`, `_other`) through `Intl.PluralRules`;
 * numbers and dates through `Intl` in the reader's locale (`{{count, number}}`).
 */
export function createTranslator(
  language: AppLanguage,
  defaultNamespace: Namespace = 'common',
): Translator {
  const translator = i18next.createInstance();
  void translator.init({
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: [...APP_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: defaultNamespace,
    resources: CATALOGS,
    // The catalogs are bundled: init is synchronous, so the first render is already translated.
    initAsync: false,
    // React escapes what it renders; escaping here too would show `&amp;` to the reader.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return translator;
}

/** A plain `t` for code outside React (the CLI, the loader's tests, the kiosk lock page). */
export function translate(language: AppLanguage, namespace: Namespace): Translate {
  return createTranslator(language, namespace).getFixedT(language, namespace);
}
