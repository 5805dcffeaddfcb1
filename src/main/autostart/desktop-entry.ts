import { WRITTEN_BY_MARK } from './paths';
import { desktopArg } from './quoting';

/**
 * The XDG autostart entry the desktop session runs at login. It starts the launcher, not the
 * browser: the launcher waits until `serve` answers (no error page at boot) and reads the
 * view token from the data folder then, so this file holds no token and a `--new-tokens`
 * restart does not leave the screen on a dead link.
 */
export function desktopEntryText(launcherArgs: readonly string[]): string {
  return `[Desktop Entry]
# ${WRITTEN_BY_MARK} install. Remove with: npm run autostart -- remove
Type=Application
Name=Solidarity Screens
Comment=Opens the show's screen in kiosk mode once the show is running
Exec=${launcherArgs.map(desktopArg).join(' ')}
Terminal=false
X-GNOME-Autostart-enabled=true
`;
}
