import { describe, expect, it } from 'vitest';
import { importSongFile, songFormat } from '../../../../../src/shared/content/import';
import { expectValidSong, fixture } from './helpers';

describe('songFormat', () => {
  it.each([
    ['a.xml', 'openlyrics'],
    ['a.CHO', 'chordpro'],
    ['a.chopro', 'chordpro'],
    ['a.crd', 'chordpro'],
    ['a.chordpro', 'chordpro'],
    ['a.lrc', 'lrc'],
  ])('knows %s by its name', (name, format) => {
    expect(songFormat(name, 'whatever')).toBe(format);
  });

  it('knows a .txt by its first lines', () => {
    expect(songFormat('a.txt', '\uFEFF<?xml version="1.0"?><song/>')).toBe('openlyrics');
    expect(songFormat('a.txt', '{title: x}\n[G]la')).toBe('chordpro');
    expect(songFormat('a.txt', '[ar:x]\n[00:01.00]la')).toBe('lrc');
    expect(songFormat('a.txt', 'la la\nla')).toBe('text');
  });
});

describe('importSongFile: every import is a song the schema accepts', () => {
  it.each([
    ['internationale-bilingual.xml', 'openlyrics'],
    ['internationale.cho', 'chordpro'],
    ['internationale.lrc', 'lrc'],
  ])('%s', (name, format) => {
    const result = importSongFile(name, fixture(name), { language: 'ru' });
    expect(result.format).toBe(format);
    expectValidSong(result);
  });

  it('reads a plain text file as a paste', () => {
    const result = importSongFile('song.txt', 'Один\nOne\n\nДва\nTwo', {
      language: 'ru',
      translationLanguage: 'en',
    });
    expectValidSong(result);
    expect(result.song.sections[1]!.lines).toEqual([{ ru: 'Два', en: 'Two' }]);
  });

  it('refuses an empty file', () => {
    expect(() => importSongFile('a.cho', '\uFEFF \r\n', { language: 'ru' })).toThrow(/empty/);
  });
});
