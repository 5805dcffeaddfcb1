import type { ShowState } from '../../shared/protocol';
import type { Clock } from '../../shared/time';
import { ChangeLead } from './change-lead';

/**
 * When the slide or lyric line now on air goes up on the screens: stamped the learned lead
 * ahead when it first changes (change-lead.ts), and the same stamp on every later state until
 * the next change, so a view that joins or hears it late shows it at once.
 */
export class ChangeStamp {
  /** What was on air at the last change, and when that change goes up. */
  private lastChange: { key: string; showAt: number } | null = null;

  /**
   * `machineClock`: the machine's clock, which views measure their offset against (pong).
   * `lead`: shared by every stamp of the core, so one screen's reports time them all.
   */
  constructor(
    private readonly machineClock: Clock,
    private readonly lead: ChangeLead = new ChangeLead(),
  ) {}

  showAt(sequence: number, lyrics: ShowState['lyrics']): number {
    const key = `${sequence}|${lyrics ? `${lyrics.songId}|${lyrics.line}` : ''}`;
    if (this.lastChange?.key !== key) {
      const now = this.machineClock.now();
      // The very first state has nothing to switch from: it is due now.
      const showAt = this.lastChange === null ? now : this.lead.stamp(now);
      this.lastChange = { key, showAt };
    }
    return this.lastChange.showAt;
  }
}
