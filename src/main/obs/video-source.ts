import type { Clock } from '../../shared/time';
import type { ObsBridge } from './bridge';
import { INPUT_PREFIX, OVERLAY_SCENE } from './overlay-elements';

/*
 * The OBS side of "Play on stream": the media source, where it stands, and the seek to a
 * range's start. The player (video-playback.ts) decides when.
 */

type Bridge = Pick<ObsBridge, 'call'>;

/** The scene a video plays in when it has a scene of its own (the default). */
export const VIDEO_SCENE = 'Solidarity video';
export const VIDEO_INPUT = `${INPUT_PREFIX}Video`;
/** A cursor this close before the range's start counts as there (OBS seeks to a keyframe). */
export const SEEK_TOLERANCE_MS = 250;

export type VideoMediaState = 'opening' | 'playing' | 'paused' | 'ended' | 'stopped' | 'error';

/** OBS's media states, as the console names them. */
export function mediaStateOf(obsState: string): VideoMediaState {
  switch (obsState) {
    case 'OBS_MEDIA_STATE_PLAYING':
      return 'playing';
    case 'OBS_MEDIA_STATE_PAUSED':
      return 'paused';
    case 'OBS_MEDIA_STATE_ENDED':
      return 'ended';
    case 'OBS_MEDIA_STATE_ERROR':
      return 'error';
    case 'OBS_MEDIA_STATE_OPENING':
    case 'OBS_MEDIA_STATE_BUFFERING':
      return 'opening';
    default:
      return 'stopped';
  }
}

/** The media source in `scene`, created once and pointed at this file. */
export async function placeVideoSource(
  bridge: Bridge,
  scene: string,
  file: string,
  looping: boolean,
): Promise<void> {
  // OBS loops at the file's end by itself; a range's end is the poll's (see the player's `loopBack`).
  const settings = {
    local_file: file,
    is_local_file: true,
    restart_on_activate: true,
    close_when_inactive: true,
    looping,
  };
  const { scenes } = await bridge.call('GetSceneList');
  if (!scenes.some((s) => s.sceneName === scene)) {
    await bridge.call('CreateScene', { sceneName: scene });
  }
  const { inputs } = await bridge.call('GetInputList', { inputKind: 'ffmpeg_source' });
  if (inputs.some((input) => input.inputName === VIDEO_INPUT)) {
    await bridge.call('SetInputSettings', { inputName: VIDEO_INPUT, inputSettings: settings });
  } else {
    await bridge.call('CreateInput', {
      sceneName: scene,
      inputName: VIDEO_INPUT,
      inputKind: 'ffmpeg_source',
      inputSettings: settings,
    });
  }
  const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: scene });
  let item = sceneItems.find((i) => i.sourceName === VIDEO_INPUT);
  if (!item) {
    const created = await bridge.call('CreateSceneItem', {
      sceneName: scene,
      sourceName: VIDEO_INPUT,
    });
    item = { sceneItemId: created.sceneItemId, sourceName: VIDEO_INPUT };
  }
  // Below every text source: the subtitles and the lower third stay readable over it.
  await bridge.call('SetSceneItemIndex', {
    sceneName: scene,
    sceneItemId: Number(item.sceneItemId),
    sceneItemIndex: 0,
  });
  await leaveOtherScene(bridge, scene === VIDEO_SCENE ? OVERLAY_SCENE : VIDEO_SCENE, scenes);
  if (scene === VIDEO_SCENE && scenes.some((s) => s.sceneName === OVERLAY_SCENE)) {
    // The subtitles are the overlay's lyrics sources: the overlay scene goes over the video.
    if (!sceneItems.some((i) => i.sourceName === OVERLAY_SCENE)) {
      await bridge.call('CreateSceneItem', { sceneName: scene, sourceName: OVERLAY_SCENE });
    }
  }
}

/**
 * Takes the media source out of the scene the other placement uses: after the operator
 * changes the setting, a film left under the overlays would play in every scene that holds
 * them, the program scene included.
 */
async function leaveOtherScene(
  bridge: Bridge,
  other: string,
  scenes: readonly { sceneName?: unknown }[],
): Promise<void> {
  if (!scenes.some((s) => s.sceneName === other)) return;
  const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: other });
  for (const left of sceneItems.filter((i) => i.sourceName === VIDEO_INPUT)) {
    await bridge.call('RemoveSceneItem', {
      sceneName: other,
      sceneItemId: Number(left.sceneItemId),
    });
  }
}

/**
 * Seeks to the range's start. OBS drops a seek sent while the file is still opening (it
 * then plays from 0), and a seek far from a keyframe takes a while to decode up to: the
 * cursor is read back and the seek sent once more only when it did not take in 2 s.
 */
export async function seekWhenOpen(
  bridge: Bridge,
  clock: Clock,
  ms: number,
  log?: (message: string) => void,
): Promise<void> {
  const wait = () => new Promise((resolve) => clock.setTimeout(() => resolve(undefined), 100));
  const cursor = async () => {
    const status = await bridge.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
    return mediaStateOf(status.mediaState) === 'playing' ? status.mediaCursor : null;
  };
  for (let tries = 0; tries < 50 && (await cursor()) === null; tries++) await wait();
  for (let seeks = 0; seeks < 2; seeks++) {
    await bridge.call('SetMediaInputCursor', { inputName: VIDEO_INPUT, mediaCursor: ms });
    for (let tries = 0; tries < 20; tries++) {
      await wait();
      const at = await cursor();
      if (at !== null && at >= ms - SEEK_TOLERANCE_MS) return;
    }
  }
  log?.(
    `obs: the video did not seek to ${ms} ms (a file with few keyframes seeks to the one before); it plays from where OBS has it`,
  );
}
