import {
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
  coreText,
  ok,
  type LocalizedText,
} from '../../shared/protocol';
import { systemClock, type Clock } from '../../shared/time';
import type { ObsService } from '../obs';
import { RemoteController, type LanListener } from '../remote/controller';
import { openDeviceStore } from '../remote/devices';
import { lanAddresses as findLanAddresses } from '../remote/lan-address';
import { openOutputRegistry } from '../screens/output-registry';
import { PendingScreens } from '../screens/pending-screens';
import { PlaylistLoops } from '../screens/playlist-loops';
import { ScreensController } from '../screens/screens-controller';
import type { ChangeLead } from '../show/change-lead';
import { showForOutput } from '../../shared/show/output-show';
import {
  startServer,
  type RemoteSockets,
  type RunningServer,
  type ServerOptions,
} from '../server/server';
import { SharedLanListener } from '../server/shared-lan-listener';
import { routeCommand } from './commands';
import type { ShowCore } from './late-show';

export interface ShowServerOptions extends Omit<ServerOptions, 'show' | 'execute' | 'remote'> {
  /** The show, or a stand-in for it until `ready` settles (see `lateShow`). */
  engine: ShowCore;
  /** Where paired phones are kept (`remote-devices.json`); null or left out: in memory only. */
  dataDir?: string | null;
  /**
   * The addresses the phone remote may listen on, best first; this machine's LAN IPv4
   * addresses by default. Tests give a loopback address, so nothing leaves the machine.
   */
  lanAddresses?: () => string[];
  /** Where problems of the core's own files go (a devices file set aside). */
  notice?: (text: LocalizedText) => void;
  /** OBS for operators: the `obs` message and the obs* commands. Left out: they are refused. */
  obs?: ObsService;
  /** [0, 1); for the screens' own shuffled playlists. */
  random?: () => number;
  /** The lead of `showAt`, shared with the show: the screens' own playlists stamp with it. */
  changeLead?: ChangeLead;
}

/** The server with the phone remote the core built for it. */
export interface ShowServer extends RunningServer {
  remote: RemoteController;
  screens: ScreensController;
}

/**
 * The show's side of the server: builds the phone remote (with its paired devices), routes
 * every command to its owner (`core/commands.ts`) and applies the show's rules to them, then
 * starts the server that carries the messages. `startCore` uses it; so do the server's tests.
 */
export async function startShowServer(options: ShowServerOptions): Promise<ShowServer> {
  const { engine } = options;
  const clock = options.clock ?? systemClock;
  const devices = await openDeviceStore(
    options.dataDir ?? null,
    options.notice ?? ((text) => console.error(text.message)),
  );
  // The remote reaches the sockets once the server exists; nothing calls these before then,
  // because only a command or a connection (after listen) can.
  let sockets: RemoteSockets | null = null;
  const listening = (): RemoteSockets => {
    if (!sockets) throw new Error('the server is not listening yet');
    return sockets;
  };
  const lanAddresses = options.lanAddresses ?? (() => findLanAddresses());
  // One LAN listener for the phone remote and the screens: open while either needs it.
  const lan = new SharedLanListener((address, lastPort) =>
    listening().openLanListener(address, lastPort),
  );
  const remote = new RemoteController({
    devices,
    lanAddresses,
    openListener: (address, lastPort) => lan.hold('remote', address, lastPort),
    disconnectAll: (reason) =>
      sockets?.disconnect((c) => c.role === 'remote', CLOSE_REMOTE_OFF, reason),
    disconnectDevice: (deviceId) =>
      sockets?.disconnect(
        (c) => c.deviceId === deviceId,
        CLOSE_UNAUTHORIZED,
        'the operator unpaired it',
      ),
    connectedDevices: () => sockets?.connectedDevices() ?? new Set<string>(),
    safeModeOn: () => engine.state().safeMode,
    clock,
  });
  let showReady = options.ready === undefined;
  options.ready?.then(
    () => (showReady = true),
    () => {},
  );
  const outputs = await openOutputRegistry(
    options.dataDir ?? null,
    options.notice ?? ((text) => console.error(text.message)),
  );
  const screens = new ScreensController({
    registry: outputs,
    pending: new PendingScreens(() => clock.now()),
    safeModeOn: () => engine.state().safeMode,
    choices: () => {
      const { pack, items } = options.store.snapshot();
      return {
        languages: pack.languages,
        playlistIds: items.filter((i) => i.kind === 'playlist').map((i) => i.id),
      };
    },
    pairingUrl: () => {
      const origin = lan.origin();
      return origin ? `${origin}/screen` : null;
    },
    disconnectOutput: (outputId, reason) =>
      sockets?.disconnect((c) => c.outputId === outputId, CLOSE_UNAUTHORIZED, reason),
    onlineOutputs: () => sockets?.connectedOutputs() ?? new Set<string>(),
    onAir: (output) => {
      // Before the pack has loaded nothing is on air (and the show cannot be read yet).
      if (!showReady) return null;
      const shown = showForOutput(engine.state(), output, loops?.play(output.playlist) ?? null);
      return { itemId: shown.itemId, playlistId: shown.playlistId };
    },
    now: () => clock.now(),
  });
  // The show's time, as the main show has it (the machine's clock plus the operator's offset),
  // for the dates and times of day of the screens' own playlists; timers run on the machine's.
  let showClockOffsetMs = 0;
  let safeMode = false;
  const showTime: Clock = {
    now: () => clock.now() + showClockOffsetMs,
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
  let loops: PlaylistLoops | null = null;
  // Made on first use: the pack is read only once it has loaded (sockets wait for it).
  const playlistLoops = (): PlaylistLoops =>
    (loops ??= new PlaylistLoops({
      content: options.store.snapshot(),
      clock: showTime,
      machineClock: clock,
      changeLead: options.changeLead,
      random: options.random ?? Math.random,
      safeMode: () => safeMode,
      changed: () => {
        sockets?.refreshOutputs();
        noticeOnAir();
      },
    }));
  /** What the screens show, as the console last heard it: it hears again when that changes. */
  let onAirKey = '';
  const noticeOnAir = (): void => {
    const key = JSON.stringify(screens.status().outputs.map((o) => [o.id, o.onAir]));
    if (key !== onAirKey) screens.changed();
  };
  /** Which screens are online with which job: their loops change only when that does. */
  let jobsKey = '';
  /** Safe mode turned on the main show: every screen's loop follows before it is shown. */
  const noteSafeMode = (on: boolean): boolean => {
    if (on === safeMode) return false;
    safeMode = on;
    loops?.safeModeMaybeChanged();
    return loops !== null;
  };
  /** The screens online now start their playlists' loops; the others' stop. */
  const followScreens = (): void => {
    const online = sockets?.connectedOutputs() ?? new Set<string>();
    const playing = outputs.list().filter((o) => online.has(o.id));
    if (playing.length === 0 && loops === null) return;
    // A restart into safe mode: the first loop's first order is already the safe one.
    if (loops === null) safeMode = engine.state().safeMode;
    playlistLoops().want(playing.map((o) => o.playlist));
    sockets?.refreshOutputs();
    noticeOnAir();
  };
  const obs = options.obs;
  const server = await startServer({
    ...options,
    show: engine,
    remote,
    screens,
    lanOrigin: () => lan.origin(),
    showForOutput: (outputId, main) => {
      const output = outputs.get(outputId);
      if (!output) return main;
      // Whichever of the show's listeners runs first, no screen sees a sensitive item of
      // its own playlist in a state that says safe mode is on.
      noteSafeMode(main.safeMode);
      return showForOutput(main, output, loops?.play(output.playlist) ?? null);
    },
    execute: (command) =>
      routeCommand(command, {
        show: (c) => engine.execute(c),
        remote: (c) => {
          if (c.name === 'remoteRevoke') return remote.revoke(c.deviceId);
          if (c.on) return remote.enable();
          remote.disable('the operator turned the phone remote off');
          return ok;
        },
        screens: (c) => screens.execute(c),
        obs: obs ? (c) => obs.execute(c) : null,
      }),
  }).catch(async (error: unknown) => {
    await remote.close();
    throw error;
  });
  sockets = server.sockets;
  /**
   * Paired screens reach the show on the LAN listener, whether the phone remote is on or not:
   * it stays open while "Add a screen" is on or any screen is paired. Safe mode closes the
   * pairing, not the paired screens: the show keeps running on them, with safe mode's rules.
   */
  let screensLan: Promise<LanListener | null> | null = null;
  const followScreensLan = (): void => {
    const wanted = screens.isPairing() || outputs.list().length > 0;
    if (wanted && screensLan === null) {
      const address = lanAddresses()[0];
      if (!address) return;
      screensLan = lan.hold('screens', address, null).then(
        (held) => {
          screens.changed();
          return held;
        },
        (error: unknown) => {
          screensLan = null;
          (options.notice ?? ((text) => console.error(text.message)))(
            coreText('remote.cannotListen', { address, detail: (error as Error).message }),
          );
          return null;
        },
      );
    } else if (!wanted && screensLan !== null) {
      const letGo = screensLan;
      screensLan = null;
      void letGo.then((held) => held?.stop());
    }
  };
  followScreensLan();
  const unfollowScreens = screens.subscribe((status) => {
    onAirKey = JSON.stringify(status.outputs.map((o) => [o.id, o.onAir]));
    followScreensLan();
    const jobs = JSON.stringify(status.outputs.map(({ onAir: _onAir, ...job }) => job));
    if (jobs === jobsKey) return;
    jobsKey = jobs;
    followScreens();
  });
  const unfollowContent = options.store.subscribe(() => {
    if (!loops) return;
    loops.setContent(options.store.snapshot());
    sockets?.refreshOutputs();
  });
  // Safe mode protects people: whoever is on the venue's Wi-Fi loses the show at once.
  const unfollowSafeMode = engine.subscribe((show) => {
    showClockOffsetMs = show.clock?.offsetMs ?? 0;
    if (noteSafeMode(show.safeMode)) sockets?.refreshOutputs();
    if (screens.status().outputs.length > 0) noticeOnAir();
    if (show.safeMode && remote.isOn())
      remote.disable('safe mode is on, so the phone remote is off');
    if (show.safeMode && screens.isPairing()) screens.safeModeOn();
  });
  let closing: Promise<void> | null = null;
  return {
    ...server,
    remote,
    screens,
    close: () =>
      (closing ??= (async () => {
        unfollowSafeMode();
        unfollowScreens();
        unfollowContent();
        loops?.stop();
        await remote.close();
        await lan.close();
        await server.close();
      })()),
  };
}
