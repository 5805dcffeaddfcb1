import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot } from '../../../../src/shared/content';
import { applyContent, createContentStore } from '../../../../src/renderer/stores/content';
import {
  mediaUrl,
  pageMediaWidth,
  setMediaToken,
  setMediaVersions,
  slideMediaUrl,
} from '../../../../src/renderer/slides/context';
import { slideContext } from '../fixtures';

describe('media URLs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('escapes each segment, and asks photos and drawings at a width', () => {
    expect(mediaUrl('media/a b#1.jpg', 1920)).toBe('/media/media/a%20b%231.jpg?w=1920');
    expect(mediaUrl('media/x.PNG', 1280)).toBe('/media/media/x.PNG?w=1280');
    expect(mediaUrl('media/x.webp', null)).toBe('/media/media/x.webp');
  });

  it('presents the page’s own token, escaped, on every media URL once the page has one', () => {
    setMediaToken('a+b/c=d');
    try {
      expect(mediaUrl('media/a.jpg', 1920)).toBe('/media/media/a.jpg?w=1920&token=a%2Bb%2Fc%3Dd');
      expect(mediaUrl('media/fist.svg', 1920)).toBe('/media/media/fist.svg?token=a%2Bb%2Fc%3Dd');
    } finally {
      setMediaToken(null);
    }
    expect(mediaUrl('media/fist.svg', 1920)).toBe('/media/media/fist.svg');
  });

  it('never asks a width for SVG or GIF', () => {
    expect(mediaUrl('media/fist.svg', 1920)).toBe('/media/media/fist.svg');
    expect(mediaUrl('media/moving.gif', 1920)).toBe('/media/media/moving.gif');
  });

  it('takes the screen’s longer side in device pixels, as a fixed step', () => {
    vi.stubGlobal('screen', { width: 1080, height: 1920 });
    vi.stubGlobal('devicePixelRatio', 1);
    expect(pageMediaWidth()).toBe(1920);
    vi.stubGlobal('screen', { width: 1280, height: 800 });
    vi.stubGlobal('devicePixelRatio', 2);
    expect(pageMediaWidth()).toBe(2560);
  });

  it('lets a slide ask for the file itself', () => {
    expect(slideMediaUrl(slideContext({ mediaWidth: null }), 'media/a.jpg')).toBe(
      '/media/media/a.jpg',
    );
    expect(slideMediaUrl(slideContext({ mediaWidth: 640 }), 'media/a.jpg')).toBe(
      '/media/media/a.jpg?w=640',
    );
  });

  it('asks for the page’s width when the slide says nothing', () => {
    vi.stubGlobal('screen', { width: 1920, height: 1080 });
    vi.stubGlobal('devicePixelRatio', 1);
    expect(slideMediaUrl(slideContext(), 'media/a.jpg')).toBe('/media/media/a.jpg?w=1920');
  });
});

describe('media URLs name the version the core checked', () => {
  const pack = { title: 'T', languages: ['en'], defaultLanguage: 'en' } as never;
  const withMedia = (media: Record<string, string>) =>
    ({ pack, items: [], errors: [], media, revision: 1 }) as ContentSnapshot;
  afterEach(() => setMediaVersions(undefined));

  it('changes the URL when a fixed file is checked, and only then', () => {
    const store = createContentStore();
    applyContent(withMedia({ 'media/ship.png': 'a1-b2-c3' }), store);
    const good = mediaUrl('media/ship.png', 1920);
    expect(good).toBe('/media/media/ship.png?w=1920&v=a1-b2-c3');
    // Saved broken: the core keeps the checked version, so the screen asks for the same URL
    // and keeps the picture it has.
    applyContent(withMedia({ 'media/ship.png': 'a1-b2-c3' }), store);
    expect(mediaUrl('media/ship.png', 1920)).toBe(good);
    // Fixed: a new version, a new URL, fetched and decoded before it replaces the old one.
    applyContent(withMedia({ 'media/ship.png': 'd4-e5-f6' }), store);
    expect(mediaUrl('media/ship.png', 1920)).toBe('/media/media/ship.png?w=1920&v=d4-e5-f6');
    expect(mediaUrl('media/drawing.svg', null)).toBe('/media/media/drawing.svg');
  });
});
