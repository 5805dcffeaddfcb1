import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { constants, homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { CliCommand } from '../cli/args';
import { serveStartOptions } from '../cli/serve-options';
import type { startCore } from '../core/start';
import { listenWithKeptFirstSlide, type KeptStart } from '../first-slide/launch';
import { startBehindKeptSlide } from '../first-slide/start-behind';
import { viewUrls } from '../../shared/protocol/views';
import { KIOSK_BROWSER_LOG, type DataDirEnvironment } from '../settings/data-dir';
import { findElectronBinary, type ElectronLookup } from './electron-binary';
import { findKioskBrowser, hasGraphicalSession, kioskArguments } from './browser';
import { keepKioskOpen, type KioskProcess } from './kiosk-keeper';

type ServeCommand = Extract<CliCommand, { command: 'serve' }>;

export const NO_ELECTRON_PARAGRAPH = (reason: string) =>
  `The Electron desktop app is not available on this machine (${reason}). This happens on an ` +
  'offline install, where the Electron binary could not be downloaded. The show runs anyway: ' +
  'the same app is starting headless, and the display opens in a Chromium or Chrome kiosk window ' +
  'if one is installed. That window has no PIN lock (the kiosk PIN applies to the desktop app ' +
  'only): Alt+F4 closes it, and it reopens while the show runs; Ctrl+C stops the show. ' +
  'To get the desktop app, run `npx install-electron` on a machine with internet access, with Node 22.12 or later.';

/** An Electron that ends this soon after its start never showed the show: fall back. */
export const EARLY_EXIT_MS = 15_000;

export const ELECTRON_FAILED_PARAGRAPH = (how: string) =>
  `The Electron desktop app stopped right after it started (${how}). On Ubuntu 23.10 and ` +
  'later this is usually AppArmor, which stops an unpackaged Electron from using user ' +
  'namespaces for its sandbox ("The SUID sandbox helper binary was found, but is not ' +
  'configured correctly"). Use the packaged app, or give this Electron binary an AppArmor ' +
  'profile that allows userns (docs/operator-guide.md); do not turn the sandbox off. The ' +
  'show runs anyway: the same app is starting headless, and the display opens in a Chromium ' +
  'or Chrome kiosk window if one is installed.';

/**
 * Chromium switches for Electron on this platform. On Linux, Electron 38 and later pick
 * Wayland by themselves, where a window cannot choose its monitor (electron#48301): the kiosk
 * would ignore the monitor setting and hot-plugs. X11 (XWayland on a Wayland desktop) can.
 */
export function electronSwitches(platform: NodeJS.Platform): string[] {
  return platform === 'linux' ? ['--ozone-platform=x11'] : [];
}

/** How a process ended, as a shell reports it: the code, or 128 + the signal's number. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return 128 + (constants.signals[signal] ?? 0);
  return code ?? 0;
}

/**
 * Chromium, Chrome and Electron all refuse to start as root unless their sandbox is turned off,
 * and the show must not turn it off: the window shows pack files anyone may have edited.
 */
export const ROOT_PARAGRAPH =
  'The show is running as root (administrator), for example through sudo. Chromium, Chrome ' +
  'and the Electron desktop app refuse to start as root unless their sandbox is turned off, ' +
  'and the show does not turn it off, so no window was opened. The show runs headless. ' +
  'Run `npm start` as a normal user (without sudo): the show needs no administrator rights.';

/** What the operator's console says when the venue screen is a browser kiosk. */
export const BROWSER_KIOSK_NOTICE =
  'The venue screen is a Chromium kiosk window, not the desktop app, so it has no PIN lock: ' +
  'the kiosk PIN (npm run set-pin) applies to the desktop app only. Alt+F4 closes the window; ' +
  'it reopens within a second while the show runs. Keep the keyboard of the show computer out ' +
  'of reach of the public.';

export interface LaunchOptions {
  appRoot: string;
  /** The `serve` options, parsed by the same parser as `serve` itself. */
  serve: ServeCommand;
  /** Skip the kiosk browser even when one is installed (`--no-browser`). */
  noBrowser: boolean;
  passThroughArgs: string[];
  /** process.platform, except in tests. */
  platform?: NodeJS.Platform;
}

export interface LaunchDeps {
  findElectron: () => ElectronLookup;
  findBrowser: () => string | undefined;
  graphical: () => boolean;
  /**
   * Starts a program; with `logFile`, its output is appended there instead of this terminal
   * (the kiosk browser's dbus and GPU chatter would bury the app's own lines).
   */
  spawnProcess: (command: string, args: string[], logFile?: string) => KioskProcess;
  /** Starts the core (loaded only when it is called: a kept first slide goes up before). */
  startCore: typeof startCore;
  /** Listens with the slide the last run kept, when this start may (`first-slide/launch.ts`). */
  listenKept: typeof listenWithKeptFirstSlide;
  /** Where `--data`, `SOLIDARITY_DATA_DIR` and the OS default are read from. */
  dataDirEnvironment: () => DataDirEnvironment;
  out: (line: string) => void;
  err: (line: string) => void;
  waitForStop: () => Promise<unknown>;
  /** Date.now, except in tests. */
  now?: () => number;
  /** Whether this process runs as root on Linux (false elsewhere, and in tests). */
  runningAsRoot?: () => boolean;
}

export const realDeps = (): LaunchDeps => ({
  findElectron: () => findElectronBinary(),
  findBrowser: () => findKioskBrowser(),
  graphical: () => hasGraphicalSession(),
  spawnProcess: (command, args, logFile) => {
    if (logFile === undefined) return spawn(command, args, { stdio: 'inherit' });
    const log = openSync(logFile, 'a', 0o600);
    try {
      return spawn(command, args, { stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
  },
  startCore: async (options) => (await import('../core/start')).startCore(options),
  listenKept: listenWithKeptFirstSlide,
  dataDirEnvironment: () => ({
    platform: process.platform,
    env: process.env,
    home: homedir(),
    cwd: process.cwd(),
  }),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // Chromium's refusal of root is its Linux sandbox's (the zygote); elsewhere it is not asked.
  runningAsRoot: () => process.platform === 'linux' && process.getuid?.() === 0,
  waitForStop: () =>
    new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
});

/**
 * `npm start`: the Electron app when its binary is there; otherwise the headless core plus a
 * kiosk browser, or the URL to open. Returns the exit code.
 */
export async function launch(options: LaunchOptions, deps: LaunchDeps): Promise<number> {
  // As root no window can open (ROOT_PARAGRAPH): say so once, and serve headless.
  const asRoot = deps.runningAsRoot?.() ?? false;
  const electron = asRoot ? null : deps.findElectron();
  if (!electron) {
    deps.err(ROOT_PARAGRAPH);
  } else if (electron.ok) {
    const ran = await runElectron(electron.path, options, deps);
    if (ran.status === 0 || !ran.early) return ran.status;
    deps.err(ELECTRON_FAILED_PARAGRAPH(ran.how));
  } else {
    deps.err(NO_ELECTRON_PARAGRAPH(electron.reason));
  }

  const browser = options.noBrowser || asRoot || !deps.graphical() ? undefined : deps.findBrowser();
  const start = {
    ...serveStartOptions(options.serve, {
      rendererDir: path.join(options.appRoot, 'out/renderer'),
      environment: deps.dataDirEnvironment(),
    }),
    notices: browser ? [BROWSER_KIOSK_NOTICE] : [],
    // Built beside the launcher (electron.vite.config.ts): the core keeps the next start's slide.
    slideRendererFile: path.join(options.appRoot, 'out/main/first-slide-render.js'),
  };
  // A restart with nothing changed puts the kept slide up before the core is loaded: the kiosk
  // window opens on it at once, and the core waits for its picture (or a browser's slow start).
  const kept = await deps.listenKept(start, deps.out, (deps.now ?? Date.now)());
  const openKiosk = (url: string, tokens: KeptStart['tokens']): KioskWindow | null => {
    const [kioskView] = viewUrls(url, tokens, ['kiosk']);
    if (kioskView && browser) return openKioskWindow(browser, kioskView.url, start.dataDir, deps);
    if (kioskView) {
      deps.out(`No kiosk browser was opened. Open this address in a browser: ${kioskView.url}`);
    }
    return null;
  };
  const { core, window: kiosk } = await startBehindKeptSlide({
    kept,
    open: ({ url, tokens }) => openKiosk(url, tokens),
    // Through `serve`'s own start, so the data folder (tokens, position, safe mode) and the
    // banner are the ones `npm run serve` and the desktop app use.
    startCore: async () =>
      (await import('../cli/serve')).startServe(
        { ...start, kept },
        { out: deps.out, err: deps.err },
        deps.startCore,
      ),
    addressOf: (running) => running.server,
  });
  if (!core) {
    await kiosk?.close();
    return 1;
  }

  await deps.waitForStop();
  await kiosk?.close();
  await core.stop();
  return 0;
}

interface KioskWindow {
  /** Closes the window for good and removes its profile. */
  close(): Promise<void>;
}

/**
 * The kiosk browser on a fresh profile of its own, kept open while the show runs. The
 * profile (its cache, and the kiosk address with its token in its history) goes with it.
 */
function openKioskWindow(
  browser: string,
  url: string,
  dataDir: string | null,
  deps: LaunchDeps,
): KioskWindow {
  const profile = mkdtempSync(path.join(tmpdir(), 'solidarity-kiosk-'));
  const logFile = path.join(dataDir ?? profile, KIOSK_BROWSER_LOG);
  deps.out(`Opening the display in ${browser} (kiosk mode). Its own log: ${logFile}`);
  const keeper = keepKioskOpen({
    spawn: () => deps.spawnProcess(browser, kioskArguments(url, profile), logFile),
    out: deps.out,
    err: deps.err,
    logFile,
  });
  return {
    async close() {
      await keeper.stop();
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * Runs the Electron app until it ends. A signal or a non-zero code is a failure, reported as
 * a shell would (128 + signal): a service manager's restart-on-failure must see it.
 */
async function runElectron(
  binary: string,
  options: LaunchOptions,
  deps: LaunchDeps,
): Promise<{ status: number; early: boolean; how: string }> {
  const now = deps.now ?? Date.now;
  const started = now();
  const args = [
    ...electronSwitches(options.platform ?? process.platform),
    options.appRoot,
    ...options.passThroughArgs,
  ];
  const child = deps.spawnProcess(binary, args);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal ?? null])),
  );
  return {
    status: exitStatus(code, signal),
    early: now() - started < EARLY_EXIT_MS,
    how: signal ? `killed by ${signal}` : `exit code ${code}`,
  };
}
