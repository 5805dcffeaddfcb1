import path from 'node:path';
import { ObsBridge, type ObsBridgeOptions, type ObsStatus } from './bridge';
import { checkedDrawingFiles, type CheckedMediaLookup } from './checked-media';
import {
  OBS_PASSWORD_ENV,
  loadObsConfig,
  saveObsSettings,
  type ObsSettingsUpdate,
  type PasswordStore,
} from './config';
import { followDrift } from './drift-events';
import { createHealthWatch } from './health-watch';
import { isRemoteTarget, targetOf, type ObsTarget } from './obs-target';
import type { OverlayHealth } from './overlay-health';
import { overlayStateFor, type OverlayState } from './overlay-state';
import type { ContentSnapshot } from '../../shared/content';
import type { Result, ShowState } from '../../shared/protocol';
import { attemptObsTask, attemptVideoStep, type ObsTask } from './obs-task';
import { readSubtitleCues } from './subtitle-cues';
import type { LyricsText } from '../../shared/overlay/state';
import { systemClock, type Clock } from '../../shared/time';
import { ObsVideoPlayer, type VideoMediaStatus, type VideoPlacement } from './video-playback';
import { mustStopVideo, planVideoOnStream } from './video-request';
import {
  DEFAULT_VIDEO_PLACEMENT,
  loadObsVideoSettings,
  saveObsVideoSettings,
} from './video-settings';
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
import { createSetupRunner, type SetupResult } from './setup-runner';

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
  /** "Play on stream": a scene of its own (switched to and back) or under the overlays. */
  videoPlacement?: VideoPlacement;
  /** The cursor polling's timers (tests). */
  clock?: Clock;
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
  /** "Play on stream": a video item in an OBS media source, its subtitles in the lyrics sources. */
  playVideo(itemId: string): Promise<Result>;
  pauseVideo(): Promise<Result>;
  stopVideo(): Promise<Result>;
  videoStatus(): VideoMediaStatus | null;
  onVideoStatus(listener: (status: VideoMediaStatus | null) => void): () => void;
  /** Where the next video on the stream goes (`obs-video.json`, loaded by `start`). */
  videoPlacement(): VideoPlacement;
  /** Saves the choice; the video playing now stays where it is, the next one goes there. */
  setVideoPlacement(placement: VideoPlacement): Promise<Result>;
  stop(): Promise<void>;
}

/**
 * The OBS side of the core, as one object the core can own: connection and settings, the
 * overlay scene, the overlay state (re-applied after every reconnect) and scene switching.
 * Every method resolves; failures come back as `{ ok: false, error }` or in a report.
 */
const isLive = (status: VideoMediaStatus) =>
  status.state === 'opening' || status.state === 'playing' || status.state === 'paused';

export function createObsController(options: ObsControllerOptions): ObsController {
  const log = options.log ?? (() => {});
  const bridge =
    options.bridge instanceof ObsBridge
      ? options.bridge
      : new ObsBridge({ log, ...(options.bridge ?? {}) });
  let target: ObsTarget | null = null;
  const remote = () => isRemoteTarget(target);
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
  let stopped = false;
  const baseUrl = () =>
    typeof options.overlayBaseUrl === 'function'
      ? options.overlayBaseUrl()
      : options.overlayBaseUrl;
  const load = async () => {
    const loaded = await loadObsConfig(options.dataDir, options.env, options.passwordStore);
    target = targetOf(loaded);
    return loaded;
  };

  const attempt = <T>(task: ObsTask, run: () => Promise<T>, params: Record<string, string> = {}) =>
    attemptObsTask(log, task, run, params);

  const setups = createSetupRunner({ bridge, sync, overlayBaseUrl: baseUrl, remote, log });
  const health = createHealthWatch({
    bridge,
    sync,
    remote,
    overlayBaseUrl: baseUrl,
    stopped: () => stopped,
    log,
  });
  const checkOverlays = health.check;

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

  const unsubscribeEvents = followDrift(bridge, sync, checkOverlays);

  // What the show last had on air: "Play on stream" plans from it, subtitles re-apply with it.
  let lastSnapshot: ContentSnapshot | null = null;
  let lastShow: ShowState | null = null;
  /** The video's subtitle line in the lyrics sources; undefined: the show's lyrics decide. */
  let subtitles: LyricsText | undefined;
  const showState = (): OverlayState | null => {
    if (!lastSnapshot || !lastShow) return null;
    return overlayStateFor(lastSnapshot, lastShow, [], {
      contentDir: options.contentDir ?? '.',
      ...(subtitles !== undefined ? { lyrics: subtitles } : {}),
    });
  };
  let videoPlacement: VideoPlacement = options.videoPlacement ?? DEFAULT_VIDEO_PLACEMENT;
  const video = new ObsVideoPlayer({
    bridge,
    clock: options.clock ?? systemClock,
    placement: () => videoPlacement,
    log,
    showSubtitles: (text) => {
      subtitles = text ?? undefined;
      const state = showState();
      return state ? apply(state) : Promise.resolve();
    },
  });

  const readCues = (packPath: string | undefined) =>
    readSubtitleCues(options.contentDir ?? '.', packPath, log);
  const videoStep = (run: () => Promise<void>) => attemptVideoStep(log, run);

  const afterConnect = async () => {
    health.connected();
    // Item ids start again after OBS restarts: an old id may now be someone else's source.
    sync.forgetIds();
    await setups.repairAfterRestart();
    const report = await sync.reapply();
    if (!report.ok) log(`obs: re-applying the overlays failed: ${report.errors.join('; ')}`);
    await checkOverlays();
  };

  const unsubscribe = bridge.onStatus((status) => {
    if (status.state !== 'connected') {
      health.disconnected();
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
      if (!options.videoPlacement) {
        const videoSettings = await loadObsVideoSettings(options.dataDir);
        for (const warning of videoSettings.warnings) log(`obs: ${warning}`);
        videoPlacement = videoSettings.settings.placement;
      }
      const loaded = await load();
      for (const warning of loaded.warnings) log(`obs: ${warning}`);
      if (!loaded.config) return { status: bridge.status(), warnings: loaded.warnings };
      log(
        `obs: connecting to ${loaded.config.host}:${loaded.config.port} (password from ${loaded.passwordSource})`,
      );
      return { status: await bridge.connect(loaded.config), warnings: loaded.warnings };
    },

    async configure(update) {
      return attempt('save', async () => {
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
      const result = await attempt('setup', () => setups.run(scenes));
      if (result.ok) {
        setups.succeeded(scenes, result.value);
        const report = await sync.reapply();
        if (!report.ok) log(`obs: applying the overlays failed: ${report.errors.join('; ')}`);
      }
      await checkOverlays();
      return result;
    },

    setOverlayState: apply,
    followShow: (snapshot, show) => {
      sync.setAccent(snapshot.pack.theme.accent);
      lastSnapshot = snapshot;
      lastShow = show;
      const playing = video.status();
      if (playing && isLive(playing) && mustStopVideo(snapshot, show, playing.itemId)) {
        // Safe mode or blackout takes the video off the stream at once, subtitles and all.
        void video.stop();
      }
      return apply(
        showState() ??
          overlayStateFor(snapshot, show, [], { contentDir: options.contentDir ?? '.' }),
      );
    },
    overlayState: () => sync.current(),
    listScenes: () => attempt('listScenes', () => listScenes(bridge)),
    switchScene: (name, switchOptions) =>
      attempt('switchScene', () => switchScene(bridge, name, switchOptions), { scene: name }),
    outputStatus: () => attempt('outputStatus', () => outputStatus(bridge)),
    overlayHealth: () => health.current(),
    onOverlayHealth: (listener) => health.onChange(listener),
    checkOverlays,

    async playVideo(itemId) {
      const planned = planVideoOnStream(lastSnapshot, lastShow, itemId);
      if (!planned.ok) return { ok: false, error: planned.error };
      const { plan } = planned;
      const [main, sub] = await Promise.all([
        readCues(plan.subtitles.main ? plan.item.subtitles?.[plan.subtitles.main] : undefined),
        readCues(plan.subtitles.sub ? plan.item.subtitles?.[plan.subtitles.sub] : undefined),
      ]);
      return videoStep(() =>
        video.play({
          itemId,
          file: path.resolve(options.contentDir ?? '.', plan.item.file),
          startMs: plan.startMs,
          endMs: plan.endMs,
          muted: plan.muted,
          loop: plan.loop,
          tracks: { main, sub },
        }),
      );
    },
    pauseVideo: () => videoStep(() => video.pause()),
    stopVideo: () => videoStep(() => video.stop()),
    videoStatus: () => video.status(),
    videoPlacement: () => videoPlacement,
    async setVideoPlacement(placement) {
      const saved = await attempt('save', () =>
        saveObsVideoSettings(options.dataDir, { placement }),
      );
      if (!saved.ok) return saved;
      videoPlacement = placement;
      return { ok: true, value: undefined };
    },
    onVideoStatus: (listener) => video.onStatus(listener),

    async stop() {
      stopped = true;
      await video.stop().catch(() => {});
      video.dispose();
      unsubscribe();
      for (const unsubscribeEvent of unsubscribeEvents) unsubscribeEvent();
      health.stop();
      await bridge.disconnect();
    },
  };
}
