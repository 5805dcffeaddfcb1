import type { ContentSnapshot } from '../../shared/content';
import type { Clock } from '../../shared/time';
import {
  clockSanity,
  newestPastDay,
  showClockRefusal,
  type ShowClockRefusal,
} from '../../shared/time/clock-sanity';

export interface ShowClockState {
  /** Added to the machine's clock; 0 when the machine's clock is used as it is. */
  offsetMs: number;
  /** The machine's own clock is before what the pack states as past. */
  machineClockBehind: boolean;
  newestPastDay: string | null;
}

/** The newest day the pack's case records state as past (see clock-sanity). */
export function newestPastDayOf(content: ContentSnapshot): string | null {
  return newestPastDay(content.items.flatMap((item) => (item.kind === 'case' ? [item] : [])));
}

/**
 * The core's clock: the machine's clock plus an offset set from a phone or the console.
 * Setting the system clock needs root; this needs nothing and changes nothing outside the
 * show. Timers are the machine's: an offset moves "now", not how long a slide stays.
 */
export class ShowClock implements Clock {
  private offsetMs = 0;

  constructor(
    private readonly machine: Clock,
    /** The newest day the pack states as past (see clock-sanity), read each time: packs change. */
    private readonly newestPastDay: () => string | null,
    private readonly timeZone?: string,
  ) {}

  /**
   * The offset counts only while the machine's clock is still behind: when NTP or a new
   * battery puts it right mid-show, adding the offset too would throw the counters years ahead.
   */
  now(): number {
    const machine = this.machine.now();
    return this.offsetMs !== 0 && this.behindAt(machine) ? machine + this.offsetMs : machine;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    return this.machine.setTimeout(callback, ms);
  }
  clearTimeout(handle: unknown): void {
    this.machine.clearTimeout(handle);
  }

  state(): ShowClockState {
    return {
      offsetMs: this.offsetMs,
      machineClockBehind: this.machineClockBehind(),
      newestPastDay: this.newestPastDay(),
    };
  }

  machineClockBehind(): boolean {
    return this.behindAt(this.machine.now());
  }

  private behindAt(machineNow: number): boolean {
    return clockSanity(machineNow, this.newestPastDay(), this.timeZone).status === 'behind';
  }

  /**
   * A saved offset is taken only while the machine's clock still looks wrong: once it has
   * its time back (NTP, a new battery), the offset would push the counters wrong. Returns
   * whether it was taken.
   */
  restore(offsetMs: number): boolean {
    if (!this.machineClockBehind()) return false;
    this.offsetMs = offsetMs;
    return true;
  }

  /** "Use my phone's time": refused if the time is not believable for this pack. */
  set(nowMs: number): ShowClockRefusal {
    const refusal = showClockRefusal(nowMs, this.newestPastDay(), this.timeZone);
    if (refusal) return refusal;
    this.offsetMs = Math.round(nowMs - this.machine.now());
    return null;
  }
}
