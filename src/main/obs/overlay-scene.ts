import { ObsCallError } from './bridge';
import {
  BROWSER_KIND,
  COLOUR_KIND,
  IMAGE_KIND,
  colourRoles,
  imageRoles,
  OVERLAY_SCENE,
  TEXT_KINDS,
  browserInputs,
  nativeInputs,
  nativeInputsFor,
  overlayUrl,
  type NativeRole,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';
import { pagesReachable, urlHost } from './obs-host';
import {
  DEFAULT_ACCENT,
  bandStyle,
  browserTransform,
  hexToObsColour,
  imageStyle,
  nativeTransform,
  panelOf,
  panels,
  placedBySync,
  textStyle,
  type Canvas,
  type ItemTransform,
} from './overlay-layout';

export interface SetUpOverlaysOptions {
  /** Where the app serves its views, e.g. `http://127.0.0.1:4173/?token=…`. */
  overlayBaseUrl: string;
  /** Defaults to OBS's base canvas (GetVideoSettings). */
  canvas?: Canvas;
  /** Force native sources even where OBS has browser_source (for tests and odd builds). */
  preferNative?: boolean;
  /**
   * OBS runs on another computer: its image sources cannot open this computer's files, and
   * browser sources work only where the overlay pages' address is reachable from there.
   */
  remote?: boolean;
}

/** `unavailable`: this OBS cannot show it, and nothing was created for it. */
export type SetupAction = 'created' | 'updated' | 'unchanged' | 'unavailable';

export interface SetupInputReport {
  name: string;
  kind: string;
  element: ObsOverlayElement;
  /** What happened to the input's settings. */
  input: SetupAction;
  /** Whether its item in our scene was created, moved back into place, or left. */
  item: SetupAction;
  note?: string;
}

export interface SetupReport {
  scene: 'created' | 'unchanged';
  mode: 'browser' | 'native';
  textKind: string | null;
  canvas: Canvas;
  inputs: SetupInputReport[];
  /** True when nothing at all had to change: pressing the button again is harmless. */
  unchanged: boolean;
  /** What the operator must know: OBS on another computer and what it cannot show. */
  warnings: string[];
}

interface Planned {
  name: string;
  element: ObsOverlayElement;
  kind: string;
  settings: Record<string, unknown>;
  /** Settings only given at creation (the overlay sync owns them afterwards). */
  initial: Record<string, unknown>;
  transform: ItemTransform;
  role?: NativeRole;
}

/**
 * "Set up overlays in OBS": creates the "Solidarity Overlays" scene and its inputs, or brings
 * them back to the app's layout. Safe to press twice: it creates only what is missing, changes
 * only what differs, and touches nothing but that scene and inputs named with our prefix.
 * New items start hidden; the overlay sync shows them once it has content.
 */
export async function setUpOverlays(
  obs: ObsCaller,
  options: SetUpOverlaysOptions,
): Promise<SetupReport> {
  const { inputKinds } = await obs.call('GetInputKindList', { unversioned: false });
  const canvas = options.canvas ?? (await obsCanvas(obs));
  const version = await obs.call('GetVersion');
  const remote = options.remote ?? false;
  const hasBrowser = !options.preferNative && inputKinds.includes(BROWSER_KIND);
  const reachable = pagesReachable(remote, options.overlayBaseUrl);
  const browser = hasBrowser && reachable;
  const textKind = TEXT_KINDS.find((kind) => inputKinds.includes(kind)) ?? null;
  if (!browser && !textKind) {
    throw new Error(
      hasBrowser
        ? `OBS is on another computer, and its browser sources could not load the overlay pages from ${urlHost(options.overlayBaseUrl) ?? 'this computer'} (this computer's own address). Start the app so that computer can reach it (serve --host <this computer's address>) and press Set up again.`
        : `This OBS has neither a browser source nor a text source (its input kinds: ${inputKinds.join(', ')}).`,
    );
  }
  if (!browser && !remote && !inputKinds.includes(IMAGE_KIND)) {
    throw new Error('This OBS has no image source, which the QR code and drawing need.');
  }
  if (!browser && !inputKinds.includes(COLOUR_KIND)) {
    throw new Error('This OBS has no colour source, which the bands behind the text need.');
  }
  const warnings: string[] = [];
  if (remote && browser) {
    warnings.push(
      `OBS is on another computer: its browser sources load the overlay pages from ${urlHost(options.overlayBaseUrl)}. That computer must be able to reach this one there (same network, no firewall in between).`,
    );
  }
  if (remote && !browser) {
    warnings.push(
      hasBrowser
        ? `OBS is on another computer, but the overlay pages are served only on this computer's own address, so browser sources there would stay blank. Text sources were used instead, without the QR code and drawings. Start the app so that computer can reach it (serve --host <this computer's address>) and press Set up again for the full overlays.`
        : 'OBS is on another computer and has no browser source, so it cannot show the QR code or drawings: an image source there cannot open files on this computer. Only the text overlays were set up. For the QR code and drawings, use an OBS with browser sources (the official builds).',
    );
  }
  const unavailable =
    remote && !browser
      ? nativeInputs.filter((input) => !nativeInputsFor(true).includes(input))
      : [];

  const planned: Planned[] = browser
    ? browserInputs.map(({ name, element }) => ({
        name,
        element,
        kind: BROWSER_KIND,
        settings: {
          url: overlayUrl(options.overlayBaseUrl, element),
          width: canvas.width,
          height: canvas.height,
        },
        initial: {},
        transform: browserTransform(),
      }))
    : nativeInputsFor(remote).map(({ name, element, role }) => {
        const transform = nativeTransform(role, canvas);
        if (imageRoles.includes(role)) {
          return {
            name,
            element,
            role,
            kind: IMAGE_KIND,
            settings: imageStyle(),
            initial: { file: '' },
            transform,
          };
        }
        if (colourRoles.includes(role)) {
          // The size (and the accent's colour, from the pack's theme) is the sync's to set.
          const accent = panelOf(role)?.accent === role;
          return {
            name,
            element,
            role,
            kind: COLOUR_KIND,
            settings: bandStyle(role),
            initial: {
              width: 1,
              height: 1,
              ...(accent ? { color: hexToObsColour(DEFAULT_ACCENT) } : {}),
            },
            transform,
          };
        }
        return {
          name,
          element,
          role,
          kind: textKind as string,
          settings: textStyle(role, textKind as string, canvas, version.platform),
          initial: { text: '' },
          transform,
        };
      });

  const { scenes } = await obs.call('GetSceneList');
  let scene: SetupReport['scene'] = 'unchanged';
  if (!scenes.some((s) => s.sceneName === OVERLAY_SCENE)) {
    await obs.call('CreateScene', { sceneName: OVERLAY_SCENE });
    scene = 'created';
  }

  const { inputs } = await obs.call('GetInputList', {});
  const existingKinds = new Map(inputs.map((input) => [input.inputName, input.inputKind]));
  const items = await sceneItemIds(obs, OVERLAY_SCENE);

  const reports: SetupInputReport[] = [];
  for (const plan of planned) {
    const existingKind = existingKinds.get(plan.name) as string | undefined;
    const report: SetupInputReport = {
      name: plan.name,
      kind: existingKind ?? plan.kind,
      element: plan.element,
      input: 'unchanged',
      item: 'unchanged',
    };
    let itemId = items.get(plan.name);

    if (existingKind === undefined) {
      const created = await obs.call('CreateInput', {
        sceneName: OVERLAY_SCENE,
        inputName: plan.name,
        inputKind: plan.kind,
        inputSettings: { ...plan.initial, ...plan.settings } as never,
        sceneItemEnabled: false,
      });
      itemId = created.sceneItemId;
      report.input = 'created';
      report.item = 'created';
    } else if (existingKind !== plan.kind) {
      // Changing a kind means deleting and recreating, and deleting is not ours to decide:
      // the operator may have styled it. Keep it and say so.
      report.note = `kept as ${existingKind}; the app would now create ${plan.kind}. Delete it in OBS and press Set up again to switch.`;
    } else {
      const { inputSettings } = await obs.call('GetInputSettings', { inputName: plan.name });
      if (!containsAll(inputSettings, plan.settings)) {
        await obs.call('SetInputSettings', {
          inputName: plan.name,
          inputSettings: plan.settings as never,
          overlay: true,
        });
        report.input = 'updated';
      }
    }

    if (itemId === undefined) {
      const created = await obs.call('CreateSceneItem', {
        sceneName: OVERLAY_SCENE,
        sourceName: plan.name,
        sceneItemEnabled: false,
      });
      itemId = created.sceneItemId;
      report.item = 'created';
    }

    const transform =
      existingKind !== undefined && existingKind !== plan.kind
        ? null
        : report.item === 'created'
          ? plan.transform
          : await transformIfDifferent(
              obs,
              itemId,
              plan.transform,
              plan.role !== undefined && placedBySync(plan.role),
            );
    if (transform) {
      await obs.call('SetSceneItemTransform', {
        sceneName: OVERLAY_SCENE,
        sceneItemId: itemId,
        sceneItemTransform: transform as never,
      });
      if (report.item === 'unchanged') report.item = 'updated';
    }
    reports.push(report);
  }
  if (!browser) await bandsBehindText(obs, reports);
  for (const input of unavailable) {
    reports.push({
      name: input.name,
      kind: IMAGE_KIND,
      element: input.element,
      input: 'unavailable',
      item: 'unavailable',
      note: 'OBS is on another computer: an image source there cannot open files on this computer.',
    });
  }

  return {
    scene,
    mode: browser ? 'browser' : 'native',
    textKind: browser ? null : textKind,
    canvas,
    inputs: reports,
    unchanged:
      scene === 'unchanged' &&
      reports.every(
        (r) =>
          (r.input === 'unchanged' || r.input === 'unavailable') &&
          (r.item === 'unchanged' || r.item === 'unavailable'),
      ),
    warnings,
  };
}

export async function obsCanvas(obs: ObsCaller): Promise<Canvas> {
  const video = await obs.call('GetVideoSettings');
  return { width: video.baseWidth, height: video.baseHeight };
}

/** Source name → scene item id for the items of one scene. */
export async function sceneItemIds(
  obs: ObsCaller,
  sceneName: string,
): Promise<Map<string, number>> {
  const { sceneItems } = await obs.call('GetSceneItemList', { sceneName });
  const ids = new Map<string, number>();
  for (const item of sceneItems) {
    ids.set(String(item.sourceName), Number(item.sceneItemId));
  }
  return ids;
}

/**
 * The transform to send when the item differs from `wanted`, else null. Where the sync places
 * the item (the bands and their lines), its position is the sync's and is left out: the sync
 * sends it again after every setup.
 */
async function transformIfDifferent(
  obs: ObsCaller,
  sceneItemId: number,
  wanted: ItemTransform,
  placedElsewhere: boolean,
): Promise<Partial<ItemTransform> | null> {
  const { sceneItemTransform } = await obs.call('GetSceneItemTransform', {
    sceneName: OVERLAY_SCENE,
    sceneItemId,
  });
  const { positionX: _x, positionY: _y, ...rest } = wanted;
  const compared = placedElsewhere ? rest : wanted;
  return containsAll(sceneItemTransform, compared as unknown as Record<string, unknown>)
    ? null
    : compared;
}

/**
 * Puts each band and accent stripe under the lines of text it belongs to. New items land on
 * top of the scene, so a band added to a scene from an older version would cover its text; and
 * someone may have reordered the scene in OBS. A band found above its text goes to the bottom
 * of the scene, behind everything: it is a background.
 */
async function bandsBehindText(obs: ObsCaller, reports: SetupInputReport[]): Promise<void> {
  const order = await sceneOrder(obs);
  for (const name of bandsInFront(order)) {
    const entry = order.get(name);
    if (!entry) continue;
    await obs.call('SetSceneItemIndex', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: entry.sceneItemId,
      sceneItemIndex: 0,
    });
    const report = reports.find((candidate) => candidate.name === name);
    if (report && report.item === 'unchanged') report.item = 'updated';
  }
}

/** Source name → its item id and its place in our scene (0 is the bottom). */
export async function sceneOrder(
  obs: ObsCaller,
): Promise<Map<string, { sceneItemId: number; index: number }>> {
  const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: OVERLAY_SCENE });
  const order = new Map<string, { sceneItemId: number; index: number }>();
  sceneItems.forEach((item, position) => {
    const index = typeof item.sceneItemIndex === 'number' ? item.sceneItemIndex : position;
    order.set(String(item.sourceName), { sceneItemId: Number(item.sceneItemId), index });
  });
  return order;
}

/** The app's bands and accent stripes that sit above one of their own lines of text. */
export function bandsInFront(order: ReadonlyMap<string, { index: number }>): string[] {
  const nameOf = (role: string) => nativeInputs.find((input) => input.role === role)?.name;
  const inFront: string[] = [];
  for (const panel of panels) {
    const lineIndexes = panel.lines
      .map((role) => order.get(nameOf(role) ?? '')?.index)
      .filter((index): index is number => index !== undefined);
    if (lineIndexes.length === 0) continue;
    const lowestLine = Math.min(...lineIndexes);
    for (const role of [panel.band, panel.accent]) {
      const name = role ? nameOf(role) : undefined;
      const index = name ? order.get(name)?.index : undefined;
      if (name && index !== undefined && index > lowestLine) inFront.push(name);
    }
  }
  return inFront;
}

/** Whether `actual` already has every key of `wanted` (numbers compared to a hair). */
export function containsAll(actual: Record<string, unknown>, wanted: Record<string, unknown>) {
  return Object.entries(wanted).every(([key, value]) => sameValue(actual[key], value));
}

function sameValue(actual: unknown, wanted: unknown): boolean {
  if (typeof wanted === 'number' && typeof actual === 'number') {
    return Math.abs(actual - wanted) < 0.01;
  }
  if (wanted && typeof wanted === 'object' && actual && typeof actual === 'object') {
    return containsAll(actual as Record<string, unknown>, wanted as Record<string, unknown>);
  }
  return actual === wanted;
}

export type AddToScenesResult = {
  scene: string;
  result: 'added' | 'already-there' | 'missing' | 'skipped';
};

/**
 * Puts our scene, as a nested scene source, on top of each program scene the operator picks.
 * Idempotent: a scene that already holds it is left alone. A scene that does not exist is
 * reported, never created.
 */
export async function addToScenes(
  obs: ObsCaller,
  sceneNames: readonly string[],
): Promise<AddToScenesResult[]> {
  const { scenes } = await obs.call('GetSceneList');
  const existing = new Set(scenes.map((s) => String(s.sceneName)));
  const results: AddToScenesResult[] = [];
  for (const scene of sceneNames) {
    if (scene === OVERLAY_SCENE) {
      results.push({ scene, result: 'skipped' });
      continue;
    }
    if (!existing.has(scene)) {
      results.push({ scene, result: 'missing' });
      continue;
    }
    const items = await sceneItemIds(obs, scene);
    if (items.has(OVERLAY_SCENE)) {
      results.push({ scene, result: 'already-there' });
      continue;
    }
    await obs.call('CreateSceneItem', {
      sceneName: scene,
      sourceName: OVERLAY_SCENE,
      sceneItemEnabled: true,
    });
    results.push({ scene, result: 'added' });
  }
  return results;
}

/** True when OBS said "not found" (600), e.g. our scene was deleted by hand. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ObsCallError && error.kind === 'obs' && error.code === 600;
}
