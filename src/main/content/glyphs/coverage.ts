import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedCharactersOf } from './cmap';
import { fontFacesOf, inRanges, parseFontStack, type FontFace } from './font-faces';

/*
 * Which characters the screens can draw with the fonts the app bundles. The faces are the ones
 * the pages really load (see `findFontSources`), the
 * stacks are base.css's --font-heading and --font-body, and each face's characters come from
 * its file. A slide's text may be set in either stack, at any of their weights, so a character
 * is drawable only when every one of them draws it.
 */

const requireHere = createRequire(import.meta.url);

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
    if (!drawsCharacter(character, variant, faces, charactersIn)) missing.add(character);
  }
  return [...missing];
}

function drawsCharacter(
  character: string,
  variant: FontVariant,
  faces: readonly FontFace[],
  charactersIn: (file: string) => Set<number>,
): boolean {
  const code = character.codePointAt(0)!;
  // Line breaks and other controls are not drawn.
  if (/\p{Cc}/u.test(character)) return true;
  for (const family of variant.stack) {
    const claiming = matchingFaces(faces, family, variant).filter((face) =>
      inRanges(face.ranges, code),
    );
    if (claiming.length === 0) continue;
    return claiming.some((face) => charactersIn(face.file).has(code));
  }
  return false;
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

/**
 * Where the pages' fonts are declared: the @font-face CSS files, and the CSS that names the
 * stacks (--font-heading, --font-body). From a source checkout these are main.tsx's fontsource
 * imports and base.css; in a packaged app, with no source beside it, the built renderer's
 * stylesheet, which holds the same rules with the font files next to it.
 */
export interface FontSources {
  faceFiles: string[];
  stacksFile: string;
}

/** The fonts of the source checkout or, failing that, of the built renderer, from `from` up. */
export function findFontSources(from = path.dirname(fileURLToPath(import.meta.url))): FontSources {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const appDir = path.join(dir, 'src/renderer/app');
    if (existsSync(path.join(appDir, 'main.tsx'))) return sourceFonts(appDir);
    const page = path.join(dir, 'out/renderer/index.html');
    if (existsSync(page)) return builtFonts(page);
    if (path.dirname(dir) === dir) {
      throw new Error(
        `glyph check: neither src/renderer/app/main.tsx nor out/renderer/index.html is found from ${from}`,
      );
    }
  }
}

function sourceFonts(appDir: string): FontSources {
  const main = readFileSync(path.join(appDir, 'main.tsx'), 'utf8');
  const imports = [...main.matchAll(/^import '(@fontsource\/[^']+\.css)';/gm)].map(
    ([, name = '']) => requireHere.resolve(name, { paths: [appDir] }),
  );
  if (imports.length === 0) throw new Error(`${appDir}/main.tsx: no @fontsource import`);
  const stacksFile = path.join(appDir, 'base.css');
  return { faceFiles: [...imports, stacksFile], stacksFile };
}

function builtFonts(page: string): FontSources {
  const html = readFileSync(page, 'utf8');
  const href = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error(`${page}: no stylesheet`);
  const css = path.resolve(path.dirname(page), href);
  return { faceFiles: [css], stacksFile: css };
}

/** The @font-face rules the pages load. */
export function bundledFaces(fonts = findFontSources()): FontFace[] {
  return fonts.faceFiles.flatMap((file) => fontFacesOf(file));
}

/** The slides' font stacks, each at every weight and style its first bundled family has. */
export function slideFontVariants(
  faces: readonly FontFace[],
  fonts = findFontSources(),
): FontVariant[] {
  const css = readFileSync(fonts.stacksFile, 'utf8');
  return ['--font-heading', '--font-body'].flatMap((property) => {
    // Built CSS is minified: a declaration may end at its block's brace, not a semicolon.
    const value = new RegExp(`${property}\\s*:\\s*([^;}]+)[;}]`).exec(css)?.[1];
    if (!value) throw new Error(`${fonts.stacksFile}: no ${property}`);
    const stack = parseFontStack(value);
    // The family that sets the text: the first whose faces hold the letter "a".
    const main = stack.find((family) =>
      faces.some((face) => face.family === family && inRanges(face.ranges, 0x61)),
    );
    const variants = faces
      .filter((face) => face.family === main)
      .map((face) => `${face.weight[0]} ${face.style}`);
    return [...new Set(variants)].map((variant) => {
      const [weight = '400', style = 'normal'] = variant.split(' ');
      return { stack, weight: Number(weight), style };
    });
  });
}

/** Whether a character can be drawn: true only when every slide font variant draws it. */
export type GlyphCoverage = (character: string) => boolean;

let cached: GlyphCoverage | undefined;

/** The bundled fonts' coverage, read once (the font files do not change while the app runs). */
export function slideGlyphCoverage(): GlyphCoverage {
  if (cached) return cached;
  const faces = bundledFaces();
  const variants = slideFontVariants(faces);
  const known = new Map<string, boolean>();
  cached = (character) => {
    let drawn = known.get(character);
    if (drawn === undefined) {
      drawn = variants.every((variant) =>
        drawsCharacter(character, variant, faces, cachedCharactersOf),
      );
      known.set(character, drawn);
    }
    return drawn;
  };
  return cached;
}
