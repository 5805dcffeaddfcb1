import { describe, expect, it } from 'vitest';
import { mediaHref } from '../../../../src/shared/media/media-href';
import { picturesOf } from '../../../../src/shared/media/pictures';
import { caseItem, drawingItem, statementItem } from '../../../fixtures/state/content-items';

describe('mediaHref', () => {
  it('names the width, the version and the token, in that order', () => {
    expect(mediaHref('media/a.jpg', { width: 1920, version: 'v1', token: 't' })).toBe(
      '/media/media/a.jpg?w=1920&v=v1&token=t',
    );
    expect(mediaHref('media/a.jpg', { width: null, version: 'v1', token: 't' })).toBe(
      '/media/media/a.jpg?v=v1&token=t',
    );
    expect(mediaHref('media/a.jpg', { width: null })).toBe('/media/media/a.jpg');
  });

  it('asks for a width only of the photos the core scales', () => {
    expect(mediaHref('media/fist.svg', { width: 1920 })).toBe('/media/media/fist.svg');
    expect(mediaHref('media/loop.gif', { width: 1920 })).toBe('/media/media/loop.gif');
    expect(mediaHref('media/b.WEBP', { width: 640 })).toBe('/media/media/b.WEBP?w=640');
  });

  it('escapes each part of the path and the query, keeping the folders', () => {
    expect(mediaHref('media/raised fist?#.png', { width: null, token: 'a&b=c' })).toBe(
      '/media/media/raised%20fist%3F%23.png?token=a%26b%3Dc',
    );
  });
});

describe('picturesOf', () => {
  it('lists a drawing and a case photo only with consent, and nothing of other kinds', () => {
    expect(picturesOf(drawingItem)).toEqual(['media/drawings/raised fist.svg']);
    expect(picturesOf({ ...drawingItem, consent: false })).toEqual([]);
    expect(picturesOf(caseItem)).toEqual([]);
    const photographed = { ...caseItem, photo: { file: 'media/boris.jpg', consent: true } };
    expect(picturesOf(photographed as typeof caseItem)).toEqual(['media/boris.jpg']);
    const unconsented = { ...caseItem, photo: { file: 'media/boris.jpg', consent: false } };
    expect(picturesOf(unconsented as typeof caseItem)).toEqual([]);
    expect(picturesOf(statementItem)).toEqual([]);
    expect(picturesOf(undefined)).toEqual([]);
  });
});
