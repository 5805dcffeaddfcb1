import { describe, expect, it } from 'vitest';
import { ShowEngine } from '../../../../src/main/show/engine';
import {
  commandSchema,
  mayRun,
  showStateSchema,
  videoPositionAt,
  type Command,
} from '../../../../src/shared/protocol';
import { localNoon, playlist, snapshot, statement } from './content-fixtures';
import { FakeClock } from './fake-clock';

const start = localNoon(2024, 6, 15);

const video = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'video',
  id,
  file: `media/videos/${id}.webm`,
  title: `Film ${id}`,
  licence: 'CC BY 4.0',
  ...extra,
});

/** v1 (video, 30 s by default), s (statement 20 s), v2 (video). */
function videoShow(extra: Record<string, unknown> = {}) {
  const clock = new FakeClock(start);
  const content = snapshot([
    statement('s'),
    video('v1', extra),
    video('v2'),
    playlist('main', ['v1', 's', 'v2']),
  ]);
  const engine = new ShowEngine(content, { clock });
  const run = (command: Command) => engine.execute(commandSchema.parse(command));
  const now = () => clock.now();
  return { clock, engine, run, now };
}

describe('the video on air', () => {
  it('starts at 0 when it goes on air and runs on the server clock', () => {
    const { engine, clock, now } = videoShow();
    const state = engine.state();
    expect(showStateSchema.parse(state)).toBeTruthy();
    expect(state.itemId).toBe('v1');
    expect(state.video).toMatchObject({ itemId: 'v1', positionMs: 0, paused: false });
    clock.advance(4_000);
    expect(videoPositionAt(engine.state().video!, now())).toBe(4_000);
  });

  it('is null on a slide', () => {
    const { engine, run } = videoShow();
    run({ name: 'next' });
    expect(engine.state().itemId).toBe('s');
    expect(engine.state().video).toBeNull();
  });

  it('pauses and resumes with the loop timer held, so a paused video is not cut off', () => {
    const { engine, run, clock, now } = videoShow();
    clock.advance(5_000);
    expect(run({ name: 'videoPause' }).ok).toBe(true);
    clock.advance(60_000);
    const paused = engine.state();
    expect(paused.itemId).toBe('v1');
    expect(paused.paused).toBe(true);
    expect(videoPositionAt(paused.video!, now())).toBe(5_000);
    run({ name: 'videoResume' });
    clock.advance(2_000);
    expect(videoPositionAt(engine.state().video!, now())).toBe(7_000);
    // 30 s planned: 23 s are left after 7 s of play.
    clock.advance(22_999);
    expect(engine.state().itemId).toBe('v1');
    clock.advance(1);
    expect(engine.state().itemId).toBe('s');
  });

  it('pausing the show (space bar, remote) holds the video too', () => {
    const { engine, run, clock, now } = videoShow();
    clock.advance(3_000);
    run({ name: 'togglePause' });
    clock.advance(10_000);
    expect(engine.state().video?.paused).toBe(true);
    expect(videoPositionAt(engine.state().video!, now())).toBe(3_000);
  });

  it('seeks, and the item ends when the video does', () => {
    const { engine, run, clock, now } = videoShow();
    expect(run({ name: 'videoSeek', ms: 25_000 }).ok).toBe(true);
    expect(videoPositionAt(engine.state().video!, now())).toBe(25_000);
    clock.advance(4_999);
    expect(engine.state().itemId).toBe('v1');
    clock.advance(1);
    expect(engine.state().itemId).toBe('s');
  });

  it('restarts from the top with the full time again', () => {
    const { engine, run, clock, now } = videoShow();
    clock.advance(20_000);
    run({ name: 'videoRestart' });
    expect(videoPositionAt(engine.state().video!, now())).toBe(0);
    clock.advance(29_000);
    expect(engine.state().itemId).toBe('v1');
  });

  it('refuses the video commands when no video is on air', () => {
    const { run } = videoShow();
    run({ name: 'next' });
    for (const name of ['videoPause', 'videoResume', 'videoRestart'] as const) {
      const result = run({ name });
      expect(result.ok).toBe(false);
    }
    expect(run({ name: 'videoSeek', ms: 1000 }).ok).toBe(false);
  });
});

describe('a video a screen cannot play', () => {
  it('is skipped once however many screens report it, and recorded with file and reason', () => {
    const { engine, run } = videoShow();
    const { sequence } = engine.state();
    // Three screens report the same stall of the same showing.
    for (let i = 0; i < 3; i++) {
      expect(run({ name: 'videoFault', itemId: 'v1', reason: 'stalled', sequence }).ok).toBe(true);
    }
    const state = engine.state();
    expect(state.itemId).toBe('s');
    expect(state.videoFaults).toEqual([
      { itemId: 'v1', file: 'media/videos/v1.webm', reason: 'stalled', at: start },
    ]);
  });

  it('a late report about an earlier showing does not skip the next showing of the same video', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(snapshot([video('v1'), playlist('main', ['v1'])]), { clock });
    const first = engine.state().sequence;
    engine.execute({ name: 'videoFault', itemId: 'v1', reason: 'missing', sequence: first });
    const second = engine.state();
    expect(second.itemId).toBe('v1');
    expect(second.sequence).not.toBe(first);
    engine.execute({ name: 'videoFault', itemId: 'v1', reason: 'missing', sequence: first });
    expect(engine.state().sequence).toBe(second.sequence);
    expect(engine.state().videoFaults).toHaveLength(1);
  });

  it('a report naming an item that is not on air changes nothing', () => {
    const { engine, run } = videoShow();
    run({ name: 'videoFault', itemId: 'v2', reason: 'decode' });
    run({ name: 'videoFault', itemId: 's', reason: 'decode' });
    expect(engine.state().itemId).toBe('v1');
    expect(engine.state().videoFaults).toEqual([]);
  });

  it('only screens report faults; only the operator and the remote steer the video', () => {
    const fault = commandSchema.parse({ name: 'videoFault', itemId: 'v1', reason: 'decode' });
    expect(mayRun('display', fault)).toBe(true);
    expect(mayRun('kiosk', fault)).toBe(true);
    expect(mayRun('remote', fault)).toBe(false);
    expect(mayRun('overlay', fault)).toBe(false);
    const pause = commandSchema.parse({ name: 'videoPause' });
    expect(mayRun('operator', pause)).toBe(true);
    expect(mayRun('remote', pause)).toBe(true);
    expect(mayRun('display', pause)).toBe(false);
    expect(mayRun('remote', commandSchema.parse({ name: 'videoSeek', ms: 0 }))).toBe(false);
  });

  it('safe mode takes a sensitive video off air like any item', () => {
    const { engine, run } = videoShow({ sensitive: true });
    expect(engine.state().itemId).toBe('v1');
    run({ name: 'safeMode', on: true });
    expect(engine.state().itemId).not.toBe('v1');
    expect(engine.state().order).not.toContain('v1');
    expect(engine.state().video?.itemId).not.toBe('v1');
  });
});
