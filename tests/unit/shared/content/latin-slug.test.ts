import { describe, expect, it } from 'vitest';
import { latinSlug } from '../../../../src/shared/content/latin-slug';

describe('latinSlug: one readable slug rule for ids and file names', () => {
  it('spells Russian and Ukrainian in Latin letters', () => {
    expect(latinSlug('Фото Бориса', 60, 'x')).toBe('foto-borisa');
    expect(latinSlug('Азат Мифтахов', 60, 'x')).toBe('azat-miftakhov');
    expect(latinSlug('Київ, їжак', 60, 'x')).toBe('kiyiv-yizhak');
  });

  it('takes accents off and spells letters that have none to take off', () => {
    expect(latinSlug('Liberté, Straße, Łódź', 60, 'x')).toBe('liberte-strasse-lodz');
  });

  it('keeps single dashes only, none at either end, even after cutting to length', () => {
    expect(latinSlug('--Free   Boris!!--', 60, 'x')).toBe('free-boris');
    expect(latinSlug('abcde fghij', 6, 'x')).toBe('abcde');
  });

  it('falls back when nothing readable is left', () => {
    expect(latinSlug('🔥 !!', 60, 'image')).toBe('image');
  });
});
