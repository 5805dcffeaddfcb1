import type { Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * A file opened, with the open file's own stat, if `accept` takes it: what is checked is what
 * is sent, even while the file is being replaced. Null (and closed again) when it cannot be
 * opened, read or is not accepted. Node's modules only: the early server uses it too.
 */
export async function openAccepted(
  file: string,
  accept: (info: Stats) => boolean,
): Promise<{ handle: FileHandle; info: Stats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (accept(info)) return { handle, info };
  } catch {
    // Not readable: the same as not accepted.
  }
  await handle.close();
  return null;
}
