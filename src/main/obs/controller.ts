import { ObsBridge, type ObsBridgeOptions, type ObsStatus } from './bridge';
import { checkedDrawingFiles, type CheckedMediaLookup } from './checked-media';
import {
  OBS_PASSWORD_ENV,
  loadObsConfig,
  saveObsSettings,
  type LoadedObsConfig,
  type ObsSettingsUpdate,
  type PasswordStore,
} from './config';
import { BROWSER_KIND, OVERLAY_SCENE } from './overlay-elements';
import { checkOverlayScene, restoreRenamed, type OverlayHealth } from './overlay-health';
import { isLoopbackHost } from './obs-host';
import {
  addToScenes,
  isNotFound,
  sceneItemIds,
  setUpOverlays,
  type AddToScenesResult,
  type SetupReport,
} from './overlay-scene';
import { overlayStateFor, type OverlayState } from './overlay-state';
import type { ContentSnapshot } from '../../shared/content';
import type { Failure, Result, ShowState, Success } from '../../shared/protocol';
import { OverlaySync, type ApplyReport } from './overlay-sync';
import { obsMediaDir } from './qr-png';
import {
  listScenes,
  outputStatus,
  switchScene,
  type OutputStatus,
  type SceneList,
  type SwitchSceneOptions,
} from './scenes';

export interface ObsControllerOptions {
  /** The app's data folder: `obs.json` and the rendered QR codes live here. */
  dataDir: string;
  /**
   * The server's base URL for overlay pages, with the overlay token in its query; a function
   * when the server's port is known only later.
   */
  overlayBaseUrl: string | (() => string);
  /** Where the password is kept instead of `obs.json` (safeStorage in the app). */
  passwordStore?: PasswordStore;
  env?: NodeJS.ProcessEnv;
  /** The pack folder, so drawings reach OBS as absolute paths (needed by `followShow`). */
  contentDir?: string;
  /** The content store's checked media: OBS gets copies of drawings, never the pack's files. */
  media?: CheckedMediaLookup;
  /** A ready bridge (tests), or options for a new one. */
  bridge?: ObsBridge | ObsBridgeOptions;
  /** Diagnostics; never given the password. */
  log?: (message: string) => void;
}

export interface SetupResult {
  setup: SetupReport;
  scenes: AddToScenesResult[];
  /** Sources renamed in OBS that got their names back. */
  renamedBack: string[];
}

/** The configured connection, without the password. */
export interface ObsTarget {
  host: string;
  port: number;
  hasPassword: boolean;
  passwordSource: LoadedObsConfig['passwordSource'];
}

export interface ObsController {
  readonly bridge: ObsBridge;
  status(): ObsStatus;
  /** Null until OBS is configured here. */
  target(): ObsTarget | null;
  onStatus(listener: (status: ObsStatus) => void): () => void;
  /** Loads the settings and connects when OBS was set up here. */
  start(): Promise<{ status: ObsStatus; warnings: string[] }>;
  /** Saves new settings (0600) and reconnects with them. */
  configure(update: ObsSettingsUpdate): Promise<Result<ObsStatus>>;
  /** The "Set up overlays in OBS" button. */
  setUpOverlays(options?: { addToScenes?: readonly string[] }): Promise<Result<SetupResult>>;
  /** What the stream should show; kept and re-applied after every reconnect. */
  setOverlayState(state: OverlayState): Promise<ApplyReport>;
  /** Shows what is on air: `setOverlayState(overlayStateFor(snapshot, show, …))`. */
  followShow(snapshot: ContentSnapshot, show: ShowState): Promise<ApplyReport>;
  overlayState(): OverlayState | null;
  listScenes(): Promise<Result<SceneList>>;
  switchScene(
    name: string,
    options?: SwitchSceneOptions,
  ): Promise<Result<{ switched: 'program' | 'preview' }>>;
  outputStatus(): Promise<Result<OutputStatus>>;
  /**
   * The overlay scene as OBS holds it, compared with what the console says; null while not
   * connected or not yet checked.
   */
  overlayHealth(): OverlayHealth | null;
  onOverlayHealth(listener: (health: OverlayHealth | null) => void): () => void;
  /** Checks the overlay scene now (also done on connect and on OBS's scene and source events). */
  checkOverlays(): Promise<OverlayHealth | null>;
  stop(): Promise<void>;
}

/**
 * OBS's events after which the overlay scene may no longer be what the app made: a scene, a
 * source or an item created, deleted, renamed or reordered, or an item's eye switched in OBS.
 */
export const DRIFT_EVENTS = [
  'SceneCreated',
  'SceneRemoved',
  'SceneNameChanged',
  'InputCreated',
  'InputRemoved',
  'InputNameChanged',
  'SceneItemCreated',
  'SceneItemRemoved',
  'SceneItemEnableStateChanged',
  // A reorder can put a band in front of its text.
  'SceneItemListReindexed',
] as const;

/**
 * The OBS side of the core, as one object the core can own: connection and settings, the
 * overlay scene, the overlay state (re-applied after every reconnect) and scene switching.
 * Every method resolves; failures come back as `{ ok: false, error }` or in a report.
 */
export function createObsController(options: ObsControllerOptions): ObsController {
  const log = options.log ?? (() => {});
  const bridge =
    options.bridge instanceof ObsBridge
      ? options.bridge
      : new ObsBridge({ log, ...(options.bridge ?? {}) });
  let target: ObsTarget | null = null;
  /** OBS on another computer: its image sources cannot open this computer's files. */
  const remote = () => target !== null && !isLoopbackHost(target.host);
  const sync = new OverlaySync(bridge, {
    dataDir: options.dataDir,
    imagesUnreachable: remote,
    drawingFile:
      options.media &&
      checkedDrawingFiles({
        obsDir: obsMediaDir(options.dataDir),
        contentDir: options.contentDir ?? '.',
        media: options.media,
        log,
      }),
  });
  /** The last successful setup: what it was asked and what it made, to repair after a crash. */
  let lastSetup: { addToScenes: readonly string[]; inputs: readonly string[] } | null = null;
  let stopped = false;
  const baseUrl = () =>
    typeof options.overlayBaseUrl === 'function'
      ? options.overlayBaseUrl()
      : options.overlayBaseUrl;
  const load = async () => {
    const loaded = await loadObsConfig(options.dataDir, options.env, options.passwordStore);
    target = loaded.config
      ? {
          host: loaded.config.host,
          port: loaded.config.port,
          hasPassword: Boolean(loaded.config.password),
          passwordSource: loaded.passwordSource,
        }
      : null;
    return loaded;
  };

  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<Success<T> | Failure> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`obs: ${what} failed: ${message}`);
      return { ok: false, error: message };
    }
  };

  // One setup at a time: the button and a repair after a reconnect must not both create the
  // same source (the second would fail with "already exists").
  let setupQueue: Promise<unknown> = Promise.resolve();
  const runSetup = (scenes: readonly string[]): Promise<SetupResult> => {
    const run = setupQueue.then(async () => {
      // Renamed sources first: setup would otherwise make a second one beside the renamed,
      // which would stay on the stream with its old text.
      const renamedBack = await restoreRenamed(bridge, sync.knownItems());
      const setup = await setUpOverlays(bridge, { overlayBaseUrl: baseUrl(), remote: remote() });
      const added = scenes.length > 0 ? await addToScenes(bridge, scenes) : [];
      return { setup, scenes: added, renamedBack };
    });
    setupQueue = run.catch(() => {});
    return run;
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

  let health: OverlayHealth | null = null;
  const healthListeners = new Set<(health: OverlayHealth | null) => void>();
  const setHealth = (next: OverlayHealth | null) => {
    health = next;
    for (const listener of healthListeners) {
      try {
        listener(next);
      } catch (error) {
        log(`obs: an overlay health listener threw: ${String(error)}`);
      }
    }
  };
  /** Whether this OBS has browser sources; read once per connection. */
  let hasBrowser: boolean | null = null;
  const connected = () => bridge.status().state === 'connected';

  // One check at a time; a request during one makes one more after it, so the last word is
  // always from after the last event.
  let checking: Promise<OverlayHealth | null> | null = null;
  let checkAgain = false;
  const checkOnce = async (): Promise<OverlayHealth | null> => {
    if (!connected() || stopped) return null;
    if (hasBrowser === null) {
      const { inputKinds } = await bridge.call('GetInputKindList', { unversioned: false });
      hasBrowser = inputKinds.includes(BROWSER_KIND);
    }
    const browserKind = hasBrowser;
    // After the applies queued so far: it compares OBS with what they left there.
    return sync.whenIdle(() =>
      checkOverlayScene(bridge, {
        remote: remote(),
        hasBrowser: browserKind,
        overlayBaseUrl: baseUrl(),
        wanted: (name, browser) => sync.wanted(name, browser),
        consoleElements: () => sync.applied()?.enabled ?? null,
        knownItems: sync.knownItems(),
        now: () => Date.now(),
      }),
    );
  };
  const checkOverlays = (): Promise<OverlayHealth | null> => {
    if (checking) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      let result: OverlayHealth | null;
      do {
        checkAgain = false;
        try {
          result = await checkOnce();
        } catch (error) {
          log(`obs: checking the overlay scene failed: ${String(error)}`);
          result = health;
        }
        if (!connected() || stopped) result = null;
      } while (checkAgain);
      setHealth(result);
      return result;
    })().finally(() => {
      checking = null;
    });
    return checking;
  };

  /**
   * Applies a state; when it switches an element on or off, or OBS refused part of it, the
   * overlay scene is checked again, so the console's view of OBS follows the toggles.
   */
  const apply = async (state: OverlayState): Promise<ApplyReport> => {
    const before = JSON.stringify(sync.applied()?.enabled ?? null);
    const report = await sync.apply(state);
    if (!report.superseded && (!report.ok || JSON.stringify(state.enabled) !== before)) {
      void checkOverlays();
    }
    return report;
  };

  const unsubscribeEvents = DRIFT_EVENTS.map((event) =>
    bridge.on(event, (payload) => {
      if (event === 'SceneItemEnableStateChanged') {
        const change = payload as {
          sceneName?: unknown;
          sceneItemId?: unknown;
          sceneItemEnabled?: unknown;
        };
        if (change.sceneName !== OVERLAY_SCENE) return;
        sync.noteEnabled(Number(change.sceneItemId), change.sceneItemEnabled === true);
      } else {
        // Where our items are may have changed: look them up again before the next change.
        sync.forget();
      }
      void checkOverlays();
    }),
  );

  const afterConnect = async () => {
    hasBrowser = null;
    // Item ids start again after OBS restarts: an old id may now be someone else's source.
    sync.forgetIds();
    // OBS may have restarted, and after a crash it comes back with its last save, which
    // can predate some or all of our sources: put back what is missing before re-applying.
    if (lastSetup) {
      const missing = await missingAfterRestart(lastSetup.inputs);
      if (missing.length > 0) {
        log(
          `obs: the overlay scene is incomplete after reconnecting (missing: ${missing.join(', ')}); setting it up again`,
        );
        await runSetup(lastSetup.addToScenes);
      }
    }
    const report = await sync.reapply();
    if (!report.ok) log(`obs: re-applying the overlays failed: ${report.errors.join('; ')}`);
    await checkOverlays();
  };

  const unsubscribe = bridge.onStatus((status) => {
    if (status.state !== 'connected') {
      if (health) setHealth(null);
      return;
    }
    if (stopped) return;
    afterConnect().catch((error: unknown) =>
      log(`obs: restoring the overlays after connecting failed: ${String(error)}`),
    );
  });

  return {
    bridge,
    status: () => bridge.status(),
    target: () => target,
    onStatus: (listener) => bridge.onStatus(listener),

    async start() {
      const loaded = await load();
      for (const warning of loaded.warnings) log(`obs: ${warning}`);
      if (!loaded.config) return { status: bridge.status(), warnings: loaded.warnings };
      log(
        `obs: connecting to ${loaded.config.host}:${loaded.config.port} (password from ${loaded.passwordSource})`,
      );
      return { status: await bridge.connect(loaded.config), warnings: loaded.warnings };
    },

    async configure(update) {
      return attempt('saving the OBS settings', async () => {
        await saveObsSettings(options.dataDir, update, options.passwordStore);
        const loaded = await load();
        if (!loaded.config) throw new Error('the OBS settings did not save');
        if (update.password && loaded.passwordSource === 'env') {
          log(
            `obs: the password in ${OBS_PASSWORD_ENV} is used, not the one just saved; unset it to use the saved one`,
          );
        }
        return bridge.connect(loaded.config);
      });
    },

    async setUpOverlays(request = {}) {
      const scenes = request.addToScenes ?? [];
      const result = await attempt('setting up the overlays', () => runSetup(scenes));
      if (result.ok) {
        lastSetup = {
          addToScenes: scenes,
          inputs: result.value.setup.inputs.map((input) => input.name),
        };
        const report = await sync.reapply();
        if (!report.ok) log(`obs: applying the overlays failed: ${report.errors.join('; ')}`);
      }
      await checkOverlays();
      return result;
    },

    setOverlayState: apply,
    followShow: (snapshot, show) => {
      sync.setAccent(snapshot.pack.theme.accent);
      return apply(overlayStateFor(snapshot, show, [], { contentDir: options.contentDir ?? '.' }));
    },
    overlayState: () => sync.current(),
    listScenes: () => attempt('listing scenes', () => listScenes(bridge)),
    switchScene: (name, switchOptions) =>
      attempt(`switching to ${name}`, () => switchScene(bridge, name, switchOptions)),
    outputStatus: () => attempt('reading the stream status', () => outputStatus(bridge)),
    overlayHealth: () => health,
    onOverlayHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    checkOverlays,

    async stop() {
      stopped = true;
      unsubscribe();
      for (const unsubscribeEvent of unsubscribeEvents) unsubscribeEvent();
      healthListeners.clear();
      await bridge.disconnect();
    },
  };
}
