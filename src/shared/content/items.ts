import type { ArrangingItem, ContentItem, ItemKind, ShowItem, ShowKind } from './schema';

/**
 * The kinds that only arrange other items. Every check for "can this be on screen" goes through
 * `isShowItem`, so a new arranging kind (the setlist was the second) is added in one place and
 * not found later as a blank slide.
 */
const arrangingKinds: ReadonlySet<ItemKind> = new Set<ArrangingItem['kind']>([
  'playlist',
  'setlist',
]);

export function isShowKind(kind: ItemKind): kind is ShowKind {
  return !arrangingKinds.has(kind);
}

/** Whether `item` can be on screen as a slide (not a playlist, not a setlist). */
export function isShowItem<T extends ContentItem>(item: T): item is Extract<T, ShowItem> {
  return isShowKind(item.kind);
}
