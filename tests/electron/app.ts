import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { hasGraphicalSession } from '../../src/main/launch/browser';
import { findElectronBinary } from '../../src/main/launch/electron-binary';
import { hashPin } from '../../src/main/electron/pin';
import { builtInPack, repoRoot } from '../helpers/serve';

export const mainEntry = path.join(repoRoot, 'out/main/index.js');
export const lockPageBuilt = path.join(repoRoot, 'out/renderer/views/kiosk-lock/index.html');

/**
 * Why these tests cannot run here, or null. Read from files only: asking `require('electron')`
 * (or letting Playwright do it, which it does without `executablePath`) would start a download
 * of the missing binary.
 */
export function skipReason(): string | null {
  const binary = findElectronBinary();
  if (!binary.ok) return `the Electron binary is not installed (offline install): ${binary.reason}`;
  if (!hasGraphicalSession()) return 'no display to open a window on: run under xvfb-run';
  if (!existsSync(mainEntry)) return `${mainEntry} is missing: run \`npm run build\` first`;
  return null;
}

/** Every test starts with this, so each one carries the reason in the report. */
export function skipWithoutElectron(): void {
  const reason = skipReason();
  test.skip(reason !== null, reason ?? '');
}

export interface RunningApp {
  app: ElectronApplication;
  /** The kiosk window's page. */
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export const TEST_PIN = '2468';

/** The built app on a free port, with a data folder of its own (and a PIN, unless told). */
export async function launchApp(options: { pin?: string | null } = {}): Promise<RunningApp> {
  const binary = findElectronBinary();
  if (!binary.ok) throw new Error(binary.reason);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ss-electron-'));
  const pin = options.pin === undefined ? TEST_PIN : options.pin;
  if (pin !== null) {
    // Cheap parameters: the hash's cost is not what these tests are about.
    const pinHash = await hashPin(pin, { N: 1024, r: 8, p: 1 });
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ kiosk: { pinHash } }));
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    // Always explicit: without it Playwright requires the electron package, which downloads.
    executablePath: binary.path,
    args: [mainEntry, '--data', dataDir, '--port', '0', '--content', builtInPack],
    env: env as Record<string, string>,
    timeout: 30_000,
  });
  const page = await app.firstWindow();
  const close = async () => {
    const child = app.process();
    if (child.exitCode === null && child.signalCode === null) {
      // The kiosk refuses app.quit() (which is what app.close() sends) until unlocked; a
      // signal is the operator's way out, and the shell honours it.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, page, dataDir, close };
}
