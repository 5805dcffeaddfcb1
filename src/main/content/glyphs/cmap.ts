import { readFileSync } from 'node:fs';
import { brotliDecompressSync, inflateSync } from 'node:zlib';

/*
 * What a font file really draws: its character map, read from WOFF2 (brotli), WOFF (zlib),
 * TTF or OTF. The truth for the glyph check is the files the renderer ships, not a list.
 */

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

const characterCache = new Map<string, Set<number>>();
export function cachedCharactersOf(file: string): Set<number> {
  let characters = characterCache.get(file);
  if (!characters) {
    characters = charactersOf(file);
    characterCache.set(file, characters);
  }
  return characters;
}
