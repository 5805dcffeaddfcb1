import type { ContentSnapshot } from '../../../shared/content';
import type { ShowState } from '../../../shared/protocol';
import { ShowLoop } from '../../../shared/show';
import type { Clock } from '../../../shared/time';

/**
 * The standalone player's show: the same `ShowLoop` the core's engine runs (order, durations,
 * date windows, the transition counter the language cycle reads), on this device's clock.
 * There is no operator, so no blackout, no songs and no safe mode to switch: what the pack
 * owner exported is what plays.
 */
export class PlayerShow {
  private readonly loop: ShowLoop;

  constructor(
    private readonly content: ContentSnapshot,
    private readonly clock: Clock,
    changed: () => void,
    random: () => number = Math.random,
  ) {
    this.loop = new ShowLoop(content, { clock, random, safeMode: () => false, changed }, null);
    this.loop.scheduleOrderCheck();
  }

  next(): void {
    if (this.loop.order.length === 0) return;
    this.loop.advance();
    this.loop.scheduleOrderCheck();
  }

  previous(): void {
    if (this.loop.order.length === 0) return;
    this.loop.previous();
  }

  togglePause(): void {
    if (this.loop.paused) this.loop.resume();
    else this.loop.pause();
  }

  stop(): void {
    this.loop.stop();
  }

  /** The state a display view renders, shaped as the core's `ShowEngine.state()`. */
  state(): ShowState {
    const loop = this.loop;
    const current = loop.current();
    return {
      playlistId: loop.playlistId,
      sequence: Math.max(0, loop.sequence),
      order: loop.order.map((p) => p.itemId),
      position: current ? loop.position : 0,
      itemId: current?.itemId ?? null,
      startedAt: loop.startedAt,
      durationMs: current?.durationMs ?? 0,
      paused: loop.paused,
      remainingMs: loop.paused ? loop.remainingMs : null,
      blackout: false,
      safeMode: false,
      lyrics: null,
      setlist: null,
      outputLanguages: { display: [], overlay: [] },
      overlays: { lowerThird: false, lyrics: false, drawing: false, nowPlaying: false },
      stage: { message: null, language: null },
      serverTime: this.clock.now(),
    };
  }

  get snapshot(): ContentSnapshot {
    return this.content;
  }
}

/** What a key does in the player: the clicker's and keyboard's keys, never a held one. */
export function playerKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): 'next' | 'previous' | null {
  if (event.repeat || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(event.key)) return 'next';
  if (['ArrowLeft', 'PageUp', 'Backspace'].includes(event.key)) return 'previous';
  return null;
}

/** A tap on the right half moves on, on the left half goes back. */
export function playerTapAction(x: number, width: number): 'next' | 'previous' {
  return x >= width / 2 ? 'next' : 'previous';
}
