import { CHANGE_LEAD_MS, type ShowState } from '../../shared/protocol';
import type { Clock } from '../../shared/time';

/**
 * When the slide or lyric line now on air goes up on the screens: stamped CHANGE_LEAD_MS
 * ahead when it first changes, and the same stamp on every later state until the next
 * change, so a view that joins or hears it late shows it at once.
 */
export class ChangeStamp {
  /** What was on air at the last change, and when that change goes up. */
  private lastChange: { key: string; showAt: number } | null = null;

  /** `machineClock`: the machine's clock, which views measure their offset against (pong). */
  constructor(private readonly machineClock: Clock) {}

  showAt(sequence: number, lyrics: ShowState['lyrics']): number {
    const key = `${sequence}|${lyrics ? `${lyrics.songId}|${lyrics.line}` : ''}`;
    if (this.lastChange?.key !== key) {
      // The very first state has nothing to switch from: it is due now.
      const lead = this.lastChange === null ? 0 : CHANGE_LEAD_MS;
      this.lastChange = { key, showAt: this.machineClock.now() + lead };
    }
    return this.lastChange.showAt;
  }
}
