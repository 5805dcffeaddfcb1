import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createTranslator, type AppLanguage, type Translator } from '../../../src/shared/i18n';

/**
 * A page's translator, as `src/renderer/app/main.tsx` provides it, for a view rendered in a
 * test: English unless the test asks, and a fresh instance each time (a language menu
 * change in one test must not leak into the next).
 */
export function inLanguage(
  ui: ReactNode,
  language: AppLanguage = 'en',
): { ui: ReactNode; translator: Translator } {
  const translator = createTranslator(language);
  return { ui: <I18nextProvider i18n={translator}>{ui}</I18nextProvider>, translator };
}
