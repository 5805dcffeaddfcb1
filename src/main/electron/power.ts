import { app, powerSaveBlocker, type BrowserWindow } from 'electron';

/**
 * Keeps the screen awake while the show is on it, so a projector never dims mid-evening, and
 * lets the machine sleep again once the show is hidden, closed or the app quits.
 */
export function setupPowerSaveBlocker(window: BrowserWindow): { stop(): void } {
  let id: number | undefined;
  const start = () => {
    if (id !== undefined && powerSaveBlocker.isStarted(id)) return;
    id = powerSaveBlocker.start('prevent-display-sleep');
  };
  const stop = () => {
    if (id !== undefined && powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
    id = undefined;
  };
  window.on('show', start);
  window.on('hide', stop);
  window.once('closed', stop);
  app.once('will-quit', stop);
  if (window.isVisible()) start();
  return { stop };
}
