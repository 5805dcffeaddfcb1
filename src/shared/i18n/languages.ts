/**
 * The languages the app's own words are written in (the pack's languages are the pack's
 * business). English is the source every catalog is checked against.
 */
export const APP_LANGUAGES = ['en', 'ru', 'fr', 'uk'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];
export const SOURCE_LANGUAGE: AppLanguage = 'en';

/** Each language in its own words, for the language menu: a reader finds their own name. */
export const LANGUAGE_NAMES: Record<AppLanguage, string> = {
  en: 'English',
  ru: 'Русский',
  fr: 'Français',
  uk: 'Українська',
};

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first candidate the app speaks, by its primary subtag: `fr-CA` → `fr`. Candidates come
 * strongest first (an address's `?lang=`, the device's saved choice, the browser's list).
 */
export function matchAppLanguage(
  candidates: readonly (string | null | undefined)[],
): AppLanguage | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const primary = candidate.trim().toLowerCase().split(/[-_]/)[0];
    if (isAppLanguage(primary)) return primary;
  }
  return null;
}
