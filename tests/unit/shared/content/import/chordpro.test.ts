import { describe, expect, it } from 'vitest';
import { importChordPro } from '../../../../../src/shared/content/import';
import { column, expectValidSong, fixture, warningKeys } from './helpers';

describe('importChordPro', () => {
  const result = importChordPro(fixture('internationale.cho'), { language: 'fr' });

  it('reads the directives: title, artist, and a song the pack accepts', () => {
    expectValidSong(result);
    expect(result.song).toMatchObject({
      kind: 'song',
      id: 'l-internationale',
      title: "L'Internationale",
      artist: 'Eugène Pottier',
      language: 'fr',
    });
  });

  it('takes the chords out of the words and skips the tab', () => {
    expect(column(result, 'fr')).toEqual([
      ['Debout, les damnés de la terre,', 'Debout, les forçats de la faim,'],
      ["C'est la lutte finale,", 'Groupons-nous, et demain'],
      ["Il n'est pas de sauveurs suprêmes,", 'Ni Dieu, ni César, ni tribun,'],
      ["C'est la lutte finale,", 'Groupons-nous, et demain'],
    ]);
    expect(JSON.stringify(result.song)).not.toMatch(/\[(Bb|Eb|F)\]|e\|---/);
    expect(result.warnings.map((w) => [w.key, w.params])).toEqual([
      ['editor:import.warning.skippedBlock', { block: 'tab' }],
    ]);
  });

  it('labels stanzas from comments and block labels, and repeats the chorus on {chorus}', () => {
    expect(result.song.sections.map((s) => s.label)).toEqual([
      'Couplet 1',
      'Refrain',
      'Couplet 2',
      'Refrain',
    ]);
  });

  it('reads short directives, an unlabelled chorus, grids and the subtitle as artist', () => {
    const text = [
      '{t: Song}',
      '{st: The Band}',
      '{soc}',
      '[G]La la',
      '',
      '[C]Still the chorus',
      '{eoc}',
      '{sog}',
      '| G . | C . |',
      '{eog}',
      'A [D]last line',
    ].join('\n');
    const song = importChordPro(text, { language: 'en' });
    expectValidSong(song);
    expect(song.song.title).toBe('Song');
    expect(song.song.artist).toBe('The Band');
    expect(column(song, 'en')).toEqual([['La la', 'Still the chorus'], ['A last line']]);
    expect(song.song.sections[0]!.label).toEqual({ en: 'Chorus' });
    expect(warningKeys(song)).toEqual(['editor:import.warning.skippedBlock']);
  });

  it('does not split a stanza at a line of only chords', () => {
    const song = importChordPro('{t: x}\n{a: y}\nOne [G]line\n[C] [G] [Am]\nTwo', {
      language: 'en',
    });
    expectValidSong(song);
    expect(column(song, 'en')).toEqual([['One line', 'Two']]);
  });
});
