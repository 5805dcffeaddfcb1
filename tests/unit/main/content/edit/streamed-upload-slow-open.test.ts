import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { receiveToTemp } from '../../../../../src/main/content/edit/streamed-upload';

// The disk is slow to open the temporary file (a busy machine, a USB stick): every write
// stream's open lands 30 ms late. A CI run under load once found a cut upload's empty
// temporary file left in the pack's folder: the file was removed before it was opened.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const slowOpen = (...args: unknown[]) =>
    setTimeout(() => (fs.open as (...a: unknown[]) => void)(...args), 30);
  return {
    ...fs,
    createWriteStream: (file: string, options: object) =>
      fs.createWriteStream(file, {
        ...options,
        fs: { open: slowOpen, write: fs.write, writev: fs.writev, close: fs.close },
      } as Parameters<typeof fs.createWriteStream>[1]),
  };
});

describe('receiveToTemp, with a slow disk', () => {
  it('leaves nothing behind when the upload is cut before its file is open', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-slow-open-'));
    const result = await receiveToTemp(dir, Readable.from([Buffer.alloc(64)]), 10);
    expect(result).toEqual({ ok: false, tooLarge: true });
    expect(readdirSync(dir)).toEqual([]);
    // Nothing comes back later either.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('still writes a whole upload under the cap', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-slow-open-'));
    const result = await receiveToTemp(dir, Readable.from([Buffer.from('WEBVTT\n')]), 100);
    expect(result).toMatchObject({ ok: true, size: 7 });
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
