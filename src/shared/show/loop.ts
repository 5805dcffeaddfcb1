import type { ContentSnapshot } from '../content';
import type { Clock } from '../time';
import { keepPlaces, safeSlide, showPass } from './pass-order';
import { OrderWatch } from './order-watch';
import { keptOrStartingPlaylist, playlists, type PlannedItem } from './playlist-order';
import { nearestIndex, resumeIndex, type ShowPosition } from './resume';

/**
 * With nothing to play there is no slide timer, so nothing would notice a playlist starting at
 * midnight. Looking again once a minute is cheap and lets an empty screen recover by itself.
 */
const IDLE_RECHECK_MS = 60_000;

/**
 * A song put on air with `lyricsStart` holds the loop: `position` stays where the loop
 * stands, and no slide timer runs, because a song with lyrics stays up until it is ended,
 * however long the band plays.
 */
interface SongHold {
  startedAt: number;
  /**
   * Whether the loop's item at `position` has been on screen. True when the song took over
   * from it (ending the song moves the loop on); false when the loop changed underneath the
   * song (safe mode's slide, a reload), so ending the song shows that item first.
   */
  heldShown: boolean;
}

export interface LoopOptions {
  clock: Clock;
  /** [0, 1); used for shuffled playlists. */
  random: () => number;
  /** Read at every rebuild: safe mode leads with the safe slide and hides sensitive items. */
  safeMode: () => boolean;
  /** The timers changed what is on air: tell the views. */
  changed: () => void;
}

/**
 * The loop and its timers: which item of which playlist is on air, for how long, and when the
 * time alone changes the order. The current item sits at `order[position]`; a pass is one run
 * through `order`, and each new pass recomputes the order so date windows, past events and
 * shuffles stay fresh. The engine decides what to do; the loop keeps time.
 */
export class ShowLoop {
  playlistId: string | null;
  order: PlannedItem[] = [];
  position = 0;
  startedAt: number;
  paused = false;
  /** Only meaningful while paused. */
  remainingMs = 0;
  /** Starts at -1 so the first item on air is transition 0. */
  sequence = -1;
  hold: SongHold | null = null;
  private content: ContentSnapshot;
  private timer: unknown = null;
  private readonly orderWatch: OrderWatch;
  private stopped = false;

  constructor(
    content: ContentSnapshot,
    private readonly options: LoopOptions,
    resume: ShowPosition | null,
  ) {
    const { clock } = options;
    this.orderWatch = new OrderWatch(clock, () => this.onOrderTime());
    this.content = content;
    this.startedAt = clock.now();
    this.paused = resume?.paused ?? false;
    this.playlistId = keptOrStartingPlaylist(content, resume?.playlistId ?? null, clock.now());
    this.order = this.buildOrder(null);
    const index =
      resume && resume.playlistId === this.playlistId ? resumeIndex(this.order, resume) : 0;
    this.putOnAir(index);
    const current = this.current();
    if (resume && this.paused && current?.itemId === resume.itemId && resume.remainingMs !== null) {
      this.remainingMs = Math.min(current.durationMs, Math.max(0, resume.remainingMs));
    }
  }

  current(): PlannedItem | undefined {
    return this.order[this.position];
  }

  /** New content: the playlist if it still runs, and the item on air if it still exists. */
  setContent(content: ContentSnapshot): void {
    this.content = content;
    this.playlistId = keptOrStartingPlaylist(content, this.playlistId, this.options.clock.now());
    this.replaceOrder(this.buildOrder(this.current()?.itemId ?? null));
  }

  /** A song goes on air over the loop (from the loop's slot `index`, if it is in it). */
  holdForSong(index: number): void {
    const now = this.options.clock.now();
    if (this.hold) this.hold.startedAt = now;
    else this.hold = { startedAt: now, heldShown: true };
    // Started from the loop: the song is that slot, so ending it moves the loop past it.
    if (index >= 0) {
      this.position = index;
      this.hold.heldShown = true;
    }
    this.clearTimer();
    this.sequence += 1;
  }

  /** The song on air before a restart holds the loop again (not a new transition). */
  restoreHold(): void {
    this.hold = { startedAt: this.options.clock.now(), heldShown: true };
    this.clearTimer();
  }

  /** Takes the song's hold off; returns whether the held loop item had been shown. */
  release(): boolean {
    const shown = this.hold?.heldShown ?? true;
    this.hold = null;
    return shown;
  }

  /** The loop after a song: on to its next item, or the held one if it never was on screen. */
  afterSong(heldShown: boolean): void {
    if (heldShown && this.order.length > 0) this.advance();
    else this.putOnAir(this.order.length > 0 ? this.position : 0);
  }

  previous(): void {
    this.putOnAir(this.position > 0 ? this.position - 1 : this.order.length - 1);
  }

  /** The first slot holding `itemId`, looking forward from `step` slots after the current one. */
  indexFrom(itemId: string, step: number): number {
    const n = this.order.length;
    for (let k = step; k < step + n; k++) {
      const index = (this.position + k) % n;
      if (this.order[index]?.itemId === itemId) return index;
    }
    return -1;
  }

  /** The order `playlistId` would play now, without switching to it. */
  orderFor(playlistId: string): PlannedItem[] {
    return this.buildOrder(this.current()?.itemId ?? null, playlistId);
  }

  switchTo(playlistId: string, order: PlannedItem[]): void {
    this.playlistId = playlistId;
    this.order = order;
    this.putOnAir(0);
  }

  /** Safe mode turned: rebuild the order; turning it on puts the safe slide up now. */
  safeModeChanged(on: boolean): void {
    const order = this.buildOrder(this.current()?.itemId ?? null);
    if (on && safeSlide(this.content)) {
      // The point of safe mode is the neutral slide going up now, not after the current one.
      this.order = order;
      this.putOnAir(0);
    } else {
      this.replaceOrder(order);
    }
  }

  putOnAir(position: number): void {
    this.position = position;
    if (this.hold) {
      // The loop moved under the song: that item goes up when the song ends.
      this.hold.heldShown = false;
      return;
    }
    this.sequence += 1;
    this.startedAt = this.options.clock.now();
    this.remainingMs = this.current()?.durationMs ?? 0;
    this.schedule();
  }

  advance(): void {
    if (this.position + 1 < this.order.length) {
      this.putOnAir(this.position + 1);
      return;
    }
    this.newPass();
    this.scheduleOrderCheck();
  }

  pause(): void {
    if (this.paused) return;
    this.remainingMs = Math.max(
      0,
      this.startedAt + (this.current()?.durationMs ?? 0) - this.options.clock.now(),
    );
    this.paused = true;
    this.clearTimer();
  }

  resume(): void {
    if (!this.paused) return;
    // Shift the start so that "ends at startedAt + durationMs" holds again.
    this.startedAt =
      this.options.clock.now() - ((this.current()?.durationMs ?? 0) - this.remainingMs);
    this.paused = false;
    this.schedule();
  }

  scheduleOrderCheck(): void {
    if (!this.stopped) this.orderWatch.watch(this.content, this.playlistId);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.orderWatch.stop();
  }

  private buildOrder(after: string | null, playlistId = this.playlistId): PlannedItem[] {
    const { clock, random, safeMode } = this.options;
    return showPass(this.content, playlistId, clock.now(), { random, after, safeMode: safeMode() });
  }

  private newPass(): void {
    // A new pass: the day may have changed since the last one.
    const now = this.options.clock.now();
    this.playlistId = keptOrStartingPlaylist(this.content, this.playlistId, now);
    this.order = this.buildOrder(this.current()?.itemId ?? null);
    this.putOnAir(0);
  }

  /**
   * The time alone changed the order: an event in a dropping playlist ended, or a day began.
   * Recompute now rather than at the end of the pass, so a rally that is over leaves the loop
   * when it ends, even if it is on air at that moment.
   */
  private onOrderTime(): void {
    const before = this.changeKey();
    const now = this.options.clock.now();
    if (keptOrStartingPlaylist(this.content, this.playlistId, now) !== this.playlistId) {
      this.newPass();
      this.scheduleOrderCheck();
      this.options.changed();
      return;
    }
    this.replaceOrder(this.timedOrder());
    this.scheduleOrderCheck();
    if (this.changeKey() !== before) this.options.changed();
  }

  /** The order after the time changed what may play (see `keepPlaces`). */
  private timedOrder(): PlannedItem[] {
    const fresh = this.buildOrder(this.current()?.itemId ?? null);
    const playlist = playlists(this.content).find((p) => p.id === this.playlistId);
    return playlist?.shuffle ? keepPlaces(this.order, fresh) : fresh;
  }

  private changeKey(): string {
    return JSON.stringify([this.playlistId, this.sequence, this.order, this.position]);
  }

  /**
   * Swaps in a recomputed order. The item on air stays on air with its elapsed time; if it
   * is gone, the next surviving item from the old order takes over.
   */
  private replaceOrder(next: PlannedItem[]): void {
    const previous = this.order;
    const oldPosition = this.position;
    const current = previous[oldPosition];
    this.order = next;
    if (!current) {
      this.putOnAir(0);
      return;
    }
    const kept = nearestIndex(next, current.itemId, oldPosition);
    if (kept >= 0) {
      const elapsed = this.paused
        ? current.durationMs - this.remainingMs
        : this.options.clock.now() - this.startedAt;
      this.position = kept;
      if (this.paused) this.remainingMs = Math.max(0, next[kept]!.durationMs - elapsed);
      this.schedule();
      return;
    }
    for (let k = oldPosition + 1; k < previous.length; k++) {
      const index = next.findIndex((p) => p.itemId === previous[k]!.itemId);
      if (index >= 0) {
        this.putOnAir(index);
        return;
      }
    }
    this.putOnAir(0);
  }

  private schedule(): void {
    this.clearTimer();
    // A song on air holds the loop: no slide timer, however long the song.
    if (this.stopped || this.paused || this.hold) return;
    const current = this.current();
    const { clock } = this.options;
    if (!current) {
      this.timer = clock.setTimeout(() => this.recheckIdle(), IDLE_RECHECK_MS);
      return;
    }
    const delay = Math.max(0, this.startedAt + current.durationMs - clock.now());
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.advance();
      this.options.changed();
    }, delay);
  }

  private recheckIdle(): void {
    this.timer = null;
    this.advance();
    if (this.order.length > 0) this.options.changed();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
