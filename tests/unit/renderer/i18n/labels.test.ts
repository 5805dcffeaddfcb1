import { describe, expect, it } from 'vitest';
import { daysBehindBarsLabel, inDaysLabel, labelsFor } from '../../../../src/renderer/i18n/labels';

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
});
