import type { WriteStream } from 'node:fs';

/**
 * Resolves once `stream` has closed its file, or never had one to close. A file stream cut
 * before its file was open still opens it, then closes it: a temporary file removed before
 * that comes back, empty, and stays where it was written (a pack's media folder, OBS's copies).
 */
export function fileStreamClosed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}
