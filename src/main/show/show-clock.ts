import type { Clock } from '../../shared/time';
import {
  clockSanity,
  showClockRefusal,
  type ShowClockRefusal,
} from '../../shared/time/clock-sanity';

export interface ShowClockState {
  /** Added to the machine's clock; 0 when the machine's clock is used as it is. */
  offsetMs: number;
  /** The machine's own clock is before what the pack states as past. */
  machineClockBehind: boolean;
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

  now(): number {
    return this.machine.now() + this.offsetMs;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    return this.machine.setTimeout(callback, ms);
  }
  clearTimeout(handle: unknown): void {
    this.machine.clearTimeout(handle);
  }

  state(): ShowClockState {
    return { offsetMs: this.offsetMs, machineClockBehind: this.machineClockBehind() };
  }

  machineClockBehind(): boolean {
    return clockSanity(this.machine.now(), this.newestPastDay(), this.timeZone).status === 'behind';
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
