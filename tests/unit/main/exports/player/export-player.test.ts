import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlayer } from '../../../../../src/main/exports/player/export-player';
import { precacheList } from '../../../../../src/main/exports/player/offline-files';
import { playerIndexHtml } from '../../../../../src/main/exports/player/page';
import { pickText, type ContentSnapshot } from '../../../../../src/shared/content';
import { builtInPack, copyOfBuiltInPack, removeTempDirs, tempDir } from '../../packs/pack-zips';

/** A stand-in for out/player: the export copies whatever the build made. */
let playerDir: string;
beforeAll(() => {
  playerDir = tempDir('built-player');
  writeFileSync(path.join(playerDir, 'player.js'), '/* player */');
  writeFileSync(path.join(playerDir, 'player.css'), '/* css */');
  mkdirSync(path.join(playerDir, 'assets'));
  writeFileSync(path.join(playerDir, 'assets', 'font.woff2'), 'font');
});
afterAll(removeTempDirs);

function run(
  contentDir: string,
  options: { playlists?: string[]; safe?: boolean; force?: boolean; out?: string } = {},
) {
  const out = options.out ?? path.join(tempDir('player-out'), 'player');
  return exportPlayer({
    contentDir,
    out,
    playlists: options.playlists ?? [],
    force: options.force ?? false,
    safe: options.safe ?? false,
    playerDir,
  }).then((result) => ({ out, result }));
}

/** The snapshot pack-data.js hands the page, read back as the page would. */
function packData(out: string): ContentSnapshot {
  const text = readFileSync(path.join(out, 'pack-data.js'), 'utf8');
  const json = text
    .slice(text.indexOf('=') + 1)
    .trim()
    .replace(/;$/, '');
  return (JSON.parse(json) as { snapshot: ContentSnapshot }).snapshot;
}

describe('exportPlayer', () => {
  it('writes the player, the pack as a script, its media and the offline files', async () => {
    const { out, result } = await run(builtInPack);
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    for (const file of [
      'index.html',
      'pack-data.js',
      'player.js',
      'player.css',
      'sw.js',
      'manifest.webmanifest',
      'icon.svg',
      'assets/font.woff2',
      'media/media/drawings/raised-fist.svg',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    // Classic scripts only: Chromium runs no module script from file://.
    expect(html).not.toContain('type="module"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const snapshot = packData(out);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.items.every((item) => item.source === '')).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe(
      pickText(snapshot.pack.title, snapshot.pack.defaultLanguage, snapshot.pack.defaultLanguage),
    );
  });

  it('gives the installers PNG icons of the sizes the manifest names (SVG alone is not enough)', async () => {
    const { out, result } = await run(builtInPack);
    if (!result.ok) throw new Error('not exported');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.webmanifest'), 'utf8')) as {
      icons: { src: string; sizes: string; type: string }[];
    };
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
    for (const icon of pngs) {
      const meta = await sharp(path.join(out, icon.src)).metadata();
      expect(meta.format).toBe('png');
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="apple-touch-icon" href="icon-192.png" />');
  });

  it('the service worker precaches exactly every file of the folder', async () => {
    const { out, result } = await run(builtInPack);
    if (!result.ok) throw new Error('not exported');
    const sw = readFileSync(path.join(out, 'sw.js'), 'utf8');
    const listed = JSON.parse(
      sw.slice(sw.indexOf('const FILES = ') + 14, sw.indexOf(';\n', sw.indexOf('const FILES = '))),
    );
    expect(listed).toEqual(precacheList(result.files));
    expect(listed).toEqual([
      './',
      ...result.files
        .filter((f) => f !== 'sw.js')
        .map((f) => `./${f}`)
        .sort(),
    ]);
    expect(listed.every((url: string) => url.startsWith('./'))).toBe(true);
  });

  it('--playlist carries only what the chosen playlist needs, and its media', async () => {
    const { out, result } = await run(builtInPack, { playlists: ['merch-table'] });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    const snapshot = packData(out);
    const ids = snapshot.items.map((item) => item.id).sort();
    // The lists and what they reach, and the pack's safe slide: nothing else.
    expect(snapshot.pack.safeSlide).toBe('solidarity-all-political-prisoners');
    expect(ids).toEqual(
      [
        'azat-miftakhov',
        'azat-miftakhov-site',
        'boris-kagarlitsky',
        'free-boris-site',
        'merch-table',
        'solidarity-all-political-prisoners',
      ].sort(),
    );
    expect(existsSync(path.join(out, 'media'))).toBe(false);
    expect(packData(out).pack.defaultPlaylist).toBe('merch-table');
  });

  it('--safe leaves sensitive items and the media only they use out of the folder', async () => {
    const dir = copyOfBuiltInPack();
    appendFileSync(path.join(dir, 'drawings/placeholder-raised-fist.yaml'), '\nsensitive: true\n');
    const plain = await run(dir);
    if (!plain.result.ok) throw new Error(JSON.stringify(plain.result.problem));
    expect(packData(plain.out).items.some((item) => item.id === 'placeholder-raised-fist')).toBe(
      true,
    );

    const { out, result } = await run(dir, { safe: true });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    const items = packData(out).items;
    expect(items.some((item) => 'sensitive' in item && item.sensitive)).toBe(false);
    expect(result.leftOut).toContain('placeholder-raised-fist');
    expect(result.leftOut).toContain('boris-kagarlitsky');
    expect(existsSync(path.join(out, 'media/media/drawings/raised-fist.svg'))).toBe(false);
    expect(readFileSync(path.join(out, 'pack-data.js'), 'utf8')).not.toContain('raised-fist.svg');
    expect(readFileSync(path.join(out, 'sw.js'), 'utf8')).not.toContain('raised-fist.svg');
  });

  it('names the first slide’s picture in the page, at its address in the folder, and never a left-out one', async () => {
    const dir = copyOfBuiltInPack();
    const mainFile = path.join(dir, 'playlists/main.yaml');
    const main = parse(readFileSync(mainFile, 'utf8')) as { items: string[] };
    const first = ['placeholder-raised-fist', 'placeholder-window-and-bird'];
    main.items = [...first, ...main.items.filter((id) => !first.includes(id))];
    writeFileSync(mainFile, stringify(main));
    appendFileSync(path.join(dir, 'drawings/placeholder-raised-fist.yaml'), '\nsensitive: true\n');
    // A drawing is sensitive unless its file says otherwise.
    appendFileSync(
      path.join(dir, 'drawings/placeholder-window-and-bird.yaml'),
      '\nsensitive: false\n',
    );
    const preloads = (out: string) =>
      [
        ...readFileSync(path.join(out, 'index.html'), 'utf8').matchAll(
          /<link rel="preload" as="image" fetchpriority="high" href="([^"]+)" \/>/g,
        ),
      ].map((m) => m[1] as string);

    const plain = await run(dir);
    if (!plain.result.ok) throw new Error(JSON.stringify(plain.result.problem));
    expect(preloads(plain.out)).toEqual(['media/media/drawings/raised-fist.svg']);
    expect(existsSync(path.join(plain.out, 'media/media/drawings/raised-fist.svg'))).toBe(true);

    // --safe: the sensitive drawing is not in the folder, so the player opens on the next one.
    const safe = await run(dir, { safe: true });
    if (!safe.result.ok) throw new Error(JSON.stringify(safe.result.problem));
    expect(preloads(safe.out)).toEqual(['media/media/drawings/window-and-bird.svg']);
    expect(existsSync(path.join(safe.out, 'media/media/drawings/window-and-bird.svg'))).toBe(true);
    expect(readFileSync(path.join(safe.out, 'index.html'), 'utf8')).not.toContain('raised-fist');

    // The built-in show opens on a case without a photo: nothing to name.
    const builtIn = await run(builtInPack);
    if (!builtIn.result.ok) throw new Error('not exported');
    expect(preloads(builtIn.out)).toEqual([]);
  });

  it('refuses a pack with loader problems unless --force, and writes nothing', async () => {
    const dir = copyOfBuiltInPack();
    writeFileSync(path.join(dir, 'cases/broken.yaml'), 'kind: case\nid: broken\n');
    const out = path.join(tempDir('refused'), 'player');
    const { result } = await run(dir, { out });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.key).toBe('eventPack.hasProblems');
    expect(result.errors.some((error) => error.file === 'cases/broken.yaml')).toBe(true);
    expect(existsSync(out)).toBe(false);

    const forced = await run(dir, { out, force: true });
    expect(forced.result.ok).toBe(true);
    expect(packData(out).items.some((item) => item.id === 'broken')).toBe(false);
  });

  it('refuses when the player is not built, or the folder is someone else’s', async () => {
    const missing = await exportPlayer({
      contentDir: builtInPack,
      out: path.join(tempDir('nobuild'), 'player'),
      playlists: [],
      force: false,
      safe: false,
      playerDir: tempDir('empty-build'),
    });
    expect(!missing.ok && missing.problem.key).toBe('exportPlayer.notBuilt');

    const taken = tempDir('taken');
    writeFileSync(path.join(taken, 'thesis.odt'), 'years of work');
    const { result } = await run(builtInPack, { out: taken });
    expect(!result.ok && result.problem.key).toBe('exportPlayer.outTaken');
    expect(readFileSync(path.join(taken, 'thesis.odt'), 'utf8')).toBe('years of work');

    // A folder this command wrote is replaced by a new export.
    const { out } = await run(builtInPack);
    expect((await run(builtInPack, { out })).result.ok).toBe(true);

    const inside = await run(builtInPack, { out: path.join(builtInPack, 'player') });
    expect(!inside.result.ok && inside.result.problem.key).toBe('exportPlayer.outInside');
  });
});

describe('playerIndexHtml', () => {
  it('names each picture as a relative image preload, escaped, and nothing without pictures', () => {
    const page = (pictures?: string[]) =>
      playerIndexHtml({ title: 'T', language: 'en', background: '#000', pictures });
    const html = page(['media/media/a%20b.jpg', 'media/x"><script>alert(1)</script>.jpg']);
    expect(html).toContain(
      '<link rel="preload" as="image" fetchpriority="high" href="media/media/a%20b.jpg" />',
    );
    expect(html).toContain('href="media/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.jpg"');
    expect(html).not.toContain('<script>alert(1)');
    // Named before the stylesheet and the scripts, so the browser asks for them first.
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('player.css'));
    expect(page()).not.toContain('rel="preload"');
    expect(page([])).not.toContain('rel="preload"');
  });
});
