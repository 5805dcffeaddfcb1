import type { ContentSnapshot } from '../content';
import type { Clock } from '../time';
import { nextOrderChange } from './playlist-order';

/**
 * The longest the loop waits for an event end or a midnight before looking again. Timers run
 * on a monotonic clock but the dates are wall-clock: a Pi without a battery clock boots in the
 * past and jumps forward when it finds the network, and a bounded wait limits how stale a
 * computed deadline can get.
 */
const MAX_ORDER_WAIT_MS = 10 * 60_000;

/** One timer for the moment the time alone changes the order: an event ends, a date window turns. */
export class OrderWatch {
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly onOrderTime: () => void,
  ) {}

  /** (Re)arms the timer for this content and playlist; nothing when time cannot change them. */
  watch(content: ContentSnapshot, playlistId: string | null): void {
    this.clear();
    if (this.stopped) return;
    const now = this.clock.now();
    const at = nextOrderChange(content, playlistId, now);
    if (at === null) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.onOrderTime();
      },
      Math.min(MAX_ORDER_WAIT_MS, Math.max(0, at - now)),
    );
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
