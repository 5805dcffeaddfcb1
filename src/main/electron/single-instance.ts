import { app } from 'electron';

/**
 * One show per machine: a second start (a double click on the launcher, an autostart racing
 * a volunteer) must not open a second core on the same port or a second full-screen window.
 * The second instance quits; the first brings its window forward. Electron keys the lock on
 * the userData folder, so call this after `--data` has been applied.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
