import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliCommand } from '../cli/args';
import { banner, listenErrorMessage } from '../cli/serve';
import { startCore, type Core } from '../core';
import { viewUrls } from '../server/views';
import { findElectronBinary, type ElectronLookup } from './electron-binary';
import { findKioskBrowser, hasGraphicalSession, kioskArguments } from './browser';

type ServeCommand = Extract<CliCommand, { command: 'serve' }>;

export const NO_ELECTRON_PARAGRAPH = (reason: string) =>
  `The Electron desktop app is not available on this machine (${reason}). This happens on an ` +
  'offline install, where the Electron binary could not be downloaded. The show runs anyway: ' +
  'the same app is starting headless, and the display opens in a Chromium or Chrome kiosk window ' +
  'if one is installed (close it with Alt+F4; the show keeps running until you press Ctrl+C). ' +
  'To get the desktop app, run `npx install-electron` on a machine with internet access, with Node 22.12 or later.';

export interface LaunchOptions {
  appRoot: string;
  /** The `serve` options, parsed by the same parser as `serve` itself. */
  serve: ServeCommand;
  /** Skip the kiosk browser even when one is installed (`--no-browser`). */
  noBrowser: boolean;
  passThroughArgs: string[];
}

export interface LaunchDeps {
  findElectron: () => ElectronLookup;
  findBrowser: () => string | undefined;
  graphical: () => boolean;
  spawnProcess: (
    command: string,
    args: string[],
  ) => { on(event: 'exit', cb: (code: number | null) => void): void };
  startCore: typeof startCore;
  out: (line: string) => void;
  err: (line: string) => void;
  waitForStop: () => Promise<unknown>;
}

export const realDeps = (): LaunchDeps => ({
  findElectron: () => findElectronBinary(),
  findBrowser: () => findKioskBrowser(),
  graphical: () => hasGraphicalSession(),
  spawnProcess: (command, args) => spawn(command, args, { stdio: 'inherit' }),
  startCore,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
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
  const electron = deps.findElectron();
  if (electron.ok) {
    const child = deps.spawnProcess(electron.path, [options.appRoot, ...options.passThroughArgs]);
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  }

  deps.err(NO_ELECTRON_PARAGRAPH(electron.reason));
  let core: Core;
  try {
    const { serve } = options;
    core = await deps.startCore({
      contentDir: serve.contentDir,
      port: serve.port,
      host: serve.host,
      rendererDir: serve.rendererDir ?? path.join(options.appRoot, 'out/renderer'),
      watch: true,
      dataDir: serve.dataDir,
      newTokens: serve.newTokens,
      merchTable: serve.merch,
      ...(serve.remoteAddress ? { lanAddresses: () => [serve.remoteAddress!] } : {}),
    });
  } catch (error) {
    deps.err(
      listenErrorMessage(error, options.serve.port, options.serve.host) ??
        `Could not start the show: ${(error as Error).message}`,
    );
    return 1;
  }
  for (const line of banner(core)) deps.out(line);

  const [display] = viewUrls(core.server.url, core.server.tokens, ['kiosk']);
  const browser = options.noBrowser ? undefined : deps.findBrowser();
  if (display && browser && deps.graphical()) {
    const profile = mkdtempSync(path.join(tmpdir(), 'solidarity-kiosk-'));
    deps.out(`Opening the display in ${browser} (kiosk mode).`);
    deps.spawnProcess(browser, kioskArguments(display.url, profile));
  } else if (display) {
    deps.out(`No kiosk browser was opened. Open this address in a browser: ${display.url}`);
  }

  await deps.waitForStop();
  await core.stop();
  return 0;
}
