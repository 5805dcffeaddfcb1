import { describe, expect, it } from 'vitest';
// As text: the renderer's type-check (and its lint rule) keep src/main out of renderer code.
import obsElementsSource from '../../../../../src/main/obs/overlay-elements.ts?raw';
import { matchRoute, roleForPath } from '../../../../../src/renderer/app/routes';
import { overlaySlugs, parseOverlayPath } from '../../../../../src/renderer/views/overlay/elements';

describe('overlay paths', () => {
  it('uses exactly the names OBS setup writes into its browser sources', () => {
    // The renderer keeps its own copy of `elementSlugs`; this keeps the two equal.
    const table = /export const elementSlugs[^{]*\{([^}]*)\}/.exec(obsElementsSource)?.[1];
    expect(table).toBeDefined();
    const obsSlugs = [...(table ?? '').matchAll(/:\s*'([^']+)'/g)].map((match) => match[1]);
    expect(obsSlugs.sort()).toEqual([...overlaySlugs].sort());
  });

  it('shows everything at /overlay, with or without a trailing slash', () => {
    expect(parseOverlayPath('/overlay')).toEqual({ kind: 'all' });
    expect(parseOverlayPath('/overlay/')).toEqual({ kind: 'all' });
  });

  it.each(overlaySlugs)('shows one element at /overlay/%s', (slug) => {
    expect(parseOverlayPath(`/overlay/${slug}`)).toEqual({ kind: 'one', element: slug });
    expect(parseOverlayPath(`/overlay/${slug}/`)).toEqual({ kind: 'one', element: slug });
  });

  it('forgives capitals typed by hand, and nothing else', () => {
    expect(parseOverlayPath('/overlay/Lower-Third')).toEqual({
      kind: 'one',
      element: 'lower-third',
    });
    expect(parseOverlayPath('/overlay/lowerThird')).toEqual({
      kind: 'unknown',
      name: 'lowerThird',
    });
    expect(parseOverlayPath('/overlay/ticker')).toEqual({ kind: 'unknown', name: 'ticker' });
    expect(parseOverlayPath('/overlay/qr/extra')).toEqual({ kind: 'unknown', name: 'qr/extra' });
    expect(parseOverlayPath('/overlay/%E2%9C%93')).toEqual({ kind: 'unknown', name: '✓' });
    expect(parseOverlayPath('/overlay/%E2')).toEqual({ kind: 'unknown', name: '%E2' });
  });

  it('routes /overlay/<name> to the overlay view with the overlay role', () => {
    expect(matchRoute('/overlay/qr')?.path).toBe('/overlay');
    expect(roleForPath('/overlay/lower-third')).toBe('overlay');
    expect(roleForPath('/overlay/anything')).toBe('overlay');
    expect(roleForPath('/overlayx')).toBeNull();
    expect(roleForPath('/display/qr')).toBeNull();
  });
});
