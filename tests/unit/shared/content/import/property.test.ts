import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { songSchema } from '../../../../../src/shared/content/schema';
import {
  ImportError,
  importChordPro,
  importColumns,
  importLrc,
  importOpenLyrics,
  importPaste,
  type ImportResult,
} from '../../../../../src/shared/content/import';

// Lines made of the pieces each format gives meaning to, so the parsers meet their edge cases.
const piece = fc.constantFrom(
  '',
  '   ',
  '---',
  '[00:12.34]',
  '[01:02]',
  '[ti:Title]',
  '[ar:]',
  '[offset:-500]',
  '[Am]',
  '[',
  ']',
  '{title: T}',
  '{soc}',
  '{eoc}',
  '{chorus}',
  '{sot}',
  '{c: Label}',
  '{sov: V}',
  '#',
  '<00:01.00>',
  'Вставай',
  'la la',
  ' \t ',
  '\uFEFF',
  '\r',
  '__proto__',
  'constructor',
);
const line = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 5 })
  .map((p) => p.join(''));
const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

function holds(run: () => ImportResult): void {
  let result: ImportResult;
  try {
    result = run();
  } catch (error) {
    // Refusing is fine, in words; anything else thrown would be a bug the person meets.
    expect(error).toBeInstanceOf(ImportError);
    return;
  }
  const parsed = songSchema.safeParse(result.song);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

// Generous runner timeouts: two cores shared by many; this is not a speed target.
describe('every import either refuses in words or makes a song the schema accepts', () => {
  const options = { language: 'ru', translationLanguage: 'en' };
  it('paste, two boxes and one box', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, translated) => {
        const chosen = translated ? options : { language: 'ru' };
        holds(() => importColumns(a, b, chosen));
        holds(() => importPaste(`${a}\n${b}`, chosen));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('ChordPro and LRC', () => {
    fc.assert(
      fc.property(text, (a) => {
        holds(() => importChordPro(a, options));
        holds(() => importLrc(a, options));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('OpenLyrics with random verses', () => {
    const verse = fc
      .record({
        name: fc.constantFrom('v1', 'c', 'b2', 'x', '__proto__', ''),
        lang: fc.constantFrom('ru', 'en', 'en_US', 'xx-invalid-tag', ''),
        lines: fc.array(line, { maxLength: 4 }),
      })
      .map(
        (v) =>
          `<verse name="${v.name}"${v.lang ? ` lang="${v.lang}"` : ''}><lines>${v.lines
            .map((l) => l.replace(/[<&]/g, ' '))
            .join('<br/>')}</lines></verse>`,
      );
    fc.assert(
      fc.property(
        fc.array(verse, { maxLength: 6 }),
        fc.string({ maxLength: 12 }),
        (verses, order) => {
          const xml = `<song><properties><verseOrder>${order.replace(/[<&]/g, '')}</verseOrder></properties><lyrics>${verses.join('')}</lyrics></song>`;
          holds(() => importOpenLyrics(xml, options));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
