import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cuesAt,
  MAX_SUBTITLE_PROBLEMS,
  parseSubtitles,
  subtitleFormatOf,
} from '../../../../src/shared/subtitles';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../../fixtures/subtitles', name), 'utf8');

describe('parseSubtitles: WebVTT', () => {
  const { cues, problems } = parseSubtitles(fixture('cues-kots.vtt'), 'vtt');

  it('reads a file with a BOM and CRLF line endings, skipping NOTE, STYLE and REGION blocks', () => {
    expect(problems).toEqual([]);
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [1000, 4500],
      [4000, 7250],
      [3723004, 3725000],
    ]);
  });

  it('strips voice, class, bold, italic, underline and timestamp tags and decodes entities', () => {
    expect(cues[0]!.lines).toEqual(['Вихри враждебные веют над нами']);
    expect(cues[1]!.lines).toEqual(['Тёмные силы нас злобно гнетут', '<chorus> & all']);
    expect(cues[2]!.lines).toEqual(['Free Boris Kagarlitsky! Now']);
  });

  it('keeps overlapping cues and shows both at a moment they share', () => {
    expect(cuesAt(cues, 4200).map((c) => c.lines[0])).toEqual([
      'Вихри враждебные веют над нами',
      'Тёмные силы нас злобно гнетут',
    ]);
    expect(cuesAt(cues, 4500).map((c) => c.startMs)).toEqual([4000]);
    expect(cuesAt(cues, 999)).toEqual([]);
    expect(cuesAt(cues, 7250)).toEqual([]);
  });

  it('reports each bad timing with its line and keeps the good cues', () => {
    const parsed = parseSubtitles(fixture('broken-times.vtt'), 'vtt');
    expect(parsed.cues).toEqual([{ startMs: 1000, endMs: 2000, lines: ['fine'] }]);
    expect(parsed.problems).toEqual([
      { line: 6, code: 'badTimestamp', params: { which: 'start', got: '00:00:61.000' } },
      {
        line: 9,
        code: 'endNotAfterStart',
        params: { got: '00:00:05.000 --> 00:00:04.000' },
      },
      { line: 12, code: 'noTiming', params: { got: 'just words, no timing' } },
      { line: 14, code: 'badTimestamp', params: { which: 'end', got: '7' } },
    ]);
  });

  it('says a file without the WEBVTT signature is not WebVTT', () => {
    const parsed = parseSubtitles('1\n00:00:01,000 --> 00:00:02,000\nhello\n', 'vtt');
    expect(parsed.problems[0]).toEqual({ line: 1, code: 'notWebvtt', params: {} });
  });

  it('says an empty file has no cues', () => {
    expect(parseSubtitles('WEBVTT\n\n', 'vtt').problems).toEqual([
      { line: 1, code: 'noCues', params: {} },
    ]);
    expect(parseSubtitles('', 'srt').problems.map((p) => p.code)).toEqual(['noCues']);
  });

  it('caps the problems of a file that is not subtitles at all, counting the rest', () => {
    const junk = Array.from({ length: 50 }, (_, i) => `garbage ${i}\n`).join('\n');
    const parsed = parseSubtitles(`WEBVTT\n\n${junk}`, 'vtt');
    expect(parsed.problems).toHaveLength(MAX_SUBTITLE_PROBLEMS + 1);
    expect(parsed.problems.at(-1)).toMatchObject({ code: 'moreProblems', params: { count: 30 } });
  });
});

describe('parseSubtitles: SubRip', () => {
  const { cues, problems } = parseSubtitles(fixture('cues-azat.srt'), 'srt');

  it('reads numbered cues with a BOM, CRLF, coordinates and a one-digit hour', () => {
    expect(problems).toEqual([]);
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [1000, 3000],
      [2500, 5000],
      [6000, 8000],
    ]);
  });

  it('strips {\\an8} overrides and <font>, <i>, <b> tags, keeping a bare "<"', () => {
    expect(cues.map((c) => c.lines)).toEqual([
      ['Свободу Азату Мифтахову!'],
      ['Free Azat', 'Libérez Azat'],
      ['a < b, still text'],
    ]);
  });

  it('sorts cues by start time when the file is out of order', () => {
    const parsed = parseSubtitles(
      '2\n00:00:05,000 --> 00:00:06,000\nsecond\n\n1\n00:00:01,000 --> 00:00:02,000\nfirst\n',
      'srt',
    );
    expect(parsed.cues.map((c) => c.lines[0])).toEqual(['first', 'second']);
  });

  it('reports a timestamp with minutes past 59', () => {
    const parsed = parseSubtitles('1\n00:75:00,000 --> 00:76:00,000\nx\n', 'srt');
    expect(parsed.problems).toEqual([
      { line: 2, code: 'badTimestamp', params: { which: 'start', got: '00:75:00,000' } },
    ]);
  });
});

describe('subtitleFormatOf', () => {
  it('knows .vtt and .srt in any case, and nothing else', () => {
    expect(subtitleFormatOf('subs/ru.VTT')).toBe('vtt');
    expect(subtitleFormatOf('subs/en.srt')).toBe('srt');
    expect(subtitleFormatOf('subs/en.ass')).toBeNull();
    expect(subtitleFormatOf('srt')).toBeNull();
  });
});
