/**
 * Why the kiosk may be on the wrong monitor, or null. On Wayland a window cannot place itself
 * (electron#48301, #40886): the monitor setting and hot-plug moves do nothing. `npm start` and
 * the packaged desktop entry start Electron with `--ozone-platform=x11`; this catches a start
 * without it on a Wayland desktop (a hand-written launcher, `electron .`).
 */
export function waylandWarning(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  ozonePlatform: string,
): string | null {
  if (platform !== 'linux') return null;
  const waylandSession = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  const onWayland = ozonePlatform === 'wayland' || (ozonePlatform !== 'x11' && waylandSession);
  if (!onWayland) return null;
  return (
    'The kiosk window is on Wayland, where it cannot choose its monitor: the monitor setting ' +
    'and moving to a projector plugged in later do nothing. Start the app with ' +
    '--ozone-platform=x11 (npm start and the installed launcher do).'
  );
}
