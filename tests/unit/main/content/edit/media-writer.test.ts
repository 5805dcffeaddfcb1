import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeNewMedia } from '../../../../../src/main/content/edit/media-writer';

// A disk that fills up while an upload is written: the handle's writes fail as ENOSPC would.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile' && disk.full) {
            return async () => {
              throw Object.assign(new Error('ENOSPC: no space left on device'), {
                code: 'ENOSPC',
              });
            };
          }
          const value = Reflect.get(target, property) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
});

afterEach(() => {
  disk.full = false;
});

describe('writeNewMedia', () => {
  it('writes the bytes under a free name and keeps no temporary file', async () => {
    const pack = mkdtempSync(path.join(tmpdir(), 'ss-media-writer-'));
    expect(await writeNewMedia(pack, 'photos', 'boris', 'jpg', Buffer.from('jpeg'))).toBe(
      'media/photos/boris.jpg',
    );
    expect(await writeNewMedia(pack, 'photos', 'boris', 'jpg', Buffer.from('jpeg 2'))).toBe(
      'media/photos/boris-2.jpg',
    );
    expect(readdirSync(path.join(pack, 'media', 'photos')).sort()).toEqual([
      'boris-2.jpg',
      'boris.jpg',
    ]);
    expect(readFileSync(path.join(pack, 'media', 'photos', 'boris.jpg'), 'utf8')).toBe('jpeg');
  });

  it('leaves nothing in the pack when the disk is full', async () => {
    const pack = mkdtempSync(path.join(tmpdir(), 'ss-media-writer-'));
    disk.full = true;
    await expect(
      writeNewMedia(pack, 'photos', 'boris', 'jpg', Buffer.from('jpeg')),
    ).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(path.join(pack, 'media', 'photos'))).toEqual([]);
  });
});
