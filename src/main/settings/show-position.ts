import path from 'node:path';
import { z } from 'zod';
import {
  coreText,
  lyricsCursorSchema,
  outputLanguagesSchema,
  overlayElement,
  type LocalizedText,
  type ShowPosition,
} from '../../shared/protocol';
import { readJsonFile, writeFileAtomic } from './atomic-file';
import { latestWriter } from './latest-writer';

export const SHOW_POSITION_FILE = 'show-position.json';

/**
 * What `show-position.json` holds. Loose on purpose: a newer version may add fields, and an
 * older one reading the file must resume the show rather than throw the file away.
 */
export const showPositionSchema = z.object({
  // Bounded. A garbled one makes the whole file unusable, and an unusable file starts the show
  // in safe mode (SAFE_START): the garbled file may have said safe mode was on.
  playlistId: z.string().min(1).max(200).nullable(),
  itemId: z.string().min(1).max(200).nullable(),
  position: z.number().int().nonnegative().max(1_000_000),
  paused: z.boolean(),
  remainingMs: z
    .number()
    .nonnegative()
    .max(7 * 24 * 3600 * 1000)
    .nullable(),
  blackout: z.boolean(),
  safeMode: z.boolean(),
  // Added with live lyrics. Optional, so files from before them load; and a part that fails
  // its schema is dropped on its own (`catch`), because losing the song cursor is a small
  // thing but setting the whole file aside would lose safe mode too.
  lyrics: lyricsCursorSchema.nullable().optional().catch(undefined),
  setlist: z
    .object({
      setlistId: z.string().min(1).max(200),
      songIndex: z.number().int().nonnegative().max(10_000).nullable(),
    })
    .nullable()
    .optional()
    .catch(undefined),
  outputLanguages: outputLanguagesSchema.optional().catch(undefined),
  overlays: z.partialRecord(overlayElement, z.boolean()).optional().catch(undefined),
  /** For people reading the file; never used to decide anything. */
  savedAt: z.string().max(64).optional().catch(undefined),
}) satisfies z.ZodType<ShowPosition & { savedAt?: string }>;

export function showPositionPath(dataDir: string): string {
  return path.join(dataDir, SHOW_POSITION_FILE);
}

export interface ReadShowPosition {
  position: ShowPosition | null;
  /** Set when the file could not be used, for the operator to read. */
  notice: LocalizedText | null;
}

/**
 * Where a show starts when its saved state cannot be read: the top of the default playlist,
 * in safe mode. The lost file may have said safe mode was on (a rally), and guessing "off"
 * would put a name or a face on screen; the operator turns it off once they have looked.
 */
export const SAFE_START: ShowPosition = Object.freeze({
  playlistId: null,
  itemId: null,
  position: 0,
  paused: false,
  remainingMs: null,
  blackout: false,
  safeMode: true,
});

/** What the operator is told when the show starts in safe mode because its state was lost. */
/**
 * The saved position: null when there is none yet (a first start), `SAFE_START` when there is
 * one that cannot be used (then `notice` says why). Never throws.
 */
export async function readShowPosition(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<ReadShowPosition> {
  const file = showPositionPath(dataDir);
  try {
    const read = await readJsonFile(file, showPositionSchema, now);
    if (read.status === 'ok') {
      const { savedAt: _savedAt, ...position } = read.value;
      // A part dropped by its `catch` is left out, as if the file never had it.
      for (const key of Object.keys(position) as (keyof typeof position)[]) {
        if (position[key] === undefined) delete position[key];
      }
      return { position, notice: null };
    }
    if (read.status === 'missing') return { position: null, notice: null };
    return {
      position: { ...SAFE_START },
      notice: coreText('notice.positionCorrupt', { detail: read.error, movedTo: read.movedTo }),
    };
  } catch (error) {
    return {
      position: { ...SAFE_START },
      notice: coreText('notice.positionUnreadable', { file, detail: (error as Error).message }),
    };
  }
}

export interface ShowPositionSaver {
  save(position: ShowPosition): void;
  flush(): Promise<void>;
}

/**
 * Writes the position on every change, coalesced (see `latestWriter`); a position equal to
 * the last one queued is not written again. `onError` hears of the first failure after a
 * success only, so a full disk does not flood the log every slide.
 */
export function showPositionSaver(
  dataDir: string,
  onError: (message: string) => void,
  now: () => Date = () => new Date(),
): ShowPositionSaver {
  const file = showPositionPath(dataDir);
  let last = '';
  let failing = false;
  const writer = latestWriter<string>(
    async (text) => {
      await writeFileAtomic(file, text);
      failing = false;
    },
    (error) => {
      if (failing) return;
      failing = true;
      onError(
        `The show position could not be saved to ${file} (${(error as Error).message}); after a restart the show would start from the beginning.`,
      );
    },
  );
  return {
    save(position) {
      const key = JSON.stringify(position);
      if (key === last) return;
      last = key;
      writer.save(`${JSON.stringify({ ...position, savedAt: now().toISOString() }, null, 2)}\n`);
    },
    flush: () => writer.flush(),
  };
}
