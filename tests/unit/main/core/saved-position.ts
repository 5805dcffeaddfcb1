import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `show-position.json` as a run that stopped in safe mode on `ship` (slot 2 of `main`)
 * would have left it, in the format from before live lyrics, plus `extra`.
 */
export function writeSavedPosition(dataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    path.join(dataDir, 'show-position.json'),
    JSON.stringify({
      playlistId: 'main',
      itemId: 'ship',
      position: 2,
      paused: false,
      remainingMs: null,
      blackout: false,
      safeMode: true,
      ...extra,
    }),
  );
}
