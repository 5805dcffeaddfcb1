import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../../src/shared/i18n/catalog-loaders';
import { CATALOGS } from '../../../../src/shared/i18n/catalogs';
import { loadTranslator } from '../../../../src/shared/i18n/lazy-translator';
import { APP_LANGUAGES, type AppLanguage } from '../../../../src/shared/i18n/languages';
import { NAMESPACES, type Namespace } from '../../../../src/shared/i18n/namespaces';

describe('a page fetches only its own catalogs', () => {
  it('has the rooms it asked for, in its language, and nothing else', async () => {
    const translator = await loadTranslator('fr', ['common', 'display']);
    expect(translator.hasResourceBundle('fr', 'display')).toBe(true);
    expect(translator.hasResourceBundle('fr', 'common')).toBe(true);
    expect(translator.hasResourceBundle('fr', 'console')).toBe(false);
    for (const other of APP_LANGUAGES.filter((language) => language !== 'fr')) {
      expect(translator.hasResourceBundle(other, 'display')).toBe(false);
    }
    expect(translator.t('display:connecting')).toBe(CATALOGS.fr.display.connecting);
    expect(translator.t('appName')).toBe(CATALOGS.fr.common.appName);
  });

  it('a language change fetches the new language before it takes effect', async () => {
    const translator = await loadTranslator('en', ['common', 'display']);
    await translator.changeLanguage('uk');
    expect(translator.language).toBe('uk');
    expect(translator.t('display:connecting')).toBe(CATALOGS.uk.display.connecting);
    expect(translator.hasResourceBundle('uk', 'display')).toBe(true);
  });

  it('every fetched catalog is the bundled one, for every language and room', async () => {
    for (const language of APP_LANGUAGES) {
      for (const namespace of NAMESPACES) {
        expect(await loadCatalog(language, namespace)).toEqual(CATALOGS[language][namespace]);
      }
    }
  });

  it('refuses a language or room it does not know: the names become a path', async () => {
    await expect(loadCatalog('../en' as AppLanguage, 'common')).rejects.toThrow(/no catalog/);
    await expect(loadCatalog('en', '../../x' as Namespace)).rejects.toThrow(/no catalog/);
  });
});
