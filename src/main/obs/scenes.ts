import type { ObsCaller } from './overlay-elements';

export interface SceneList {
  /** Scene names in the order OBS's Scenes dock shows them, top first. */
  scenes: string[];
  program: string | null;
  /** Null unless studio mode is on. */
  preview: string | null;
  studioMode: boolean;
}

export async function listScenes(obs: ObsCaller): Promise<SceneList> {
  const [list, studio] = await Promise.all([
    obs.call('GetSceneList'),
    obs.call('GetStudioModeEnabled'),
  ]);
  // obs-websocket numbers scenes from the bottom of the dock up.
  const scenes = [...list.scenes]
    .sort((a, b) => Number(b.sceneIndex) - Number(a.sceneIndex))
    .map((scene) => String(scene.sceneName));
  return {
    scenes,
    program: list.currentProgramSceneName ?? null,
    preview: studio.studioModeEnabled ? (list.currentPreviewSceneName ?? null) : null,
    studioMode: studio.studioModeEnabled,
  };
}

export interface SwitchSceneOptions {
  /** In studio mode, cut the program straight away instead of only setting the preview. */
  forceProgram?: boolean;
}

/**
 * Switches scenes the way the person at OBS expects. Without studio mode the program scene
 * changes. In studio mode only the preview changes, and OBS's own Transition button puts it on
 * air: in studio mode someone at OBS checks each scene before it goes live, and the app must not
 * go over their head. `forceProgram` is for an operator who is that person.
 */
export async function switchScene(
  obs: ObsCaller,
  sceneName: string,
  options: SwitchSceneOptions = {},
): Promise<{ switched: 'program' | 'preview' }> {
  const { studioModeEnabled } = await obs.call('GetStudioModeEnabled');
  if (studioModeEnabled && !options.forceProgram) {
    await obs.call('SetCurrentPreviewScene', { sceneName });
    return { switched: 'preview' };
  }
  await obs.call('SetCurrentProgramScene', { sceneName });
  return { switched: 'program' };
}

export interface OutputStatus {
  stream: {
    active: boolean;
    reconnecting: boolean;
    timecode: string;
    skippedFrames: number;
    totalFrames: number;
  };
  record: { active: boolean; paused: boolean; timecode: string };
  /** Frames OBS could not render in time: the machine is overloaded. */
  render: { skippedFrames: number; totalFrames: number };
}

export async function outputStatus(obs: ObsCaller): Promise<OutputStatus> {
  const [stream, record, stats] = await Promise.all([
    obs.call('GetStreamStatus'),
    obs.call('GetRecordStatus'),
    obs.call('GetStats'),
  ]);
  return {
    stream: {
      active: stream.outputActive,
      reconnecting: stream.outputReconnecting,
      timecode: stream.outputTimecode,
      skippedFrames: stream.outputSkippedFrames,
      totalFrames: stream.outputTotalFrames,
    },
    record: {
      active: record.outputActive,
      paused: record.outputPaused,
      timecode: record.outputTimecode,
    },
    render: { skippedFrames: stats.renderSkippedFrames, totalFrames: stats.renderTotalFrames },
  };
}
