import { describe, expect, it } from 'vitest';
import { asOfDate } from '../../../../src/shared/content/case-record';

describe('asOfDate', () => {
  it('reads a date written once', () => {
    expect(asOfDate({ asOf: '2024-06-05' })).toBe('2024-06-05');
    expect(asOfDate({ asOf: '2024-06' })).toBe('2024-06');
  });

  it('reads the same date written per language, as the editor writes it', () => {
    expect(asOfDate({ asOf: { en: '2024-05-01', ru: '2024-05-01', fr: '2024-05-01' } })).toBe(
      '2024-05-01',
    );
    expect(asOfDate({ asOf: { en: '2024-05' } })).toBe('2024-05');
    expect(asOfDate({ asOf: { en: '2024-05-01', ru: '' } })).toBe('2024-05-01');
  });

  it('leaves free text, and languages that disagree, undated', () => {
    expect(asOfDate({ asOf: 'September 2023' })).toBeUndefined();
    expect(asOfDate({ asOf: { en: 'September 2023', ru: 'сентябрь 2023' } })).toBeUndefined();
    expect(asOfDate({ asOf: { en: '2024-05-01', fr: '2024-05-02' } })).toBeUndefined();
    expect(asOfDate({ asOf: { en: '2024-05-01', fr: 'mai 2024' } })).toBeUndefined();
    expect(asOfDate({ asOf: {} })).toBeUndefined();
  });

  it('reads any value without throwing (the schema checks it before asOf is valid)', () => {
    for (const asOf of [undefined, null, 5, { en: 5 }]) {
      expect(asOfDate({ asOf } as never)).toBeUndefined();
    }
  });
});
