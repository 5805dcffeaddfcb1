import { describe, expect, it } from 'vitest';
import {
  audienceLanguage,
  audienceT,
  hoursMinutes,
  languageName,
  splitAtNumber,
} from '../../../../src/renderer/i18n/audience';

/** The number as the language writes it: Intl's own output, never a hand-typed separator. */
const num = (language: string, n: number) => new Intl.NumberFormat(language).format(n);

/**
 * The words after the number for each count, written out by hand: the CLDR forms are what
 * is under test, so they must not come from Intl.PluralRules here.
 */
const BEHIND_BARS: Record<string, Record<number, string>> = {
  en: {
    0: 'days behind bars',
    1: 'day behind bars',
    2: 'days behind bars',
    5: 'days behind bars',
    11: 'days behind bars',
    21: 'days behind bars',
    22: 'days behind bars',
    25: 'days behind bars',
    101: 'days behind bars',
    1011: 'days behind bars',
  },
  ru: {
    0: 'дней за решёткой',
    1: 'день за решёткой',
    2: 'дня за решёткой',
    5: 'дней за решёткой',
    11: 'дней за решёткой',
    21: 'день за решёткой',
    22: 'дня за решёткой',
    25: 'дней за решёткой',
    101: 'день за решёткой',
    1011: 'дней за решёткой',
  },
  uk: {
    0: 'днів за ґратами',
    1: 'день за ґратами',
    2: 'дні за ґратами',
    5: 'днів за ґратами',
    11: 'днів за ґратами',
    21: 'день за ґратами',
    22: 'дні за ґратами',
    25: 'днів за ґратами',
    101: 'день за ґратами',
    1011: 'днів за ґратами',
  },
  fr: {
    // French says "0 jour": zero takes the singular.
    0: 'jour derrière les barreaux',
    1: 'jour derrière les barreaux',
    2: 'jours derrière les barreaux',
    5: 'jours derrière les barreaux',
    11: 'jours derrière les barreaux',
    21: 'jours derrière les barreaux',
    22: 'jours derrière les barreaux',
    25: 'jours derrière les barreaux',
    101: 'jours derrière les barreaux',
    1011: 'jours derrière les barreaux',
  },
};

const IN_DAYS: Record<string, Record<number, [string, string]>> = {
  en: {
    0: ['in', 'days'],
    1: ['in', 'day'],
    2: ['in', 'days'],
    5: ['in', 'days'],
    11: ['in', 'days'],
    21: ['in', 'days'],
    22: ['in', 'days'],
    25: ['in', 'days'],
    101: ['in', 'days'],
    1011: ['in', 'days'],
  },
  ru: {
    0: ['через', 'дней'],
    1: ['через', 'день'],
    2: ['через', 'дня'],
    5: ['через', 'дней'],
    11: ['через', 'дней'],
    21: ['через', 'день'],
    22: ['через', 'дня'],
    25: ['через', 'дней'],
    101: ['через', 'день'],
    1011: ['через', 'дней'],
  },
  uk: {
    0: ['через', 'днів'],
    1: ['через', 'день'],
    2: ['через', 'дні'],
    5: ['через', 'днів'],
    11: ['через', 'днів'],
    21: ['через', 'день'],
    22: ['через', 'дні'],
    25: ['через', 'днів'],
    101: ['через', 'день'],
    1011: ['через', 'днів'],
  },
  fr: {
    0: ['dans', 'jour'],
    1: ['dans', 'jour'],
    2: ['dans', 'jours'],
    5: ['dans', 'jours'],
    11: ['dans', 'jours'],
    21: ['dans', 'jours'],
    22: ['dans', 'jours'],
    25: ['dans', 'jours'],
    101: ['dans', 'jours'],
    1011: ['dans', 'jours'],
  },
};

describe('the words audience screens add, in the slide’s language', () => {
  for (const [language, forms] of Object.entries(BEHIND_BARS)) {
    it(`${language}: N days behind bars, the number written the ${language} way`, () => {
      const t = audienceT(language, 'display');
      for (const [count, words] of Object.entries(forms)) {
        const n = Number(count);
        expect(t('case.daysBehindBars', { count: n })).toBe(`${num(language, n)} ${words}`);
      }
    });
  }

  for (const [language, forms] of Object.entries(IN_DAYS)) {
    it(`${language}: in N days`, () => {
      const t = audienceT(language, 'display');
      for (const [count, [before, after]] of Object.entries(forms)) {
        const n = Number(count);
        expect(t('event.inDays', { count: n })).toBe(`${before} ${num(language, n)} ${after}`);
      }
    });
  }

  it('French millions take "de": 1 000 000 de jours', () => {
    expect(audienceT('fr', 'display')('case.daysBehindBars', { count: 1_000_000 })).toBe(
      `${num('fr', 1_000_000)} de jours derrière les barreaux`,
    );
  });

  it('a regional tag speaks its language; a language the app lacks speaks English', () => {
    expect(audienceLanguage('fr-CA')).toBe('fr');
    expect(audienceLanguage('uk-UA')).toBe('uk');
    expect(audienceLanguage('de')).toBe('en');
    expect(audienceLanguage('')).toBe('en');
    expect(audienceT('fr-CA', 'display')('case.arrested')).toBe('Arrestation');
    expect(audienceT('de', 'display')('case.daysBehindBars', { count: 2 })).toBe(
      '2 days behind bars',
    );
    expect(audienceT('uk', 'merch')('cases')).toBe('Справи');
  });

  it('cuts a message around its number, wherever the language puts it', () => {
    const number = num('ru', 1011);
    expect(splitAtNumber(`${number} дней за решёткой`, number)).toEqual({
      before: '',
      number,
      after: 'дней за решёткой',
    });
    expect(splitAtNumber('jour 12 x', '12')).toEqual({ before: 'jour', number: '12', after: 'x' });
    expect(splitAtNumber('no number', '12')).toEqual({
      before: '',
      number: '',
      after: 'no number',
    });
  });

  it('counts down hours and minutes, rounding up so it never says 0 min too early', () => {
    expect(hoursMinutes(audienceT('en', 'display'), (2 * 60 + 5) * 60_000)).toBe('2 h 5 min');
    expect(hoursMinutes(audienceT('en', 'display'), 45 * 60_000 - 1)).toBe('45 min');
    expect(hoursMinutes(audienceT('ru', 'display'), 90 * 60_000)).toBe('1 ч 30 мин');
    expect(hoursMinutes(audienceT('uk', 'display'), 90 * 60_000)).toBe('1 год 30 хв');
    expect(hoursMinutes(audienceT('fr', 'display'), 1)).toBe('1\u00a0min');
  });

  it('names each language in itself, for the merch table', () => {
    expect(languageName('ru')).toBe('Русский');
    expect(languageName('fr')).toBe('Français');
    expect(languageName('uk')).toBe('Українська');
    expect(languageName('en')).toBe('English');
  });
});
