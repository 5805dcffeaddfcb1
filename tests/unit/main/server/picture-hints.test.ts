import { describe, expect, it } from 'vitest';
import type { ViewRole } from '../../../../src/shared/protocol';
import { pictureHints, withPictureHints } from '../../../../src/main/server/picture-hints';
import { allItems, drawingItem, showState, snapshot } from '../../../fixtures/state/content-items';

const tokens: Record<ViewRole, string> = {
  display: 'display-token',
  kiosk: 'kiosk-token',
  operator: 'operator-token',
  overlay: 'overlay-token',
  stage: 'stage-token',
  remote: 'remote-token',
};

const onAir = (overrides: Parameters<typeof showState>[0] = {}) => ({
  tokens,
  content: () => ({ ...snapshot(allItems), media: { [drawingItem.image]: 'abc' } }),
  show: () => showState({ itemId: drawingItem.id, ...overrides }),
});

const fist = (token: string) => `/media/media/drawings/raised%20fist.svg?v=abc&token=${token}`;

describe('pictureHints', () => {
  it('names the picture on air for the display and the kiosk, with the page’s own token', () => {
    expect(pictureHints(onAir(), '/display', 'display-token')).toEqual([fist('display-token')]);
    expect(pictureHints(onAir(), '/display/', 'display-token')).toEqual([fist('display-token')]);
    expect(pictureHints(onAir(), '/kiosk', 'kiosk-token')).toEqual([fist('kiosk-token')]);
  });

  it('names nothing without the view’s own token', () => {
    for (const token of [
      undefined,
      '',
      'wrong',
      'operator-token',
      'kiosk-token',
      'display-tokenx',
    ]) {
      expect(pictureHints(onAir(), '/display', token)).toEqual([]);
    }
    expect(pictureHints(onAir(), '/kiosk', 'display-token')).toEqual([]);
  });

  it('names nothing on pages that do not open on the stage', () => {
    for (const [path, token] of [
      ['/operator', 'operator-token'],
      ['/overlay', 'overlay-token'],
      ['/overlay/lyrics', 'overlay-token'],
      ['/stage', 'stage-token'],
      ['/print', 'operator-token'],
      ['/screen', 'display-token'],
      ['/nowhere', 'display-token'],
    ] as const) {
      expect(pictureHints(onAir(), path, token)).toEqual([]);
    }
  });

  it('follows what the display would show: no picture in a blackout, or of a slide safe mode hides', () => {
    expect(pictureHints(onAir({ blackout: true }), '/display', 'display-token')).toEqual([]);
    const hidden = { ...drawingItem, sensitive: true };
    const sensitive = {
      ...onAir({ safeMode: true }),
      content: () => snapshot(allItems.map((item) => (item.id === hidden.id ? hidden : item))),
    };
    expect(pictureHints(sensitive, '/display', 'display-token')).toEqual([]);
    const unconsented = {
      ...onAir(),
      content: () =>
        snapshot(
          allItems.map((item) =>
            item.id === drawingItem.id ? { ...drawingItem, consent: false } : item,
          ),
        ),
    };
    expect(pictureHints(unconsented, '/display', 'display-token')).toEqual([]);
  });

  it('names nothing before the pack has been read, or for a slide without pictures', () => {
    const unread = { ...onAir(), content: () => snapshot([], 0) };
    expect(pictureHints(unread, '/display', 'display-token')).toEqual([]);
    expect(pictureHints(onAir({ itemId: 'free-boris-site' }), '/display', 'display-token')).toEqual(
      [],
    );
  });
});

describe('withPictureHints', () => {
  const page = '<html><head>\n    <title>x</title>\n  </head><body></body></html>';

  it('puts each picture in the head as an image to fetch first, escaped', () => {
    const html = withPictureHints(page, ['/media/a.jpg?v=1&token=t', '/media/"$&.jpg']);
    expect(html).toContain(
      '<link rel="preload" as="image" fetchpriority="high" href="/media/a.jpg?v=1&#38;token=t">',
    );
    expect(html).toContain('href="/media/&#34;$&#38;.jpg"');
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leaves the page as it is with nothing to name', () => {
    expect(withPictureHints(page, [])).toBe(page);
  });
});
