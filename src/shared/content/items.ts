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

/** One media file an item shows: where it is named in the item, and whether it may be shown. */
export interface ItemMedia {
  /** The field path in the item file, for error messages (`photo.file`, `image`). */
  field: readonly string[];
  /** The pack path, as the item has it. */
  file: string;
  /** False for a photo or drawing of someone who did not consent to its being shown. */
  consent: boolean;
  /** How the loader checks it and the server types it: an image unless said otherwise. */
  role?: 'image' | 'video' | 'subtitles';
}

/**
 * Every media file `item` uses. The loader checks these files and the server decides from them
 * what it may serve, so a new kind with media is added here once and both follow.
 */
export function itemMedia(item: ContentItem): ItemMedia[] {
  if (item.kind === 'case' && item.photo) {
    return [{ field: ['photo', 'file'], file: item.photo.file, consent: item.photo.consent }];
  }
  if (item.kind === 'drawing')
    return [{ field: ['image'], file: item.image, consent: item.consent }];
  if (item.kind === 'video') {
    const media: ItemMedia[] = [{ field: ['file'], file: item.file, consent: true, role: 'video' }];
    if (item.poster) media.push({ field: ['poster'], file: item.poster, consent: true });
    for (const [language, file] of Object.entries(item.subtitles ?? {})) {
      media.push({ field: ['subtitles', language], file, consent: true, role: 'subtitles' });
    }
    return media;
  }
  return [];
}
