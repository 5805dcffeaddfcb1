import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_STORAGE_KEY,
  chooseAppLanguage,
  readSavedLanguage,
  saveLanguage,
} from '../../../../src/renderer/i18n/app-language';

describe('chooseAppLanguage', () => {
  it('takes ?lang= first, then the saved choice, then the browser, then English', () => {
    expect(chooseAppLanguage({ search: '?lang=uk', saved: 'fr', browser: ['ru'] })).toBe('uk');
    expect(chooseAppLanguage({ search: '', saved: 'fr', browser: ['ru'] })).toBe('fr');
    expect(chooseAppLanguage({ search: '', saved: null, browser: ['ru-RU', 'en'] })).toBe('ru');
    expect(chooseAppLanguage({ search: '', saved: null, browser: [] })).toBe('en');
  });

  it('skips what the app does not speak instead of falling to English at once', () => {
    expect(chooseAppLanguage({ search: '?lang=de', saved: 'xx', browser: ['de', 'fr-CA'] })).toBe(
      'fr',
    );
  });

  it('ignores a hostile ?lang= (it is only ever a key into the four catalogs)', () => {
    const search = `?lang=${encodeURIComponent('__proto__')}`;
    expect(chooseAppLanguage({ search, saved: null, browser: [] })).toBe('en');
  });
});

describe('the saved choice', () => {
  it('reads and writes one key; storage that throws loses only the memory', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveLanguage(storage, 'ru');
    expect(store.get(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(readSavedLanguage(storage)).toBe('ru');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSavedLanguage(blocked)).toBeNull();
    expect(() => saveLanguage(blocked, 'fr')).not.toThrow();
  });
});
