import type { ContentSnapshot } from '../../shared/content';
import type { Command, ShowState } from '../../shared/protocol';
import {
  findShowItem,
  nextOrderChange,
  playlistIsRunning,
  playlists,
  playOrder,
  startingPlaylist,
  type PlannedItem,
} from './playlist-order';
import { durationMs } from './durations';

/** Time as the engine sees it. Injected so tests can run hours of show in a millisecond. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type CommandResult = { ok: true } | { ok: false; error: string };

/** What must survive a restart: enough to put the same slide back up, in the same mode. */
export type ShowPosition = Pick<
  ShowState,
  'playlistId' | 'itemId' | 'position' | 'paused' | 'remainingMs' | 'blackout' | 'safeMode'
>;

export function positionOf(state: ShowState): ShowPosition {
  const { playlistId, itemId, position, paused, remainingMs, blackout, safeMode } = state;
  return { playlistId, itemId, position, paused, remainingMs, blackout, safeMode };
}

export interface ShowEngineOptions {
  clock?: Clock;
  /** [0, 1); used for shuffled playlists. */
  random?: () => number;
  /** Where the last run stopped (or crashed): start there instead of at the top. */
  resume?: ShowPosition | null;
}

export type ShowListener = (state: ShowState) => void;

/**
 * With nothing to play there is no slide timer, so nothing would notice a playlist starting at
 * midnight. Looking again once a minute is cheap and lets an empty screen recover by itself.
 */
const IDLE_RECHECK_MS = 60_000;

/**
 * The longest the engine waits for an event end or a midnight before looking again. Timers run
 * on a monotonic clock but the dates are wall-clock: a Pi without a battery clock boots in the
 * past and jumps forward when it finds the network, and a bounded wait limits how stale a
 * computed deadline can get.
 */
const MAX_ORDER_WAIT_MS = 10 * 60_000;

const ok: CommandResult = { ok: true };
const fail = (error: string): CommandResult => ({ ok: false, error });

/**
 * What is on air. The single source of truth: views only render `state()` and send commands.
 * The current item always sits at `order[position]`; a pass is one run through `order`, and
 * each new pass recomputes the order so date windows, past events and shuffles stay fresh.
 */
export class ShowEngine {
  private content: ContentSnapshot;
  private readonly clock: Clock;
  private readonly random: () => number;
  private playlistId: string | null;
  private order: PlannedItem[] = [];
  private position = 0;
  private startedAt: number;
  private paused = false;
  /** Only meaningful while paused. */
  private remainingMs = 0;
  /** Starts at -1 so the first item on air is transition 0. */
  private sequence = -1;
  private blackout = false;
  private safeMode = false;
  private timer: unknown = null;
  /** Fires when the time alone changes the order: an event ends, a date window turns. */
  private orderTimer: unknown = null;
  private stopped = false;
  private readonly listeners = new Set<ShowListener>();

  constructor(content: ContentSnapshot, options: ShowEngineOptions = {}) {
    this.content = content;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.startedAt = this.clock.now();
    const resume = options.resume ?? null;
    if (resume) {
      // Restored first, so the first order is already the safe one: a crash during a rally
      // must not put a name or a face back on screen, not even for one slide.
      this.safeMode = resume.safeMode;
      this.blackout = resume.blackout;
      this.paused = resume.paused;
    }
    this.playlistId = this.resumablePlaylist(resume?.playlistId ?? null);
    this.order = this.buildOrder(null);
    const index =
      resume && resume.playlistId === this.playlistId ? resumeIndex(this.order, resume) : 0;
    this.putOnAir(index);
    const current = this.current();
    if (resume && this.paused && current?.itemId === resume.itemId && resume.remainingMs !== null) {
      this.remainingMs = Math.min(current.durationMs, Math.max(0, resume.remainingMs));
    }
    this.scheduleOrderCheck();
  }

  state(): ShowState {
    const current = this.current();
    return {
      playlistId: this.playlistId,
      sequence: this.sequence,
      order: this.order.map((p) => p.itemId),
      position: current ? this.position : 0,
      itemId: current?.itemId ?? null,
      startedAt: this.startedAt,
      durationMs: current?.durationMs ?? 0,
      paused: this.paused,
      remainingMs: this.paused ? this.remainingMs : null,
      blackout: this.blackout,
      safeMode: this.safeMode,
      lyrics: null,
      setlist: null,
      outputLanguages: { display: [], overlay: [] },
      overlays: { lowerThird: true, lyrics: true, drawing: true, nowPlaying: true },
      serverTime: this.clock.now(),
    };
  }

  subscribe(listener: ShowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command that has already passed `commandSchema` and the role check. */
  execute(command: Command): CommandResult {
    if (this.stopped) return fail('the show has stopped');
    const result = this.perform(command);
    if (result.ok) {
      this.scheduleOrderCheck();
      this.emit();
    }
    return result;
  }

  /** New content: recompute the order, keeping the item on air if it still exists. */
  setContent(content: ContentSnapshot): void {
    this.content = content;
    const now = this.clock.now();
    const playlist = playlists(content).find((p) => p.id === this.playlistId);
    if (!playlist || !playlistIsRunning(playlist, now)) {
      this.playlistId = startingPlaylist(content, now);
    }
    this.replaceOrder(this.buildOrder(this.current()?.itemId ?? null));
    this.scheduleOrderCheck();
    this.emit();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.clearOrderTimer();
    this.listeners.clear();
  }

  /** The saved playlist if it still exists and runs today, else the one a fresh start picks. */
  private resumablePlaylist(saved: string | null): string | null {
    const now = this.clock.now();
    const playlist = playlists(this.content).find((p) => p.id === saved);
    return playlist && playlistIsRunning(playlist, now)
      ? playlist.id
      : startingPlaylist(this.content, now);
  }

  private perform(command: Command): CommandResult {
    switch (command.name) {
      case 'next':
        if (this.order.length === 0) return this.nothingToPlay();
        this.advance();
        return ok;
      case 'previous':
        if (this.order.length === 0) return this.nothingToPlay();
        this.putOnAir(this.position > 0 ? this.position - 1 : this.order.length - 1);
        return ok;
      case 'pause':
        this.pause();
        return ok;
      case 'resume':
        this.resume();
        return ok;
      case 'togglePause':
        if (this.paused) this.resume();
        else this.pause();
        return ok;
      case 'goTo':
        return this.goTo(command.itemId);
      case 'setPlaylist':
        return this.setPlaylist(command.playlistId);
      case 'blackout':
        // A flag over a show that keeps running: the timers go on underneath. Blackout is the
        // "cut the screen now" key (a speaker on stage, a problem in the room), not "hold this
        // slide"; that is pause. Keeping time means every screen still agrees on what is on
        // air, the phone and the operator console keep showing where the loop is, and lifting
        // the blackout shows what would be up by now instead of a slide from minutes ago.
        this.blackout = command.on;
        return ok;
      case 'safeMode':
        this.setSafeMode(command.on);
        return ok;
      default:
        // Lyrics, setlist, languages, overlays and the remote arrive with the operator issue.
        return fail(`${command.name} is not supported by this core yet`);
    }
  }

  private nothingToPlay(): CommandResult {
    return fail(
      this.playlistId === null
        ? 'there is nothing to play: the content has no slides'
        : `there is nothing to play: playlist "${this.playlistId}" has no slides to show right now`,
    );
  }

  private goTo(itemId: string): CommandResult {
    const item = this.content.items.find((i) => i.id === itemId);
    if (!item) return fail(`no item with id "${itemId}"`);
    if (item.kind === 'playlist') {
      return fail(`"${itemId}" is a playlist, not a slide; switch to it with setPlaylist`);
    }
    // Search forward from the current slot, so an item listed twice goes to its next showing.
    const n = this.order.length;
    for (let step = 1; step <= n; step++) {
      const index = (this.position + step) % n;
      if (this.order[index]?.itemId === itemId) {
        this.putOnAir(index);
        return ok;
      }
    }
    if (this.safeMode && item.sensitive) {
      return fail(`"${itemId}" is marked sensitive and safe mode is on`);
    }
    return fail(
      this.playlistId === null
        ? `"${itemId}" cannot be shown right now`
        : `"${itemId}" is not in playlist "${this.playlistId}" today`,
    );
  }

  private setPlaylist(playlistId: string): CommandResult {
    const playlist = playlists(this.content).find((p) => p.id === playlistId);
    if (!playlist) {
      return fail(
        this.content.items.some((i) => i.id === playlistId)
          ? `"${playlistId}" is not a playlist`
          : `no playlist with id "${playlistId}"`,
      );
    }
    const now = this.clock.now();
    if (!playlistIsRunning(playlist, now)) {
      const window = [
        playlist.from ? `from ${playlist.from}` : '',
        playlist.until ? `until ${playlist.until}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return fail(`playlist "${playlistId}" does not run today (it runs ${window})`);
    }
    const previousPlaylist = this.playlistId;
    this.playlistId = playlistId;
    const order = this.buildOrder(this.current()?.itemId ?? null);
    if (order.length === 0) {
      this.playlistId = previousPlaylist;
      return fail(`playlist "${playlistId}" has nothing to show right now`);
    }
    this.order = order;
    this.putOnAir(0);
    return ok;
  }

  private setSafeMode(on: boolean): void {
    if (on === this.safeMode) return;
    this.safeMode = on;
    const order = this.buildOrder(this.current()?.itemId ?? null);
    if (on && this.safeSlide()) {
      // The point of safe mode is the neutral slide going up now, not after the current one.
      this.order = order;
      this.putOnAir(0);
    } else {
      this.replaceOrder(order);
    }
  }

  private safeSlide(): PlannedItem | null {
    const id = this.content.pack.safeSlide;
    const item = id === undefined ? undefined : findShowItem(this.content, id);
    return item ? { itemId: item.id, durationMs: durationMs(item.kind) } : null;
  }

  /** One pass in safe mode leads with the safe slide, then whatever is not sensitive. */
  private buildOrder(after: string | null): PlannedItem[] {
    const order = playOrder(this.content, this.playlistId, this.clock.now(), {
      random: this.random,
      after,
      hideSensitive: this.safeMode,
    });
    const slide = this.safeMode ? this.safeSlide() : null;
    if (!slide) return order;
    const own = order.find((p) => p.itemId === slide.itemId);
    return [own ?? slide, ...order.filter((p) => p.itemId !== slide.itemId)];
  }

  private current(): PlannedItem | undefined {
    return this.order[this.position];
  }

  private advance(): void {
    if (this.position + 1 < this.order.length) {
      this.putOnAir(this.position + 1);
      return;
    }
    this.newPass();
    this.scheduleOrderCheck();
  }

  private newPass(): void {
    // A new pass: the day may have changed since the last one.
    const now = this.clock.now();
    const playlist = playlists(this.content).find((p) => p.id === this.playlistId);
    if (!playlist || !playlistIsRunning(playlist, now)) {
      this.playlistId = startingPlaylist(this.content, now);
    }
    this.order = this.buildOrder(this.current()?.itemId ?? null);
    this.putOnAir(0);
  }

  /**
   * The time alone changed the order: an event in a dropping playlist ended, or a day began.
   * Recompute now rather than at the end of the pass, so a rally that is over leaves the loop
   * when it ends, even if it is on air at that moment.
   */
  private onOrderTime(): void {
    this.orderTimer = null;
    const before = this.changeKey();
    const now = this.clock.now();
    const playlist = playlists(this.content).find((p) => p.id === this.playlistId);
    if (!playlist || !playlistIsRunning(playlist, now)) {
      const next = startingPlaylist(this.content, now);
      if (next !== this.playlistId) {
        this.newPass();
        this.scheduleOrderCheck();
        this.emit();
        return;
      }
    }
    this.replaceOrder(this.timedOrder());
    this.scheduleOrderCheck();
    if (this.changeKey() !== before) this.emit();
  }

  /**
   * The order after the time changed what may play. A shuffled pass is not reshuffled: what
   * survives keeps its place and newcomers join at the end, so a slide already seen in this
   * pass does not come round again early, and a check that changes nothing changes nothing.
   */
  private timedOrder(): PlannedItem[] {
    const fresh = this.buildOrder(this.current()?.itemId ?? null);
    const playlist = playlists(this.content).find((p) => p.id === this.playlistId);
    if (!playlist?.shuffle) return fresh;
    const remaining = [...fresh];
    const kept: PlannedItem[] = [];
    for (const planned of this.order) {
      const index = remaining.findIndex((p) => p.itemId === planned.itemId);
      if (index >= 0) kept.push(...remaining.splice(index, 1));
    }
    return [...kept, ...remaining];
  }

  private changeKey(): string {
    return JSON.stringify([this.playlistId, this.sequence, this.order, this.position]);
  }

  private scheduleOrderCheck(): void {
    this.clearOrderTimer();
    if (this.stopped) return;
    const now = this.clock.now();
    const at = nextOrderChange(this.content, this.playlistId, now);
    if (at === null) return;
    this.orderTimer = this.clock.setTimeout(
      () => this.onOrderTime(),
      Math.min(MAX_ORDER_WAIT_MS, Math.max(0, at - now)),
    );
  }

  private clearOrderTimer(): void {
    if (this.orderTimer !== null) this.clock.clearTimeout(this.orderTimer);
    this.orderTimer = null;
  }

  private putOnAir(position: number): void {
    this.position = position;
    this.sequence += 1;
    this.startedAt = this.clock.now();
    this.remainingMs = this.current()?.durationMs ?? 0;
    this.schedule();
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
        : this.clock.now() - this.startedAt;
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

  private pause(): void {
    if (this.paused) return;
    this.remainingMs = Math.max(
      0,
      this.startedAt + (this.current()?.durationMs ?? 0) - this.clock.now(),
    );
    this.paused = true;
    this.clearTimer();
  }

  private resume(): void {
    if (!this.paused) return;
    // Shift the start so that "ends at startedAt + durationMs" holds again.
    this.startedAt = this.clock.now() - ((this.current()?.durationMs ?? 0) - this.remainingMs);
    this.paused = false;
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.stopped || this.paused) return;
    const current = this.current();
    if (!current) {
      this.timer = this.clock.setTimeout(() => this.recheckIdle(), IDLE_RECHECK_MS);
      return;
    }
    const delay = Math.max(0, this.startedAt + current.durationMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.advance();
      this.emit();
    }, delay);
  }

  private recheckIdle(): void {
    this.timer = null;
    this.advance();
    if (this.order.length > 0) this.emit();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch (error) {
        // One broken view must not stop the show for the others.
        console.error('show listener failed:', error);
      }
    }
  }
}

/**
 * Where to pick up a saved show in a freshly built order: the saved item (its showing nearest
 * the saved slot, if it is listed twice); if it is gone, whatever now holds its slot, which is
 * the item that followed it; past the end, the top.
 */
function resumeIndex(order: readonly PlannedItem[], saved: ShowPosition): number {
  if (saved.itemId !== null) {
    const found = nearestIndex(order, saved.itemId, saved.position);
    if (found >= 0) return found;
  }
  return saved.position < order.length ? saved.position : 0;
}

function nearestIndex(order: readonly PlannedItem[], itemId: string, near: number): number {
  let best = -1;
  order.forEach((p, index) => {
    if (p.itemId === itemId && (best < 0 || Math.abs(index - near) < Math.abs(best - near))) {
      best = index;
    }
  });
  return best;
}
