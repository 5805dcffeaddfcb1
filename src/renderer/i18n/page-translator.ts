import type { Namespace, Translator } from '../../shared/i18n';
import { isAppLanguage } from '../../shared/i18n/languages';
import { loadTranslator } from '../../shared/i18n/lazy-translator';
import { chooseAppLanguage, readSavedLanguage, saveLanguage } from './app-language';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The page's translator, in the language its clues point to, with the page's own rooms
 * (`namespaces`) fetched before it resolves. A choice in the language menu
 * (`changeLanguage`) fetches that language's catalogs, is remembered on this device and
 * written to `<html lang>`, so screen readers and the browser's hyphenation follow it.
 */
export async function loadPageTranslator(namespaces: readonly Namespace[]): Promise<Translator> {
  const language = chooseAppLanguage({
    search: location.search,
    saved: readSavedLanguage(storage()),
    browser: navigator.languages ?? [navigator.language],
  });
  document.documentElement.lang = language;
  const translator = await loadTranslator(language, namespaces);
  translator.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
    if (isAppLanguage(changed)) saveLanguage(storage(), changed);
  });
  return translator;
}
