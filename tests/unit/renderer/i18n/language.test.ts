import { describe, expect, it } from 'vitest';
import {
  displayLanguages,
  languageForSlide,
  lyricLanguages,
  pinnedLanguage,
} from '../../../../src/renderer/i18n/language';
import { pack, songWithLyrics } from '../fixtures';

const withDisplay = (display: Partial<(typeof pack)['display']>) => ({
  ...pack,
  display: { ...pack.display, ...display },
});

describe('languageForSlide', () => {
  it('without display languages speaks the default language', () => {
    expect(displayLanguages(pack)).toEqual(['en']);
    expect(languageForSlide(pack, { sequence: 7 })).toBe('en');
    expect(languageForSlide({ ...pack, defaultLanguage: 'ru' }, null)).toBe('ru');
  });

  it('speaks the first display language when not cycling', () => {
    const fixed = withDisplay({ languages: ['fr', 'ru'], cycleLanguages: false });
    expect(languageForSlide(fixed, { sequence: 0 })).toBe('fr');
    expect(languageForSlide(fixed, { sequence: 1 })).toBe('fr');
  });

  it('cycles with the core’s transition count, so every screen agrees', () => {
    const cycling = withDisplay({ languages: ['en', 'ru', 'fr'], cycleLanguages: true });
    expect([0, 1, 2, 3, 4].map((sequence) => languageForSlide(cycling, { sequence }))).toEqual([
      'en',
      'ru',
      'fr',
      'en',
      'ru',
    ]);
    // Before the core has said anything, the first.
    expect(languageForSlide(cycling, null)).toBe('en');
  });

  it('honours a language pinned on the link, if the pack has it', () => {
    const cycling = withDisplay({ languages: ['en', 'ru'], cycleLanguages: true });
    expect(languageForSlide(cycling, { sequence: 1 }, 'fr')).toBe('fr');
    expect(languageForSlide(cycling, { sequence: 1 }, 'de')).toBe('ru');
  });
});

describe('languageForSlide with the operator’s choice', () => {
  const outputs = (display: string[]) => ({ display, overlay: [] });

  it('an empty choice leaves it to the pack', () => {
    const fixed = withDisplay({ languages: ['fr'], cycleLanguages: false });
    expect(languageForSlide(fixed, { sequence: 3, outputLanguages: outputs([]) })).toBe('fr');
  });

  it('one language holds, several cycle, whatever the pack says', () => {
    const fixed = withDisplay({ languages: ['fr'], cycleLanguages: false });
    expect(languageForSlide(fixed, { sequence: 3, outputLanguages: outputs(['ru']) })).toBe('ru');
    const two = { outputLanguages: outputs(['ru', 'en']) };
    expect(languageForSlide(fixed, { sequence: 0, ...two })).toBe('ru');
    expect(languageForSlide(fixed, { sequence: 1, ...two })).toBe('en');
  });

  it('a language pinned on the link still wins', () => {
    expect(languageForSlide(pack, { sequence: 0, outputLanguages: outputs(['ru']) }, 'fr')).toBe(
      'fr',
    );
  });
});

describe('pinnedLanguage', () => {
  it('reads ?lang= and ignores anything that is not a language code', () => {
    expect(pinnedLanguage('?token=x&lang=ru')).toBe('ru');
    expect(pinnedLanguage('?lang=pt-BR')).toBe('pt-BR');
    expect(pinnedLanguage('?lang=<script>')).toBeNull();
    expect(pinnedLanguage('')).toBeNull();
  });
});

describe('lyricLanguages', () => {
  const lines = songWithLyrics.sections[0]!.lines;

  it('pairs the original with the slide’s language', () => {
    expect(lyricLanguages(songWithLyrics, lines, 'en', pack)).toEqual({
      original: 'ru',
      translation: 'en',
    });
  });

  it('when the slide speaks the original, translates into another display language', () => {
    const screen = withDisplay({ languages: ['ru', 'fr', 'en'] });
    // The lines have no French: English is the next language the screen speaks.
    expect(lyricLanguages(songWithLyrics, lines, 'ru', screen)).toEqual({
      original: 'ru',
      translation: 'en',
    });
  });

  it('shows the original alone when the screen speaks nothing else', () => {
    const russianOnly = withDisplay({ languages: ['ru'] });
    expect(lyricLanguages(songWithLyrics, lines, 'ru', russianOnly).translation).toBeNull();
  });
});
