import type { ContentSnapshot } from '../content';
import type { ShowState } from '../protocol';
import type { Clock } from '../time';
import { ShowLoop } from './loop';
import { loopStanding } from './output-show';

/**
 * Whether a screen that lost the core can keep playing from `last` by itself: a loop that
 * runs on its timers. A paused show, a blackout and a song with live lyrics (held by the
 * operator's hand, not by a timer) stay as they are until the core is back.
 */
export function canPlayOffline(last: ShowState): boolean {
  return (
    !last.paused &&
    !last.blackout &&
    last.itemId !== null &&
    last.durationMs > 0 &&
    (last.lyrics === null || last.lyrics.songId !== last.itemId)
  );
}

/**
 * A screen without the core: the same `ShowLoop` the core runs, started from the last state
 * the screen had (the item on air keeps its remaining time), on the screen's clock corrected
 * to the core's, with the safe mode it last heard: it keeps playing its playlist as the core
 * does, so a screen that rejoins finds the core on the same slide (its sequence goes on from
 * the core's, so that slide does not fade again). While cut off it cannot hear safe mode
 * turned on: the console shows it offline, and docs/security.md says what to do.
 */
export class OfflineShow {
  private readonly loop: ShowLoop;
  private readonly sequenceShift: number;

  constructor(
    content: ContentSnapshot,
    private readonly last: ShowState,
    private readonly clock: Clock,
    changed: () => void,
  ) {
    const remainingMs = Math.max(0, last.startedAt + last.durationMs - clock.now());
    this.loop = new ShowLoop(
      content,
      { clock, random: Math.random, safeMode: () => last.safeMode, changed },
      {
        playlistId: last.playlistId,
        itemId: last.itemId,
        position: last.position,
        paused: true,
        remainingMs,
        blackout: false,
        safeMode: last.safeMode,
      },
    );
    // The slide on screen stays up for the rest of its time when it is still in the order
    // (the same sequence: no new fade); else what replaces it is the next change.
    const kept = this.loop.current()?.itemId === last.itemId;
    this.sequenceShift = last.sequence + (kept ? 0 : 1) - this.loop.sequence;
    this.loop.resume();
    this.loop.scheduleOrderCheck();
  }

  state(): ShowState {
    const loop = this.loop;
    const { showAt: _coreStamp, ...last } = this.last;
    return {
      ...last,
      ...loopStanding(loop),
      sequence: loop.sequence + this.sequenceShift,
      paused: false,
      remainingMs: null,
      video: null,
      serverTime: this.clock.now(),
    };
  }

  stop(): void {
    this.loop.stop();
  }
}
