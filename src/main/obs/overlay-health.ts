import type { ObsDrift, ObsOverlayHealth } from '../../shared/protocol';
import {
  BROWSER_KIND,
  OVERLAY_SCENE,
  browserInputs,
  colourRoles,
  imageRoles,
  kindsForRole,
  nativeInputs,
  nativeInputsFor,
  obsOverlayElements,
  type NativeRole,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';
import { panelOf } from './overlay-panels';
import { pagesReachable, urlHost } from './obs-host';
import { bandsInFront } from './band-order';
import { isNotFound } from './scene-reads';

export type OverlayHealth = ObsOverlayHealth;

export interface HealthCheckInputs {
  /** OBS was reached at an address that is not this computer's. */
  remote: boolean;
  /** Whether this OBS can make browser sources. */
  hasBrowser: boolean;
  /** Where the overlay pages are served (its host must be reachable from OBS's computer). */
  overlayBaseUrl: string;
  /**
   * Whether the show wants this source on the stream now; null when the app has no state yet
   * (nothing is compared then).
   */
  wanted(name: string, browser: boolean): boolean | null;
  /** What the show wants of each element; null when there is no state yet. */
  consoleElements(): Record<ObsOverlayElement, boolean> | null;
  /** Scene item id → the app's source name, as the app last saw its scene. */
  knownItems: ReadonlyMap<number, string>;
  now(): number;
}

interface SceneItem {
  sceneItemId: number;
  sourceName: string;
  enabled: boolean;
  inputKind: string | null;
  index: number;
}

const REPAIR = 'Press "Repair overlays in OBS" to put it back.';

/**
 * Compares the overlay scene in OBS with what the console says: every way they can differ
 * becomes a drift entry with a sentence for the operator. Reads only; never changes OBS.
 */
export async function checkOverlayScene(
  obs: ObsCaller,
  inputs: HealthCheckInputs,
): Promise<OverlayHealth> {
  const drift: ObsDrift[] = [];
  const consoleElements = inputs.consoleElements();
  const elements = (present: Map<ObsOverlayElement, boolean | null>) =>
    obsOverlayElements.map((element) => ({
      element,
      console: consoleElements?.[element] ?? false,
      obs: present.get(element) ?? null,
    }));

  let items: SceneItem[];
  try {
    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: OVERLAY_SCENE });
    items = sceneItems.map((raw, position) => ({
      sceneItemId: Number(raw.sceneItemId),
      sourceName: String(raw.sourceName),
      enabled: raw.sceneItemEnabled === true,
      inputKind: typeof raw.inputKind === 'string' ? raw.inputKind : null,
      index: typeof raw.sceneItemIndex === 'number' ? raw.sceneItemIndex : position,
    }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    drift.push({
      kind: 'scene-missing',
      source: null,
      message: `OBS has no "${OVERLAY_SCENE}" scene, so nothing the console shows reaches the stream. Press "Set up overlays in OBS".`,
      repairable: true,
    });
    return {
      at: inputs.now(),
      sceneExists: false,
      mode: null,
      remote: inputs.remote,
      drift,
      elements: elements(new Map()),
    };
  }

  const byName = new Map(items.map((item) => [item.sourceName, item]));
  const ours = new Set([...nativeInputs, ...browserInputs].map((input) => input.name));
  const browser = items.some((item) => ours.has(item.sourceName) && item.inputKind === BROWSER_KIND)
    ? true
    : items.some((item) => ours.has(item.sourceName))
      ? false
      : inputs.hasBrowser && pagesReachable(inputs.remote, inputs.overlayBaseUrl);
  const expected = browser
    ? browserInputs.map((input) => ({ ...input, kinds: [BROWSER_KIND] as readonly string[] }))
    : nativeInputsFor(inputs.remote).map((input) => ({
        ...input,
        kinds: kindsForRole(input.role),
      }));

  let allInputs: Set<string> | null = null;
  const inputExists = async (name: string) => {
    if (!allInputs) {
      const { inputs: list } = await obs.call('GetInputList', {});
      allInputs = new Set(list.map((input) => String(input.inputName)));
    }
    return allInputs.has(name);
  };

  const present = new Map<ObsOverlayElement, boolean | null>();
  for (const input of expected) {
    const item = byName.get(input.name);
    if (!item) {
      const renamed = items.find(
        (candidate) =>
          inputs.knownItems.get(candidate.sceneItemId) === input.name &&
          candidate.sourceName !== input.name,
      );
      if (renamed) {
        drift.push({
          kind: 'source-renamed',
          source: input.name,
          message: `"${input.name}" was renamed to "${renamed.sourceName}" in OBS, so the app no longer updates it${renamed.enabled ? ' and the stream shows its old content' : ''}. Repair renames it back.`,
          repairable: !byName.has(input.name),
        });
      } else {
        const exists = await inputExists(input.name);
        drift.push({
          kind: 'source-missing',
          source: input.name,
          message: exists
            ? `"${input.name}" is no longer in the "${OVERLAY_SCENE}" scene, so it is not on the stream. ${REPAIR}`
            : `"${input.name}" was deleted in OBS, so it is not on the stream. ${REPAIR}`,
          repairable: true,
        });
      }
      continue;
    }
    if (item.inputKind === null || !input.kinds.includes(item.inputKind)) {
      drift.push({
        kind: 'wrong-kind',
        source: input.name,
        message: `"${input.name}" is a ${item.inputKind ?? 'scene or group'} in OBS, not what the app feeds (${input.kinds.join(' or ')}). Delete it in OBS and press "Set up overlays in OBS".`,
        repairable: false,
      });
      continue;
    }
    // Whether an element is on the stream is its main text's (or image's): a band shows
    // nothing by itself, and a translation or a fact is only part of its element.
    const role = (input as { role?: NativeRole }).role;
    const main =
      role === undefined ||
      (!colourRoles.includes(role) && (panelOf(role)?.lines.indexOf(role) ?? 0) <= 0);
    if (main) present.set(input.element, (present.get(input.element) ?? false) || item.enabled);
    else if (!present.has(input.element)) present.set(input.element, false);
    const wanted = inputs.wanted(input.name, browser);
    if (wanted === null || wanted === item.enabled) continue;
    drift.push(
      wanted
        ? {
            kind: 'hidden-in-obs',
            source: input.name,
            message: `"${input.name}" is hidden in OBS (its eye is off), but the console has it on the stream. ${REPAIR} Or switch it off in the console.`,
            repairable: true,
          }
        : {
            kind: 'shown-in-obs',
            source: input.name,
            message: `"${input.name}" is shown in OBS, but the console has it off; the stream shows what the console hides. ${REPAIR}`,
            repairable: true,
          },
    );
  }

  if (!browser) {
    // A band moved above its text in OBS covers it: the stream shows a dark box.
    for (const name of bandsInFront(new Map(items.map((item) => [item.sourceName, item])))) {
      drift.push({
        kind: 'band-in-front',
        source: name,
        message: `"${name}" was moved in front of its text in OBS, so it covers the text on the stream. ${REPAIR}`,
        repairable: true,
      });
    }
  }
  if (inputs.remote && !browser) {
    const stale = nativeInputs.filter(
      (input) => imageRoles.includes(input.role) && byName.has(input.name),
    );
    drift.push({
      kind: 'images-unreachable',
      source: stale[0]?.name ?? null,
      message: `OBS is on another computer and has no browser source, so it cannot show the QR code or drawings: an image source there cannot open files on this computer. ${
        stale.length > 0 ? 'The app keeps its image sources hidden. ' : ''
      }Text overlays work. For the QR code and drawings, use an OBS with browser sources (the official builds) and start the app so that computer can reach it (serve --host).`,
      repairable: false,
    });
  }
  if (browser && !pagesReachable(inputs.remote, inputs.overlayBaseUrl)) {
    drift.push({
      kind: 'pages-unreachable',
      source: null,
      message: `OBS is on another computer, but its browser sources load the overlay pages from ${urlHost(inputs.overlayBaseUrl) ?? 'this computer'}, which is only this computer's own address: they stay blank there. Start the app so that computer can reach it (serve --host <this computer's address>) and press "Set up overlays in OBS" again.`,
      repairable: false,
    });
  }

  return {
    at: inputs.now(),
    sceneExists: true,
    mode: browser ? 'browser' : 'native',
    remote: inputs.remote,
    drift,
    elements: elements(present),
  };
}

/**
 * Part of the repair: gives the app's sources that were renamed in OBS their names back, where
 * the name is free. The item is the same one the app made (OBS keeps its id across a rename),
 * so it keeps its place and style. Returns the names restored.
 */
export async function restoreRenamed(
  obs: ObsCaller,
  knownItems: ReadonlyMap<number, string>,
): Promise<string[]> {
  let sceneItems: { sceneItemId?: unknown; sourceName?: unknown; inputKind?: unknown }[];
  try {
    ({ sceneItems } = await obs.call('GetSceneItemList', { sceneName: OVERLAY_SCENE }));
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const names = new Set(sceneItems.map((item) => String(item.sourceName)));
  const restored: string[] = [];
  for (const item of sceneItems) {
    const ours = knownItems.get(Number(item.sceneItemId));
    const now = String(item.sourceName);
    if (!ours || ours === now || names.has(ours) || typeof item.inputKind !== 'string') continue;
    await obs.call('SetInputName', { inputName: now, newInputName: ours });
    names.add(ours);
    restored.push(ours);
  }
  return restored;
}
