/**
 * How far ahead a change of slide or lyric line is stamped (`showAt`), learned from the screens.
 *
 * Every screen must have a change ready before it is due, so all switch on the same frame
 * (issue 16); yet every ms of lead is a ms between the operator's key and the screens
 * (issue 4: 50 ms). A fixed lead could not serve both: 25 ms met both on an idle machine, and
 * under CI's load half the changes reached a screen after their `showAt`; 100 ms was safe there
 * and cost 119 ms a key press (bench/results.md, "Screens that switch together").
 *
 * So each screen says when it had a change ready (`prepared`: heard, rendered hidden and
 * scheduled, on the core's clock by its offset), and the lead is the slowest screen's recent
 * high delay plus a margin, between a floor and a ceiling. Until a screen has said enough
 * the lead is the safe one that held under load.
 */
export const CHANGE_LEAD = {
  /** Before any screen has reported: what held under CI's load. */
  startMs: 100,
  /** Never shorter: a frame and a little, for a screen's own timer and vsync. */
  minMs: 20,
  /**
   * Never longer, whatever a screen reports: a screen could be hostile (it has only a view's
   * token), and this is all it can cost the show, a fifth of a second a change.
   */
  maxMs: 200,
  /** Added to the slowest screen's high delay: the spread between its changes. */
  marginMs: 15,
  /** A screen's recent delays kept; its high one is the 90th percentile of them. */
  samples: 20,
  /**
   * A screen counts once it has reported this many, and its highest delay never does: a
   * page's first changes come while it is still warming up (its deferred fonts and next
   * slide), and one of them 180 ms late held the lead at the ceiling for twenty changes in the
   * sync test when it counted. Three: the middle one of its first three.
   */
  minSamples: 3,
  /** Older delays say nothing of the machine now (a build ended, a screen warmed up). */
  sampleMaxAgeMs: 5 * 60_000,
  /**
   * A change ready this long after its stamp was not delayed but missed: the screen was
   * reconnecting or asleep. It must not hold the lead up for the next twenty changes.
   */
  missedMs: 1_000,
  /** Stamps remembered to match reports against: far more than can be in flight. */
  stamps: 64,
} as const;

/** What the socket hub tells the lead: a screen's report, and a screen that left. */
export interface ChangeLeadReports {
  prepared(screenId: string, showAt: number, at: number): void;
  forget(screenId: string): void;
}

interface Delay {
  ms: number;
  at: number;
}

/** The lead for the next change, learned from every screen's reports (see CHANGE_LEAD). */
export class ChangeLead implements ChangeLeadReports {
  /** showAt → when it was stamped, for the stamps made with a lead. */
  private readonly stamps = new Map<number, number>();
  private readonly delays = new Map<string, Delay[]>();
  private leadMs: number = CHANGE_LEAD.startMs;
  /** The newest stamp a screen reported on: what "recent" is measured from. */
  private newestStamp = 0;

  /** Stamps a change made at `now` (machine clock): when it goes up on every screen. */
  stamp(now: number): number {
    const showAt = now + this.leadMs;
    if (!this.stamps.has(showAt)) {
      this.stamps.set(showAt, now);
      if (this.stamps.size > CHANGE_LEAD.stamps) {
        this.stamps.delete(this.stamps.keys().next().value as number);
      }
    }
    return showAt;
  }

  /** The lead the next stamp gets, in ms. */
  current(): number {
    return this.leadMs;
  }

  /**
   * A screen had the change stamped `showAt` ready at `at` (machine clock, by its offset).
   * A stamp this lead never made is not believed: a screen can only report what it was sent.
   */
  prepared(screenId: string, showAt: number, at: number): void {
    const stampedAt = this.stamps.get(showAt);
    if (stampedAt === undefined) return;
    // An offset estimate a little off can put `at` before the stamp: that is no delay.
    const ms = Math.max(0, at - stampedAt);
    if (ms >= CHANGE_LEAD.missedMs) return;
    const delays = this.delays.get(screenId) ?? [];
    delays.push({ ms, at: stampedAt });
    this.delays.set(screenId, delays.slice(-CHANGE_LEAD.samples));
    this.newestStamp = Math.max(this.newestStamp, stampedAt);
    this.relearn();
  }

  /** A screen left: its delays no longer hold the lead. */
  forget(screenId: string): void {
    if (this.delays.delete(screenId)) this.relearn();
  }

  private relearn(): void {
    let slowest: number | null = null;
    for (const [screenId, delays] of this.delays) {
      const recent = delays.filter((d) => this.newestStamp - d.at <= CHANGE_LEAD.sampleMaxAgeMs);
      this.delays.set(screenId, recent);
      const high = highDelay(recent.map((d) => d.ms));
      if (high !== null && (slowest === null || high > slowest)) slowest = high;
    }
    this.leadMs =
      slowest === null
        ? CHANGE_LEAD.startMs
        : Math.min(CHANGE_LEAD.maxMs, Math.max(CHANGE_LEAD.minMs, slowest + CHANGE_LEAD.marginMs));
  }
}

/**
 * The 90th percentile of `delays` (the third of twenty from the top), never the highest (a
 * page warming up, a hiccup), or null for fewer than CHANGE_LEAD.minSamples. A screen late on
 * one change in ten goes up a frame or so after the others that once; a lead that covered its
 * every hiccup would cost every key press.
 */
export function highDelay(delays: readonly number[]): number | null {
  if (delays.length < CHANGE_LEAD.minSamples) return null;
  const sorted = [...delays].sort((a, b) => a - b);
  return sorted[Math.min(Math.ceil(sorted.length * 0.9), sorted.length - 1) - 1] ?? null;
}
