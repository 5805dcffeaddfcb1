import { describe, expect, it } from 'vitest';
import { parseLrc, alignCues } from '../../../../../src/shared/lyrics/lrc';
import { originalLines } from '../../../../../src/shared/lyrics/lines';
import { ImportError, importLrc } from '../../../../../src/shared/content/import';
import { column, expectValidSong, fixture, warningKeys } from './helpers';

describe('importLrc', () => {
  const result = importLrc(fixture('internationale.lrc'), { language: 'ru' });

  it('is a one-language song with the file as its LRC', () => {
    expectValidSong(result);
    expect(result.song.title).toBe('Интернационал');
    expect(result.song.artist).toBe('Аркадий Коц');
    expect(result.song.lrc).toContain('[offset:+250]');
    expect(result.song.lrc).not.toMatch(/\r|\uFEFF/);
    expect(result.warnings).toEqual([]);
  });

  it('splits stanzas at blank lines and bare time tags, and sings a repeated line again', () => {
    expect(column(result, 'ru')).toEqual([
      ['Вставай, проклятьем заклеймённый,', 'Весь мир голодных и рабов!'],
      ['Кипит наш разум возмущённый', 'И в смертный бой вести готов.'],
      [
        'Это есть наш последний',
        'И решительный бой;',
        'Это есть наш последний',
        'И решительный бой;',
      ],
    ]);
  });

  it('times every line of the song from its own file', () => {
    const times = alignCues(originalLines(result.song), parseLrc(result.song.lrc!).cues);
    expect(times).toEqual([4750, 9250, 13750, 18000, 23750, 27750, 69750, 73750]);
  });

  it('drops word times of the enhanced format from the words', () => {
    const song = importLrc('[00:01.00]<00:01.00>Один <00:01.50>два', {
      language: 'ru',
      artist: 'a',
    });
    expectValidSong(song);
    expect(column(song, 'ru')).toEqual([['Один два']]);
  });

  it('says how many untimed lines it left out of the lyrics', () => {
    const song = importLrc('[00:01.00]Один\nдва\nтри\n[00:03.00]четыре', { language: 'ru' });
    expectValidSong(song);
    expect(column(song, 'ru')).toEqual([['Один', 'четыре']]);
    expect(
      song.warnings.find((w) => w.key === 'editor:import.warning.untimedSkipped')?.params,
    ).toEqual({ count: 2 });
    expect(warningKeys(song)).toContain('editor:import.warning.titleFromFirstLine');
  });

  it('refuses a file with no timed words', () => {
    expect(() => importLrc('[ti:Nothing]\n[00:01.00]\n', { language: 'ru' })).toThrow(ImportError);
  });

  it('leaves out, and says, a timing the schema could not align (two lines at one moment)', () => {
    const song = importLrc('[01:02]Раз\n[01:02]Два', { language: 'ru', title: 't', artist: 'a' });
    expectValidSong(song);
    expect(song.song.lrc).toBeUndefined();
    expect(column(song, 'ru')).toEqual([['Раз', 'Два']]);
    expect(song.warnings.map((w) => [w.key, w.params])).toEqual([
      ['editor:import.warning.lrcPartial', { count: 1 }],
    ]);
  });
});
