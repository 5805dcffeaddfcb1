import type { ObsInfo, OverlayElement } from '../../../shared/protocol';

/**
 * Whether OBS really shows an overlay element, when that differs from what the show wants;
 * null when they agree or when OBS cannot say (not connected, not checked yet, no source of
 * ours for it). The console's toggle says what the show wants, and this is the one case in
 * which the stream shows something else: the operator must see it on the toggle itself.
 */
export function obsDisagrees(
  obs: ObsInfo | null,
  element: OverlayElement,
  wanted: boolean,
): boolean | null {
  if (!obs || obs.status.state !== 'connected') return null;
  const real = obs.overlay?.elements.find((entry) => entry.element === element)?.obs;
  if (real === undefined || real === null || real === wanted) return null;
  return real;
}
