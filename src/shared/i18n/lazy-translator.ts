import i18next, { type BackendModule } from 'i18next';
import { loadCatalog } from './catalog-loaders';
import type { AppLanguage } from './languages';
import type { Namespace } from './namespaces';
import type { Translator } from './translator';
import { translatorOptions } from './translator-options';

/** i18next asks this for a catalog it lacks: on init, on a language change, on a new room. */
const catalogBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, done) {
    loadCatalog(language as AppLanguage, namespace as Namespace).then(
      (catalog) => done(null, catalog),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * A page's translator with only `namespaces` in `language`, fetched before it resolves. No
 * fallback language: every catalog has every key of the English source (the catalogs test),
 * so English would only be a second download; words the core sends carry their English.
 * A language change (the menu) fetches the new language's catalogs before it takes effect.
 */
export async function loadTranslator(
  language: AppLanguage,
  namespaces: readonly Namespace[],
  defaultNamespace: Namespace = namespaces[0] ?? 'common',
): Promise<Translator> {
  const translator = i18next.createInstance();
  translator.use(catalogBackend);
  await translator.init({
    ...translatorOptions(language, defaultNamespace),
    fallbackLng: false,
    ns: [...namespaces],
  });
  return translator;
}
