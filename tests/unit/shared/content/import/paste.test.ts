import { describe, expect, it } from 'vitest';
import {
  ImportError,
  importColumns,
  importPaste,
  MAX_IMPORT_BYTES,
} from '../../../../../src/shared/content/import';
import { column, expectValidSong, warningKeys } from './helpers';

const RU = `Вставай, проклятьем заклеймённый,
Весь мир голодных и рабов!

Это есть наш последний
И решительный бой;`;
const EN = `Arise, you who are branded with a curse,
The whole world of the hungry and the slaves!

This is our last
And decisive battle;`;
const options = {
  language: 'ru',
  translationLanguage: 'en',
  title: 'Интернационал',
  artist: 'Коц',
};

describe('importColumns (two boxes side by side)', () => {
  it('pairs the stanzas and lines of the two boxes', () => {
    const result = importColumns(RU, EN, options);
    expectValidSong(result);
    expect(result.song.language).toBe('ru');
    expect(result.song.sections).toEqual([
      {
        lines: [
          {
            ru: 'Вставай, проклятьем заклеймённый,',
            en: 'Arise, you who are branded with a curse,',
          },
          { ru: 'Весь мир голодных и рабов!', en: 'The whole world of the hungry and the slaves!' },
        ],
      },
      {
        lines: [
          { ru: 'Это есть наш последний', en: 'This is our last' },
          { ru: 'И решительный бой;', en: 'And decisive battle;' },
        ],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps every line of mismatched stanzas, in one language, and names the stanza', () => {
    const shortTranslation = `Arise, you who are branded with a curse,

This is our last
And decisive battle;
A line the original does not have`;
    const result = importColumns(RU, shortTranslation, options);
    expectValidSong(result);
    expect(column(result, 'ru')).toEqual([
      ['Вставай, проклятьем заклеймённый,', 'Весь мир голодных и рабов!'],
      ['Это есть наш последний', 'И решительный бой;', undefined],
    ]);
    expect(column(result, 'en')[1]![2]).toBe('A line the original does not have');
    expect(result.song.sections[0]!.lines[1]).toEqual({ ru: 'Весь мир голодных и рабов!' });
    const mismatches = result.warnings.filter(
      (w) => w.key === 'editor:import.warning.linesMismatch',
    );
    expect(mismatches.map((w) => w.params?.stanza)).toEqual([1, 2]);
    expect(mismatches[0]!.message).toContain('Stanza 1');
  });

  it('keeps a whole extra stanza and says the stanza counts differ', () => {
    const result = importColumns(RU, `${EN}\n\nA third stanza\nonly in English`, options);
    expectValidSong(result);
    expect(result.song.sections).toHaveLength(3);
    expect(result.song.sections[2]!.lines).toEqual([
      { en: 'A third stanza' },
      { en: 'only in English' },
    ]);
    expect(warningKeys(result)).toContain('editor:import.warning.stanzasMismatch');
  });

  it('is a one-language song when the translation box is empty', () => {
    const result = importColumns(RU, '  \n\n', options);
    expectValidSong(result);
    expect(
      result.song.sections.flatMap((s) => s.lines).every((l) => Object.keys(l).join() === 'ru'),
    ).toBe(true);
  });

  it.each([
    ['two boxes', () => importColumns(RU, EN, { language: 'ru', title: 't', artist: 'a' })],
    [
      'a block after a marker',
      () => importPaste(`${RU}\n---\n${EN}`, { language: 'ru', title: 't', artist: 'a' }),
    ],
  ])('never drops a translation without a language silently (%s)', (_, run) => {
    const result = run();
    expectValidSong(result);
    expect(warningKeys(result)).toEqual(['editor:import.warning.translationUnused']);
  });

  it('refuses the same language for the original and the translation', () => {
    expect(() => importColumns(RU, EN, { ...options, translationLanguage: 'ru' })).toThrow(
      ImportError,
    );
  });
});

describe('importPaste (one box)', () => {
  it('reads alternating lines as original then translation', () => {
    const text = `Вставай, проклятьем заклеймённый,
Arise, you who are branded with a curse,
Весь мир голодных и рабов!
The whole world of the hungry and the slaves!

Это есть наш последний
This is our last
И решительный бой;
And decisive battle;`;
    const result = importPaste(text, options);
    expectValidSong(result);
    expect(result.song.sections).toEqual(importColumns(RU, EN, options).song.sections);
    expect(result.warnings).toEqual([]);
  });

  it('names a stanza with an odd line out and keeps the line', () => {
    const text = `Вставай, проклятьем заклеймённый,
Arise, you who are branded with a curse,
Весь мир голодных и рабов!`;
    const result = importPaste(text, options);
    expectValidSong(result);
    expect(result.song.sections[0]!.lines).toEqual([
      { ru: 'Вставай, проклятьем заклеймённый,', en: 'Arise, you who are branded with a curse,' },
      { ru: 'Весь мир голодных и рабов!' },
    ]);
    expect(result.warnings.map((w) => [w.key, w.params?.stanza])).toEqual([
      ['editor:import.warning.linesMismatch', 1],
    ]);
  });

  it.each(['---', '===', '***', '  -----  '])(
    'reads a block, a %j marker, then a block',
    (marker) => {
      const result = importPaste(`${RU}\n${marker}\n${EN}`, options);
      expectValidSong(result);
      expect(result.song.sections).toEqual(importColumns(RU, EN, options).song.sections);
    },
  );

  it('takes every line as the original when no translation language is chosen', () => {
    const result = importPaste(RU, { language: 'ru', title: 't', artist: 'a' });
    expectValidSong(result);
    expect(column(result, 'ru')).toEqual([
      ['Вставай, проклятьем заклеймённый,', 'Весь мир голодных и рабов!'],
      ['Это есть наш последний', 'И решительный бой;'],
    ]);
  });

  it('turns time tags on the original lines into the LRC and takes them off the words', () => {
    const timed = `[00:05.00]Вставай, проклятьем заклеймённый,
Arise, you who are branded with a curse,
[00:09.50] Весь мир голодных и рабов!
[00:09.50]The whole world of the hungry and the slaves!`;
    const result = importPaste(timed, options);
    expectValidSong(result);
    expect(result.song.lrc).toBe(
      '[00:05.00]Вставай, проклятьем заклеймённый,\n[00:09.50]Весь мир голодных и рабов!',
    );
    expect(result.song.sections[0]!.lines).toEqual(
      importColumns(RU, EN, options).song.sections[0]!.lines,
    );
  });

  it('leaves a partial timing out with a warning, never a song the schema refuses', () => {
    const result = importColumns(`[00:05.00]${RU}`, EN, options);
    expectValidSong(result);
    expect(result.song.lrc).toBeUndefined();
    expect(result.warnings.map((w) => [w.key, w.params?.count])).toEqual([
      ['editor:import.warning.lrcPartial', 3],
    ]);
    expect(column(result, 'ru')[0]![0]).toBe('Вставай, проклятьем заклеймённый,');
  });

  it('leaves the timing out when a translation-only line would have no time', () => {
    const result = importColumns('[00:01.00]Один', 'One\nTwo', options);
    expectValidSong(result);
    expect(result.song.lrc).toBeUndefined();
    expect(column(result, 'en')).toEqual([['One', 'Two']]);
  });

  it('reads Windows line ends and a byte-order mark', () => {
    const result = importPaste(`\uFEFF${RU}\r\n---\r\n${EN}`.replace(/\n/g, '\r\n'), options);
    expect(result.song.sections).toEqual(importColumns(RU, EN, options).song.sections);
  });

  it('fills a missing title and artist so the song is valid, and says so', () => {
    const result = importPaste(RU, { language: 'ru' });
    expectValidSong(result);
    expect(result.song.title).toBe('Вставай, проклятьем заклеймённый,');
    expect(result.song.id).toBe('vstavay-proklyatem-zakleymennyy');
    expect(warningKeys(result)).toEqual([
      'editor:import.warning.titleFromFirstLine',
      'editor:import.warning.artistMissing',
    ]);
  });

  it.each(['', '   \n\n  ', '---\nonly a translation'])('refuses %j: nothing to import', (text) => {
    expect(() => importPaste(text, options)).toThrow(ImportError);
  });

  it('refuses a paste larger than a song before reading it', () => {
    const huge = 'Вставай\n'.repeat(MAX_IMPORT_BYTES / 4);
    expect(() => importPaste(huge, options)).toThrow(
      expect.objectContaining({ key: 'tooLarge' }) as Error,
    );
  });
});
