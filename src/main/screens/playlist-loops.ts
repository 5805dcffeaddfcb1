import type { ContentSnapshot } from '../../shared/content';
import { MAIN_PLAYLIST } from '../../shared/protocol';
import {
  keptOrStartingPlaylist,
  loopStanding,
  ShowLoop,
  type PlaylistPlay,
} from '../../shared/show';
import type { Clock } from '../../shared/time';
import type { ChangeLead } from '../show/change-lead';
import { ChangeStamp } from '../show/change-stamp';

export interface PlaylistLoopsOptions {
  content: ContentSnapshot;
  /** The show's clock (with the operator's offset): dates and time-of-day rules use it. */
  clock: Clock;
  /** The machine's clock, which `showAt` stamps are on (as the main show's). */
  machineClock: Clock;
  random: () => number;
  /** The main show's safe mode: it holds on every loop. */
  safeMode: () => boolean;
  /** A loop's timers put another item on air. */
  changed: (playlistId: string) => void;
  /** The main show's lead of `showAt`, learned from every screen. */
  changeLead?: ChangeLead;
}

/** How long after a minute begins its playlists are checked: clear of the minute's edge. */
const MINUTE_SLACK_MS = 5;

interface RunningLoop {
  loop: ShowLoop;
  stamp: ChangeStamp;
}

/**
 * One `ShowLoop` per playlist that a connected screen plays besides the main show, with the
 * same rules as the main one (durations, dates and times of day, safe mode). A loop starts
 * when the first screen that plays its playlist is there and stops when the last one leaves,
 * so nothing keeps time for a playlist nobody watches.
 */
export class PlaylistLoops {
  private readonly loops = new Map<string, RunningLoop>();
  /** The timer that looks, each minute, for a screen's playlist whose time has come. */
  private startWatch: unknown = null;
  private content: ContentSnapshot;
  private safeModeWas: boolean;

  constructor(private readonly options: PlaylistLoopsOptions) {
    this.content = options.content;
    this.safeModeWas = options.safeMode();
  }

  /** The playlists that screens play now: starts the missing loops and stops the others. */
  want(playlistIds: Iterable<string>): void {
    const wanted = new Set([...playlistIds].filter((id) => id !== MAIN_PLAYLIST));
    for (const [id, running] of this.loops) {
      if (wanted.has(id)) continue;
      running.loop.stop();
      this.loops.delete(id);
    }
    for (const id of wanted) if (!this.loops.has(id)) this.start(id);
    this.watchForStarts();
  }

  running(): string[] {
    return [...this.loops.keys()];
  }

  /** Where `playlistId`'s loop stands, or null when none runs. */
  play(playlistId: string): PlaylistPlay | null {
    const running = this.loops.get(playlistId);
    if (!running) return null;
    const { loop, stamp } = running;
    return {
      ...loopStanding(loop),
      sequence: loop.sequence,
      showAt: stamp.showAt(loop.sequence, null),
    };
  }

  setContent(content: ContentSnapshot): void {
    this.content = content;
    for (const { loop } of this.loops.values()) {
      loop.setContent(content);
      loop.scheduleOrderCheck();
    }
    this.watchForStarts();
  }

  /** Safe mode turned on the main show: every loop hides sensitive items (or shows them). */
  safeModeMaybeChanged(): void {
    const on = this.options.safeMode();
    if (on === this.safeModeWas) return;
    this.safeModeWas = on;
    for (const { loop } of this.loops.values()) loop.safeModeChanged(on);
  }

  stop(): void {
    for (const { loop } of this.loops.values()) loop.stop();
    this.loops.clear();
    this.watchForStarts();
  }

  /**
   * A loop whose playlist is not running yet (the merch playlist from 19:00) plays what the
   * show would instead, and its screens the main show; it must take its own playlist up when
   * that starts. Playlist times are to the minute, so the check runs just after each minute
   * while any loop waits.
   */
  private watchForStarts(): void {
    const { clock } = this.options;
    if (this.waiting().length === 0) {
      if (this.startWatch !== null) clock.clearTimeout(this.startWatch);
      this.startWatch = null;
      return;
    }
    // Armed already: left alone, or a slide changing on the minute would put it off each time.
    if (this.startWatch !== null) return;
    const now = clock.now();
    // Just after the next minute begins (or this one, if it began a moment ago).
    const check = Math.floor((now - MINUTE_SLACK_MS) / 60_000) * 60_000 + 60_000 + MINUTE_SLACK_MS;
    this.startWatch = clock.setTimeout(() => {
      this.startWatch = null;
      const at = clock.now();
      for (const id of this.waiting()) {
        if (keptOrStartingPlaylist(this.content, id, at) !== id) continue;
        this.loops.get(id)?.loop.stop();
        this.start(id);
        this.options.changed(id);
      }
      this.watchForStarts();
    }, check - now);
  }

  /** The playlists screens want whose loops play something else for now. */
  private waiting(): string[] {
    return [...this.loops].filter(([id, { loop }]) => loop.playlistId !== id).map(([id]) => id);
  }

  private start(playlistId: string): void {
    const { clock, machineClock, random, safeMode, changed } = this.options;
    const loop = new ShowLoop(
      this.content,
      {
        clock,
        random,
        safeMode,
        changed: () => {
          // Its playlist may have just ended (an `until`): then it waits to start again.
          this.watchForStarts();
          changed(playlistId);
        },
      },
      {
        playlistId,
        itemId: null,
        position: 0,
        paused: false,
        remainingMs: null,
        blackout: false,
        safeMode: safeMode(),
      },
    );
    loop.scheduleOrderCheck();
    this.loops.set(playlistId, {
      loop,
      stamp: new ChangeStamp(machineClock, this.options.changeLead),
    });
  }
}
