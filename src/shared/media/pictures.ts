import type { ContentItem } from '../content';

/**
 * The pack files of an item's pictures, the ones a screen waits for before the slide goes up:
 * a drawing's image and a case's photo, each only with its consent recorded.
 */
export function picturesOf(item: ContentItem | undefined): string[] {
  if (!item) return [];
  switch (item.kind) {
    case 'drawing':
      return item.consent ? [item.image] : [];
    case 'case':
      return item.photo?.consent ? [item.photo.file] : [];
    default:
      return [];
  }
}
