import { randomBytes } from 'node:crypto';
import { link, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { mediaFolderSchema, type MediaFolder } from '../../../shared/protocol/content-api';
import { MEDIA_DIR } from '../pack-files';
import { ensureInsidePack } from './pack-folder';

/**
 * Writes a cleaned upload under `media/<folder>/` with a free name (`name.jpg`, `name-2.jpg`,
 * …) and returns its pack path. It never replaces a file: the bytes are written whole to a
 * temporary file first, then hard-linked to the first name not taken.
 */
export async function writeNewMedia(
  packDir: string,
  folder: MediaFolder,
  name: string,
  extension: string,
  bytes: Buffer,
): Promise<string> {
  mediaFolderSchema.parse(folder);
  if (!/^[a-z0-9][a-z0-9_-]{0,99}$/.test(name)) throw new Error('unsafe media name');
  if (!/^[a-z0-9]{1,5}$/.test(extension)) throw new Error('unsafe media extension');
  const dir = path.join(packDir, MEDIA_DIR, folder);
  await ensureInsidePack(packDir, dir);
  const temp = path.join(dir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let n = 1; n < 10_000; n++) {
      const fileName = `${name}${n === 1 ? '' : `-${n}`}.${extension}`;
      try {
        // A hard link never replaces what is there: a taken name fails, and the next is tried.
        await link(temp, path.join(dir, fileName));
        return `${MEDIA_DIR}/${folder}/${fileName}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error('no free media name');
  } finally {
    await rm(temp, { force: true });
  }
}
