import { useLayoutEffect } from 'react';
import { KEPT_SLIDE_ID } from '../../../shared/protocol/views';
import type { Screen } from '../../../shared/show';

/**
 * A restart may answer this page with the last run's first slide already in it, over the app's
 * root, before any script has run (the core's `first-slide/`). The live display takes over
 * under it; the copy goes once the live slide is up and faded in (`started`), or at once when
 * the live show shows anything else: a blackout, safe mode or a new slide must never wait
 * behind an old picture. A layout effect, so the copy is gone before the next paint.
 */
export function useDropKeptSlide(screen: Screen, started: boolean): void {
  useLayoutEffect(() => {
    const kept = document.getElementById(KEPT_SLIDE_ID);
    if (!kept || screen.kind === 'connecting') return;
    const keptItem = kept.querySelector('[data-item-id]')?.getAttribute('data-item-id');
    const same = screen.kind === 'slide' && screen.item.id === keptItem;
    if (!same || started) kept.remove();
  }, [screen, started]);
}
