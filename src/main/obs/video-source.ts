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

/** A read of the media cursor, and when OBS made it (clock ms: the middle of the round trip). */
export interface CursorRead {
  cursorMs: number;
  atMs: number;
}

/** How far off its run-on the cursor must move, towards the target, for a seek to have taken. */
export const SEEK_JUMP_MS = 250;
/** How long each seek is given to show in the cursor before it is sent again: short first. */
export const SEEK_WINDOWS_MS = [400, 800, 1_600] as const;
const READ_EVERY_MS = 100;

/**
 * Whether a seek to `targetMs` has taken, from a read before it was sent and one after: the
 * cursor is at the target, or it jumped off where it would have run on to, towards the target
 * (OBS lands on the keyframe before it). A seek OBS dropped leaves the cursor running on; a
 * restart that had not yet happened when the seek came resets it, away from a target ahead.
 */
export function seekTook(before: CursorRead, after: CursorRead, targetMs: number): boolean {
  const elapsed = after.atMs - before.atMs;
  const atTarget =
    after.cursorMs >= targetMs - SEEK_TOLERANCE_MS &&
    after.cursorMs <= targetMs + elapsed + SEEK_TOLERANCE_MS;
  if (atTarget) return true;
  const runOn = before.cursorMs + elapsed;
  const moved = after.cursorMs - runOn;
  return targetMs > runOn ? moved > SEEK_JUMP_MS : moved < -SEEK_JUMP_MS;
}

export interface SeekOptions {
  log?: (message: string) => void;
  /** False once the video was stopped or another one started: the seek gives up. */
  stillWanted?: () => boolean;
}

/**
 * Seeks to the range's start once the file plays. OBS drops a seek that comes while the file
 * is (re)opening, even when its status already says playing: each seek is checked in the
 * cursor and sent again when it did not take, soon at first, then giving a seek far from a
 * keyframe longer to decode up to.
 */
export async function seekToStart(
  bridge: Bridge,
  clock: Clock,
  ms: number,
  { log, stillWanted = () => true }: SeekOptions = {},
): Promise<void> {
  const wait = () =>
    new Promise((resolve) => clock.setTimeout(() => resolve(undefined), READ_EVERY_MS));
  const read = async (): Promise<CursorRead | null> => {
    const sentAt = clock.now();
    const status = await bridge.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
    if (mediaStateOf(status.mediaState) !== 'playing' || status.mediaCursor === null) return null;
    return { cursorMs: status.mediaCursor, atMs: (sentAt + clock.now()) / 2 };
  };
  let before: CursorRead | null = null;
  for (let tries = 0; tries < 50 && stillWanted(); tries++) {
    before = await read();
    if (before) break;
    await wait();
  }
  if (!stillWanted()) return;
  if (!before) {
    log?.(`obs: the video did not start playing, so it was not sent to ${ms} ms`);
    return;
  }
  for (const windowMs of SEEK_WINDOWS_MS) {
    await bridge.call('SetMediaInputCursor', { inputName: VIDEO_INPUT, mediaCursor: ms });
    for (let waited = 0; waited < windowMs; waited += READ_EVERY_MS) {
      await wait();
      if (!stillWanted()) return;
      const after = await read();
      if (after && seekTook(before, after, ms)) return;
    }
    before = (await read()) ?? before;
  }
  log?.(
    `obs: the video did not seek to ${ms} ms (a file with few keyframes seeks to the one before); it plays from where OBS has it`,
  );
}
