import path from 'node:path';

export const SERVICE_UNIT = 'solidarity-screens.service';
export const CAGE_UNIT = 'solidarity-screens-kiosk.service';
export const DESKTOP_ENTRY = 'solidarity-screens.desktop';

/** Written into every file install makes: remove deletes a file only if it carries it. */
export const WRITTEN_BY_MARK = 'Written by: npm run autostart';

export interface AutostartFiles {
  serviceUnit: string;
  cageUnit: string;
  desktopEntry: string;
}

/** Where systemd's user manager and the XDG session look, under `home`. */
export function autostartFiles(home: string, env: NodeJS.ProcessEnv = {}): AutostartFiles {
  // The XDG spec ignores a relative XDG_CONFIG_HOME: it would follow the current folder.
  const xdg = env.XDG_CONFIG_HOME;
  const config = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return {
    serviceUnit: path.join(config, 'systemd', 'user', SERVICE_UNIT),
    cageUnit: path.join(config, 'systemd', 'user', CAGE_UNIT),
    desktopEntry: path.join(config, 'autostart', DESKTOP_ENTRY),
  };
}
