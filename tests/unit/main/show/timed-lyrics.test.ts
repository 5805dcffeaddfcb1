import { describe, expect, it } from 'vitest';
import { ShowEngine, positionOf } from '../../../../src/main/show/engine';
import type { ShowState } from '../../../../src/shared/protocol';
import { localNoon, playlist, snapshot, song, statement, verses } from './content-fixtures';
import { FakeClock } from './fake-clock';

const start = localNoon(2024, 6, 15);

/** Line i starts at CUES[i] ms of song time. */
const CUES = [1_000, 3_000, 6_000, 10_000, 12_500, 20_000];
const LRC = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1']
  .map((text, i) => {
    const ms = CUES[i]!;
    const mm = String(Math.floor(ms / 60_000)).padStart(2, '0');
    const ss = ((ms % 60_000) / 1000).toFixed(2).padStart(5, '0');
    return `[${mm}:${ss}]${text}`;
  })
  .join('\n');

function timedShow() {
  const clock = new FakeClock(start);
  const content = snapshot([
    statement('a'),
    song('timed', { sections: verses(['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']), lrc: LRC }),
    song('manual', { sections: verses(['m1', 'm2']) }),
    playlist('main', ['a']),
  ]);
  const engine = new ShowEngine(content, { clock });
  const seen: { at: number; line: number }[] = [];
  engine.subscribe((s: ShowState) => {
    if (s.lyrics) seen.push({ at: clock.now() - start, line: s.lyrics.line });
  });
  engine.execute({ name: 'lyricsStart', songId: 'timed' });
  seen.length = 0;
  const line = () => engine.state().lyrics?.line;
  return { clock, engine, seen, line, content };
}

describe('timed lyrics on a fake clock', () => {
  it('follows the LRC times exactly from the start cue, one state per line', () => {
    const { clock, engine, seen, line } = timedShow();
    expect(engine.execute({ name: 'lyricsTimedStart' })).toEqual({ ok: true });
    expect(engine.state().lyrics).toEqual({
      songId: 'timed',
      line: 0,
      timed: { running: true, anchorAt: start, pausedAtMs: null },
    });
    clock.advance(2_999);
    expect(line()).toBe(0);
    clock.advance(1);
    expect(line()).toBe(1);
    clock.advance(60_000);
    expect(seen).toEqual([
      { at: 0, line: 0 },
      { at: 3_000, line: 1 },
      { at: 6_000, line: 2 },
      { at: 10_000, line: 3 },
      { at: 12_500, line: 4 },
      { at: 20_000, line: 5 },
    ]);
    // At the last line nothing more is scheduled; the song stays up until it is ended.
    expect(clock.pending()).toBe(0);
    expect(engine.state().itemId).toBe('timed');
  });

  it('holds on pause and goes on from there on resume', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(4_000);
    engine.execute({ name: 'lyricsTimedPause' });
    expect(engine.state().lyrics?.timed).toEqual({
      running: false,
      anchorAt: start,
      pausedAtMs: 4_000,
    });
    clock.advance(60_000);
    expect(line()).toBe(1);
    engine.execute({ name: 'lyricsTimedResume' });
    expect(engine.state().lyrics?.timed).toEqual({
      running: true,
      anchorAt: clock.now() - 4_000,
      pausedAtMs: null,
    });
    clock.advance(1_999);
    expect(line()).toBe(1);
    clock.advance(1);
    expect(line()).toBe(2);
  });

  it('nudge +500 brings the next line 500 ms sooner, -500 later', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(3_500); // line 1; line 2 due at 6 000
    expect(engine.execute({ name: 'lyricsNudge', ms: 500 })).toEqual({ ok: true });
    expect(engine.state().lyrics?.timed?.anchorAt).toBe(start - 500);
    clock.advance(1_999); // 5 499
    expect(line()).toBe(1);
    clock.advance(1); // 5 500
    expect(line()).toBe(2);
    engine.execute({ name: 'lyricsNudge', ms: -500 });
    engine.execute({ name: 'lyricsNudge', ms: -500 }); // line 3 due at 10 000 + 500
    clock.advance(10_499 - 5_500);
    expect(line()).toBe(2);
    clock.advance(1);
    expect(line()).toBe(3);
  });

  it('a nudge while paused moves the paused song time', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(5_000);
    engine.execute({ name: 'lyricsTimedPause' });
    engine.execute({ name: 'lyricsNudge', ms: 500 });
    expect(engine.state().lyrics?.timed?.pausedAtMs).toBe(5_500);
    engine.execute({ name: 'lyricsTimedResume' });
    clock.advance(499);
    expect(line()).toBe(1);
    clock.advance(1);
    expect(line()).toBe(2);
  });

  it('a manual move while timed keeps timing and makes the chosen line "now"', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(4_000); // line 1, 1 s before line 2 is due
    engine.execute({ name: 'lyricsNext' }); // the band is already on line 2
    expect(engine.state().lyrics).toMatchObject({
      line: 2,
      timed: { running: true, anchorAt: clock.now() - 6_000 },
    });
    // Line 3 comes at its LRC distance from line 2: 4 s later.
    clock.advance(3_999);
    expect(line()).toBe(2);
    clock.advance(1);
    expect(line()).toBe(3);
    // Jumping back re-anchors too: b1's time is "now" again.
    engine.execute({ name: 'lyricsGoTo', line: 0 });
    expect(engine.state().lyrics?.timed?.anchorAt).toBe(clock.now() - 1_000);
    clock.advance(2_000);
    expect(line()).toBe(1);
  });

  it('a manual move while paused moves the paused song time', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    engine.execute({ name: 'lyricsTimedPause' });
    engine.execute({ name: 'lyricsNextStanza' });
    expect(engine.state().lyrics).toMatchObject({
      line: 3,
      timed: { running: false, pausedAtMs: 10_000 },
    });
    clock.advance(60_000);
    expect(line()).toBe(3);
    engine.execute({ name: 'lyricsTimedResume' });
    clock.advance(2_500);
    expect(line()).toBe(4);
  });

  it('says what it cannot time', () => {
    const { engine } = timedShow();
    expect(engine.execute({ name: 'lyricsTimedPause' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: 'the lyrics are not timed; give the start cue with lyricsTimedStart',
      }),
    });
    expect(engine.execute({ name: 'lyricsNudge', ms: 500 })).toMatchObject({ ok: false });
    engine.execute({ name: 'lyricsStart', songId: 'manual' });
    expect(engine.execute({ name: 'lyricsTimedStart' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: '"manual" has no LRC times; move its lines by hand with lyricsNext',
      }),
    });
  });

  it('stops the timer when the song ends, and starts over on a new cue', () => {
    const { clock, engine, line } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(7_000);
    engine.execute({ name: 'lyricsTimedStart' });
    expect(line()).toBe(0);
    clock.advance(3_000);
    expect(line()).toBe(1);
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state()).toMatchObject({ lyrics: null, itemId: 'a' });
    // Only the loop's own timer is left.
    expect(clock.pending()).toBe(1);
  });

  it('comes back after a restart paused at its line: the band went on without the core', () => {
    const { clock, engine, content } = timedShow();
    engine.execute({ name: 'lyricsTimedStart' });
    clock.advance(11_000); // line 3
    const saved = JSON.parse(JSON.stringify(positionOf(engine.state())));
    engine.stop();
    const later = new FakeClock(start + 600_000);
    const again = new ShowEngine(content, { clock: later, resume: saved });
    expect(again.state().lyrics).toEqual({
      songId: 'timed',
      line: 3,
      timed: { running: false, anchorAt: start, pausedAtMs: 10_000 },
    });
    later.advance(60_000);
    expect(again.state().lyrics?.line).toBe(3);
    again.execute({ name: 'lyricsTimedResume' });
    later.advance(2_500);
    expect(again.state().lyrics?.line).toBe(4);
  });
});
