import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignCues, parseLrc } from '../../../../src/shared/lyrics';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../../fixtures/lrc', name), 'utf8');

describe('parseLrc on real LRC files', () => {
  it('reads hundredths, ID tags and applies the offset (positive = sooner)', () => {
    const lrc = parseLrc(fixture('internationale-ru.lrc'));
    expect(lrc.tags).toMatchObject({
      ti: 'Интернационал',
      by: 'Solidarity Screens',
      length: '01:10',
    });
    expect(lrc.offsetMs).toBe(250);
    expect(lrc.cues).toHaveLength(12);
    expect(lrc.cues[0]).toEqual({ ms: 4750, text: 'Вставай, проклятьем заклеймённый,' });
    expect(lrc.cues[11]).toEqual({ ms: 49350, text: 'Воспрянет род людской!' });
  });

  it('reads timestamps without fractions', () => {
    const { cues } = parseLrc(fixture('no-milliseconds.lrc'));
    expect(cues.map((c) => c.ms)).toEqual([40000, 43000, 46000, 50000]);
  });

  it('gives a line with several timestamps one cue per timestamp, sorted by time', () => {
    const { cues } = parseLrc(fixture('repeated-refrain.lrc'));
    expect(cues).toHaveLength(12);
    expect(cues.filter((c) => c.text === 'Это есть наш последний').map((c) => c.ms)).toEqual([
      40000, 95000,
    ]);
    expect(cues.map((c) => c.ms)).toEqual([...cues.map((c) => c.ms)].sort((a, b) => a - b));
  });

  it('drops the word tags of enhanced LRC and keeps the line', () => {
    const { cues } = parseLrc(fixture('enhanced-words.lrc'));
    expect(cues).toEqual([
      { ms: 40000, text: 'Это есть наш последний' },
      { ms: 43200, text: 'И решительный бой;' },
    ]);
  });

  it('reads files written on Windows, with a byte-order mark and CRLF line ends', () => {
    const { cues, tags } = parseLrc(fixture('windows-bom-crlf.lrc'));
    expect(tags.ti).toBe('Windows tool');
    expect(cues).toEqual([
      { ms: 1500, text: 'Вставай, проклятьем заклеймённый,' },
      { ms: 4250, text: 'Весь мир голодных и рабов!' },
    ]);
  });

  it('finds nothing in text that is not LRC', () => {
    expect(parseLrc('just some words\nno tags here').cues).toEqual([]);
  });
});

describe('alignCues', () => {
  const refrain = [
    'Это есть наш последний',
    'И решительный бой;',
    'С Интернационалом',
    'Воспрянет род людской!',
  ];

  it('puts a chorus timed once with two tags on both of its repeats', () => {
    const song = [
      'Вставай, проклятьем заклеймённый,',
      'Весь мир голодных и рабов!',
      ...refrain,
      'Никто не даст нам избавленья:',
      'Ни бог, ни царь и не герой.',
      ...refrain,
    ];
    const times = alignCues(song, parseLrc(fixture('repeated-refrain.lrc')).cues);
    expect(times).toEqual([
      5000, 9400, 40000, 43200, 46400, 49600, 60000, 64400, 95000, 98200, 101400, 104600,
    ]);
  });

  it('matches despite case and punctuation differences', () => {
    const times = alignCues(
      ['это есть наш последний!'],
      [{ ms: 1000, text: 'Это есть наш последний' }],
    );
    expect(times).toEqual([1000]);
  });

  it('falls back to order when the texts differ, and leaves lines without a cue empty', () => {
    const times = alignCues(
      ['one', 'two', 'three'],
      [
        { ms: 100, text: 'uno' },
        { ms: 200, text: 'dos' },
      ],
    );
    expect(times).toEqual([100, 200, null]);
  });
});
