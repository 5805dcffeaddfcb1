import type { ObsInfo, ObsSetupReportInfo, ObsStatusInfo } from '../../shared/protocol';
import { systemClock, type Clock } from '../../shared/time';
import type { ObsCommand } from '../core/commands';
import { coreText, fail, ok, type Result } from '../../shared/protocol';
import type { ObsStatus } from './bridge';
import { ENV_PASSWORD_REFUSED, ENV_PASSWORD_WINS } from './config';
import type { ObsController } from './controller';
import type { SetupResult } from './setup-runner';

/** OBS as the server offers it to operators: one `obs` message, its commands, and polling. */
export interface ObsService {
  info(): ObsInfo;
  /** Called with the new info whenever any part of it changes. */
  subscribe(listener: (info: ObsInfo) => void): () => void;
  execute(command: ObsCommand): Promise<Result>;
  /** How many operators are connected: the stream status is polled only while one is. */
  setOperatorCount(count: number): void;
  stop(): void;
}

export interface ObsServiceOptions {
  controller: ObsController;
  /** How often the scenes and the stream and record status are read while it matters. */
  pollMs?: number;
  clock?: Clock;
}

/** The OBS events after which the scene list or the outputs are read again at once. */
const REFRESH_EVENTS = [
  'CurrentProgramSceneChanged',
  'CurrentPreviewSceneChanged',
  'StudioModeStateChanged',
  'SceneListChanged',
  'SceneNameChanged',
  'StreamStateChanged',
  'RecordStateChanged',
] as const;

export function statusInfo(status: ObsStatus, controller: ObsController): ObsStatusInfo {
  const target = controller.target();
  const passwordFromEnv = target?.passwordSource === 'env';
  return {
    state: status.state,
    // The bridge's "save it here" would send the operator in a circle: the variable wins.
    message:
      status.state === 'auth-failed' && passwordFromEnv ? ENV_PASSWORD_REFUSED : status.message,
    obsVersion: status.state === 'connected' ? status.obsVersion : null,
    obsWebSocketVersion: status.state === 'connected' ? status.obsWebSocketVersion : null,
    host: target?.host ?? null,
    port: target?.port ?? null,
    hasPassword: target?.hasPassword ?? false,
    passwordFromEnv,
  };
}

export function setupReportInfo(at: number, result: Result<SetupResult>): ObsSetupReportInfo {
  if (!result.ok) {
    return {
      at,
      ok: false,
      error: result.error.message,
      scene: null,
      mode: null,
      inputs: [],
      scenes: [],
      warnings: [],
    };
  }
  const { setup, scenes, renamedBack } = result.value;
  return {
    at,
    ok: true,
    error: null,
    scene: setup.scene,
    mode: setup.mode,
    inputs: setup.inputs.map(({ name, input, item }) => ({ name, input, item })),
    scenes: scenes.map(({ scene, result: outcome }) => ({ scene, result: outcome })),
    warnings: [
      ...renamedBack.map((name) => `"${name}" had been renamed in OBS; it has its name back.`),
      ...setup.warnings,
    ],
  };
}

export function createObsService(options: ObsServiceOptions): ObsService {
  const { controller } = options;
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 2_000;
  const listeners = new Set<(info: ObsInfo) => void>();
  let info: ObsInfo = {
    status: statusInfo(controller.status(), controller),
    scenes: null,
    outputs: null,
    setup: null,
    overlay: controller.overlayHealth(),
    videoPlacement: controller.videoPlacement(),
  };
  let operators = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  let refreshing: Promise<void> | null = null;
  let again = false;

  const emit = (update: ObsInfo) => {
    // Loaded by the controller's start, after this service began: read at every change.
    const next = { ...update, videoPlacement: controller.videoPlacement() };
    if (JSON.stringify(next) === JSON.stringify(info)) return;
    info = next;
    for (const listener of listeners) listener(info);
  };
  const connected = () => controller.status().state === 'connected';

  /** Reads the scenes and outputs once; calls during a read make one more read after it. */
  const refresh = (): Promise<void> => {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        if (!connected() || stopped) break;
        // The overlay check catches what no event reports (obs-websocket 5.1 has none for
        // settings edited in OBS); its result arrives through onOverlayHealth.
        const [scenes, outputs] = await Promise.all([
          controller.listScenes(),
          controller.outputStatus(),
          controller.checkOverlays(),
        ]);
        if (!connected() || stopped) break;
        emit({
          ...info,
          scenes: scenes.ok ? scenes.value : info.scenes,
          outputs: outputs.ok
            ? {
                stream: {
                  active: outputs.value.stream.active,
                  reconnecting: outputs.value.stream.reconnecting,
                  timecode: outputs.value.stream.timecode,
                  droppedFrames: outputs.value.stream.skippedFrames,
                  totalFrames: outputs.value.stream.totalFrames,
                },
                record: outputs.value.record,
              }
            : info.outputs,
        });
      } while (again);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const updatePolling = () => {
    const wanted = !stopped && operators > 0 && connected();
    if (wanted && !timer) {
      timer = setInterval(() => void refresh(), pollMs);
      timer.unref?.();
      void refresh();
    } else if (!wanted && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  const unsubscribeStatus = controller.onStatus((status) => {
    const live = status.state === 'connected';
    emit({
      ...info,
      status: statusInfo(status, controller),
      scenes: live ? info.scenes : null,
      outputs: live ? info.outputs : null,
    });
    updatePolling();
    if (live) void refresh();
  });
  const unsubscribeHealth = controller.onOverlayHealth((overlay) => emit({ ...info, overlay }));
  // The media state and cursor, as OBS reports them while the video's cursor is polled.
  const unsubscribeVideo = controller.onVideoStatus((video) => emit({ ...info, video }));
  const unsubscribeEvents = REFRESH_EVENTS.map((event) =>
    controller.bridge.on(event, () => void refresh()),
  );

  return {
    info: () => info,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async execute(command) {
      switch (command.name) {
        case 'obsConfigure': {
          const result = await controller.configure({
            host: command.host,
            port: command.port,
            ...(command.password !== undefined ? { password: command.password } : {}),
          });
          // The target changed even if connecting did not work.
          emit({ ...info, status: statusInfo(controller.status(), controller) });
          if (!result.ok) return fail(result.error);
          if (command.password && controller.target()?.passwordSource === 'env') {
            return fail(ENV_PASSWORD_WINS);
          }
          return result.value.state === 'connected'
            ? ok
            : fail(
                coreText('obs.notConnected', {
                  detail: statusInfo(result.value, controller).message,
                }),
              );
        }
        case 'obsSetup': {
          const result = await controller.setUpOverlays({ addToScenes: command.addToScenes });
          emit({ ...info, setup: setupReportInfo(clock.now(), result) });
          await refresh();
          return result.ok ? ok : fail(result.error);
        }
        case 'obsSwitchScene': {
          const result = await controller.switchScene(command.scene);
          await refresh();
          return result.ok ? ok : fail(result.error);
        }
        case 'obsVideoPlay':
          return controller.playVideo(command.itemId);
        case 'obsVideoPause':
          return controller.pauseVideo();
        case 'obsVideoStop':
          return controller.stopVideo();
        case 'obsVideoPlacement': {
          const result = await controller.setVideoPlacement(command.placement);
          emit(info);
          return result.ok ? ok : fail(result.error);
        }
      }
    },
    setOperatorCount(count) {
      operators = count;
      updatePolling();
    },
    stop() {
      stopped = true;
      unsubscribeStatus();
      unsubscribeHealth();
      unsubscribeVideo();
      for (const unsubscribe of unsubscribeEvents) unsubscribe();
      updatePolling();
      listeners.clear();
    },
  };
}
