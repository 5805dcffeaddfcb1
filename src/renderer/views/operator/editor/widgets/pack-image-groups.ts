import type { MediaFolder, PackImage } from '../../../../../shared/protocol/content-api';

/** The images of one folder under `media/`, as the picker lists them. */
export interface PackImageGroup {
  /** `media/drawings/`, or `media/` for the images directly in it. */
  folder: string;
  images: { path: string; name: string; usedBy: string[] }[];
}

const UPLOAD_FOLDERS: readonly MediaFolder[] = ['drawings', 'photos', 'images'];

/** `media/drawings/cell.jpg` → [`media/drawings/`, `cell.jpg`]; deeper paths keep their rest. */
function split(path: string): [string, string] {
  const parts = path.split('/');
  if (parts.length <= 2) return ['media/', parts.at(-1) ?? path];
  return [`${parts[0]}/${parts[1]}/`, parts.slice(2).join('/')];
}

/**
 * The pack's images by folder: the field's own folder first (a drawing's image is most likely
 * another drawing), then the other upload folders, then any other folder by name, and the
 * images directly in `media/` last. Within a folder, as the core sorted them.
 */
export function groupPackImages(images: readonly PackImage[], own: MediaFolder): PackImageGroup[] {
  const groups = new Map<string, PackImageGroup>();
  for (const image of images) {
    const [folder, name] = split(image.path);
    const group = groups.get(folder) ?? { folder, images: [] };
    group.images.push({ path: image.path, name, usedBy: image.usedBy });
    groups.set(folder, group);
  }
  const rank = (folder: string): number => {
    if (folder === `media/${own}/`) return 0;
    const upload = UPLOAD_FOLDERS.findIndex((f) => folder === `media/${f}/`);
    if (upload >= 0) return 1 + upload;
    return folder === 'media/' ? 5 : 4;
  };
  return [...groups.values()].sort(
    (a, b) => rank(a.folder) - rank(b.folder) || (a.folder < b.folder ? -1 : 1),
  );
}
