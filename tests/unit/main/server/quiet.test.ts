import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietWatch, wantsContent } from '../../../../src/main/server/quiet';

describe('createQuietWatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const watch = () => createQuietWatch(() => Date.now());
  const settledFlag = (promise: Promise<void>) => {
    const state = { done: false };
    void promise.then(() => (state.done = true));
    return state;
  };

  it('settles the quiet time after it started when nothing is asked for', async () => {
    const quiet = watch();
    await vi.advanceTimersByTimeAsync(20);
    const state = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(29);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    // Later calls, long after the last request, settle at once.
    const again = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(0);
    expect(again.done).toBe(true);
  });

  it('waits until no request has come for the quiet time', async () => {
    const quiet = watch();
    quiet.touch();
    const state = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(30);
    quiet.touch(); // the page's scripts, asked for after its HTML
    await vi.advanceTimersByTimeAsync(49);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });

  it('a flood of requests holds it back no longer than the limit', async () => {
    const quiet = watch();
    quiet.touch();
    const state = settledFlag(quiet.settled(50, 400));
    for (let t = 0; t < 399; t += 10) {
      quiet.touch();
      await vi.advanceTimersByTimeAsync(10);
      if (t < 390) expect(state.done).toBe(false);
    }
    await vi.advanceTimersByTimeAsync(10);
    expect(state.done).toBe(true);
  });

  it('ends the wait at once when something waits for the content itself', async () => {
    const quiet = watch();
    quiet.touch();
    const state = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(10);
    expect(state.done).toBe(false);
    quiet.touch();
    quiet.wanted(); // a screen's socket: its page has its scripts
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    // Wanted before the wait: there is nothing to wait for.
    const later = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(0);
    expect(later.done).toBe(true);
  });

  it('ends the wait once every file a served page named has been answered', async () => {
    const quiet = watch();
    quiet.touch(); // the page
    quiet.expect(['/assets/index.js', '/assets/view.js', '/assets/view.css']);
    const state = settledFlag(quiet.settled(50, 400));
    quiet.touch();
    quiet.answered('/assets/index.js');
    // An answer to something the page did not name, or the same file again, is not one of them.
    quiet.answered('/assets/other.js');
    quiet.answered('/assets/index.js');
    quiet.answered('/assets/view.js');
    await vi.advanceTimersByTimeAsync(10);
    expect(state.done).toBe(false);
    quiet.answered('/assets/view.css?v=2'); // its query is not part of the file
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still settles by the quiet time when a named file is never asked for (a cached copy)', async () => {
    const quiet = watch();
    quiet.touch();
    quiet.expect(['/assets/index.js', '/assets/view.js']);
    quiet.answered('/assets/index.js');
    const state = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(49);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });

  it('a page that names nothing changes nothing', async () => {
    const quiet = watch();
    quiet.touch();
    quiet.expect([]);
    const state = settledFlag(quiet.settled(50, 400));
    await vi.advanceTimersByTimeAsync(49);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });
});

describe('wantsContent', () => {
  it('is a view’s socket or a pack file, with or without a query, and nothing else', () => {
    expect(wantsContent('/ws?token=abc')).toBe(true);
    expect(wantsContent('/ws')).toBe(true);
    expect(wantsContent('/media/media/drawings/a.jpg?w=1280')).toBe(true);
    expect(wantsContent('/display?token=abc')).toBe(false);
    expect(wantsContent('/assets/index-abc.js')).toBe(false);
    expect(wantsContent('/wsx')).toBe(false);
    expect(wantsContent('/assets/media/x.js')).toBe(false);
  });
});
