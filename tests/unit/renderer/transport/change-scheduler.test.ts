import { describe, expect, it } from 'vitest';
import {
  ChangeScheduler,
  dueOnPageClock,
  isLate,
} from '../../../../src/renderer/transport/change-scheduler';
import { showState } from '../fixtures';
import { FakeFrames } from './fake-frames';

/** 60 Hz frames from `start`. */
const frameTimes = (start: number, count: number) =>
  Array.from({ length: count }, (_, i) => start + (i * 1000) / 60);

describe('dueOnPageClock', () => {
  const shown = showState();

  it('is showAt on the core clock moved to this page by the measured offset', () => {
    // The core is 2 s ahead of this page: its 10_000 is this page's 8_000.
    expect(dueOnPageClock(showState({ showAt: 10_000 }), shown, 2_000)).toBe(8_000);
    expect(dueOnPageClock(showState({ showAt: 10_000 }), shown, -500.5)).toBe(10_500.5);
  });

  it('does not wait without a stamp, without an offset, or for the first state', () => {
    expect(dueOnPageClock(showState({ showAt: undefined }), shown, 0)).toBeNull();
    expect(dueOnPageClock(showState({ showAt: 10_000 }), shown, null)).toBeNull();
    expect(dueOnPageClock(showState({ showAt: 10_000 }), null, 0)).toBeNull();
  });

  it('never holds back safe mode or a blackout, on or off', () => {
    for (const change of [{ safeMode: true }, { blackout: true }]) {
      expect(dueOnPageClock(showState({ showAt: 10_000, ...change }), shown, 0)).toBeNull();
      expect(dueOnPageClock(showState({ showAt: 10_000 }), showState(change), 0)).toBeNull();
    }
  });

  it('calls a change late once its time has come', () => {
    expect(isLate(null, 0)).toBe(true);
    expect(isLate(100, 99.9)).toBe(false);
    expect(isLate(100, 100)).toBe(true);
  });
});

describe('ChangeScheduler', () => {
  it('applies in the first frame whose time is at or after the due time, not one before', () => {
    for (const offset of [0, 3.3, 8.2, 16.6]) {
      const frames = new FakeFrames();
      const applied: [string, number][] = [];
      let now = 0;
      const scheduler = new ChangeScheduler<string>(frames, (value) => applied.push([value, now]));
      const times = frameTimes(1_000 + offset, 20);
      const due = 1_100;
      scheduler.schedule('b', due);
      for (const time of times) {
        now = time;
        frames.frame(time);
      }
      const first = times.find((t) => t >= due) as number;
      expect(applied).toEqual([['b', first]]);
      expect(first - due).toBeLessThan(1000 / 60);
    }
  });

  it('screens whose offsets were measured right pick the same frame', () => {
    // Two screens, their clocks 37 ms and -12 ms off the core, the same vsync.
    const coreShowAt = 50_000;
    const picks = [37, -12].map((offset) => {
      const frames = new FakeFrames();
      let picked = Number.NaN;
      let frameOnCore = 0;
      const scheduler = new ChangeScheduler<string>(frames, () => (picked = frameOnCore));
      scheduler.schedule('b', coreShowAt - offset);
      for (const time of frameTimes(49_900, 20)) {
        frameOnCore = time;
        frames.frame(time - offset);
      }
      return picked;
    });
    expect(picks[0]).toBe(picks[1]);
  });

  it('a late change goes up in the very next frame', () => {
    const frames = new FakeFrames();
    const applied: number[] = [];
    const scheduler = new ChangeScheduler<string>(frames, () => applied.push(1));
    scheduler.schedule('b', 500);
    frames.frame(2_000);
    expect(applied).toHaveLength(1);
    expect(frames.waiting).toBe(0);
  });

  it('a newer change replaces the one waiting, and cancel leaves no frame requested', () => {
    const frames = new FakeFrames();
    const applied: string[] = [];
    const scheduler = new ChangeScheduler<string>(frames, (value) => applied.push(value));
    scheduler.schedule('b', 1_000);
    scheduler.schedule('c', 1_050);
    frames.frame(1_020);
    expect(applied).toEqual([]);
    frames.frame(1_060);
    expect(applied).toEqual(['c']);
    scheduler.schedule('d', 2_000);
    scheduler.cancel();
    expect(frames.waiting).toBe(0);
    frames.frame(3_000);
    expect(applied).toEqual(['c']);
  });
});
