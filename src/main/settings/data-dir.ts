// Where the core keeps what must outlive the process: the show position and the view tokens.
import os from 'node:os';
import path from 'node:path';

/**
 * The kiosk browser's own output (`npm start` without Electron), kept out of the terminal. A
 * log, not the show's state: it grows while the show runs, and the kept first slide's
 * fingerprint leaves it out.
 */
export const KIOSK_BROWSER_LOG = 'kiosk-browser.log';

/**
 * The desktop app's Chromium profile (cache, storage, the single-instance lock). Chromium's,
 * not the show's: it changes while the window is open, and the kept first slide's
 * fingerprint leaves it out.
 */
export const ELECTRON_PROFILE_DIR = 'electron';

/** Overrides the OS default, e.g. a folder on a Pi's data partition or one per test. */
export const DATA_DIR_ENV = 'SOLIDARITY_DATA_DIR';

export interface DataDirEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Relative `--data` and `SOLIDARITY_DATA_DIR` values are read from here. */
  cwd: string;
}

const realEnvironment = (): DataDirEnvironment => ({
  platform: process.platform,
  env: process.env,
  home: os.homedir(),
  cwd: process.cwd(),
});

/**
 * The OS's usual place for an app's own data: `$XDG_DATA_HOME/solidarity-screens` (else
 * `~/.local/share/solidarity-screens`) on Linux and the BSDs,
 * `~/Library/Application Support/Solidarity Screens` on macOS, and
 * `%APPDATA%\Solidarity Screens` on Windows.
 */
export function defaultDataDir(
  environment: Omit<DataDirEnvironment, 'cwd'> = realEnvironment(),
): string {
  const { platform, env, home } = environment;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Solidarity Screens');
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Solidarity Screens');
  }
  // The XDG spec says to ignore a relative XDG_DATA_HOME; it would follow the current folder.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(base, 'solidarity-screens');
}

/** `--data DIR` if given, else `$SOLIDARITY_DATA_DIR`, else the OS default. Always absolute. */
export function resolveDataDir(
  flag: string | null | undefined,
  environment: DataDirEnvironment = realEnvironment(),
): string {
  const paths = environment.platform === 'win32' ? path.win32 : path.posix;
  if (flag) return paths.resolve(environment.cwd, flag);
  const fromEnv = environment.env[DATA_DIR_ENV];
  if (fromEnv) return paths.resolve(environment.cwd, fromEnv);
  return defaultDataDir(environment);
}
