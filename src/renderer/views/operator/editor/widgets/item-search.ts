import type { EditorContext } from '../form/spec';

export type ItemChoice = EditorContext['items'][number];

/** Case- and accent-blind, so "miftakhov" finds "Miftakhov" and "ecrire" finds "Écrire". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export interface ItemFilter {
  /** Only these kinds; every kind when empty or absent. */
  kinds?: readonly string[] | undefined;
  /** Never these kinds (a playlist cannot hold a playlist). */
  excludeKinds?: readonly string[] | undefined;
}

/** The items whose title or id holds every word of the query, in the pack's order. */
export function searchItems(
  items: readonly ItemChoice[],
  query: string,
  filter: ItemFilter = {},
): ItemChoice[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.kinds?.length && !filter.kinds.includes(item.kind)) return false;
    if (filter.excludeKinds?.includes(item.kind)) return false;
    const haystack = fold(`${item.title} ${item.id}`);
    return words.every((word) => haystack.includes(word));
  });
}

export function findItem(items: readonly ItemChoice[], id: unknown): ItemChoice | undefined {
  return typeof id === 'string' ? items.find((item) => item.id === id) : undefined;
}
