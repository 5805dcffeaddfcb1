import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  coreText,
  MAIN_PLAYLIST,
  outputRecordSchema,
  type LocalizedText,
  type OutputChanges,
  type OutputJob,
  type OutputRecord,
} from '../../shared/protocol';
import { hashToken, newDeviceToken } from '../remote/devices';
import { readJsonFile, writeFileAtomic } from '../settings/atomic-file';

export const OUTPUTS_FILE = 'screens.json';

/** A venue has a handful of screens; the limit keeps a runaway script from filling a disk. */
export const MAX_OUTPUTS = 32;

/** An output as stored: its token is never kept, only the token's SHA-256. */
const storedOutputSchema = outputRecordSchema.extend({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
});
type StoredOutput = z.infer<typeof storedOutputSchema>;
const outputsFileSchema = z.strictObject({
  outputs: z.array(storedOutputSchema).max(MAX_OUTPUTS),
});
const MAX_OUTPUTS_FILE_BYTES = 64 * 1024;

/** What an output's job can name: the pack's languages and playlists. */
export interface OutputChoices {
  languages: readonly string[];
  playlistIds: readonly string[];
}

/** A new screen's job until the operator changes it: the main show, in the pack's look. */
export function defaultJob(name: string): OutputJob {
  return {
    name,
    role: 'display',
    playlist: MAIN_PLAYLIST,
    languages: [],
    theme: 'pack',
    orientation: 'auto',
    followLyrics: true,
  };
}

/** Why `changes` cannot be an output's job with this pack, or null. */
export function jobRefusal(changes: OutputChanges, choices: OutputChoices): LocalizedText | null {
  const { playlist, languages } = changes;
  if (playlist !== undefined && playlist !== MAIN_PLAYLIST) {
    if (!choices.playlistIds.includes(playlist)) {
      return coreText('screens.noPlaylist', { id: playlist });
    }
  }
  const unknown = (languages ?? []).filter((l) => !choices.languages.includes(l));
  if (unknown.length > 0) {
    return coreText('screens.languagesNotInPack', {
      names: unknown.join(', '),
      languages: choices.languages.join(', '),
    });
  }
  return null;
}

export interface OutputRegistry {
  list(): OutputRecord[];
  get(id: string): OutputRecord | null;
  /** The output whose screen holds `token`, or null. */
  findByToken(token: string): OutputRecord | null;
  /** A new output for an approved screen: its token is returned once, only its hash is kept. */
  add(job: OutputJob, now: number): Promise<{ output: OutputRecord; token: string }>;
  /** Changes an output's job; the file follows. */
  configure(id: string, changes: OutputChanges): Promise<OutputRecord | null>;
  /** Drops an output at once (its token stops working before the file is written). */
  remove(id: string): Promise<boolean>;
}

const publicPart = ({ tokenHash: _hash, ...record }: StoredOutput): OutputRecord => ({
  ...record,
  languages: [...record.languages],
});

/**
 * The outputs, in `<data>/screens.json` (mode 0600, written atomically), so each screen keeps
 * its job and its pairing across restarts; in memory only when the core keeps no data folder.
 * A file that fails its schema is set aside and every screen pairs again (`notice` says so).
 */
export async function openOutputRegistry(
  dataDir: string | null,
  notice: (text: LocalizedText) => void,
): Promise<OutputRegistry> {
  const file = dataDir === null ? null : path.join(dataDir, OUTPUTS_FILE);
  let outputs: StoredOutput[] = [];
  if (file) {
    try {
      const read = await readJsonFile(file, outputsFileSchema, undefined, {
        maxBytes: MAX_OUTPUTS_FILE_BYTES,
      });
      if (read.status === 'ok') outputs = read.value.outputs;
      if (read.status === 'corrupt') {
        notice(coreText('screens.fileCorrupt', { detail: read.error, movedTo: read.movedTo }));
      }
    } catch (error) {
      notice(coreText('screens.fileUnreadable', { file, detail: (error as Error).message }));
    }
  }

  // Writes are chained so two quick changes land in order.
  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    if (!file) return Promise.resolve();
    const text = `${JSON.stringify({ outputs }, null, 2)}\n`;
    writing = writing
      .then(() => writeFileAtomic(file, text, { mode: 0o600 }))
      .catch((error: unknown) =>
        notice(coreText('screens.fileUnsaved', { file, detail: (error as Error).message })),
      );
    return writing;
  };

  return {
    list: () => outputs.map(publicPart),
    get: (id) => {
      const found = outputs.find((o) => o.id === id);
      return found ? publicPart(found) : null;
    },
    findByToken(token) {
      const hash = hashToken(token);
      const found = outputs.find((o) => o.tokenHash === hash);
      return found ? publicPart(found) : null;
    },
    async add(job, now) {
      const token = newDeviceToken();
      const stored: StoredOutput = {
        ...job,
        id: randomUUID(),
        pairedAt: now,
        tokenHash: hashToken(token),
      };
      outputs = [...outputs, stored];
      await persist();
      return { output: publicPart(stored), token };
    },
    async configure(id, changes) {
      const index = outputs.findIndex((o) => o.id === id);
      if (index < 0) return null;
      const changed = { ...outputs[index]!, ...changes };
      outputs = outputs.map((o, i) => (i === index ? changed : o));
      await persist();
      return publicPart(changed);
    },
    async remove(id) {
      if (!outputs.some((o) => o.id === id)) return false;
      outputs = outputs.filter((o) => o.id !== id);
      await persist();
      return true;
    },
  };
}
