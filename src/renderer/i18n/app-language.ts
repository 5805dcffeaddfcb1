import { matchAppLanguage, SOURCE_LANGUAGE, type AppLanguage } from '../../shared/i18n';

/** Where this device remembers the reader's choice of language for the app's own words. */
export const LANGUAGE_STORAGE_KEY = 'solidarity-screens.app-language';

export interface LanguageClues {
  /** The page's query string: `?lang=fr` wins, so one link can open a console in French. */
  search: string;
  /** What the reader chose in the language menu on this device, if anything. */
  saved: string | null;
  /** The browser's languages, strongest first: the first guess. */
  browser: readonly string[];
}

/** The language of the app's own words on this page, strongest clue first; English at last. */
export function chooseAppLanguage(clues: LanguageClues): AppLanguage {
  const asked = new URLSearchParams(clues.search).get('lang');
  return matchAppLanguage([asked, clues.saved, ...clues.browser]) ?? SOURCE_LANGUAGE;
}

/** The saved choice; a browser with storage blocked (a private window, a kiosk) has none. */
export function readSavedLanguage(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: AppLanguage) {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage refused: the choice holds for this page, which is all a locked-down kiosk allows.
  }
}
