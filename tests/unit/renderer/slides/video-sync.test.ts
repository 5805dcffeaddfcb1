import { describe, expect, it } from 'vitest';
import {
  defaultEntryOptions,
  publishedEntryOptions,
  screenSubtitlesAt,
  subtitleTracks,
  targetPositionMs,
} from '../../../../src/renderer/slides/video-sync';
import type { VideoItem } from '../../../../src/shared/content';
import { parseSubtitles } from '../../../../src/shared/subtitles';

const playing = { itemId: 'v', anchorAt: 1_000, positionMs: 0, paused: false };

describe('where a screen plays a video', () => {
  it('follows the core clock', () => {
    expect(targetPositionMs(playing, 4_000, defaultEntryOptions, 10_000)).toBe(3_000);
  });
  it('holds at the end of a range that does not loop', () => {
    const options = { ...defaultEntryOptions, startMs: 2_000, endMs: 5_000 };
    expect(targetPositionMs({ ...playing, positionMs: 2_000 }, 10_000, options, 10_000)).toBe(
      5_000,
    );
  });
  it('wraps a looping range', () => {
    const options = { ...defaultEntryOptions, startMs: 2_000, endMs: 5_000, loop: true };
    // 2 s + 4 s of play = 6 s: one 3 s lap, then 1 s into the range again.
    expect(targetPositionMs({ ...playing, positionMs: 2_000 }, 5_000, options, 10_000)).toBe(3_000);
  });
  it('stays put while paused', () => {
    expect(
      targetPositionMs(
        { ...playing, positionMs: 1_500, paused: true },
        99_000,
        defaultEntryOptions,
        null,
      ),
    ).toBe(1_500);
  });
});

describe('subtitles', () => {
  const item = {
    kind: 'video',
    id: 'v',
    file: 'media/v.webm',
    title: 'v',
    licence: 'x',
    language: 'ru',
    subtitles: { ru: 'media/v.ru.vtt', fr: 'media/v.fr.vtt' },
  } as unknown as VideoItem;
  it('shows the original and the screen language under it', () => {
    expect(subtitleTracks(item, 'fr')).toEqual({
      original: 'media/v.ru.vtt',
      translation: 'media/v.fr.vtt',
      originalLang: 'ru',
    });
  });
  it('shows the original alone on a screen in the video language or one without subtitles', () => {
    expect(subtitleTracks(item, 'ru').translation).toBeNull();
    expect(subtitleTracks(item, 'en')).toMatchObject({
      original: 'media/v.ru.vtt',
      translation: null,
    });
  });
});

describe('the subtitles a screen draws at a moment of the video', () => {
  // The same words in both formats a pack may use: a screen must show either.
  const srt =
    '\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Свободу</i> {\\an8}всем\r\n\r\n' +
    '2\r\n00:00:02,500 --> 00:00:04,000\r\n<b>Второй</b>\r\nстрокой\r\n';
  const vtt =
    'WEBVTT\n\n00:01.000 --> 00:02.500\nFree <c.loud>them</c> all\n\n' +
    '00:02.500 --> 00:04.000\n<v Boris>Second line</v>\n';
  const original = parseSubtitles(srt, 'srt').cues;
  const translation = parseSubtitles(vtt, 'vtt').cues;

  it('shows an SRT original over a WebVTT translation, at the cue times', () => {
    expect(screenSubtitlesAt(original, translation, 999).line).toBe('');
    expect(screenSubtitlesAt(original, translation, 1_000)).toEqual({
      line: 'Свободу всем',
      translation: 'Free them all',
      lineIsOriginal: true,
    });
    expect(screenSubtitlesAt(original, translation, 2_500)).toEqual({
      line: 'Второй\nстрокой',
      translation: 'Second line',
      lineIsOriginal: true,
    });
    expect(screenSubtitlesAt(original, translation, 4_000).line).toBe('');
  });

  it('moves a translation alone up, and says it is not the original', () => {
    expect(screenSubtitlesAt([], translation, 1_200)).toEqual({
      line: 'Free them all',
      translation: '',
      lineIsOriginal: false,
    });
    expect(screenSubtitlesAt(original, [], 3_000)).toMatchObject({
      line: 'Второй\nстрокой',
      lineIsOriginal: true,
    });
  });
});

describe("the core's reading of the entry", () => {
  it('is used when the state carries it, and ignored when it does not', () => {
    expect(
      publishedEntryOptions({ playback: { startMs: 1000, endMs: 3000, muted: true, loop: false } }),
    ).toEqual({
      startMs: 1000,
      endMs: 3000,
      muted: true,
      loop: false,
    });
    expect(publishedEntryOptions({})).toBeNull();
    expect(publishedEntryOptions(null)).toBeNull();
  });
});
