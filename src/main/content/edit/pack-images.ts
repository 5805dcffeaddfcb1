import path from 'node:path';
import type { PackImages } from '../../../shared/protocol/content-api';
import { imageExtensions } from '../media';
import { compareText } from '../pack-files';
import type { PackRead } from '../types';

/** Names on disk and names in YAML may differ in Unicode form (a Mac writes NFD). */
const key = (file: string) => file.normalize('NFC');

/**
 * The images under `media/` that an item may show, each with the items whose files name it:
 * the editor's "a file already in the pack". What the walk refused (a link leading out of the
 * pack, a hidden file) is not here, because the screens would never be sent it.
 */
export function packImages(read: PackRead): PackImages {
  const usedBy = new Map<string, Set<string>>();
  for (const file of read.files) {
    if (file.id === undefined) continue;
    for (const media of file.media) {
      const users = usedBy.get(key(media)) ?? new Set<string>();
      users.add(file.id);
      usedBy.set(key(media), users);
    }
  }
  return {
    images: read.media
      .filter((file) => path.posix.extname(file).toLowerCase() in imageExtensions)
      .sort(compareText)
      .map((path) => ({ path, usedBy: [...(usedBy.get(key(path)) ?? [])].sort(compareText) })),
  };
}
