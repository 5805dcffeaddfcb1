import { BrowserWindow, Menu, app, ipcMain, powerMonitor, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IpcChannel, type UnlockResult } from '../../preload/channels';
import { classifyKey } from './keys';
import { LOCK_ORIGIN } from './lock-page';
import { verifyPin } from './pin';
import { guardWebContents, originOf, secureWebPreferences } from './security';
import type { PinState } from './settings';
import { UnlockLimiter } from './unlock-limiter';

/** The prompt's only message. Anything else (an object, a long string) is not a PIN attempt. */
export const unlockPayloadSchema = z.strictObject({ pin: z.string().max(64) });

/** A prompt left open by someone who walked away must not cover the show for the evening. */
export const PROMPT_IDLE_MS = 60_000;

export interface KioskLockOptions {
  /** The kiosk window: it can only be closed once unlocked. */
  window: BrowserWindow;
  pin: PinState;
  /** The PIN prompt page (`app://kiosk-lock/`). */
  promptUrl: string;
  preloadPath: string;
  /** Leaves the kiosk for good: the shell quits the app. */
  onUnlock: () => void;
  platform?: NodeJS.Platform;
  now?: () => number;
  log?: (line: string) => void;
}

export interface KioskLock {
  isUnlocked(): boolean;
  /** Lets the app quit without a PIN, for someone who already has the machine (a signal). */
  allowQuit(reason: string): void;
  /** What Ctrl+Shift+Q does. */
  requestExit(): void;
  prompt(): BrowserWindow | null;
  dispose(): void;
}

/**
 * Kiosk mode that cannot be left without the PIN: the window refuses to close, the keys that
 * close, quit or reload are swallowed, the app refuses to quit, and Ctrl+Shift+Q opens a small
 * PIN prompt. Five wrong PINs lock the prompt for a minute.
 *
 * With no PIN set, Ctrl+Shift+Q quits at once (and the start-up log says so): a fresh
 * install must never lock a volunteer out of their own laptop. A kiosk left alone in public
 * needs `npm run set-pin`.
 */
export function setupKioskLock(options: KioskLockOptions): KioskLock {
  const { window, pin } = options;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((line: string) => console.log(line));
  const limiter = new UnlockLimiter(options.now ?? Date.now);
  let unlocked = false;
  let promptWindow: BrowserWindow | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  // One check at a time: a page firing a hundred attempts at once still meets the limit.
  let queue: Promise<unknown> = Promise.resolve();

  // The default menu carries accelerators (reload, DevTools, close, quit) that no key filter
  // sees on every platform; without a menu they do not exist.
  Menu.setApplicationMenu(null);

  const allowQuit = (reason: string) => {
    if (!unlocked) log(`Leaving the kiosk: ${reason}.`);
    unlocked = true;
  };

  const closePrompt = () => {
    clearTimeout(idleTimer);
    if (promptWindow && !promptWindow.isDestroyed()) promptWindow.close();
  };

  const leave = () => {
    if (unlocked) return;
    unlocked = true;
    closePrompt();
    options.onUnlock();
  };

  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(closePrompt, PROMPT_IDLE_MS);
  };

  const openPrompt = () => {
    if (promptWindow && !promptWindow.isDestroyed()) {
      promptWindow.focus();
      return;
    }
    const parent = window.getBounds();
    const width = 360;
    const height = 560;
    const prompt = new BrowserWindow({
      parent: window,
      modal: true,
      show: false,
      width,
      height,
      x: Math.round(parent.x + (parent.width - width) / 2),
      y: Math.round(parent.y + (parent.height - height) / 2),
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      backgroundColor: '#151515',
      title: 'Leave the kiosk',
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    promptWindow = prompt;
    guardWebContents(prompt.webContents, LOCK_ORIGIN);
    prompt.webContents.on('before-input-event', (event, input) => {
      resetIdle();
      if (input.type === 'keyDown' && input.key === 'Escape') {
        event.preventDefault();
        closePrompt();
        return;
      }
      if (classifyKey(input, platform) !== 'pass') event.preventDefault();
    });
    prompt.once('ready-to-show', () => {
      prompt.show();
      prompt.focus();
    });
    prompt.once('closed', () => {
      if (promptWindow === prompt) promptWindow = null;
      clearTimeout(idleTimer);
      if (!window.isDestroyed()) window.focus();
    });
    resetIdle();
    void prompt.loadURL(options.promptUrl);
  };

  const requestExit = () => {
    if (unlocked) return;
    if (pin.kind === 'none') {
      log('No kiosk PIN is set, so Ctrl+Shift+Q quits at once. Set one with `npm run set-pin`.');
      leave();
      return;
    }
    openPrompt();
  };

  const fromPrompt = (event: IpcMainInvokeEvent): boolean =>
    promptWindow !== null &&
    !promptWindow.isDestroyed() &&
    event.sender === promptWindow.webContents &&
    originOf(event.senderFrame?.url ?? '') === LOCK_ORIGIN;

  const attempt = async (candidate: string): Promise<UnlockResult> => {
    if (unlocked) return { ok: true };
    const verdict = limiter.check();
    if (!verdict.allowed) return { ok: false, error: 'locked-out', retryInMs: verdict.retryInMs };
    const good = pin.kind === 'set' && (await verifyPin(candidate, pin.hash));
    if (good) {
      limiter.recordSuccess();
      log('The kiosk was unlocked with the PIN.');
      leave();
      return { ok: true };
    }
    const outcome = limiter.recordFailure();
    if (outcome.lockedOut) {
      log(
        `${limiter.maxFailures} wrong PINs: the prompt refuses every PIN for ${limiter.lockoutMs / 1000} s.`,
      );
      return { ok: false, error: 'locked-out', retryInMs: outcome.retryInMs };
    }
    return { ok: false, error: 'wrong-pin', attemptsLeft: outcome.attemptsLeft };
  };

  const onUnlock = (event: IpcMainInvokeEvent, payload: unknown): Promise<UnlockResult> => {
    const parsed = unlockPayloadSchema.safeParse(payload);
    if (!fromPrompt(event) || !parsed.success) {
      return Promise.resolve({ ok: false, error: 'invalid' });
    }
    resetIdle();
    const run = queue.then(() => attempt(parsed.data.pin));
    queue = run.catch(() => undefined);
    return run;
  };
  ipcMain.handle(IpcChannel.unlock, onUnlock);

  window.on('close', (event) => {
    if (!unlocked) event.preventDefault();
  });
  window.webContents.on('before-input-event', (event, input) => {
    const verdict = classifyKey(input, platform);
    if (verdict === 'pass') return;
    event.preventDefault();
    if (verdict === 'exit-combo') requestExit();
  });
  const onBeforeQuit = (event: { preventDefault(): void }) => {
    if (!unlocked) event.preventDefault();
  };
  app.on('before-quit', onBeforeQuit);
  // Whoever shuts the system down or sends a signal already holds the machine: let them.
  const onShutdown = () => allowQuit('the system is shutting down');
  powerMonitor.on('shutdown', onShutdown);

  return {
    isUnlocked: () => unlocked,
    allowQuit,
    requestExit,
    prompt: () => promptWindow,
    dispose: () => {
      clearTimeout(idleTimer);
      ipcMain.removeHandler(IpcChannel.unlock);
      app.off('before-quit', onBeforeQuit);
      powerMonitor.off('shutdown', onShutdown);
    },
  };
}
