import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  mediaUrl,
  pageMediaWidth,
  setMediaToken,
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
