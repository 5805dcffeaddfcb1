import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_SLIDE_ID } from '../../../../../src/shared/protocol/views';
import type { Screen } from '../../../../../src/shared/show';
type ShownItem = Extract<Screen, { kind: 'slide' }>['item'];
import { useDropKeptSlide } from '../../../../../src/renderer/views/display/use-kept-slide';

/** The page as a restart sends it: the kept slide over the app's root. */
function keptPage(itemId: string): void {
  document.body.innerHTML = `<div id="root"></div><div id="${KEPT_SLIDE_ID}"><div class="slide-frame" data-phase="in" data-item-id="${itemId}"></div></div>`;
}
const kept = () => document.getElementById(KEPT_SLIDE_ID);
const slide = (id: string): Screen => ({ kind: 'slide', item: { id } as ShownItem });

describe('useDropKeptSlide', () => {
  beforeEach(() => keptPage('drawing-0'));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps the copy while the live display connects and while the same slide fades in', () => {
    const { rerender } = renderHook(({ screen, started }) => useDropKeptSlide(screen, started), {
      initialProps: { screen: { kind: 'connecting' } as Screen, started: false },
    });
    expect(kept()).not.toBeNull();
    rerender({ screen: slide('drawing-0'), started: false });
    expect(kept()).not.toBeNull();
    rerender({ screen: slide('drawing-0'), started: true });
    expect(kept()).toBeNull();
  });

  it.each<[string, Screen]>([
    ['a blackout', { kind: 'blackout' }],
    ['another slide (safe mode, a new position)', slide('case-1')],
    ['the neutral screen', { kind: 'neutral', showTitle: true }],
  ])('drops the copy at once when the live show shows %s', (_what, screen) => {
    renderHook(() => useDropKeptSlide(screen, false));
    expect(kept()).toBeNull();
  });

  it('does nothing on a page without a kept slide', () => {
    document.body.innerHTML = '<div id="root"><p>live</p></div>';
    renderHook(() => useDropKeptSlide(slide('drawing-0'), true));
    // renderHook adds its own container; the page's root is untouched.
    expect(document.getElementById('root')?.outerHTML).toBe('<div id="root"><p>live</p></div>');
  });
});
