import path from 'node:path';
import { app, dialog } from 'electron';
import { banner, bannerTail, listenErrorMessage } from '../core/messages';
import { keepFirstSlideWith } from '../core/kept-slide';
import { startCore, type Core } from '../core/start';
import { listenWithKeptFirstSlide } from '../first-slide/launch';
import { startBehindKeptSlide } from '../first-slide/start-behind';
import type { ServeStartOptions } from '../cli/serve-options';
import { createChildScaler } from '../server/child-scaling';
import { viewUrls } from '../../shared/protocol';
import { ELECTRON_PROFILE_DIR, resolveDataDir } from '../settings/data-dir';
import { DEFAULT_PORT } from '../cli/args';
import { parseShellArgs, type ShellArgs } from './args';
import { safeStoragePasswordStore } from './obs-password';
import { utilityScaleWorker } from './scale-process';
import { registerLockScheme } from './lock-page';
import { loadShellSettings } from './settings';
import { guardAllWebContents, startShell, type Shell } from './shell';
import { claimSingleInstance } from './single-instance';
import { waylandWarning } from './wayland';

export interface AppPaths {
  appRoot: string;
  preloadPath: string;
  rendererDir: string;
  /** The built image scaling child (out/main/scale-worker.js). */
  scaleWorkerPath: string;
  /** The built server-side render of a slide (out/main/first-slide-render.js), to keep the first slide. */
  slideRendererPath: string;
}

export const DEFAULT_APP_PORT = DEFAULT_PORT;

export { ELECTRON_PROFILE_DIR };

/**
 * The Electron app from start to window. One data folder for everything, found the way
 * `serve` finds it (`--data`, else `SOLIDARITY_DATA_DIR`, else the OS default): the core's
 * tokens and show position, settings.json with the PIN, and Electron's own profile.
 *
 * Call it while the entry module evaluates and do not await it there. With an ES-module entry
 * Electron emits `ready` only after the entry has finished evaluating, so an entry that waits
 * for anything that waits for `ready` hangs for good: no window, and no error dialog either
 * (electron#40719; Electron's ESM docs). What Electron needs before `ready` happens
 * synchronously in this call, in this order: the profile path before the single-instance lock
 * (Electron keys the lock on it), the sandbox and the scheme, and the lock before the core, so
 * a second start never tries to bind the port. The rest runs on after the entry is done.
 *
 * Resolves with the shell once the window is up, or undefined when another instance runs or
 * the show could not start (then it has said why and exited with 1). It never rejects.
 */
export function startElectronApp(
  paths: AppPaths,
  argv: readonly string[],
): Promise<Shell | undefined> {
  const args = parseShellArgs(argv);
  const dataDir = resolveDataDir(args.data ?? null);
  app.setPath('userData', path.join(dataDir, ELECTRON_PROFILE_DIR));

  app.enableSandbox();
  registerLockScheme();
  guardAllWebContents();
  // Filled in once the window exists; a second start before that has nothing to focus.
  const running: { shell?: Shell } = {};
  if (!claimSingleInstance(() => running.shell?.focus())) return Promise.resolve(undefined);

  return startShowAndWindow(paths, args, dataDir).then(
    (shell) => (running.shell = shell),
    (error: unknown) =>
      failToStart(
        error instanceof StartError
          ? error.message
          : `The show could not start: ${(error as Error)?.message ?? String(error)}`,
      ),
  );
}

/** A start-up failure whose message is already meant for people. */
class StartError extends Error {}

async function startShowAndWindow(
  paths: AppPaths,
  args: ShellArgs,
  dataDir: string,
): Promise<Shell> {
  const settings = await loadShellSettings(dataDir);
  for (const warning of settings.warnings) console.warn(warning);
  if (settings.pin.kind === 'none') {
    console.warn(
      'No kiosk PIN is set: Ctrl+Shift+Q leaves the kiosk without asking. Before leaving a ' +
        'kiosk alone in public, set a PIN with `npm run set-pin`.',
    );
  }

  const port = args.port ?? DEFAULT_APP_PORT;
  const start: ServeStartOptions = {
    contentDir: path.resolve(args.content ?? builtInContentDir(paths)),
    port,
    host: '127.0.0.1',
    rendererDir: paths.rendererDir,
    dataDir,
    newTokens: args.newTokens,
    merch: args.merch,
  };
  // A restart with nothing changed: the window opens on the slide the last run kept, and the
  // core is loaded once that slide is up (first-slide/; the banner's head is printed now).
  const kept = await listenWithKeptFirstSlide(start, (line) => console.log(line));
  // sharp must not run in Electron's main process (GLib clash on Linux): a child scales,
  // and cleans uploads to the content API.
  const scaler = createChildScaler(utilityScaleWorker(paths.scaleWorkerPath));
  let core: Core | undefined;
  const openWindow = async (url: string, tokens: Core['server']['tokens']): Promise<Shell> => {
    const [kiosk] = viewUrls(url, tokens, ['kiosk']);
    if (!kiosk) throw new Error('the kiosk view is missing from the view table');
    await app.whenReady();
    const wayland = waylandWarning(
      process.platform,
      process.env,
      app.commandLine.getSwitchValue('ozone-platform'),
    );
    if (wayland) console.warn(wayland);
    return startShell({
      kioskUrl: kiosk.url,
      pin: settings.pin,
      preferredDisplayId: settings.settings.display?.monitorId,
      startAtLogin: settings.settings.startAtLogin === true,
      rendererDir: paths.rendererDir,
      preloadPath: paths.preloadPath,
      dev: Boolean(process.env.ELECTRON_RENDERER_URL),
      // Left before the core is up (the PIN, in the kept slide's second): only its server.
      onQuit: async () => {
        try {
          await (core ? core.stop() : kept?.early.close());
        } finally {
          scaler.close();
        }
      },
    });
  };
  const startAppCore = async (): Promise<Core> => {
    try {
      core = await startCore({
        ...(kept ? { early: kept.early, cliControlToken: kept.cliControlToken } : {}),
        keepFirstSlide: keepFirstSlideWith(start, paths.slideRendererPath),
        contentDir: start.contentDir,
        port,
        rendererDir: paths.rendererDir,
        watch: true,
        dataDir,
        newTokens: args.newTokens,
        merchTable: args.merch,
        // The OBS password is kept with safeStorage here; `serve` uses the env or a 0600 file.
        obs: { passwordStore: safeStoragePasswordStore({ dataDir, notice: console.warn }) },
        scaleImage: scaler.scale,
        cleanUpload: scaler.clean,
      });
    } catch (error) {
      scaler.close();
      const known = listenErrorMessage(error, port, '127.0.0.1');
      if (known) throw new StartError(known);
      throw error;
    }
    // The same banner as `serve`: the operator console's link is how the show is run.
    for (const line of kept ? bannerTail(core) : banner(core)) console.log(line);
    return core;
  };
  const started = await startBehindKeptSlide({
    kept,
    open: ({ url, tokens }) => openWindow(url, tokens),
    startCore: startAppCore,
    addressOf: (running) => running.server,
  });
  // The core never comes back null here (it throws), so the window is the one opened.
  return started.window as Shell;
}

/**
 * The built-in pack. Packaged, it ships beside the asar as an extra resource
 * (electron-builder.yml): inside the asar, sharp could not read its images and the watcher
 * could not watch it.
 */
function builtInContentDir(paths: AppPaths): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'content')
    : path.join(paths.appRoot, 'content');
}

/** Says why in the terminal and, once Electron can show one, in a dialog; then exits with 1. */
async function failToStart(message: string): Promise<undefined> {
  console.error(message);
  await app.whenReady();
  dialog.showErrorBox('Solidarity Screens could not start', message);
  app.exit(1);
  return undefined;
}
