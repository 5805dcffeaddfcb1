import { OVERLAY_SCENE, nativeInputs, type ObsCaller } from './overlay-elements';
import { panels } from './overlay-panels';
import { sceneOrder } from './scene-reads';

/**
 * Puts each band and accent stripe under the lines of text it belongs to. New items land on
 * top of the scene, so a band added to a scene from an older version would cover its text; and
 * someone may have reordered the scene in OBS. A band found above its text goes to the bottom
 * of the scene, behind everything: it is a background. Answers the names it moved.
 */
export async function moveBandsBehindText(obs: ObsCaller): Promise<string[]> {
  const order = await sceneOrder(obs);
  const moved: string[] = [];
  for (const name of bandsInFront(order)) {
    const entry = order.get(name);
    if (!entry) continue;
    await obs.call('SetSceneItemIndex', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: entry.sceneItemId,
      sceneItemIndex: 0,
    });
    moved.push(name);
  }
  return moved;
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
