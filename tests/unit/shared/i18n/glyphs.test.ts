import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFaces, missingCharacters, slideFontVariants } from '../../../helpers/font-files';
import { repoRoot } from '../../../helpers/serve';
import { keyLabel } from '../../../../src/shared/actions/keys';

/*
 * The glyph check: every word of every catalog, and every number and date Intl formats in each
 * language, is drawn by the app's bundled fonts, in each font the screens set text in. A
 * character the fonts lack falls to whatever font the venue's computer has, or to a box; for
 * the display fonts a fallback taking over counts as missing. Everything is read at test time:
 * a new catalog, key, language or font import is covered without touching this file.
 */

const localesDir = resolve(repoRoot, 'src/shared/i18n/locales');

type Catalog = { [key: string]: string | Catalog };

/** Every message of every catalog file, with where it comes from. */
function catalogMessages(): { where: string; text: string }[] {
  const messages: { where: string; text: string }[] = [];
  const walk = (where: string, value: string | Catalog) => {
    if (typeof value === 'string') {
      // What a reader sees: not the {{variables}}, $t() nestings or <1></1> tags.
      const text = value
        .replace(/\{\{[^}]*\}\}/g, '')
        .replace(/\$t\([^)]*\)/g, '')
        .replace(/<\/?\d+\s*\/?>/g, '');
      messages.push({ where, text });
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key !== '_meta') walk(`${where}:${key}`, inner);
    }
  };
  for (const language of readdirSync(localesDir)) {
    for (const file of readdirSync(resolve(localesDir, language))) {
      if (!file.endsWith('.json')) continue;
      const catalog = JSON.parse(readFileSync(resolve(localesDir, language, file), 'utf8'));
      walk(`${language}/${file}`, catalog as Catalog);
    }
  }
  return messages;
}

/** The keycaps the console and the phone show (→, ←, ↑, ↓, Space…). */
const KEYCAPS = [
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'Shift+ArrowRight',
  ' ',
  'Escape',
]
  .map((key) => keyLabel(key))
  .join(' ');

const NUMBERS = [0, 7, 1011, 2840, 12345, 1234567.89];
const ZONES = ['UTC', 'Europe/Moscow', 'Europe/Kyiv', 'Europe/Paris', 'America/New_York'];

/** What Intl writes in `language`: counters, numbers, dates, times, ranges, language names. */
function formatted(language: string): string[] {
  const texts = NUMBERS.map((n) => new Intl.NumberFormat(language).format(n));
  const longDate = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  for (let month = 0; month < 12; month += 1) {
    const day = Date.UTC(2026, month, month + 1);
    texts.push(
      new Intl.DateTimeFormat(language, { ...longDate, timeZone: 'UTC' }).format(day),
      new Intl.DateTimeFormat(language, { ...longDate, weekday: 'long', timeZone: 'UTC' }).format(
        day,
      ),
      new Intl.DateTimeFormat(language, { ...longDate, timeZone: 'UTC' }).formatRange(
        day,
        day + 2 * 86_400_000,
      ),
    );
  }
  for (const timeZone of ZONES) {
    const time = new Intl.DateTimeFormat(language, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    const start = Date.UTC(2026, 2, 14, 9, 30);
    texts.push(time.format(start), time.formatRange(start, start + 3 * 3_600_000));
  }
  const names = new Intl.DisplayNames([language], { type: 'language' });
  for (const other of readdirSync(localesDir)) texts.push(names.of(other) ?? '');
  return texts;
}

const describeCharacters = (characters: string[]) =>
  characters
    .map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');

describe('the glyph check', () => {
  const faces = bundledFaces();
  const fonts = slideFontVariants(faces);
  const languages = readdirSync(localesDir);
  const texts = [
    ...catalogMessages(),
    { where: 'keycaps', text: KEYCAPS },
    ...languages.flatMap((language) =>
      formatted(language).map((text) => ({ where: `Intl ${language}`, text })),
    ),
  ];

  it('finds the display fonts and the texts to check', () => {
    const names = fonts.map((font) => `${font.stack.join(', ')} ${font.weight} ${font.style}`);
    expect(names.some((name) => name.includes('Oswald') && name.includes('700'))).toBe(true);
    expect(names.some((name) => name.includes('Inter') && name.includes('400'))).toBe(true);
    expect(languages).toEqual(expect.arrayContaining(['en', 'fr', 'ru', 'uk']));
    // French numbers are grouped with U+202F: the case the check was written for.
    expect(texts.some(({ text }) => text.includes('\u202f'))).toBe(true);
  });

  for (const font of fonts) {
    it(`every catalog string and Intl output is drawn by ${font.stack.join(', ')} at ${font.weight} ${font.style}`, () => {
      const problems = new Map<string, string>();
      for (const { where, text } of texts) {
        for (const character of missingCharacters(text, font, faces)) {
          if (!problems.has(character)) problems.set(character, `${where}: "${text}"`);
        }
      }
      const report = [...problems].map(
        ([character, example]) => `${describeCharacters([character])} in ${example}`,
      );
      expect(report).toEqual([]);
    });
  }

  it('fails on a character no bundled face has, and on one a face claims but lacks', () => {
    const heading = fonts.find((font) => font.stack.includes('Oswald'))!;
    // U+2715 (✕) is in no bundled face's range: a system font would draw it.
    expect(missingCharacters('Fermer ✕', heading, faces)).toEqual(['✕']);
    // Oswald's latin face claims U+2000–206F but its file has no U+202F.
    const oswaldAlone = { ...heading, stack: ['Oswald', 'Arial Narrow', 'sans-serif'] };
    expect(missingCharacters(new Intl.NumberFormat('fr').format(1011), oswaldAlone, faces)).toEqual(
      ['\u202f'],
    );
    expect(missingCharacters('1011 ЙЁЇ É', oswaldAlone, faces)).toEqual([]);
  });
});
