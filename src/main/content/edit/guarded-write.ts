import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Version } from '../../../shared/protocol/content-api';
import { writeFileAtomic } from '../../settings/atomic-file';
import { keepInHistory } from './history';
import { versionOf } from './version';

/** The file changed on disk between the check and the write. */
export class ChangedMeanwhile extends Error {}

/** A file's bytes as the editor last read them, and their version. */
export interface ReadVersion {
  version: Version;
  bytes: Buffer;
}

export interface GuardedWriterOptions {
  packDir: string;
  now: () => Date;
  historyLimit?: number;
}

/** The pack's files as the editor reads and writes them: by their path in the pack. */
export function createGuardedWriter({ packDir, now, historyLimit }: GuardedWriterOptions) {
  const abs = (file: string) => path.join(packDir, ...file.split('/'));

  const readCurrent = async (file: string): Promise<Buffer | null> =>
    readFile(abs(file)).catch(() => null);

  /**
   * Writes `text` to `file` only if the file is still `expected` (null: it must not exist),
   * checked again right before the rename, so a hand edit made meanwhile wins and is kept
   * (`ChangedMeanwhile`). The replaced bytes go to `historyId`'s history.
   */
  const writeIfUnchanged = (
    file: string,
    text: string,
    expected: ReadVersion | null,
    historyId: string,
  ) =>
    writeFileAtomic(abs(file), text, {
      beforeRename: async () => {
        const onDisk = await readCurrent(file);
        const unchanged =
          expected === null
            ? onDisk === null
            : onDisk !== null && versionOf(onDisk) === expected.version;
        if (!unchanged) throw new ChangedMeanwhile();
        if (!expected) return;
        await keepInHistory(
          packDir,
          historyId,
          expected.bytes,
          expected.version,
          path.extname(file),
          now(),
          historyLimit,
        );
      },
    });

  return { abs, readCurrent, writeIfUnchanged };
}
