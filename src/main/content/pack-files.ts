import { closeSync, fstatSync, openSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from '../../shared/content';
import { problem, type LocalizedText } from '../../shared/protocol/localized-text';
import { hasHiddenSegment, isInside } from './paths';

/* Reading a pack's files: which files there are (the walk, with its link checks) and their
   text (size-capped, UTF-8 only). What the text means is `interpret-item.ts`'s job. */

export const PACK_FILE = 'pack.yaml';
/** Not read, but not an item either: it gets a hint to rename it. */
export const MISNAMED_PACK_FILE = 'pack.yml';
/** Everything under this top-level folder is media; the walk never reads it as items. */
export const MEDIA_DIR = 'media';
const ITEM_EXTENSIONS = new Set(['.yaml', '.yml', '.md']);
export const PARALLEL_FILES = 16;
/**
 * Item files and pack.yaml are short text; a bigger one is a mistake (or an attack) and is
 * refused before it is read, so it cannot fill the memory.
 */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/** Content files are a few kilobytes: one read of this size gets nearly all of them whole. */
const FIRST_READ_BYTES = 32 * 1024;

/**
 * Item files are read synchronously, this many at a time between turns of the event loop: a
 * thousand small files read this way take a tenth of the time the promise API needs, and a
 * reload during a show never holds the loop for more than a few milliseconds.
 */
export const FILES_PER_TURN = 24;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function tooLarge(size: number): { error: LocalizedText } {
  return {
    error: problem('file.tooLarge', {
      size: (size / (1024 * 1024)).toFixed(1),
      limit: MAX_TEXT_FILE_BYTES / (1024 * 1024),
    }),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes as text, or why they are not: an image or a program saved as .yaml would
 * otherwise reach the parser, and its error message would print bytes of garbage.
 */
function decodeText(bytes: Uint8Array): { text: string } | { error: LocalizedText } {
  if (bytes.includes(0)) return { error: problem('file.binary') };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: problem('file.notUtf8') };
  }
}

/** The text of a content file, or the reason it is not read. */
export function readTextFile(abs: string): { text: string } | { error: LocalizedText } {
  const fd = openSync(abs, 'r');
  try {
    // A short file costs one read; only a longer one pays for a stat before it is read whole.
    const first = Buffer.allocUnsafe(FIRST_READ_BYTES);
    const bytesRead = readSync(fd, first, 0, FIRST_READ_BYTES, 0);
    if (bytesRead < FIRST_READ_BYTES) return decodeText(first.subarray(0, bytesRead));
    const { size } = fstatSync(fd);
    if (size > MAX_TEXT_FILE_BYTES) return tooLarge(size);
    return decodeText(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Never content: editor leftovers, OS litter, and the docs people keep beside a pack. */
function isIgnoredName(name: string, isFile: boolean): boolean {
  if (name.startsWith('.') || name === 'node_modules') return true;
  if (!isFile) return false;
  return (
    name.endsWith('~') ||
    /^(thumbs\.db|desktop\.ini)$/i.test(name) ||
    /^(readme|licen[cs]e|copying)(\.(md|txt))?$/i.test(name)
  );
}

/**
 * Where a link found in the walk leads: kept when it stays inside the pack and reaches no
 * hidden file, else the reason it is skipped (reported once per load, naming the link).
 */
async function followLink(
  realRoot: string,
  childAbs: string,
): Promise<{ isDir: boolean; isFile: boolean; refused?: LocalizedText }> {
  let real: string;
  let isDir: boolean;
  let isFile: boolean;
  try {
    real = await realpath(childAbs);
    const info = await stat(real);
    isDir = info.isDirectory();
    isFile = info.isFile();
  } catch (error) {
    const loops = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return {
      isDir: false,
      isFile: true,
      refused: problem(loops ? 'walk.linkLoops' : 'walk.linkBroken'),
    };
  }
  if (!isInside(realRoot, real)) {
    return {
      isDir,
      isFile,
      refused: problem(isDir ? 'walk.linkOutsideFolder' : 'walk.linkOutsideFile'),
    };
  }
  if (hasHiddenSegment(path.relative(realRoot, real))) {
    return {
      isDir,
      isFile,
      refused: problem(isDir ? 'walk.linkHiddenFolder' : 'walk.linkHiddenFile'),
    };
  }
  return { isDir, isFile };
}

export async function walk(
  packDir: string,
  realRoot: string,
): Promise<{ items: string[]; others: string[]; media: string[]; errors: ContentError[] }> {
  const items: string[] = [];
  const others: string[] = [];
  const media: string[] = [];
  const errors: ContentError[] = [];
  const visited = new Set<string>();

  /**
   * `underMedia`: below media/ nothing is an item, but its links are still looked at: the
   * server sends what a media path leads to, and `validate` must name a link that leaves.
   */
  const visitDir = async (abs: string, rel: string, underMedia: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(abs);
      // A link to a parent folder would otherwise walk forever.
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      errors.push({ file: rel || '.', field: '', ...problem('walk.folderUnreadable', { code }) });
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(abs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const link = await followLink(realRoot, childAbs);
        ({ isDir, isFile } = link);
        if (link.refused) {
          if (!isIgnoredName(entry.name, isFile)) {
            errors.push({ file: childRel, field: '', ...link.refused });
          }
          continue;
        }
      }
      if (isIgnoredName(entry.name, isFile)) continue;
      if (isDir) {
        await visitDir(childAbs, childRel, underMedia || childRel === MEDIA_DIR);
      } else if (isFile && underMedia) {
        media.push(childRel);
      } else if (isFile && childRel !== PACK_FILE && childRel !== MISNAMED_PACK_FILE) {
        const ext = path.extname(entry.name).toLowerCase();
        (ITEM_EXTENSIONS.has(ext) ? items : others).push(childRel);
      }
    }
  };

  await visitDir(packDir, '', false);
  return { items, others, media, errors };
}

export async function mapLimited<T, R>(
  values: readonly T[],
  limit: number,
  fn: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
