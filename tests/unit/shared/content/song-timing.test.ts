import { describe, expect, it } from 'vitest';
import { songSchema } from '../../../../src/shared/content';
import { translate } from '../../../../src/shared/i18n';

const english = translate('en', 'problems');

const base = {
  kind: 'song',
  id: 'refrain',
  title: 'Refrain',
  artist: 'Arkady Kots',
  language: 'ru',
  sections: [{ lines: [{ ru: 'Это есть наш последний' }, { ru: 'И решительный бой;' }] }],
};

const messages = (input: unknown) => {
  const result = songSchema.safeParse(input);
  // The schema names a `problems` key; the loader turns it into words, as English does here.
  return result.success
    ? []
    : result.error.issues.map((i) => {
        expect(i.message).toMatch(/^problems:schema\./);
        const params = (i.code === 'custom' ? i.params : undefined) ?? {};
        return `${i.path.join('.')}: ${english(i.message.slice('problems:'.length), params)}`;
      });
};

describe('song timing (lrc)', () => {
  it('accepts LRC text that times every line', () => {
    expect(
      messages({ ...base, lrc: '[00:40.00]Это есть наш последний\n[00:43.20]И решительный бой;' }),
    ).toEqual([]);
  });

  it('refuses text with no timed line', () => {
    expect(messages({ ...base, lrc: 'Это есть наш последний' })).toEqual([
      'lrc: no timed lines found; expected LRC lines like [00:12.00]Вставай, проклятьем…',
    ]);
  });

  it('says how many lines have no time', () => {
    expect(messages({ ...base, lrc: '[00:40.00]Это есть наш последний' })).toEqual([
      "lrc: 1 of the song's lyric lines has no LRC time; give every line a [mm:ss.xx] tag",
    ]);
  });

  it('needs a language once there are lyrics', () => {
    const { language: _language, ...noLanguage } = base;
    expect(messages(noLanguage)).toEqual([
      'language: missing; say which language the lyrics are sung in, e.g. language: ru',
    ]);
  });
});
