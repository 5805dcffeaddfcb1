import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keptSlideFingerprint } from '../../../../src/main/first-slide/fingerprint';
import { keptSlideFor } from '../../../../src/main/first-slide/kept-start';
import {
  KEPT_SLIDE_FILE,
  writeKeptSlide,
  type KeptSlideRecord,
} from '../../../../src/main/first-slide/record';
import { makeRecord, tempDir } from './helpers';

let dirs: { contentDir: string; dataDir: string; rendererDir: string };
const options = { safeMode: false };
const WRITTEN = 1_700_000_000_000;
const VALID_UNTIL = WRITTEN + 3_600_000;

/** Keeps a record made from the folders as they are now, as the stopping core would. */
async function keep(overrides: Partial<KeptSlideRecord> = {}): Promise<KeptSlideRecord> {
  const record = makeRecord({
    fingerprint: await keptSlideFingerprint({ ...dirs, options }),
    writtenAtMs: WRITTEN,
    validUntilMs: VALID_UNTIL,
    ...overrides,
  });
  await writeKeptSlide(dirs.dataDir, record);
  return record;
}

const at = (now: number, given = options) => keptSlideFor({ ...dirs, options: given, now });

beforeEach(async () => {
  dirs = {
    contentDir: await tempDir('pack-'),
    dataDir: await tempDir('data-'),
    rendererDir: await tempDir('renderer-'),
  };
  await writeFile(path.join(dirs.contentDir, 'pack.yaml'), 'title: One\n');
  await writeFile(path.join(dirs.dataDir, 'show-position.json'), '{"index":1}');
  await writeFile(path.join(dirs.rendererDir, 'index.html'), '<html></html>');
});

describe('keptSlideFor', () => {
  it('gives the record when nothing changed and it is still valid', async () => {
    const record = await keep();
    expect(await at(WRITTEN)).toEqual(record);
    expect(await at(VALID_UNTIL - 1)).toEqual(record);
  });

  it('refuses a record once the pack changed (a slide taken out while the app was off)', async () => {
    await keep();
    await writeFile(path.join(dirs.contentDir, 'pack.yaml'), 'title: One, without case A\n');
    expect(await at(WRITTEN + 1)).toBeNull();
  });

  it('refuses a record once the data folder changed', async () => {
    await keep();
    await writeFile(path.join(dirs.dataDir, 'show-position.json'), '{"index":2}');
    expect(await at(WRITTEN + 1)).toBeNull();
  });

  it('refuses a record made with other start options', async () => {
    await keep();
    expect(await at(WRITTEN + 1, { safeMode: true })).toBeNull();
  });

  it('refuses an expired record (another day: other counts)', async () => {
    await keep();
    expect(await at(VALID_UNTIL)).toBeNull();
    expect(await at(VALID_UNTIL + 86_400_000)).toBeNull();
  });

  it('refuses a record written in the future (the clock was moved back)', async () => {
    await keep();
    expect(await at(WRITTEN - 1)).toBeNull();
  });

  it('refuses a record with a stale fingerprint, whatever else is right', async () => {
    await keep({ fingerprint: 'b'.repeat(64) });
    expect(await at(WRITTEN + 1)).toBeNull();
  });

  it('refuses a broken, missing or tokenless record without throwing', async () => {
    expect(await at(WRITTEN + 1)).toBeNull();
    await writeFile(path.join(dirs.dataDir, KEPT_SLIDE_FILE), 'not json');
    expect(await at(WRITTEN + 1)).toBeNull();
    const record = await keep();
    await writeFile(
      path.join(dirs.dataDir, KEPT_SLIDE_FILE),
      JSON.stringify({ ...record, tokens: { operator: record.tokens.operator } }),
    );
    expect(await at(WRITTEN + 1)).toBeNull();
  });

  it('refuses when `now` is not a time', async () => {
    await keep();
    expect(await at(Number.NaN)).toBeNull();
  });

  it('is null, not an error, when the pack cannot be read', async () => {
    await keep();
    const gone = { ...dirs, contentDir: path.join(dirs.contentDir, 'missing') };
    expect(await keptSlideFor({ ...gone, options, now: WRITTEN + 1 })).toBeNull();
  });
});
