import { app } from 'electron';

export type LoginItemResult =
  | { kind: 'set'; openAtLogin: boolean }
  /** Linux has no login items in Electron: `npm run autostart` installs a user service. */
  | { kind: 'not-applicable'; platform: NodeJS.Platform }
  /** Run from source, the OS would start bare Electron at login, not this app. */
  | { kind: 'not-packaged' };

export interface LoginItemOptions {
  /** The `startAtLogin` setting in settings.json; off unless the operator turned it on. */
  startAtLogin: boolean;
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
}

/**
 * Start at login on Windows and macOS, behind the `startAtLogin` setting. Runs on every start
 * and also writes "off", so turning the setting off removes the login item the app made before.
 * Needs a ready app (the shell runs it after `ready`).
 */
export function setupLoginItem(options: LoginItemOptions): LoginItemResult {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((line: string) => console.log(line));
  if (platform !== 'win32' && platform !== 'darwin') {
    if (options.startAtLogin) {
      log(
        'startAtLogin is set, but on Linux the app does not register itself: run `npm run autostart -- install` (docs/install.md).',
      );
    }
    return { kind: 'not-applicable', platform };
  }
  if (!app.isPackaged) {
    if (options.startAtLogin) {
      log('startAtLogin is set, but only the installed app can start at login (docs/install.md).');
    }
    return { kind: 'not-packaged' };
  }
  app.setLoginItemSettings({ openAtLogin: options.startAtLogin });
  if (options.startAtLogin) log('Start at login: on (the app starts when you log in).');
  return { kind: 'set', openAtLogin: options.startAtLogin };
}
