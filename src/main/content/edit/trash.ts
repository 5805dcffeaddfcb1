import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';

/** Where deleted item files go, restorable by moving them back (a hidden folder: not content). */
export const TRASH_DIR = '.trash';

/** Moves `file` (pack-relative) to `.trash/<time>-<name>` and returns its new pack path. */
export async function moveToTrash(packDir: string, file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/:/g, '-');
  const name = `${stamp}-${path.posix.basename(file)}`;
  await mkdir(path.join(packDir, TRASH_DIR), { recursive: true });
  await rename(path.join(packDir, file), path.join(packDir, TRASH_DIR, name));
  return `${TRASH_DIR}/${name}`;
}
