import { describe, expect, it } from 'vitest';
import {
  nextSubtitleChangeMs,
  subtitleTextAt,
  videoSubtitleLanguages,
} from '../../../../src/shared/overlay/video-subtitles';
import type { SubtitleCue } from '../../../../src/shared/subtitles';

const ru: SubtitleCue[] = [
  { startMs: 1000, endMs: 2000, lines: ['Свободу'] },
  { startMs: 2000, endMs: 3000, lines: ['Кагарлицкому', 'и Мифтахову'] },
];
const en: SubtitleCue[] = [{ startMs: 1000, endMs: 2500, lines: ['Freedom'] }];

describe('which subtitle line at which cursor', () => {
  it('starts a cue at its start and ends it at its end (exclusive), at every boundary', () => {
    const tracks = { main: ru, sub: [] };
    expect(subtitleTextAt(tracks, 999).line).toBe('');
    expect(subtitleTextAt(tracks, 1000).line).toBe('Свободу');
    expect(subtitleTextAt(tracks, 1999).line).toBe('Свободу');
    expect(subtitleTextAt(tracks, 2000).line).toBe('Кагарлицкому\nи Мифтахову');
    expect(subtitleTextAt(tracks, 3000).line).toBe('');
  });

  it('puts the translation under the original, each on its own clock', () => {
    expect(subtitleTextAt({ main: ru, sub: en }, 1500)).toEqual({
      line: 'Свободу',
      translation: 'Freedom',
    });
    expect(subtitleTextAt({ main: ru, sub: en }, 2600)).toEqual({
      line: 'Кагарлицкому\nи Мифтахову',
      translation: '',
    });
  });

  it('moves a translation up when the original is silent, so the big line is never empty', () => {
    const main: SubtitleCue[] = [{ startMs: 0, endMs: 500, lines: ['x'] }];
    expect(subtitleTextAt({ main, sub: en }, 1200)).toEqual({ line: 'Freedom', translation: '' });
  });

  it('shows overlapping cues together', () => {
    const both: SubtitleCue[] = [
      { startMs: 0, endMs: 2000, lines: ['a'] },
      { startMs: 1000, endMs: 3000, lines: ['b'] },
    ];
    expect(subtitleTextAt({ main: both, sub: [] }, 1500).line).toBe('a\nb');
  });
});

describe('the subtitle languages for the stream', () => {
  const chosen = (languages: string[]) => ({ languages, chosen: true });
  const video = { language: 'ru', subtitles: { ru: 'a.vtt', en: 'b.vtt', fr: 'c.vtt' } };

  it('original and the stream language, like the lyrics', () => {
    expect(videoSubtitleLanguages(video, chosen(['ru', 'en']))).toEqual({ main: 'ru', sub: 'en' });
    expect(videoSubtitleLanguages(video, chosen(['en', 'ru']))).toEqual({ main: 'ru', sub: 'en' });
  });

  it('only the translation when the stream leaves the spoken language out', () => {
    expect(videoSubtitleLanguages(video, chosen(['fr']))).toEqual({ main: 'fr', sub: null });
  });

  it('keeps the original when the languages are only the pack’s, not the operator’s choice', () => {
    expect(videoSubtitleLanguages(video, { languages: ['fr'], chosen: false })).toEqual({
      main: 'ru',
      sub: 'fr',
    });
  });

  it('never a language without a file; the original rather than nothing', () => {
    expect(videoSubtitleLanguages(video, chosen(['uk']))).toEqual({ main: 'ru', sub: null });
    expect(videoSubtitleLanguages({ language: 'ru' }, chosen(['ru', 'en']))).toEqual({
      main: null,
      sub: null,
    });
    expect(videoSubtitleLanguages({ subtitles: { en: 'b.vtt' } }, chosen(['ru', 'en']))).toEqual({
      main: 'en',
      sub: null,
    });
  });
});

describe('when the subtitle text next changes', () => {
  it('is the nearest cue edge after the cursor, in either track', () => {
    const tracks = { main: ru, sub: en };
    expect(nextSubtitleChangeMs(tracks, 0)).toBe(1000);
    expect(nextSubtitleChangeMs(tracks, 1000)).toBe(2000);
    expect(nextSubtitleChangeMs(tracks, 2100)).toBe(2500);
    expect(nextSubtitleChangeMs(tracks, 2500)).toBe(3000);
  });

  it('is null after the last cue ends, and with no cues at all', () => {
    expect(nextSubtitleChangeMs({ main: ru, sub: en }, 3000)).toBeNull();
    expect(nextSubtitleChangeMs({ main: [], sub: [] }, 0)).toBeNull();
  });
});
