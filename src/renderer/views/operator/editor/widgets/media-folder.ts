import type { MediaFolder, Uploaded } from '../../../../../shared/protocol/content-api';
import type { FieldPath } from '../form/spec';

/**
 * Where an upload for this field goes: a case's `photo.file` to `photos`, a drawing's
 * `image` to `drawings`, anything else to `images`.
 */
export function mediaFolderFor(
  path: FieldPath,
  parent: Readonly<Record<string, unknown>> | undefined,
): MediaFolder {
  if (path.at(-1) === 'file' && path.at(-2) === 'photo') return 'photos';
  if (parent?.kind === 'drawing' || (path.length === 1 && path[0] === 'image')) return 'drawings';
  return 'images';
}

/** A note of the API's about what it did to the file: a catalog key (`editor`) and its values. */
export interface UploadNote {
  key: string;
  params?: Record<string, string | number>;
}

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const sameType = (a: string, b: string) =>
  a === b || (['jpg', 'jpeg'].includes(a) && ['jpg', 'jpeg'].includes(b));

/** What the operator should know about the saved file, beyond its path. */
export function uploadNotes(uploaded: Uploaded, chosenName: string): UploadNote[] {
  const notes: UploadNote[] = [];
  const saved = extension(uploaded.path);
  if (!sameType(saved, extension(chosenName))) {
    notes.push({
      key: 'widgets.media.renamed',
      params: { ext: saved, type: uploaded.type.toUpperCase() },
    });
  }
  if (uploaded.scaled) {
    notes.push({
      key: 'widgets.media.scaled',
      params: { width: uploaded.width, height: uploaded.height },
    });
  }
  if (uploaded.metadataRemoved) notes.push({ key: 'widgets.media.metadataRemoved' });
  return notes;
}
