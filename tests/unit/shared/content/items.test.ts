import { describe, expect, it } from 'vitest';
import { itemMedia, type ContentItem } from '../../../../src/shared/content';

describe('itemMedia: the media files an item uses, one rule for the loader and the server', () => {
  it('names a case photo and a drawing with their field and consent', () => {
    const photoCase = {
      kind: 'case',
      photo: { file: 'media/anna.jpg', consent: false, credit: 'x' },
    } as unknown as ContentItem;
    expect(itemMedia(photoCase)).toEqual([
      { field: ['photo', 'file'], file: 'media/anna.jpg', consent: false },
    ]);
    const drawing = { kind: 'drawing', image: 'media/ship.svg', consent: true } as ContentItem;
    expect(itemMedia(drawing)).toEqual([
      { field: ['image'], file: 'media/ship.svg', consent: true },
    ]);
  });

  it('is empty for a case without a photo and for kinds without media', () => {
    expect(itemMedia({ kind: 'case' } as ContentItem)).toEqual([]);
    expect(itemMedia({ kind: 'statement' } as ContentItem)).toEqual([]);
  });
});
