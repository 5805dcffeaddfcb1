import { describe, expect, it } from 'vitest';
import {
  formatMissingLanguage,
  missingLanguages,
  type LoadedItem,
} from '../../../../src/shared/content';
import { translate } from '../../../../src/shared/i18n';

const pack = {
  languages: ['en', 'ru', 'fr'],
  title: { en: 'Free them', ru: 'Свободу', fr: 'Libérez' },
};

const caseItem = {
  kind: 'case',
  id: 'anna',
  source: 'cases/anna.yaml',
  sensitive: true,
  name: { en: 'Anna', ru: 'Анна' },
  charge: 'Invented',
  status: { en: 'Held', ru: 'Под стражей' },
  asOf: '2024-06-05',
  summary: { en: 'A teacher', ru: 'Учительница', fr: 'Une enseignante' },
  events: [
    { date: '2023-07-25', kind: 'arrest', text: { en: 'Arrested' }, source: 'https://example.org' },
  ],
  sentences: [],
  links: [],
  custody: [{ from: '2023-07-25' }],
} as unknown as LoadedItem;

const song = {
  kind: 'song',
  id: 'hymn',
  source: 'songs/hymn.yaml',
  sensitive: false,
  title: 'Hymn',
  artist: { en: 'Choir', ru: 'Хор', fr: 'Chœur' },
  language: 'ru',
  // Lyric lines: the original and its translations, not texts every language needs.
  sections: [{ lines: [{ ru: 'Вставай', en: 'Arise' }] }],
} as unknown as LoadedItem;

describe('missingLanguages', () => {
  it('gives one warning per file and language, listing the fields (positions from 1)', () => {
    expect(missingLanguages(pack, [caseItem])).toEqual([
      { file: 'cases/anna.yaml', language: 'ru', fields: ['events.1.text'] },
      { file: 'cases/anna.yaml', language: 'fr', fields: ['name', 'status', 'events.1.text'] },
    ]);
  });

  it('counts one string as every language, and absent optional fields and lyrics as nothing', () => {
    expect(missingLanguages(pack, [song])).toEqual([]);
  });

  it("checks pack.yaml's own texts", () => {
    expect(missingLanguages({ ...pack, title: { en: 'Free them' } }, [])).toEqual([
      { file: 'pack.yaml', language: 'ru', fields: ['title'] },
      { file: 'pack.yaml', language: 'fr', fields: ['title'] },
    ]);
  });

  it("names the language in the reader's language", () => {
    const [, french] = missingLanguages(pack, [caseItem]);
    expect(formatMissingLanguage(french!, translate('en', 'problems'), 'en')).toBe(
      'cases/anna.yaml: warning: no French for name, status, events.1.text; the screens show another language there',
    );
    expect(formatMissingLanguage(french!, translate('ru', 'problems'), 'ru')).toContain(
      'нет перевода (французский): name, status, events.1.text',
    );
  });
});
