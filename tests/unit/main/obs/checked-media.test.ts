import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolveResult } from '../../../../src/main/content/paths';
import { checkedDrawingFiles, createCheckedMedia } from '../../../../src/main/obs/checked-media';
import { tempDir } from '../../../helpers/temp-dir';

const GOOD = Buffer.from('good drawing, version one');
const BROKEN = Buffer.from('good draw');
const FIXED = Buffer.from('good drawing, version two (fixed)');

/**
 * A pack folder and a stand-in for the content store: `check` records the version on disk as
 * the loader does when a file passes its checks; a file saved broken is simply not checked.
 */
function setup(maxFiles?: number) {
  const root = tempDir('checked-media-');
  const pack = path.join(root, 'pack');
  const dir = path.join(root, 'data', 'obs', 'media');
  mkdirSync(path.join(pack, 'media'), { recursive: true });
  const checked = new Map<string, ResolveResult>();
  const logs: string[] = [];
  let tick = 0;
  const write = (rel: string, bytes: Buffer) => {
    const file = path.join(pack, rel);
    writeFileSync(file, bytes);
    // A distinct mtime for every save, as a real save a moment later would have.
    tick += 1;
    const when = new Date(Date.UTC(2024, 0, 1, 0, 0, tick));
    utimesSync(file, when, when);
  };
  const check = (rel: string) => {
    const file = path.join(pack, rel);
    checked.set(rel, { ok: true, path: file, info: statSync(file) });
  };
  const media = createCheckedMedia({
    dir,
    maxFiles,
    log: (line) => logs.push(line),
    media: async (rel) =>
      checked.get(rel) ?? { ok: false, error: { message: `${rel} is not used` } },
  });
  const folders = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
  return { root, pack, dir, write, check, media, folders, logs };
}

describe('createCheckedMedia', () => {
  it('gives OBS a copy of the checked version, outside the pack, named by its version', async () => {
    const { pack, dir, write, check, media } = setup();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    const copy = await media.copyOf('media/crane.png');
    expect(copy).not.toBeNull();
    expect(path.dirname(path.dirname(copy!))).toBe(dir);
    expect(copy!.startsWith(pack)).toBe(false);
    expect(path.basename(copy!)).toBe('crane.png');
    expect(readFileSync(copy!)).toEqual(GOOD);
    // Asked again for the same version: the same file, not a new copy.
    expect(await media.copyOf('media/crane.png')).toBe(copy);
  });

  it('keeps the last good copy when the file is rewritten broken in place after its check', async () => {
    const { write, check, media } = setup();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    const good = await media.copyOf('media/crane.png');
    // Saved truncated mid-show: the loader refuses it and keeps the checked version.
    write('media/crane.png', BROKEN);
    for (let i = 0; i < 3; i++) {
      expect(await media.copyOf('media/crane.png')).toBe(good);
    }
    expect(readFileSync(good!)).toEqual(GOOD);
  });

  it('keeps the last good copy when a broken file is renamed over the good one', async () => {
    const { pack, write, check, media } = setup();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    const good = await media.copyOf('media/crane.png');
    write('media/.crane.png.part', BROKEN);
    renameSync(path.join(pack, 'media/.crane.png.part'), path.join(pack, 'media/crane.png'));
    expect(await media.copyOf('media/crane.png')).toBe(good);
    expect(readFileSync(good!)).toEqual(GOOD);
  });

  it('never copies a version rewritten between its check and the first copy', async () => {
    const { write, check, media, folders, logs } = setup();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    write('media/crane.png', BROKEN);
    expect(await media.copyOf('media/crane.png')).toBeNull();
    expect(folders()).toEqual([]);
    expect(logs.join('\n')).toContain('changed since it was checked');
  });

  it('takes a fixed file at once as a new copy, and removes the superseded copy after', async () => {
    const { write, check, media } = setup();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    const good = await media.copyOf('media/crane.png');
    write('media/crane.png', BROKEN);
    expect(await media.copyOf('media/crane.png')).toBe(good);
    write('media/crane.png', FIXED);
    check('media/crane.png');
    const fixed = await media.copyOf('media/crane.png');
    expect(fixed).not.toBe(good);
    expect(readFileSync(fixed!)).toEqual(FIXED);
    // OBS shows the old copy until it is sent the new one: it stays until the next call.
    expect(existsSync(good!)).toBe(true);
    expect(await media.copyOf('media/crane.png')).toBe(fixed);
    expect(existsSync(good!)).toBe(false);
    expect(existsSync(path.dirname(good!))).toBe(false);
  });

  it('keeps copies for a bounded number of files and removes copies left by an earlier run', async () => {
    const { dir, write, check, media, folders } = setup(2);
    mkdirSync(path.join(dir, 'left-from-last-run'), { recursive: true });
    writeFileSync(path.join(dir, 'left-from-last-run', 'old.png'), GOOD);
    const copies: (string | null)[] = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      write(`media/${name}.png`, Buffer.from(`drawing ${name}`));
      check(`media/${name}.png`);
      copies.push(await media.copyOf(`media/${name}.png`));
    }
    await media.copyOf('media/d.png');
    expect(folders()).toEqual(
      [path.dirname(copies[2]!), path.dirname(copies[3]!)].map((f) => path.basename(f)).sort(),
    );
    expect(readFileSync(copies[3]!).toString()).toBe('drawing d');
  });

  it('rewrites broken after check many times while a show runs: OBS only ever sees good bytes', async () => {
    const { write, check, media } = setup();
    const versions = [GOOD, FIXED, Buffer.from('good drawing, version three')];
    let last: string | null = null;
    for (const bytes of versions) {
      write('media/crane.png', bytes);
      check('media/crane.png');
      const copy = await media.copyOf('media/crane.png');
      expect(readFileSync(copy!)).toEqual(bytes);
      write('media/crane.png', BROKEN);
      expect(await media.copyOf('media/crane.png')).toBe(copy);
      expect(copy).not.toBe(last);
      last = copy;
    }
  });
});

describe('checkedDrawingFiles', () => {
  it('copies drawings named by their path in the pack folder, and nothing outside it', async () => {
    const { root, pack, write, check } = setup();
    const checked = new Map<string, ResolveResult>();
    write('media/crane.png', GOOD);
    check('media/crane.png');
    const file = path.join(pack, 'media/crane.png');
    checked.set('media/crane.png', { ok: true, path: file, info: statSync(file) });
    const asked: string[] = [];
    const drawingFile = checkedDrawingFiles({
      obsDir: path.join(root, 'obs'),
      contentDir: pack,
      media: async (rel) => {
        asked.push(rel);
        return checked.get(rel) ?? { ok: false, error: { message: 'not used' } };
      },
    });
    const copy = await drawingFile(file);
    expect(copy).not.toBeNull();
    expect(readFileSync(copy!)).toEqual(GOOD);
    expect(copy!.startsWith(path.join(root, 'obs', 'media'))).toBe(true);
    expect(await drawingFile(path.join(root, 'elsewhere.png'))).toBeNull();
    expect(await drawingFile(pack)).toBeNull();
    expect(asked).toEqual(['media/crane.png']);
  });
});
