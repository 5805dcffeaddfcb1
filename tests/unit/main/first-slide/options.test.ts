import { afterEach, describe, expect, it } from 'vitest';
import { keptSlideOptions } from '../../../../src/main/first-slide/options';

const start = { contentDir: 'pack', rendererDir: 'out/renderer', merch: null };
const savedZone = process.env.TZ;

afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('keptSlideOptions', () => {
  it('is the same for the same start, whatever the folders are called relative to', () => {
    expect(keptSlideOptions(start)).toEqual(keptSlideOptions({ ...start, contentDir: './pack' }));
  });

  it('differs in another time zone: a case counts its days in the machine’s', () => {
    process.env.TZ = 'Europe/Moscow';
    const moscow = keptSlideOptions(start);
    process.env.TZ = 'America/New_York';
    const newYork = keptSlideOptions(start);
    expect(moscow.utcOffsetMinutes).toBe(-180);
    expect(newYork).not.toEqual(moscow);
  });

  it('differs with the merch table on, another pack or another build', () => {
    const base = keptSlideOptions(start);
    expect(keptSlideOptions({ ...start, merch: { idleSeconds: 30 } })).not.toEqual(base);
    expect(keptSlideOptions({ ...start, contentDir: 'other' })).not.toEqual(base);
    expect(keptSlideOptions({ ...start, rendererDir: 'elsewhere' })).not.toEqual(base);
  });
});
