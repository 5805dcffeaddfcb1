// Shared by the preload and the main process, so it must stay free of `electron` and Node:
// the preload bundle is sandboxed and the main process imports it too. One place for every
// channel name (Electron Fiddle's rule), so the two sides cannot drift apart.

export const IpcChannel = {
  /** The PIN prompt asks to leave kiosk mode. Payload `{ pin }`; answer: an `UnlockResult`. */
  unlock: 'kiosk-lock:unlock',
} as const;

export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/**
 * Signal's result shape rather than a bare boolean: a volunteer who is locked out after five
 * wrong PINs must be told to wait, not left typing into a prompt that ignores them.
 */
export type UnlockResult =
  | { ok: true }
  | { ok: false; error: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; error: 'locked-out'; retryInMs: number }
  | { ok: false; error: 'invalid' };

/** `window.api`: everything a page may ask of the shell, and nothing else. */
export interface ShellApi {
  shell: 'electron';
  versions: { electron: string };
  /**
   * Asks the shell to leave kiosk mode with this PIN. Only the PIN prompt's own window is
   * heard; from any other page the answer is `invalid`.
   */
  unlock(pin: string): Promise<UnlockResult>;
}
