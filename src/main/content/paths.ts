import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { problem, type LocalizedText } from '../../shared/protocol/localized-text';

export type ResolveResult =
  | { ok: true; path: string; /** The file's stats, taken after resolving it. */ info: Stats }
  | { ok: false; error: LocalizedText };

/** True when `child` is `root` itself or lies somewhere below it. Both must be absolute. */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** True when a relative path (either separator) passes through a hidden file or folder. */
export function hasHiddenSegment(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((segment) => segment.startsWith('.') && segment !== '.');
}

/**
 * Normalises a pack-relative path as authors write it (Windows authors type backslashes) and
 * refuses anything that could name a file outside the pack. Returns the `/`-separated segments.
 */
export function splitPackPath(
  relPath: string,
): { ok: true; segments: string[] } | { ok: false; error: LocalizedText } {
  if (typeof relPath !== 'string' || relPath.trim() === '') {
    return { ok: false, error: problem('media.emptyPath') };
  }
  if (relPath.includes('\0')) {
    return { ok: false, error: problem('media.nulByte') };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relPath)) {
    return {
      ok: false,
      error: problem('media.webLink', { path: relPath }),
    };
  }
  if (
    path.posix.isAbsolute(relPath) ||
    path.win32.isAbsolute(relPath) ||
    /^[a-zA-Z]:/.test(relPath)
  ) {
    return {
      ok: false,
      error: problem('media.absolute', { path: relPath }),
    };
  }
  const segments = relPath
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    return {
      ok: false,
      error: problem('media.dotDot', { path: relPath }),
    };
  }
  // Hidden files (.git, .env, editor swap files) are never content, and the HTTP server serves
  // whatever passes this check.
  if (segments.some((s) => s.startsWith('.'))) {
    return { ok: false, error: problem('media.hiddenName', { path: relPath }) };
  }
  if (segments.length === 0) {
    return { ok: false, error: problem('media.emptyPath') };
  }
  return { ok: true, segments };
}

/**
 * The real path of `joined`; if it does not exist as spelt, the same name in the other Unicode
 * form. An accented name typed in a YAML file is NFC, while a file copied from a Mac is often
 * NFD on disk: the same name to a person, another name to Linux.
 */
async function realpathAnyForm(joined: string): Promise<string> {
  try {
    return await realpath(joined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    for (const form of ['NFC', 'NFD'] as const) {
      const other = joined.normalize(form);
      if (other === joined) continue;
      try {
        return await realpath(other);
      } catch {
        // Not in this form either.
      }
    }
    throw error;
  }
}

/**
 * The one check for "is this a file inside the pack?", used by the loader for media fields and
 * by the HTTP server for media requests. Symlinks are allowed only when their target (and every
 * parent folder's target) stays inside the pack's real path. Resolves to the file's real path,
 * so callers open exactly the file that was checked. A caller checking many files passes the
 * pack's real path, resolved once.
 */
export async function resolveInsidePack(
  packDir: string,
  relPath: string,
  knownRealPack?: string,
): Promise<ResolveResult> {
  const split = splitPackPath(relPath);
  if (!split.ok) return split;
  const shown = split.segments.join('/');

  let realPack: string;
  try {
    realPack = knownRealPack ?? (await realpath(packDir));
  } catch {
    return { ok: false, error: problem('media.packUnreadable') };
  }
  const joined = path.resolve(packDir, ...split.segments);
  if (!isInside(path.resolve(packDir), joined)) {
    return { ok: false, error: problem('media.outside', { path: relPath }) };
  }

  let realTarget: string;
  try {
    realTarget = await realpathAnyForm(joined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, error: problem('media.notFound', { path: shown }) };
    }
    if (code === 'ELOOP') return { ok: false, error: problem('media.linkLoops', { path: shown }) };
    return {
      ok: false,
      error: problem('media.unreadableCode', { path: shown, code: code ?? 'unknown error' }),
    };
  }
  if (!isInside(realPack, realTarget)) {
    return { ok: false, error: problem('media.linkOutside', { path: shown }) };
  }
  // The name typed was checked above; a link can still lead to a hidden file (`.git/config`),
  // which is never content, whatever the link is called.
  if (hasHiddenSegment(path.relative(realPack, realTarget))) {
    return { ok: false, error: problem('media.linkHidden', { path: shown }) };
  }

  let info: Stats;
  try {
    info = await stat(realTarget);
  } catch {
    return { ok: false, error: problem('media.unreadable', { path: shown }) };
  }
  if (info.isDirectory()) return { ok: false, error: problem('media.folder', { path: shown }) };
  if (!info.isFile()) return { ok: false, error: problem('media.notRegular', { path: shown }) };
  return { ok: true, path: realTarget, info };
}
