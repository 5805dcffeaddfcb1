import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clearShowClock,
  readShowClock,
  saveShowClock,
  showClockPath,
} from '../../../../src/main/settings/show-clock-file';
import { ShowClock } from '../../../../src/main/show/show-clock';
import type { Clock } from '../../../../src/shared/time';

const utc = (iso: string) => Date.parse(`${iso}Z`);

function machineAt(ms: number): Clock & { set(ms: number): void } {
  let now = ms;
  return {
    now: () => now,
    set: (value) => (now = value),
    setTimeout: () => 0,
    clearTimeout: () => {},
  };
}

describe('ShowClock', () => {
  it('a Pi that booted in 1970 is behind; the phone time sets the show clock', () => {
    const machine = machineAt(5_000);
    const clock = new ShowClock(machine, () => '2026-11-20', 'UTC');
    expect(clock.state()).toEqual({
      offsetMs: 0,
      machineClockBehind: true,
      newestPastDay: '2026-11-20',
    });
    const phone = utc('2026-12-06T21:40');
    expect(clock.set(phone)).toBeNull();
    expect(clock.now()).toBe(phone);
    machine.set(65_000);
    expect(clock.now()).toBe(phone + 60_000);
  });

  it('refuses a phone time before the pack or years ahead, and keeps the clock as it was', () => {
    const clock = new ShowClock(machineAt(5_000), () => '2026-11-20', 'UTC');
    expect(clock.set(utc('2025-01-01T00:00'))).toBe('beforePack');
    expect(clock.set(utc('2036-01-01T00:00'))).toBe('tooFarAhead');
    expect(clock.now()).toBe(5_000);
  });

  it('drops a saved offset once the machine has its time back', () => {
    const right = new ShowClock(machineAt(utc('2026-12-06T10:00')), () => '2026-11-20', 'UTC');
    expect(right.restore(1_000_000)).toBe(false);
    expect(right.now()).toBe(utc('2026-12-06T10:00'));
    const wrong = new ShowClock(machineAt(0), () => '2026-11-20', 'UTC');
    expect(wrong.restore(1_000_000)).toBe(true);
    expect(wrong.now()).toBe(1_000_000);
  });

  it('stops adding the offset the moment the machine clock is put right mid-show', () => {
    const machine = machineAt(5_000);
    const clock = new ShowClock(machine, () => '2026-11-20', 'UTC');
    clock.set(utc('2026-12-06T21:40'));
    machine.set(utc('2026-12-06T21:45'));
    expect(clock.now()).toBe(utc('2026-12-06T21:45'));
    expect(clock.state().machineClockBehind).toBe(false);
  });
});

describe('the show clock file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'show-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the offset across a restart, and forgets it when cleared', async () => {
    expect(await readShowClock(dir)).toBeNull();
    await saveShowClock(dir, { offsetMs: 1_796_000_000_000, setAt: 1 });
    expect(await readShowClock(dir)).toEqual({ offsetMs: 1_796_000_000_000, setAt: 1 });
    await clearShowClock(dir);
    expect(await readShowClock(dir)).toBeNull();
  });

  it('ignores a file with a wild offset instead of moving the counters by centuries', async () => {
    writeFileSync(showClockPath(dir), JSON.stringify({ offsetMs: 1e16, setAt: 1 }));
    expect(await readShowClock(dir)).toBeNull();
  });
});
