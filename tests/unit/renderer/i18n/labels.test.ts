import { describe, expect, it } from 'vitest';
import {
  daysBehindBarsLabel,
  hoursMinutesLabel,
  inDaysLabel,
  labelsFor,
  languageName,
} from '../../../../src/renderer/i18n/labels';

describe('labels', () => {
  it('uses the right Russian plural form', () => {
    expect(daysBehindBarsLabel('ru', 1)).toBe('день за решёткой');
    expect(daysBehindBarsLabel('ru', 3)).toBe('дня за решёткой');
    expect(daysBehindBarsLabel('ru', 11)).toBe('дней за решёткой');
    expect(daysBehindBarsLabel('ru', 1221)).toBe('день за решёткой');
    expect(inDaysLabel('ru', 5)).toBe('через 5 дней');
  });

  it('formats numbers for the language', () => {
    expect(inDaysLabel('en', 1000)).toBe('in 1,000 days');
    expect(inDaysLabel('fr', 2)).toBe('dans 2 jours');
  });

  it('falls back to the base language, then to English', () => {
    expect(labelsFor('fr-CA').arrested).toBe('Arrêté le');
    expect(labelsFor('de').arrested).toBe('Arrested');
  });

  it('counts down hours and minutes, rounding up so it never says 0 min too early', () => {
    expect(hoursMinutesLabel('en', (2 * 60 + 5) * 60_000)).toBe('2 h 5 min');
    expect(hoursMinutesLabel('en', 45 * 60_000 - 1)).toBe('45 min');
    expect(hoursMinutesLabel('ru', 90 * 60_000)).toBe('1 ч 30 мин');
    expect(hoursMinutesLabel('fr', 1)).toBe('1 min');
  });

  it('names each language in itself, for the merch table', () => {
    expect(languageName('ru')).toBe('Русский');
    expect(languageName('fr')).toBe('Français');
    expect(languageName('en')).toBe('English');
  });

  it('has every label in every language it ships', () => {
    const keys = Object.keys(labelsFor('en')).sort();
    for (const language of ['ru', 'fr'])
      expect(Object.keys(labelsFor(language)).sort()).toEqual(keys);
  });
});
