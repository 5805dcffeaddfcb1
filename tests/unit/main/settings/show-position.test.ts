import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShowPosition } from '../../../../src/main/show/engine';
import {
  SAFE_START,
  readShowPosition,
  showPositionPath,
  showPositionSaver,
} from '../../../../src/main/settings/show-position';
import { tempDir } from '../../../helpers/temp-dir';

const dir = () => tempDir('ss-position-');
const position = (overrides: Partial<ShowPosition> = {}): ShowPosition => ({
  playlistId: 'main',
  itemId: 'anna',
  position: 2,
  paused: false,
  remainingMs: null,
  blackout: false,
  safeMode: true,
  ...overrides,
});

describe('show position file', () => {
  it('saves and reads back what matters', async () => {
    const d = dir();
    const saver = showPositionSaver(d, () => {});
    saver.save(position({ paused: true, remainingMs: 1234 }));
    await saver.flush();
    const text = readFileSync(showPositionPath(d), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      itemId: 'anna',
      safeMode: true,
      savedAt: expect.any(String),
    });
    expect(await readShowPosition(d)).toEqual({
      position: position({ paused: true, remainingMs: 1234 }),
      notice: null,
    });
  });

  it('says nothing when there is no file yet', async () => {
    expect(await readShowPosition(dir())).toEqual({ position: null, notice: null });
  });

  it('writes the latest of a burst and skips a position it already queued', async () => {
    const d = dir();
    const saver = showPositionSaver(d, () => {});
    for (let i = 0; i < 20; i++) saver.save(position({ position: i }));
    await saver.flush();
    expect(JSON.parse(readFileSync(showPositionPath(d), 'utf8')).position).toBe(19);
    const before = readFileSync(showPositionPath(d), 'utf8');
    saver.save(position({ position: 19 }));
    await saver.flush();
    // Same position: not rewritten (savedAt would have changed).
    expect(readFileSync(showPositionPath(d), 'utf8')).toBe(before);
    expect(readdirSync(d)).toEqual(['show-position.json']);
  });

  it('sets a corrupt file aside and says so', async () => {
    const d = dir();
    writeFileSync(showPositionPath(d), '{"playlistId": 3');
    const read = await readShowPosition(d, () => new Date('2026-11-27T10:00:00Z'));
    expect(read.notice?.message).toMatch(
      /^The saved show position could not be read \(show-position\.json not valid JSON/,
    );
    expect(read.notice?.message).toContain('show-position.json.corrupt-2026-11-27T10-00-00-000Z');
    expect(existsSync(showPositionPath(d))).toBe(false);
  });

  // Whatever the damage, the lost file may have said safe mode was on: the show starts in safe
  // mode, at the top, and the operator is told why.
  const unusable: [string, (file: string) => void][] = [
    ['truncated to nothing', (file) => writeFileSync(file, '')],
    ['cut off mid-write', (file) => writeFileSync(file, JSON.stringify(position()).slice(0, 40))],
    [
      'safeMode of the wrong type',
      (file) => writeFileSync(file, JSON.stringify({ ...position(), safeMode: 'yes' })),
    ],
    [
      'safeMode missing',
      (file) => {
        const { safeMode: _gone, ...rest } = position();
        writeFileSync(file, JSON.stringify(rest));
      },
    ],
    [
      'a position out of range',
      (file) => writeFileSync(file, JSON.stringify({ ...position(), position: -1 })),
    ],
    ['JSON null', (file) => writeFileSync(file, 'null')],
    ['a folder where the file should be', (file) => mkdirSync(file)],
  ];
  for (const [name, damage] of unusable) {
    it(`starts in safe mode when the saved file is unusable: ${name}`, async () => {
      const d = dir();
      damage(showPositionPath(d));
      const read = await readShowPosition(d);
      expect(read.position).toEqual(SAFE_START);
      expect(read.position?.safeMode).toBe(true);
      expect(read.notice?.message).toMatch(/could not be read/);
      expect(read.notice?.message).toMatch(/started in safe mode/);
    });
  }

  it('starts out of safe mode only when there is no file at all (a first start)', async () => {
    expect((await readShowPosition(dir())).position).toBeNull();
  });

  it('keeps fields it does not know (a newer version wrote the file)', async () => {
    const d = dir();
    writeFileSync(showPositionPath(d), JSON.stringify({ ...position(), lyricsLine: 4 }));
    expect((await readShowPosition(d)).position).toEqual(position());
  });

  it('reports a folder it cannot write once, not per slide', async () => {
    // A file where the folder should be: fails for root too, unlike a read-only folder.
    const blocker = path.join(dir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const errors: string[] = [];
    const saver = showPositionSaver(path.join(blocker, 'data'), (message) => errors.push(message));
    saver.save(position({ position: 1 }));
    await saver.flush();
    saver.save(position({ position: 2 }));
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^The show position could not be saved to .*not-a-folder/);
  });
});
