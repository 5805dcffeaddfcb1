import { describe, expect, it } from 'vitest';
import { latestWriter } from '../../../../src/main/settings/latest-writer';

/** A write the test finishes by hand, so it can see what is in flight at each moment. */
function manualDisk() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = (value: number) =>
    new Promise<void>((resolve, reject) => {
      started.push(value);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      finish.push(() => {
        inFlight--;
        if (value < 0) reject(new Error(`cannot write ${value}`));
        else resolve();
      });
    });
  const settle = async () => {
    while (finish.length > 0) {
      finish.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { write, started, settle, maxInFlight: () => maxInFlight };
}

describe('latestWriter', () => {
  it('keeps one write in flight and writes only the latest of a burst after it', async () => {
    const disk = manualDisk();
    const writer = latestWriter(disk.write, () => {});
    for (let i = 1; i <= 10; i++) writer.save(i);
    expect(disk.started).toEqual([1]);
    const flushed = writer.flush();
    await disk.settle();
    await flushed;
    expect(disk.started).toEqual([1, 10]);
    expect(disk.maxInFlight()).toBe(1);
  });

  it('returns at once: save never waits for the disk', () => {
    const writer = latestWriter(
      () => new Promise<void>(() => {}),
      () => {},
    );
    const before = performance.now();
    for (let i = 0; i < 1000; i++) writer.save(i);
    expect(performance.now() - before).toBeLessThan(100);
  });

  it('reports a failed write and carries on with the next', async () => {
    const disk = manualDisk();
    const errors: string[] = [];
    const writer = latestWriter(disk.write, (e) => errors.push((e as Error).message));
    writer.save(-1);
    writer.save(2);
    await disk.settle();
    await writer.flush();
    expect(errors).toEqual(['cannot write -1']);
    expect(disk.started).toEqual([-1, 2]);
    writer.save(3);
    await disk.settle();
    await writer.flush();
    expect(disk.started).toEqual([-1, 2, 3]);
  });

  it('flush resolves at once when nothing is queued', async () => {
    await expect(
      latestWriter(
        async () => {},
        () => {},
      ).flush(),
    ).resolves.toBeUndefined();
  });
});
