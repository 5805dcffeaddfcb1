import type { ObsBridge } from './bridge';
import { OVERLAY_SCENE } from './overlay-elements';
import type { OverlaySync } from './overlay-sync';

/**
 * OBS's events after which the overlay scene may no longer be what the app made: a scene, a
 * source or an item created, deleted, renamed or reordered, or an item's eye switched in OBS.
 */
export const DRIFT_EVENTS = [
  'SceneCreated',
  'SceneRemoved',
  'SceneNameChanged',
  'InputCreated',
  'InputRemoved',
  'InputNameChanged',
  'SceneItemCreated',
  'SceneItemRemoved',
  'SceneItemEnableStateChanged',
  // A reorder can put a band in front of its text.
  'SceneItemListReindexed',
] as const;

/**
 * Listens for drift: the sync learns what changed (an eye, or items to look up again) and the
 * overlay scene is checked. Answers the unsubscribes.
 */
export function followDrift(
  bridge: ObsBridge,
  sync: OverlaySync,
  check: () => Promise<unknown>,
): (() => void)[] {
  return DRIFT_EVENTS.map((event) =>
    bridge.on(event, (payload) => {
      if (event === 'SceneItemEnableStateChanged') {
        const change = payload as {
          sceneName?: unknown;
          sceneItemId?: unknown;
          sceneItemEnabled?: unknown;
        };
        if (change.sceneName !== OVERLAY_SCENE) return;
        sync.noteEnabled(Number(change.sceneItemId), change.sceneItemEnabled === true);
      } else {
        // Where our items are may have changed: look them up again before the next change.
        sync.forget();
      }
      void check();
    }),
  );
}
