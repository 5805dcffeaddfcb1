import { describe, expect, it } from 'vitest';
import { drawingSchema, playlistSchema } from '../../../../src/shared/content';
import {
  firstSlidePictures,
  PLAYER_MEDIA_BASE,
  playerMediaHref,
} from '../../../../src/shared/player/folder';
import {
  actionItem,
  caseItem,
  drawingItem,
  NOW,
  snapshot,
} from '../../../fixtures/state/content-items';

const main = (items: string[], shuffle = false) =>
  playlistSchema.parse({ kind: 'playlist', id: 'main', title: 'Main', items, shuffle });

describe('the player folder', () => {
  it('names a pack file by its path under the media folder, each part escaped', () => {
    expect(PLAYER_MEDIA_BASE).toBe('media/');
    expect(playerMediaHref('media/drawings/raised fist.svg')).toBe(
      'media/media/drawings/raised%20fist.svg',
    );
    expect(playerMediaHref('media/a#1/b?.jpg')).toBe('media/media/a%231/b%3F.jpg');
  });

  describe('the pictures of the slide the player opens on', () => {
    it('are the first item’s of the playlist it starts with', () => {
      const content = snapshot([
        drawingItem,
        actionItem,
        caseItem,
        main(['raised-fist', 'free-boris-site']),
      ]);
      expect(firstSlidePictures(content, NOW)).toEqual(['media/drawings/raised fist.svg']);
      const other = snapshot([drawingItem, actionItem, main(['free-boris-site', 'raised-fist'])]);
      expect(firstSlidePictures(other, NOW)).toEqual([]);
    });

    it('are none for a drawing without consent recorded', () => {
      const noConsent = drawingSchema.parse({ ...drawingItem, consent: false });
      expect(firstSlidePictures(snapshot([noConsent, main(['raised-fist'])]), NOW)).toEqual([]);
    });

    it('are none for a shuffled playlist: the page draws its own first slide', () => {
      const content = snapshot([
        drawingItem,
        actionItem,
        main(['raised-fist', 'free-boris-site'], true),
      ]);
      expect(firstSlidePictures(content, NOW)).toEqual([]);
    });

    it('follow the show without playlists (every item in order), and are none with nothing to play', () => {
      expect(firstSlidePictures(snapshot([drawingItem, actionItem]), NOW)).toEqual([
        'media/drawings/raised fist.svg',
      ]);
      expect(firstSlidePictures(snapshot([actionItem, drawingItem]), NOW)).toEqual([]);
      expect(firstSlidePictures(snapshot([]), NOW)).toEqual([]);
    });
  });
});
