import { itemId } from '../../shared/content';
import type { ItemRef } from './types';

/* The ids a file names, read from the file as written: a broken playlist still says which
   items it wants, and an author wants to hear at once that one of them does not exist. */

function refAt(value: unknown, field: (string | number)[], reason: ItemRef['reason']): ItemRef[] {
  return typeof value === 'string' && itemId.safeParse(value).success
    ? [{ field, id: value, reason }]
    : [];
}

/** The ids an item file of `kind` names, from its fields as written. */
export function rawItemRefs(kind: string, fields: Record<string, unknown>): ItemRef[] {
  const refs: ItemRef[] = [];
  if (kind === 'playlist' && Array.isArray(fields.items)) {
    fields.items.forEach((entry: unknown, index) => {
      const id =
        typeof entry === 'object' && entry !== null ? (entry as { item?: unknown }).item : entry;
      refs.push(...refAt(id, ['items', index], 'refs.noItem'));
    });
  }
  if (kind === 'setlist') {
    if (Array.isArray(fields.songs)) {
      fields.songs.forEach((id: unknown, index) =>
        refs.push(...refAt(id, ['songs', index], 'refs.noSong')),
      );
    }
    refs.push(...refAt(fields.interlude, ['interlude'], 'refs.noPlaylist'));
  }
  return refs;
}

/** The ids pack.yaml names, from its fields as written. */
export function rawPackRefs(fields: Record<string, unknown>): ItemRef[] {
  return [
    ...refAt(fields.defaultPlaylist, ['defaultPlaylist'], 'refs.noPlaylist'),
    ...refAt(fields.safeSlide, ['safeSlide'], 'refs.noItem'),
  ];
}
