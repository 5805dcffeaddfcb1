import type { SongItem } from '../../shared/content';
import { lyricPositions, type LyricPosition } from '../../shared/lyrics';
import type { Command, LyricsCursor } from '../../shared/protocol';
import type { Clock } from '../../shared/time';
import { moveLine, type LyricsMove } from './lyrics-cursor';
import {
  anchorAtLine,
  lineAt,
  nextLineTime,
  nudgeTiming,
  pauseTiming,
  resumeTiming,
  startTiming,
  type LineTimes,
  type Timing,
} from '../../shared/show/lyrics-timing';
import { coreText, fail, ok, type Result } from '../../shared/protocol';

export type LyricsCommand = Extract<
  Command,
  {
    name:
      | 'lyricsNext'
      | 'lyricsPrevious'
      | 'lyricsNextStanza'
      | 'lyricsPreviousStanza'
      | 'lyricsGoTo'
      | 'lyricsTimedStart'
      | 'lyricsTimedPause'
      | 'lyricsTimedResume'
      | 'lyricsNudge';
  }
>;

interface Live {
  songId: string;
  positions: LyricPosition[];
  times: LineTimes | null;
  line: number;
  timing: Timing | null;
}

/**
 * The cursor of the song being sung, and the timer of timed lyrics. The engine decides what
 * is on air; this only knows lines. `onAdvance` runs when the timer moves the cursor by itself,
 * so the engine can send the new state.
 */
export class LiveLyrics {
  private live: Live | null = null;
  private timer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly onAdvance: () => void,
  ) {}

  cursor(): LyricsCursor | null {
    const live = this.live;
    return (
      live && { songId: live.songId, line: live.line, timed: live.timing && { ...live.timing } }
    );
  }

  songId(): string | null {
    return this.live?.songId ?? null;
  }

  /** Manual mode at `line`; `timing` only when a saved show comes back. */
  start(song: SongItem, times: LineTimes | null, line = 0, timing: Timing | null = null): void {
    const positions = lyricPositions(song);
    this.live = {
      songId: song.id,
      positions,
      times,
      line: clamp(line, positions.length),
      timing: times ? timing : null,
    };
    this.schedule();
  }

  end(): void {
    this.clearTimer();
    this.live = null;
  }

  /** New content for the song on air: the cursor stays on its line, as far as it still exists. */
  update(song: SongItem, times: LineTimes | null): void {
    const live = this.live;
    if (!live) return;
    live.positions = lyricPositions(song);
    live.times = times;
    live.line = clamp(live.line, live.positions.length);
    if (!times) live.timing = null;
    this.schedule();
  }

  /** The lyrics commands: they move this cursor or its timing, and nothing else. */
  perform(command: LyricsCommand): Result {
    switch (command.name) {
      case 'lyricsNext':
        return this.move('next');
      case 'lyricsPrevious':
        return this.move('previous');
      case 'lyricsNextStanza':
        return this.move('nextStanza');
      case 'lyricsPreviousStanza':
        return this.move('previousStanza');
      case 'lyricsGoTo':
        return this.goTo(command.line);
      case 'lyricsTimedStart':
        return this.timedStart();
      case 'lyricsTimedPause':
        return this.timedPause();
      case 'lyricsTimedResume':
        return this.timedResume();
      case 'lyricsNudge':
        return this.nudge(command.ms);
    }
  }

  move(move: LyricsMove): Result {
    const live = this.live;
    if (!live) return noSong;
    this.setLine(live, moveLine(live.positions, live.line, move));
    return ok;
  }

  goTo(line: number): Result {
    const live = this.live;
    if (!live) return noSong;
    if (line >= live.positions.length) {
      return fail(
        coreText('lyrics.lineOutOfRange', {
          line,
          id: live.songId,
          last: live.positions.length - 1,
        }),
      );
    }
    this.setLine(live, line);
    return ok;
  }

  timedStart(): Result {
    const live = this.live;
    if (!live) return noSong;
    if (!live.times) {
      return fail(coreText('lyrics.noLrc', { id: live.songId }));
    }
    live.line = 0;
    live.timing = startTiming(this.clock.now());
    this.schedule();
    return ok;
  }

  timedPause(): Result {
    return this.retime((timing, now) => pauseTiming(timing, now));
  }

  timedResume(): Result {
    return this.retime((timing, now) => resumeTiming(timing, now));
  }

  nudge(ms: number): Result {
    return this.retime((timing) => nudgeTiming(timing, ms));
  }

  stop(): void {
    this.clearTimer();
  }

  private retime(change: (timing: Timing, now: number) => Timing): Result {
    const live = this.live;
    if (!live) return noSong;
    if (!live.timing || !live.times) {
      return fail(coreText('lyrics.notTimed'));
    }
    live.timing = change(live.timing, this.clock.now());
    this.schedule();
    return ok;
  }

  /**
   * A manual move. While timed, timing keeps running and is re-anchored so the chosen line is
   * "now": the operator corrects the file where the band really is, and the lines after it
   * keep their LRC spacing. Stopping the timing would lose the next lines' cues mid-song.
   */
  private setLine(live: Live, line: number): void {
    live.line = line;
    if (live.timing && live.times) {
      live.timing = anchorAtLine(live.timing, live.times, line, this.clock.now());
    }
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    const live = this.live;
    if (!live?.timing?.running || !live.times) return;
    const next = nextLineTime(live.times, live.line);
    if (next === null) return;
    const delay = Math.max(0, live.timing.anchorAt + next - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      const current = this.live;
      if (!current?.timing?.running || !current.times) return;
      // Never backwards: a nudge back makes the next line later, it does not unsing this one.
      current.line = Math.max(
        current.line,
        lineAt(current.times, this.clock.now() - current.timing.anchorAt),
      );
      this.schedule();
      this.onAdvance();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

const noSong = fail(coreText('lyrics.noSongOnAir'));

function clamp(line: number, count: number): number {
  return Math.min(Math.max(0, line), Math.max(0, count - 1));
}
