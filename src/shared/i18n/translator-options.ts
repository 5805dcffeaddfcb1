import i18next, { type i18n, type InitOptions, type Resource } from 'i18next';
import { APP_LANGUAGES, type AppLanguage } from './languages';
import type { Namespace } from './namespaces';

/** What every translator shares, whether its catalogs are bundled (Node) or fetched (a page). */
export function translatorOptions(language: AppLanguage, defaultNamespace: Namespace): InitOptions {
  return {
    lng: language,
    supportedLngs: [...APP_LANGUAGES],
    // `fr`, never `fr-FR` then `fr`: the catalogs are per language.
    load: 'currentOnly',
    defaultNS: defaultNamespace,
    // React escapes what it renders; escaping here too would show `&amp;` to the reader.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/**
 * A translator of its own over catalogs already in hand: never i18next's global instance,
 * so a test, the CLI and each view can speak different languages side by side. Init is
 * synchronous, so the first `t` is already translated.
 */
export function translatorFrom(
  language: AppLanguage,
  defaultNamespace: Namespace,
  resources: Resource,
  fallbackLanguage: AppLanguage | false = false,
): i18n {
  const translator = i18next.createInstance();
  void translator.init({
    ...translatorOptions(language, defaultNamespace),
    fallbackLng: fallbackLanguage,
    ns: Object.keys(resources[language] ?? {}),
    resources,
    initAsync: false,
  });
  return translator;
}
