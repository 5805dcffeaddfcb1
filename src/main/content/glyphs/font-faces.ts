import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/*
 * The @font-face rules of the CSS the pages load (family, weight, style, unicode-range, file),
 * read the way the browser reads them. A face's unicode-range only says when the browser
 * loads it; the file may still lack a character in that range (cmap.ts reads what it has).
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

/** `'Solidarity Spaces', 'Oswald', sans-serif` → the family names, unquoted. */
export function parseFontStack(value: string): string[] {
  return value.split(',').map((family) => family.trim().replace(/^['"]|['"]$/g, ''));
}
