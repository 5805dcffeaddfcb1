import type { ShellApi, UnlockResult } from './channels';

declare global {
  /** What the preload exposes; absent when a view runs in a plain browser (`serve` mode). */
  interface Window {
    api?: ShellApi;
  }
}

export type { ShellApi, UnlockResult };
