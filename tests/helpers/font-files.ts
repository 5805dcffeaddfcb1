import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { brotliDecompressSync, inflateSync } from 'node:zlib';

/*
 * Reads what the bundled web fonts really contain, the way the browser picks among them: the
 * @font-face rules (family, weight, style, unicode-range, file) and each file's character map.
 * A face's unicode-range only says when the browser loads it; the file may still lack a
 * character in that range (the fontsource subsets claim U+2000–206F and have no U+202F).
 */

export interface FontFace {
  family: string;
  weight: [number, number];
  style: string;
  /** Inclusive code point ranges; all of Unicode when the rule has none. */
  ranges: [number, number][];
  file: string;
}

const faceRule = /@font-face\s*{([^}]*)}/g;

function descriptor(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body)?.[1]?.trim();
}

/** `U+20`, `U+0400-045F`, `U+4??` → inclusive ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    if (!from) throw new Error(`bad unicode-range part "${part}"`);
    if (to) return [parseInt(from, 16), parseInt(to, 16)];
    return [parseInt(from.replaceAll('?', '0'), 16), parseInt(from.replaceAll('?', 'F'), 16)];
  });
}

/** The @font-face rules of a CSS file, with their font files resolved next to it. */
export function fontFacesOf(cssFile: string, resolveUrl = defaultUrlResolver): FontFace[] {
  const css = readFileSync(cssFile, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...css.matchAll(faceRule)].map(([, body = '']) => {
    const family = descriptor(body, 'font-family')?.replace(/^['"]|['"]$/g, '');
    const src = descriptor(body, 'src');
    // WOFF2 and WOFF of a face hold the same glyphs; the first url is the one browsers take.
    const url = src && /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(src)?.[1];
    if (!family || !url) throw new Error(`${cssFile}: an @font-face without family or src url`);
    const weights = (descriptor(body, 'font-weight') ?? '400').split(/\s+/).map(Number);
    const range = descriptor(body, 'unicode-range');
    return {
      family,
      weight: [weights[0] ?? 400, weights[1] ?? weights[0] ?? 400],
      style: descriptor(body, 'font-style') ?? 'normal',
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
      file: resolveUrl(url, cssFile),
    };
  });
}

const requireHere = createRequire(import.meta.url);

/** A relative url beside the CSS file; a bare one (`pkg/file.woff2`) from node_modules. */
function defaultUrlResolver(url: string, cssFile: string): string {
  if (url.startsWith('.') || url.startsWith('/')) return resolve(dirname(cssFile), url);
  return requireHere.resolve(url, { paths: [dirname(cssFile)] });
}

export const inRanges = (ranges: readonly [number, number][], code: number) =>
  ranges.some(([from, to]) => code >= from && code <= to);

// WOFF2's table tags by index (the first ones; cmap, glyf and loca are all that matter here).
const WOFF2_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm'];
const WOFF2_GLYF = 10;
const WOFF2_LOCA = 11;

function readBase128(data: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i += 1) {
    const byte = data[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new Error('bad UIntBase128');
}

/** The raw `cmap` table of a WOFF, WOFF2, TTF or OTF file. */
function cmapTable(file: string): Buffer {
  const data = readFileSync(file);
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOFF') {
    const tables = data.readUInt16BE(12);
    for (let i = 0; i < tables; i += 1) {
      const entry = 44 + i * 20;
      if (data.toString('latin1', entry, entry + 4) !== 'cmap') continue;
      const offset = data.readUInt32BE(entry + 4);
      const compressed = data.readUInt32BE(entry + 8);
      const original = data.readUInt32BE(entry + 12);
      const raw = data.subarray(offset, offset + compressed);
      return compressed < original ? inflateSync(raw) : raw;
    }
  } else if (signature === 'wOF2') {
    const tables = data.readUInt16BE(12);
    const compressedSize = data.readUInt32BE(20);
    let at = 48;
    const directory: { tag: string; length: number }[] = [];
    for (let i = 0; i < tables; i += 1) {
      const flags = data[at]!;
      at += 1;
      const index = flags & 0x3f;
      let tag = WOFF2_TAGS[index] ?? `#${index}`;
      if (index === 63) {
        tag = data.toString('latin1', at, at + 4);
        at += 4;
      }
      const transform = flags >> 6;
      let length: number;
      [length, at] = readBase128(data, at);
      const isGlyfOrLoca = index === WOFF2_GLYF || index === WOFF2_LOCA;
      if (isGlyfOrLoca ? transform === 0 : transform !== 0) [length, at] = readBase128(data, at);
      directory.push({ tag, length });
    }
    const stream = brotliDecompressSync(data.subarray(at, at + compressedSize));
    let offset = 0;
    for (const { tag, length } of directory) {
      if (tag === 'cmap') return stream.subarray(offset, offset + length);
      offset += length;
    }
  } else {
    const tables = data.readUInt16BE(4);
    for (let i = 0; i < tables; i += 1) {
      const entry = 12 + i * 16;
      if (data.toString('latin1', entry, entry + 4) !== 'cmap') continue;
      const offset = data.readUInt32BE(entry + 8);
      return data.subarray(offset, offset + data.readUInt32BE(entry + 12));
    }
  }
  throw new Error(`${file}: no cmap table`);
}

/** Every code point the font file maps to a glyph (Unicode subtables, formats 4 and 12). */
export function charactersOf(file: string): Set<number> {
  const cmap = cmapTable(file);
  const characters = new Set<number>();
  const subtables = cmap.readUInt16BE(2);
  for (let i = 0; i < subtables; i += 1) {
    const offset = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(offset);
    if (format === 4) {
      const segments = cmap.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s += 1) {
        const end = cmap.readUInt16BE(ends + 2 * s);
        const start = cmap.readUInt16BE(starts + 2 * s);
        const delta = cmap.readInt16BE(deltas + 2 * s);
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * s);
        for (let code = start; code <= end && code !== 0xffff; code += 1) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            glyph = cmap.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) characters.add(code);
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g += 1) {
        const group = offset + 16 + g * 12;
        const start = cmap.readUInt32BE(group);
        const end = cmap.readUInt32BE(group + 4);
        const glyph = cmap.readUInt32BE(group + 8);
        for (let code = start; code <= end; code += 1) {
          if (glyph + (code - start) !== 0) characters.add(code);
        }
      }
    }
  }
  return characters;
}

/** One way text is set: a font stack (from the CSS) at a weight and style. */
export interface FontVariant {
  stack: string[];
  weight: number;
  style: string;
}

/**
 * The characters of `text` the bundled fonts of `variant` do not draw. Like the browser, the
 * stack is walked in order and a family's faces are chosen by unicode-range; a character no
 * bundled face claims would fall through to a font of the system, so it is missing. A face
 * that claims a character its file lacks counts as missing too: for a space, Chromium then
 * draws a fraction of the font's own space and never looks further down the stack.
 */
export function missingCharacters(
  text: string,
  variant: FontVariant,
  faces: readonly FontFace[],
  charactersIn: (file: string) => Set<number> = cachedCharactersOf,
): string[] {
  const missing = new Set<string>();
  for (const character of new Set(text)) {
    const code = character.codePointAt(0)!;
    // Line breaks and other controls are not drawn.
    if (/\p{Cc}/u.test(character)) continue;
    let drawn = false;
    for (const family of variant.stack) {
      const claiming = matchingFaces(faces, family, variant).filter((face) =>
        inRanges(face.ranges, code),
      );
      if (claiming.length === 0) continue;
      drawn = claiming.some((face) => charactersIn(face.file).has(code));
      break;
    }
    if (!drawn) missing.add(character);
  }
  return [...missing];
}

/**
 * A family's faces for a weight and style, as CSS font matching picks them (simplified): the
 * requested style if the family has it, else any (the browser slants a normal face); the
 * faces whose weight range holds the weight, else those of the nearest weight.
 */
function matchingFaces(faces: readonly FontFace[], family: string, variant: FontVariant) {
  const ofFamily = faces.filter((face) => face.family === family);
  const styled = ofFamily.some((face) => face.style === variant.style)
    ? ofFamily.filter((face) => face.style === variant.style)
    : ofFamily;
  const distance = (face: FontFace) =>
    Math.max(0, face.weight[0] - variant.weight, variant.weight - face.weight[1]);
  const nearest = Math.min(...styled.map(distance));
  return styled.filter((face) => distance(face) === nearest);
}

const characterCache = new Map<string, Set<number>>();
function cachedCharactersOf(file: string): Set<number> {
  let characters = characterCache.get(file);
  if (!characters) {
    characters = charactersOf(file);
    characterCache.set(file, characters);
  }
  return characters;
}

/** `'Solidarity Spaces', 'Oswald', sans-serif` → the family names, unquoted. */
export function parseFontStack(value: string): string[] {
  return value.split(',').map((family) => family.trim().replace(/^['"]|['"]$/g, ''));
}
