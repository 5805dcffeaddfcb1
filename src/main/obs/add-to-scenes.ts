import { OVERLAY_SCENE, type ObsCaller } from './overlay-elements';
import { sceneItemIds } from './scene-reads';

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
