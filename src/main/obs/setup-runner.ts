import { addToScenes, type AddToScenesResult } from './add-to-scenes';
import type { ObsBridge } from './bridge';
import { OVERLAY_SCENE } from './overlay-elements';
import { restoreRenamed } from './overlay-health';
import { setUpOverlays, type SetupReport } from './overlay-scene';
import type { OverlaySync } from './overlay-sync';
import { isNotFound, sceneItemIds } from './scene-reads';

export interface SetupResult {
  setup: SetupReport;
  scenes: AddToScenesResult[];
  /** Sources renamed in OBS that got their names back. */
  renamedBack: string[];
}

export interface SetupRunnerOptions {
  bridge: ObsBridge;
  sync: OverlaySync;
  overlayBaseUrl: () => string;
  /** OBS on another computer. */
  remote: () => boolean;
  log: (message: string) => void;
}

/** Runs "Set up overlays in OBS", and runs it again when OBS comes back without our sources. */
export interface SetupRunner {
  run(addToScenes: readonly string[]): Promise<SetupResult>;
  /** Remembers a setup that succeeded: what it was asked and what it made. */
  succeeded(addToScenes: readonly string[], result: SetupResult): void;
  /** After a reconnect: sets up again when our scene lost sources (an OBS crash). */
  repairAfterRestart(): Promise<void>;
}

export function createSetupRunner(options: SetupRunnerOptions): SetupRunner {
  const { bridge, sync, log } = options;
  /** The last successful setup: what it was asked and what it made, to repair after a crash. */
  let lastSetup: { addToScenes: readonly string[]; inputs: readonly string[] } | null = null;

  // One setup at a time: the button and a repair after a reconnect must not both create the
  // same source (the second would fail with "already exists").
  let setupQueue: Promise<unknown> = Promise.resolve();
  const run = (scenes: readonly string[]): Promise<SetupResult> => {
    const running = setupQueue.then(async () => {
      // Renamed sources first: setup would otherwise make a second one beside the renamed,
      // which would stay on the stream with its old text.
      const renamedBack = await restoreRenamed(bridge, sync.knownItems());
      const setup = await setUpOverlays(bridge, {
        overlayBaseUrl: options.overlayBaseUrl(),
        remote: options.remote(),
      });
      const added = scenes.length > 0 ? await addToScenes(bridge, scenes) : [];
      return { setup, scenes: added, renamedBack };
    });
    setupQueue = running.catch(() => {});
    return running;
  };

  /** Which of the inputs setup made are no longer in our scene ([] when all are there). */
  const missingAfterRestart = async (inputs: readonly string[]): Promise<string[]> => {
    try {
      const present = await sceneItemIds(bridge, OVERLAY_SCENE);
      return inputs.filter((name) => !present.has(name));
    } catch (error) {
      if (isNotFound(error)) return [...inputs];
      throw error;
    }
  };

  return {
    run,
    succeeded(addToScenes, result) {
      lastSetup = { addToScenes, inputs: result.setup.inputs.map((input) => input.name) };
    },
    async repairAfterRestart() {
      // OBS may have restarted, and after a crash it comes back with its last save, which
      // can predate some or all of our sources: put back what is missing before re-applying.
      if (!lastSetup) return;
      const missing = await missingAfterRestart(lastSetup.inputs);
      if (missing.length > 0) {
        log(
          `obs: the overlay scene is incomplete after reconnecting (missing: ${missing.join(', ')}); setting it up again`,
        );
        await run(lastSetup.addToScenes);
      }
    },
  };
}
