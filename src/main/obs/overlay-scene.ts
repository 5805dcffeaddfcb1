import { moveBandsBehindText } from './band-order';
import {
  IMAGE_KIND,
  OVERLAY_SCENE,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';
import type { Canvas } from './overlay-geometry';
import { placedBySync, type ItemTransform } from './overlay-transforms';
import { obsCanvas, sceneItemIds } from './scene-reads';
import { containsAll } from './settings-compare';
import { planSetup } from './setup-plan';

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
  const { browser, textKind, planned, warnings, unavailable } = planSetup({
    inputKinds,
    canvas,
    platform: version.platform,
    overlayBaseUrl: options.overlayBaseUrl,
    preferNative: options.preferNative,
    remote,
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
  if (!browser) {
    for (const name of await moveBandsBehindText(obs)) {
      const report = reports.find((candidate) => candidate.name === name);
      if (report && report.item === 'unchanged') report.item = 'updated';
    }
  }
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
