import { ObsCallError } from './bridge';
import { OVERLAY_SCENE, type ObsCaller } from './overlay-elements';
import type { Canvas } from './overlay-geometry';

// Plain reads of what OBS holds, shared by setup, the health check and the controller.

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

/** True when OBS said "not found" (600), e.g. our scene was deleted by hand. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ObsCallError && error.kind === 'obs' && error.code === 600;
}
