import path from 'node:path';
import { stat } from 'node:fs/promises';

/* What the content store's watcher asks of the file system: did this event change the pack,
   and is the pack folder still the one it watches. */

const MTIME_SLACK_MS = 1_000;

/**
 * During the watcher's first scan, which reports every existing file as added: true for an event
 * that means the pack changed after `sinceMs` (an add whose file was modified since, or any
 * change or removal). A second of slack for coarse file-system clocks costs at most one
 * needless reload.
 */
export function isChangeSince(
  event: string,
  stats: { mtimeMs: number } | undefined,
  sinceMs: number,
): boolean {
  if (event !== 'add' && event !== 'addDir') return true;
  return (stats?.mtimeMs ?? Infinity) >= sinceMs - MTIME_SLACK_MS;
}

/** The folder as the OS knows it (device and inode, links followed), or null when it is not one. */
export async function folderIdentity(dir: string): Promise<string | null> {
  try {
    const info = await stat(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * What the watcher never watches, the loader's walk's rule: hidden files and folders (the
 * editor's `.history/` and `.trash/` among them) and node_modules are never content.
 */
export function watcherIgnores(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..')) return false;
  return rel
    .split(path.sep)
    .some((segment) => segment.startsWith('.') || segment === 'node_modules');
}
