import { createTranslator, isAppLanguage, type Translator } from '../../shared/i18n';
import { chooseAppLanguage, readSavedLanguage, saveLanguage } from './app-language';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The page's translator, in the language its clues point to. A choice in the language menu
 * (`changeLanguage`) is remembered on this device and written to `<html lang>`, so screen
 * readers and the browser's hyphenation follow it.
 */
export function createPageTranslator(): Translator {
  const translator = createTranslator(
    chooseAppLanguage({
      search: location.search,
      saved: readSavedLanguage(storage()),
      browser: navigator.languages ?? [navigator.language],
    }),
  );
  document.documentElement.lang = translator.language;
  translator.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    if (isAppLanguage(language)) saveLanguage(storage(), language);
  });
  return translator;
}
