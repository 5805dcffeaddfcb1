import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { charactersOf } from '../../../../../src/main/content/glyphs/cmap';
import { bundledFaces, slideGlyphCoverage } from '../../../../../src/main/content/glyphs/coverage';

const require = createRequire(import.meta.url);

describe('charactersOf (the bundled font files)', () => {
  it('reads the Cyrillic subset of Inter (WOFF2): Ж and Ї are there, Georgian and Latin are not', () => {
    const file = require.resolve('@fontsource/inter/files/inter-cyrillic-400-normal.woff2');
    const characters = charactersOf(file);
    expect(characters.has(0x416)).toBe(true); // Ж
    expect(characters.has(0x407)).toBe(true); // Ї
    expect(characters.has(0x10d0)).toBe(false);
    expect(characters.has(0x1f600)).toBe(false);
  });

  it('reads a WOFF file the same as its WOFF2', () => {
    const woff2 = charactersOf(
      require.resolve('@fontsource/oswald/files/oswald-cyrillic-700-normal.woff2'),
    );
    const woff = charactersOf(
      require.resolve('@fontsource/oswald/files/oswald-cyrillic-700-normal.woff'),
    );
    expect(woff.size).toBeGreaterThan(50);
    expect([...woff].sort()).toEqual([...woff2].sort());
  });
});

describe('slideGlyphCoverage', () => {
  it('draws Latin, Cyrillic, French typography; not Georgian, Armenian, CJK or emoji', () => {
    const draws = slideGlyphCoverage();
    for (const character of ['a', 'É', 'Ж', 'ї', 'ё', '«', '’', '\u00a0', '\u202f', '—']) {
      expect(draws(character), character).toBe(true);
    }
    for (const character of ['\u10d0', 'Ա', '人', '😀', '✊']) {
      expect(draws(character), character).toBe(false);
    }
  });

  it('reads the faces the renderer imports, each with a file that exists', () => {
    const faces = bundledFaces();
    expect(new Set(faces.map((face) => face.family))).toEqual(
      new Set(['Oswald', 'Inter', 'Solidarity Symbols']),
    );
    for (const face of faces) expect(charactersOf(face.file).size).toBeGreaterThan(0);
  });
});
