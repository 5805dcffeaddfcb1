import type { ItemKind } from '../../../shared/content';
import type { FileResult, PackRead } from '../types';

/** Where the built-in pack keeps each kind: `cases/`, `songs/`, … */
export function kindFolder(kind: ItemKind): string {
  return `${kind}s`;
}

/**
 * The file that holds item `id`: the one whose item loaded with it, else a broken file that
 * claims it (its id field, or its name), so a broken item can be opened and fixed.
 */
export function findItemFile(read: PackRead, id: string): FileResult | undefined {
  const claiming = read.files.filter((f) => f.id === id);
  return claiming.find((f) => f.item?.id === id) ?? claiming[0];
}
