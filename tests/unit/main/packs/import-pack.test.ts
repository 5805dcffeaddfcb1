import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_LANGUAGES, translate } from '../../../../src/shared/i18n';
import { exportPack } from '../../../../src/main/packs/export-pack';
import { importPack } from '../../../../src/main/packs/import-pack';
import { DEFAULT_ZIP_LIMITS } from '../../../../src/main/packs/zip-guards';
import {
  builtInPack,
  copyOfBuiltInPack,
  manifestFor,
  removeTempDirs,
  tempDir,
  zipWith,
} from './pack-zips';

/** A target folder that already holds a pack, and a marker to prove it was not touched. */
function existingTarget(): { dir: string; parent: string } {
  const parent = tempDir('target');
  const dir = path.join(parent, 'content');
  const source = copyOfBuiltInPack();
  // The marker is inside a real pack: a refused import must leave both exactly as they were.
  cpSync(source, dir, { recursive: true });
  writeFileSync(path.join(dir, 'marker.txt'), 'old');
  return { dir, parent };
}

async function refusedWith(zip: Buffer, key: string): Promise<void> {
  const { dir, parent } = existingTarget();
  const zipFile = path.join(tempDir('zip'), 'hostile.zip');
  writeFileSync(zipFile, zip);
  const result = await importPack({ zipFile, to: dir });
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.problem.key).toBe(key);
    // Said in words, in every language: a key missing from a catalog would be echoed as is.
    for (const language of APP_LANGUAGES) {
      const text = translate(language, 'core')(key, result.problem.params);
      expect(text).not.toBe(key);
      expect(text).not.toMatch(/\{\{/);
    }
  }
  // Nothing written: DIR untouched, no .previous, no temporary folder left beside it.
  expect(readdirSync(parent)).toEqual(['content']);
  expect(readFileSync(path.join(dir, 'marker.txt'), 'utf8')).toBe('old');
  expect(existsSync(path.join(dir, '..', '..', 'evil.yaml'))).toBe(false);
}

async function exportedBuiltIn(): Promise<Buffer> {
  const out = path.join(tempDir('out'), 'pack.zip');
  const result = await exportPack({ contentDir: builtInPack, out, playlists: [], force: false });
  expect(result.ok).toBe(true);
  return readFileSync(out);
}

const statement = Buffer.from('kind: statement\nid: x\n');

afterAll(removeTempDirs);

describe('importPack refuses a hostile zip before writing anything', () => {
  it.each([
    ['../evil.yaml', 'eventPack.nameParent'],
    ['statements/../../evil.yaml', 'eventPack.nameParent'],
    ['/tmp/evil.yaml', 'eventPack.nameAbsolute'],
    ['C:/evil.yaml', 'eventPack.nameDrive'],
    ['c:evil.yaml', 'eventPack.nameDrive'],
    ['statements\\..\\..\\evil.yaml', 'eventPack.nameBackslash'],
    ['.history/evil.yaml', 'eventPack.nameHidden'],
    ['statements/evil\u0000.yaml', 'eventPack.nameControl'],
  ])('a zip-slip path %j (%s)', async (name, key) => {
    // Listed in the manifest or not: the entry itself is refused, before the manifest is read.
    await refusedWith(zipWith({ [name]: statement }), key);
    await refusedWith(zipWith({ [name]: statement }, manifestFor({})), key);
  });

  it('a symbolic link entry', async () => {
    const link = zipSync({
      'media/link.svg': [Buffer.from('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    await refusedWith(Buffer.from(link), 'eventPack.symlink');
  });

  it('two entries with one name (byte-patched), and two that differ only by case', async () => {
    const zip = zipWith({ 'statements/aaaa.yaml': statement, 'statements/bbbb.yaml': statement });
    const patched = Buffer.from(zip.toString('latin1').replaceAll('bbbb', 'aaaa'), 'latin1');
    await refusedWith(patched, 'eventPack.duplicate');
    await refusedWith(
      zipWith({ 'statements/a.yaml': statement, 'statements/A.yaml': statement }),
      'eventPack.duplicate',
    );
  });

  it('a bomb: a file that inflates far beyond its compressed size', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    await refusedWith(zipWith({ 'media/bomb.svg': zeros }), 'eventPack.ratio');
  });

  it('an entry that lies about its size and inflates past it', async () => {
    const big = Buffer.alloc(4096, 'a');
    const zip = zipWith({ 'media/a.svg': big }, manifestFor({ 'media/a.svg': big }));
    // Declare 10 bytes in both headers (uncompressed size fields), keep the real data.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(10, central + 24);
    zip.writeUInt32LE(10, 22);
    const { dir } = existingTarget();
    const zipFile = path.join(tempDir('zip'), 'lie.zip');
    writeFileSync(zipFile, zip);
    const result = await importPack({ zipFile, to: dir });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(['eventPack.sizeLied', 'eventPack.hashMismatch']).toContain(result.problem.key);
  });

  it('too many entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_001; i++) files[`media/f${i}.svg`] = new Uint8Array(0);
    await refusedWith(zipWith(files, null), 'eventPack.tooManyEntries');
  });

  it('a file whose bytes do not match its hash in the manifest', async () => {
    const good = unzipSync(await exportedBuiltIn());
    const name = 'cases/boris-kagarlitsky.yaml';
    good[name] = Buffer.from(Buffer.from(good[name]!).toString('utf8').replace('Boris', 'Borys'));
    await refusedWith(Buffer.from(zipSync(good)), 'eventPack.hashMismatch');
  });

  it('a file in the zip that the manifest does not list', async () => {
    const good = unzipSync(await exportedBuiltIn());
    good['statements/planted.yaml'] = statement;
    await refusedWith(Buffer.from(zipSync(good)), 'eventPack.extraFile');
  });

  it('a file the manifest lists that the zip lacks', async () => {
    const good = unzipSync(await exportedBuiltIn());
    delete good['pack.yaml'];
    await refusedWith(Buffer.from(zipSync(good)), 'eventPack.missingFile');
  });

  it('an unknown schema version, and no manifest at all', async () => {
    const files = { 'statements/x.yaml': statement };
    await refusedWith(
      zipWith(files, manifestFor(files, { schemaVersion: 2 })),
      'eventPack.unknownVersion',
    );
    await refusedWith(zipWith(files, null), 'eventPack.noManifest');
    await refusedWith(
      zipWith(files, { schemaVersion: 1, files: 'all' }),
      'eventPack.manifestInvalid',
    );
  });

  it('a pack over the total or the per-file limit', async () => {
    const zipFile = path.join(tempDir('zip'), 'pack.zip');
    writeFileSync(zipFile, await exportedBuiltIn());
    for (const [limit, key] of [
      [{ maxTotalBytes: 20_000 }, 'eventPack.totalTooBig'],
      [{ maxFileBytes: 5_000 }, 'eventPack.fileTooBig'],
    ] as const) {
      const { dir, parent } = existingTarget();
      const limits = { ...DEFAULT_ZIP_LIMITS, ...limit };
      const result = await importPack({ zipFile, to: dir, limits });
      expect(result).toMatchObject({ ok: false, problem: { key } });
      expect(readdirSync(parent)).toEqual(['content']);
    }
  });

  it('not a zip at all', async () => {
    await refusedWith(Buffer.from('kind: statement\n'.repeat(10)), 'eventPack.zipNotZip');
  });

  it('a pack whose content does not load: nothing is replaced', async () => {
    const files = { 'pack.yaml': Buffer.from('title: [broken\n') };
    const { dir, parent } = existingTarget();
    const zipFile = path.join(tempDir('zip'), 'broken.zip');
    writeFileSync(zipFile, zipWith(files));
    const result = await importPack({ zipFile, to: dir });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.key).toBe('eventPack.invalidContent');
      expect(result.errors[0]?.file).toBe('pack.yaml');
    }
    expect(readdirSync(parent)).toEqual(['content']);
    expect(readFileSync(path.join(dir, 'marker.txt'), 'utf8')).toBe('old');
  });
});

describe('importPack replaces the target and keeps the previous pack', () => {
  it('DIR.previous holds the pack replaced, and a second import replaces the older one', async () => {
    const { dir, parent } = existingTarget();
    const zipFile = path.join(tempDir('zip'), 'pack.zip');
    writeFileSync(zipFile, await exportedBuiltIn());

    const first = await importPack({ zipFile, to: dir });
    expect(first).toMatchObject({ ok: true, previous: `${dir}.previous` });
    expect(readFileSync(path.join(`${dir}.previous`, 'marker.txt'), 'utf8')).toBe('old');
    expect(existsSync(path.join(dir, 'marker.txt'))).toBe(false);

    writeFileSync(path.join(dir, 'marker.txt'), 'second');
    const second = await importPack({ zipFile, to: dir });
    expect(second.ok).toBe(true);
    expect(readFileSync(path.join(`${dir}.previous`, 'marker.txt'), 'utf8')).toBe('second');
    expect(readdirSync(parent).sort()).toEqual(['content', 'content.previous']);
  });

  it('into a folder that does not exist yet: no .previous', async () => {
    const dir = path.join(tempDir('new'), 'deep', 'content');
    const zipFile = path.join(tempDir('zip'), 'pack.zip');
    writeFileSync(zipFile, await exportedBuiltIn());
    const result = await importPack({ zipFile, to: dir });
    expect(result).toMatchObject({ ok: true, previous: null });
    expect(readdirSync(path.dirname(dir))).toEqual(['content']);
  });
});
