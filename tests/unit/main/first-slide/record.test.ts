import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEPT_SLIDE_FILE,
  MAX_KEPT_SLIDE_BYTES,
  forgetKeptSlide,
  readKeptSlide,
  writeKeptSlide,
} from '../../../../src/main/first-slide/record';
import { makeRecord, tempDir } from './helpers';

const media = {
  url: '/media/a.jpg?token=display-token-0123456789abcdef',
  file: '/packs/one/media/a.jpg',
  contentType: 'image/jpeg',
  size: 12,
  mtimeMs: 1700000000000.5,
};

describe('the kept slide record', () => {
  it('reads back what was written, and leaves no temp file', async () => {
    const dir = await tempDir();
    const record = makeRecord({ media: [media] });
    await writeKeptSlide(dir, record);
    expect(await readKeptSlide(dir)).toEqual(record);
    expect(await readdir(dir)).toEqual([KEPT_SLIDE_FILE]);
  });

  it.skipIf(process.platform === 'win32')(
    'is readable by its owner only (it holds tokens)',
    async () => {
      const dir = await tempDir();
      await writeKeptSlide(dir, makeRecord());
      expect((await stat(path.join(dir, KEPT_SLIDE_FILE))).mode & 0o777).toBe(0o600);
    },
  );

  it('is null when missing, and after forgetting it; forgetting twice is fine', async () => {
    const dir = await tempDir();
    expect(await readKeptSlide(dir)).toBeNull();
    await writeKeptSlide(dir, makeRecord());
    await forgetKeptSlide(dir);
    await forgetKeptSlide(dir);
    expect(await readKeptSlide(dir)).toBeNull();
  });

  it('is null when the file is not JSON, too big, or too deep', async () => {
    const dir = await tempDir();
    const file = path.join(dir, KEPT_SLIDE_FILE);
    await writeFile(file, '{"version":1,');
    expect(await readKeptSlide(dir)).toBeNull();
    const big = { ...makeRecord(), page: 'x'.repeat(MAX_KEPT_SLIDE_BYTES) };
    await writeFile(file, JSON.stringify(big));
    expect(await readKeptSlide(dir)).toBeNull();
    await writeFile(file, JSON.stringify({ ...makeRecord(), extra: [[[[[1]]]]] }));
    expect(await readKeptSlide(dir)).toBeNull();
  });

  it.each([
    ['another version', { version: 2 }],
    ['no fingerprint', { fingerprint: undefined }],
    ['a fingerprint not of sha256', { fingerprint: 'abc' }],
    ['an empty item id', { itemId: '' }],
    ['a time that is not a number', { writtenAtMs: '1000' }],
    ['no display token', { tokens: { operator: 'operator-token-0123456789abcdef' } }],
    ['a token too short', { tokens: { display: 'short' } }],
    ['a token with a quote', { tokens: { display: 'display-token-0123456789"abcdef' } }],
    ['an empty page', { page: '' }],
    ['media not a list', { media: {} }],
    ['a media URL outside /media/', { media: [{ ...media, url: '/display?token=x' }] }],
    ['a relative media file', { media: [{ ...media, file: 'media/a.jpg' }] }],
    ['a content type with a line break', { media: [{ ...media, contentType: 'a\r\nX: y' }] }],
    ['a negative size', { media: [{ ...media, size: -1 }] }],
    ['a fractional size', { media: [{ ...media, size: 1.5 }] }],
  ])('is null with %s', async (_name, change) => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, KEPT_SLIDE_FILE),
      JSON.stringify({ ...makeRecord(), ...change }),
    );
    expect(await readKeptSlide(dir)).toBeNull();
  });

  it('is null with a time too big to be one (JSON reads 1e400 as Infinity)', async () => {
    const dir = await tempDir();
    const text = JSON.stringify(makeRecord()).replace(
      '"validUntilMs":2000',
      '"validUntilMs":1e400',
    );
    expect(text).toContain('1e400');
    await writeFile(path.join(dir, KEPT_SLIDE_FILE), text);
    expect(await readKeptSlide(dir)).toBeNull();
  });

  it('is null when the record is an array or a bare value', async () => {
    const dir = await tempDir();
    for (const text of ['[]', '1', 'null', '"x"']) {
      await writeFile(path.join(dir, KEPT_SLIDE_FILE), text);
      expect(await readKeptSlide(dir)).toBeNull();
    }
  });

  it('refuses to write a record it would not read back, and keeps the old one', async () => {
    const dir = await tempDir();
    await writeKeptSlide(dir, makeRecord());
    const before = await readFile(path.join(dir, KEPT_SLIDE_FILE), 'utf8');
    await expect(writeKeptSlide(dir, makeRecord({ tokens: {} }))).rejects.toThrow();
    await expect(
      writeKeptSlide(dir, makeRecord({ page: 'x'.repeat(MAX_KEPT_SLIDE_BYTES) })),
    ).rejects.toThrow();
    expect(await readFile(path.join(dir, KEPT_SLIDE_FILE), 'utf8')).toBe(before);
  });
});
