import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledFaces,
  findFontSources,
  slideFontVariants,
} from '../../../../../src/main/content/glyphs/coverage';

const require = createRequire(import.meta.url);

/**
 * A packaged app's tree: no source, only the built renderer, whose one stylesheet holds the
 * fontsource faces and base.css minified the way Vite writes them (no spaces, no semicolon
 * before a brace), the font urls pointing at the real files.
 */
function packagedApp(): { root: string; from: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'packaged-'));
  const source = findFontSources();
  const css = source.faceFiles
    .map((file) =>
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g, (_all, url: string) =>
          url.startsWith('.')
            ? `url(${path.resolve(path.dirname(file), url)})`
            : `url(${require.resolve(url, { paths: [path.dirname(file)] })})`,
        )
        .replace(/\s*([{};:,])\s*/g, '$1')
        .replace(/;}/g, '}'),
    )
    .join('');
  mkdirSync(path.join(root, 'out/renderer/assets'), { recursive: true });
  mkdirSync(path.join(root, 'out/main'), { recursive: true });
  writeFileSync(path.join(root, 'out/renderer/assets/index-Hash1234.css'), css);
  writeFileSync(
    path.join(root, 'out/renderer/index.html'),
    '<!doctype html><link rel="stylesheet" crossorigin href="./assets/index-Hash1234.css">',
  );
  return { root, from: path.join(root, 'out/main') };
}

describe('the fonts of a packaged app (no source beside it)', () => {
  const app = packagedApp();
  afterAll(() => rmSync(app.root, { recursive: true, force: true }));

  it('finds the built stylesheet from out/main', () => {
    const fonts = findFontSources(app.from);
    expect(fonts.faceFiles).toEqual([
      path.join(app.root, 'out/renderer/assets/index-Hash1234.css'),
    ]);
    expect(fonts.stacksFile).toBe(fonts.faceFiles[0]);
  });

  it('reads the same faces and the same slide fonts as the source does', () => {
    const built = findFontSources(app.from);
    const strip = (faces: ReturnType<typeof bundledFaces>) =>
      faces.map(({ family, weight, style, ranges }) => ({ family, weight, style, ranges }));
    const sourceFaces = bundledFaces();
    const builtFaces = bundledFaces(built);
    expect(builtFaces.length).toBeGreaterThan(10);
    expect(strip(builtFaces)).toEqual(strip(sourceFaces));
    expect(slideFontVariants(builtFaces, built)).toEqual(slideFontVariants(sourceFaces));
  });

  it('says what it looked for when there is neither source nor build', () => {
    expect(() => findFontSources(tmpdir())).toThrow(/main\.tsx.*out\/renderer\/index\.html/);
  });
});
