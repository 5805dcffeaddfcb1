import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ResolveResult } from '../content/paths';
import { fileStreamClosed } from '../content/file-stream';
import { fileVersionTag, sameVersion } from '../content/version-tag';

/** The content store's `media(relPath)`: the version of a pack file the loader checked. */
export type CheckedMediaLookup = (relPath: string) => Promise<ResolveResult>;

export interface CheckedMediaOptions {
  /** Where the copies live (`<dataDir>/obs/media`); everything in it belongs to this module. */
  dir: string;
  media: CheckedMediaLookup;
  /** How many pack files keep a copy; the least recently asked for beyond this lose theirs. */
  maxFiles?: number;
  log?: (message: string) => void;
}

export interface CheckedMedia {
  /**
   * A file OBS may open for this pack path: a private copy of the version the loader checked,
   * or the last good copy when that version cannot be copied now (the file was rewritten
   * since its check); null when there has never been a good copy. Never throws.
   */
  copyOf(relPath: string): Promise<string | null>;
}

interface Copy {
  tag: string;
  /** The version folder, `<dir>/<tag>`. */
  folder: string;
  file: string;
}

const DEFAULT_MAX_FILES = 16;

/**
 * OBS's image source opens the file it is given and re-reads it whenever it changes, so given
 * the pack file it would show a drawing saved broken mid-show. It gets a copy instead, made
 * from the checked version and kept in a folder named by that version: a broken rewrite never
 * touches the copy, and a fixed file is a new version, so a new path OBS takes at once.
 */
export function createCheckedMedia(options: CheckedMediaOptions): CheckedMedia {
  const log = options.log ?? (() => {});
  const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES);
  /** Pack path → its current copy, least recently asked for first. */
  const copies = new Map<string, Copy>();
  /**
   * Folders to remove at the next call: not at once, because OBS shows the old copy until it
   * is sent the new one, and a file OBS shows that disappears turns into a blank picture.
   */
  let superseded = new Set<string>();
  let swept = false;
  let queue: Promise<unknown> = Promise.resolve();

  const inUse = (folder: string) => [...copies.values()].some((copy) => copy.folder === folder);

  const removeSuperseded = async () => {
    if (!swept) {
      swept = true;
      // Copies left by an earlier run: OBS may still show one until this run's first apply.
      try {
        for (const name of await readdir(options.dir)) superseded.add(path.join(options.dir, name));
      } catch {
        // No folder yet.
      }
      return;
    }
    const folders = superseded;
    superseded = new Set();
    for (const folder of folders) {
      if (inUse(folder)) continue;
      await rm(folder, { recursive: true, force: true }).catch((error: unknown) => {
        log(`obs: could not remove an old drawing copy ${folder}: ${String(error)}`);
        superseded.add(folder);
      });
    }
  };

  const remember = (relPath: string, copy: Copy) => {
    const old = copies.get(relPath);
    copies.delete(relPath);
    copies.set(relPath, copy);
    if (old && old.folder !== copy.folder) superseded.add(old.folder);
    while (copies.size > maxFiles) {
      const [oldest, evicted] = copies.entries().next().value as [string, Copy];
      copies.delete(oldest);
      superseded.add(evicted.folder);
    }
  };

  const lastGood = (relPath: string): string | null => {
    const copy = copies.get(relPath);
    if (!copy) return null;
    copies.delete(relPath);
    copies.set(relPath, copy);
    return copy.file;
  };

  const copyOnce = async (relPath: string): Promise<string | null> => {
    await removeSuperseded();
    const checked = await options.media(relPath);
    if (!checked.ok) {
      log(`obs: no checked version of ${relPath}: ${checked.error}`);
      return lastGood(relPath);
    }
    const tag = fileVersionTag(checked.info);
    const folder = path.join(options.dir, tag);
    const file = path.join(folder, path.basename(checked.path));
    if (copies.get(relPath)?.file === file && (await isFile(file))) return lastGood(relPath);
    try {
      await copyCheckedVersion(checked.path, checked.info, folder, file);
    } catch (error) {
      log(`obs: kept the last good copy of ${relPath}: ${describe(error)}`);
      if (!inUse(folder)) await rm(folder, { recursive: true, force: true }).catch(() => {});
      return lastGood(relPath);
    }
    remember(relPath, { tag, folder, file });
    return file;
  };

  return {
    copyOf(relPath) {
      // One at a time: two applies asking for the same version must not race on its folder.
      const run = queue.then(() => copyOnce(relPath));
      queue = run.catch(() => {});
      return run.catch((error: unknown) => {
        log(`obs: copying ${relPath} for OBS failed: ${describe(error)}`);
        return lastGood(relPath);
      });
    },
  };
}

/**
 * Copies the file into `file` if what is read is the checked version from start to end: the
 * open file is compared before and after reading, so a save during the copy is not kept. The
 * copy appears whole under its name (a temp file renamed), so OBS never reads half of it.
 */
async function copyCheckedVersion(
  source: string,
  checked: Parameters<typeof sameVersion>[0],
  folder: string,
  file: string,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `.copy-${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | null = null;
  let sink: WriteStream | null = null;
  try {
    handle = await open(source, 'r');
    if (!sameVersion(checked, await handle.stat())) {
      throw new Error('the file changed since it was checked');
    }
    sink = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
    await pipeline(handle.createReadStream({ start: 0, autoClose: false }), sink);
    if (!sameVersion(checked, await handle.stat())) {
      throw new Error('the file changed while it was copied');
    }
    await rename(temp, file);
  } finally {
    await handle?.close();
    if (sink) await fileStreamClosed(sink);
    await rm(temp, { force: true });
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What OBS's drawing source is given for a drawing the overlay state names (an absolute path
 * in the pack folder): its checked copy, in `<dataDir>/obs/media`. A file outside the pack is
 * never copied.
 */
export function checkedDrawingFiles(options: {
  obsDir: string;
  contentDir: string;
  media: CheckedMediaLookup;
  log?: (message: string) => void;
}): (file: string) => Promise<string | null> {
  const checked = createCheckedMedia({
    dir: path.join(options.obsDir, 'media'),
    media: options.media,
    log: options.log,
  });
  return async (file) => {
    const relPath = path.relative(path.resolve(options.contentDir), path.resolve(file));
    if (relPath === '' || relPath.startsWith('..') || path.isAbsolute(relPath)) return null;
    return checked.copyOf(relPath.split(path.sep).join('/'));
  };
}
