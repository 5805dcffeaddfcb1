import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from './atomic-file';

export const SHOW_CLOCK_FILE = 'show-clock.json';

/** A hundred years either way: a Pi without a battery boots in 1970, some 57 years back. */
export const showClockFileSchema = z.strictObject({
  /** Added to the machine's clock. A Pi without a battery boots in 1970: about +1.8e12 ms. */
  offsetMs: z
    .number()
    .int()
    .min(-100 * 365 * 86_400_000)
    .max(100 * 365 * 86_400_000),
  /** When it was set, in show time: shown to the operator. */
  setAt: z.number().int(),
});
export type ShowClockFile = z.infer<typeof showClockFileSchema>;

export function showClockPath(dataDir: string): string {
  return path.join(dataDir, SHOW_CLOCK_FILE);
}

/** The saved offset, or null; a damaged file is set aside (and the machine's clock used). */
export async function readShowClock(dataDir: string): Promise<ShowClockFile | null> {
  try {
    const read = await readJsonFile(showClockPath(dataDir), showClockFileSchema);
    return read.status === 'ok' ? read.value : null;
  } catch {
    return null;
  }
}

export async function saveShowClock(dataDir: string, value: ShowClockFile): Promise<void> {
  await writeFileAtomic(showClockPath(dataDir), `${JSON.stringify(value)}\n`);
}

export async function clearShowClock(dataDir: string): Promise<void> {
  await rm(showClockPath(dataDir), { force: true });
}
