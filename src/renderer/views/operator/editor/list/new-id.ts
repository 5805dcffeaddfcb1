/*
 * A new item's id: the file name and what playlists refer to it by, so `[a-z0-9-]` only, and
 * never one the pack already has (a save would overwrite that item).
 */

import { latinSlug } from '../../../../../shared/content/latin-slug';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 60;

/** The id a title suggests: `Free Boris Kagarlitsky!` → `free-boris-kagarlitsky`, made unique. */
export function suggestId(title: string, taken: ReadonlySet<string>): string {
  const base = latinSlug(title, MAX_ID_LENGTH, 'item');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export type IdProblem = 'empty' | 'pattern' | 'taken';

/** What is wrong with an id typed for a new item, or null. */
export function idProblem(id: string, taken: ReadonlySet<string>): IdProblem | null {
  if (id === '') return 'empty';
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) return 'pattern';
  return taken.has(id) ? 'taken' : null;
}
