import type { OverlayElement } from '../protocol/show-state';
import { always, type Action } from './action';

/*
 * The stream's overlay elements, shown or hidden on keys 1–4. OBS follows `show.overlays`,
 * so the same key shows or hides the element on the stream whichever way OBS shows it.
 */

/** An overlay element's name: a key in the `actions` catalog. */
export function overlayLabelKey(element: OverlayElement): string {
  return `overlayElement.${element}`;
}

function overlayAction(element: OverlayElement, key: string): Action {
  return {
    name: `overlay.${element}`,
    labelKey: `label.overlay.${element}`,
    group: 'overlay',
    keys: [key],
    available: always,
    command: (ctx) => ({ name: 'overlay', element, on: !(ctx.show.overlays[element] ?? false) }),
  };
}

export const overlayActionFor: Readonly<Record<OverlayElement, Action>> = {
  lowerThird: overlayAction('lowerThird', '1'),
  lyrics: overlayAction('lyrics', '2'),
  drawing: overlayAction('drawing', '3'),
  nowPlaying: overlayAction('nowPlaying', '4'),
};
