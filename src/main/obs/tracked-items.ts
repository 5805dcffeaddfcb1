import { ObsCallError } from './bridge';
import {
  BROWSER_KIND,
  OVERLAY_SCENE,
  browserInputs,
  nativeInputs,
  type NativeRole,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';

/** One of our items in the overlay scene, as the sync addresses it. */
export interface TrackedItem {
  sceneItemId: number;
  element: ObsOverlayElement;
  /** Null for a browser source: its page renders the content, OBS only shows or hides it. */
  role: NativeRole | null;
}

export interface FoundItem {
  name: string;
  item: TrackedItem;
  /** Whether OBS shows it now, when the list said. */
  enabled?: boolean;
}

/** Our items in the overlay scene, in OBS's order; someone else's sources are left out. */
export async function readTrackedItems(obs: ObsCaller): Promise<FoundItem[]> {
  let sceneItems: unknown[];
  try {
    ({ sceneItems } = await obs.call('GetSceneItemList', { sceneName: OVERLAY_SCENE }));
  } catch (error) {
    if (error instanceof ObsCallError && error.kind === 'obs' && error.code === 600) {
      throw new Error(`OBS has no "${OVERLAY_SCENE}" scene. Press "Set up overlays".`, {
        cause: error,
      });
    }
    throw error;
  }
  const found: FoundItem[] = [];
  for (const raw of sceneItems) {
    const entry = raw as {
      sourceName?: unknown;
      sceneItemId?: unknown;
      inputKind?: unknown;
      sceneItemEnabled?: unknown;
    };
    const name = String(entry.sourceName);
    const native = nativeInputs.find((input) => input.name === name);
    if (!native) continue;
    const browser = entry.inputKind === BROWSER_KIND;
    // A browser page draws its element whole (credit, bands and all): only the page's
    // own inputs count then.
    if (browser && !browserInputs.some((input) => input.name === name)) continue;
    found.push({
      name,
      item: {
        sceneItemId: Number(entry.sceneItemId),
        element: native.element,
        role: browser ? null : native.role,
      },
      ...(typeof entry.sceneItemEnabled === 'boolean' ? { enabled: entry.sceneItemEnabled } : {}),
    });
  }
  return found;
}
