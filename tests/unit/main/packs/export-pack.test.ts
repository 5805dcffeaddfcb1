import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content/load-pack';
import { sha256 } from '../../../../src/main/packs/hash';
import { exportPack } from '../../../../src/main/packs/export-pack';
import { importPack } from '../../../../src/main/packs/import-pack';
import { PACK_SCHEMA_VERSION, manifestSchema } from '../../../../src/main/packs/manifest';
import { builtInPack, copyOfBuiltInPack, removeTempDirs, tempDir } from './pack-zips';

async function exportTo(contentDir: string, playlists: string[] = [], force = false) {
  const out = path.join(tempDir('out'), 'pack.zip');
  const result = await exportPack({ contentDir, out, playlists, force });
  return { out, result };
}

function zipEntries(file: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(file));
}

afterAll(removeTempDirs);

describe('exportPack', () => {
  it('round trip: the built-in pack exported and imported loads the same items and media', async () => {
    const { out, result } = await exportTo(builtInPack);
    expect(result.ok).toBe(true);
    const dir = path.join(tempDir('round'), 'content');
    expect((await importPack({ zipFile: out, to: dir })).ok).toBe(true);

    const [before, after] = await Promise.all([loadPack(builtInPack), loadPack(dir)]);
    expect(after.errors).toEqual([]);
    expect(after.pack).toEqual(before.pack);
    expect(after.items).toEqual(before.items);
    for (const svg of ['raised-fist.svg', 'sailing-ship.svg', 'window-and-bird.svg']) {
      const rel = path.join('media', 'drawings', svg);
      expect(readFileSync(path.join(dir, rel))).toEqual(readFileSync(path.join(builtInPack, rel)));
    }
  });

  it('writes a manifest with the schema version and the true size and SHA-256 of every file', async () => {
    const { out, result } = await exportTo(builtInPack);
    const entries = zipEntries(out);
    const manifest = manifestSchema.parse(
      JSON.parse(Buffer.from(entries['manifest.json']!).toString()),
    );
    expect(manifest.schemaVersion).toBe(PACK_SCHEMA_VERSION);
    const names = Object.keys(entries)
      .filter((n) => n !== 'manifest.json')
      .sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names);
    for (const file of manifest.files) {
      expect(file.sha256).toBe(sha256(entries[file.path]!));
      expect(file.size).toBe(entries[file.path]!.length);
    }
    expect(manifest.totalSize).toBe(manifest.files.reduce((s, f) => s + f.size, 0));
    expect(names).toEqual(
      expect.arrayContaining([
        'licences/fontsource-inter/LICENSE',
        'licences/fontsource-oswald/LICENSE',
        'licences/inter-ui/LICENSE.txt',
      ]),
    );
    expect(result.ok && result.sizes.media).toBeGreaterThan(0);
    expect(manifest.items.find((i) => i.id === 'concert')?.kind).toBe('setlist');
  });

  it('--playlist merch-table carries only what that playlist needs, and loads on its own', async () => {
    const { out, result } = await exportTo(builtInPack, ['merch-table']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.manifest.items.map((i) => i.id).sort();
    // Its four items, itself, and the safe slide (safe mode must work on the new laptop too).
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
    const names = Object.keys(zipEntries(out));
    expect(names.filter((n) => n.startsWith('media/'))).toEqual([]);
    expect(names).not.toContain('songs/internationale.yaml');
    const packYaml = parse(Buffer.from(zipEntries(out)['pack.yaml']!).toString());
    expect(packYaml.defaultPlaylist).toBe('merch-table');

    const dir = path.join(tempDir('merch'), 'content');
    expect((await importPack({ zipFile: out, to: dir })).ok).toBe(true);
    expect((await loadPack(dir)).errors).toEqual([]);
  });

  it('a setlist brings its songs and its interlude playlist with that playlist’s items', async () => {
    const { result } = await exportTo(builtInPack, ['concert']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.manifest.items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining(['concert', 'internationale', 'concert-interlude', 'call-to-action']),
    );
    expect(ids).not.toContain('placeholder-raised-fist');
  });

  it('refuses an unknown playlist id', async () => {
    const { result } = await exportTo(builtInPack, ['no-such-playlist']);
    expect(result).toMatchObject({ ok: false, problem: { key: 'eventPack.noPlaylist' } });
  });

  it('refuses a pack with problems, and with --force exports what loads', async () => {
    const dir = copyOfBuiltInPack();
    writeFileSync(path.join(dir, 'statements', 'broken.yaml'), 'kind: statement\nid: [oops\n');
    const refused = await exportTo(dir);
    expect(refused.result).toMatchObject({ ok: false, problem: { key: 'eventPack.hasProblems' } });
    expect(!refused.result.ok && refused.result.errors[0]?.file).toBe('statements/broken.yaml');
    expect(() => readFileSync(refused.out)).toThrow();

    const forced = await exportTo(dir, [], true);
    expect(forced.result.ok).toBe(true);
    expect(Object.keys(zipEntries(forced.out))).not.toContain('statements/broken.yaml');
  });

  it('refuses a character the bundled fonts cannot draw, named; --force exports it anyway', async () => {
    const dir = copyOfBuiltInPack();
    const file = path.join(dir, 'songs', 'internationale.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('fr: Debout, les forçats de la faim,', 'fr: Debout, les forçats ბ');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const refused = await exportTo(dir);
    expect(refused.result).toMatchObject({ ok: false, problem: { key: 'eventPack.hasProblems' } });
    expect(!refused.result.ok && refused.result.errors).toEqual([
      expect.objectContaining({
        file: 'songs/internationale.yaml',
        field: 'sections.1.lines.2',
        key: 'problems:warning.missingGlyphIn',
        params: { character: 'ბ', codePoint: 'U+10D1', language: 'fr' },
      }),
    ]);
    expect(() => readFileSync(refused.out)).toThrow();

    // Only what goes into the pack counts: the merch playlist carries no song.
    expect((await exportTo(dir, ['merch-table'])).result.ok).toBe(true);

    const forced = await exportTo(dir, [], true);
    expect(forced.result.ok).toBe(true);
    expect(Object.keys(zipEntries(forced.out))).toContain('songs/internationale.yaml');
  });

  it('never carries .history/, .trash/, dotfiles or a link leading out of the pack', async () => {
    const dir = copyOfBuiltInPack();
    mkdirSync(path.join(dir, '.history'));
    writeFileSync(path.join(dir, '.history', 'cases-boris.yaml'), 'secret: old draft\n');
    mkdirSync(path.join(dir, '.trash'));
    writeFileSync(path.join(dir, '.trash', 'deleted.yaml'), 'secret: deleted\n');
    writeFileSync(path.join(dir, '.env'), 'TOKEN=secret\n');
    writeFileSync(path.join(dir, 'media', '.notes.svg'), '<svg/>');
    const outside = path.join(tempDir('outside'), 'private.svg');
    writeFileSync(outside, '<svg><!-- private --></svg>');
    symlinkSync(outside, path.join(dir, 'media', 'drawings', 'leak.svg'));
    // The drawing now uses the link: the loader refuses it, so --force is needed to export.
    const drawing = path.join(dir, 'drawings', 'placeholder-raised-fist.yaml');
    writeFileSync(
      drawing,
      readFileSync(drawing, 'utf8').replace(
        'media/drawings/raised-fist.svg',
        'media/drawings/leak.svg',
      ),
    );
    const { out, result } = await exportTo(dir, [], true);
    expect(result.ok).toBe(true);
    const names = Object.keys(zipEntries(out));
    expect(names.filter((n) => /(^|\/)\./.test(n) || n.includes('leak'))).toEqual([]);
    const all = Buffer.concat(Object.values(zipEntries(out)).map((b) => Buffer.from(b)));
    expect(all.includes('private')).toBe(false);
    expect(all.includes('secret')).toBe(false);
    rmSync(outside);
  });

  it('refuses to write the zip inside the content folder', async () => {
    const dir = copyOfBuiltInPack();
    const result = await exportPack({
      contentDir: dir,
      out: path.join(dir, 'media', 'pack.zip'),
      playlists: [],
      force: false,
    });
    expect(result).toMatchObject({ ok: false, problem: { key: 'eventPack.outInside' } });
  });
});
