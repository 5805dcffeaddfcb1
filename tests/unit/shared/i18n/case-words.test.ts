import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/shared/i18n/translator';

const COUNTS = [0, 1, 2, 5, 11, 21, 22, 25, 101, 1011] as const;

/** The counter's words for each count, written out, in each language's own number format. */
const days: Record<'en' | 'ru' | 'fr' | 'uk', string[]> = {
  en: [
    '0 days behind bars',
    '1 day behind bars',
    '2 days behind bars',
    '5 days behind bars',
    '11 days behind bars',
    '21 days behind bars',
    '22 days behind bars',
    '25 days behind bars',
    '101 days behind bars',
    '1,011 days behind bars',
  ],
  ru: [
    '0 дней за решёткой',
    '1 день за решёткой',
    '2 дня за решёткой',
    '5 дней за решёткой',
    '11 дней за решёткой',
    '21 день за решёткой',
    '22 дня за решёткой',
    '25 дней за решёткой',
    '101 день за решёткой',
    '1\u00a0011 дней за решёткой',
  ],
  fr: [
    '0 jour derrière les barreaux',
    '1 jour derrière les barreaux',
    '2 jours derrière les barreaux',
    '5 jours derrière les barreaux',
    '11 jours derrière les barreaux',
    '21 jours derrière les barreaux',
    '22 jours derrière les barreaux',
    '25 jours derrière les barreaux',
    '101 jours derrière les barreaux',
    '1\u202f011 jours derrière les barreaux',
  ],
  uk: [
    '0 днів за ґратами',
    '1 день за ґратами',
    '2 дні за ґратами',
    '5 днів за ґратами',
    '11 днів за ґратами',
    '21 день за ґратами',
    '22 дні за ґратами',
    '25 днів за ґратами',
    '101 день за ґратами',
    '1\u00a0011 днів за ґратами',
  ],
};

/** "More than N": Russian takes the genitive after «более» (более 21 дня, не «21 день»). */
const moreThan: Record<'en' | 'ru' | 'fr' | 'uk', string[]> = {
  en: [
    'more than 0 days behind bars',
    'more than 1 day behind bars',
    'more than 2 days behind bars',
    'more than 5 days behind bars',
    'more than 11 days behind bars',
    'more than 21 days behind bars',
    'more than 22 days behind bars',
    'more than 25 days behind bars',
    'more than 101 days behind bars',
    'more than 1,011 days behind bars',
  ],
  ru: [
    'более 0 дней за решёткой',
    'более 1 дня за решёткой',
    'более 2 дней за решёткой',
    'более 5 дней за решёткой',
    'более 11 дней за решёткой',
    'более 21 дня за решёткой',
    'более 22 дней за решёткой',
    'более 25 дней за решёткой',
    'более 101 дня за решёткой',
    'более 1\u00a0011 дней за решёткой',
  ],
  fr: [
    'plus de 0 jour derrière les barreaux',
    'plus de 1 jour derrière les barreaux',
    'plus de 2 jours derrière les barreaux',
    'plus de 5 jours derrière les barreaux',
    'plus de 11 jours derrière les barreaux',
    'plus de 21 jours derrière les barreaux',
    'plus de 22 jours derrière les barreaux',
    'plus de 25 jours derrière les barreaux',
    'plus de 101 jours derrière les barreaux',
    'plus de 1\u202f011 jours derrière les barreaux',
  ],
  uk: [
    'понад 0 днів за ґратами',
    'понад 1 день за ґратами',
    'понад 2 дні за ґратами',
    'понад 5 днів за ґратами',
    'понад 11 днів за ґратами',
    'понад 21 день за ґратами',
    'понад 22 дні за ґратами',
    'понад 25 днів за ґратами',
    'понад 101 день за ґратами',
    'понад 1\u00a0011 днів за ґратами',
  ],
};

describe('case counter words', () => {
  for (const lang of ['en', 'ru', 'fr', 'uk'] as const) {
    it(`${lang}: the days behind bars, in the form each count needs`, () => {
      const t = translate(lang, 'case');
      expect(COUNTS.map((count) => t('counter.days', { count }))).toEqual(days[lang]);
    });

    it(`${lang}: "more than N days", for a start known only to the month`, () => {
      const t = translate(lang, 'case');
      expect(COUNTS.map((count) => t('counter.moreThanDays', { count }))).toEqual(moreThan[lang]);
    });
  }

  it('says a sentence with its regime, in each language', () => {
    const sentence = (lang: 'en' | 'ru' | 'fr' | 'uk', years: number) => {
      const t = translate(lang, 'case');
      return t('sentence.withRegime', {
        term: t('sentence.years', { count: years }),
        regime: t('regime.general'),
      });
    };
    expect(sentence('en', 5)).toBe('5 years, general-regime colony');
    expect(sentence('ru', 5)).toBe('5 лет, колония общего режима');
    expect(sentence('ru', 4)).toBe('4 года, колония общего режима');
    expect(sentence('fr', 5)).toBe('5 ans, colonie à régime général');
    expect(sentence('uk', 5)).toBe('5 років, колонія загального режиму');
    expect(sentence('en', 1)).toBe('1 year, general-regime colony');
  });
});
