import { isShowItem, type ContentSnapshot, type SongItem } from '../../shared/content';
import type {
  Command,
  LyricsCursor,
  OutputLanguages,
  ShowPosition,
  ShowState,
} from '../../shared/protocol';
import { systemClock, type Clock } from '../../shared/time';
import { isCommandFor, type ShowCommand } from '../core/commands';
import { LiveLyrics } from './live-lyrics';
import { lineTimes, type LineTimes } from './lyrics-timing';
import { defaultOverlays, keptLanguages, languagesRefusal } from './outputs';
import { fail, ok, type Result } from '../../shared/protocol';
import { findSetlist, refreshSetlist, songIndexIn, type SetlistState } from './setlist';
import {
  findShowItem,
  keptOrStartingPlaylist,
  nextOrderChange,
  playlistIsRunning,
  playlists,
  playOrder,
  startingPlaylist,
  type PlannedItem,
} from './playlist-order';
import { durationMs } from './durations';

export { systemClock, type Clock } from '../../shared/time';

export type { ShowPosition } from '../../shared/protocol';

export function positionOf(state: ShowState): ShowPosition {
  const { playlistId, itemId, position, paused, remainingMs, blackout, safeMode } = state;
  const { lyrics, setlist, outputLanguages, overlays } = state;
  return {
    playlistId,
    itemId,
    position,
    paused,
    remainingMs,
    blackout,
    safeMode,
    lyrics,
    setlist,
    outputLanguages,
    overlays,
  };
}

/**
 * A song put on air with `lyricsStart`. The loop is held underneath it: `position` stays
 * where the loop stands, and no slide timer runs, because a song with lyrics stays up until
 * it is ended, however long the band plays.
 */
interface SongOnAir {
  startedAt: number;
  /**
   * Whether the loop's item at `position` has been on screen. True when the song took over
   * from it (ending the song moves the loop on); false when the loop changed underneath the
   * song (safe mode's slide, a reload), so ending the song shows that item first.
   */
  heldShown: boolean;
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

/**
 * What is on air. The single source of truth: views only render `state()` and send commands.
 * The current item sits at `order[position]`; a pass is one run through `order`, and each new
 * pass recomputes the order so date windows, past events and shuffles stay fresh. A song
 * started with `lyricsStart` goes on air over the loop (see `SongOnAir`): then `position` is
 * where the loop stands, held until the song ends.
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
  private song: SongOnAir | null = null;
  private readonly lyrics: LiveLyrics;
  /** LRC times per song, computed once per content revision (parsing is not free). */
  private readonly times = new Map<string, LineTimes | null>();
  private setlist: SetlistState | null = null;
  /** The last setlist song started, so a song listed twice is found at its next showing. */
  private lastSongIndex: number | null = null;
  private outputLanguages: OutputLanguages = { display: [], overlay: [] };
  private overlays = defaultOverlays();

  constructor(content: ContentSnapshot, options: ShowEngineOptions = {}) {
    this.content = content;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.lyrics = new LiveLyrics(this.clock, () => this.emit());
    this.startedAt = this.clock.now();
    const resume = options.resume ?? null;
    if (resume) {
      // Restored first, so the first order is already the safe one: a crash during a rally
      // must not put a name or a face back on screen, not even for one slide.
      this.safeMode = resume.safeMode;
      this.blackout = resume.blackout;
      this.paused = resume.paused;
    }
    this.playlistId = keptOrStartingPlaylist(content, resume?.playlistId ?? null, this.clock.now());
    this.order = this.buildOrder(null);
    const index =
      resume && resume.playlistId === this.playlistId ? resumeIndex(this.order, resume) : 0;
    this.putOnAir(index);
    const current = this.current();
    if (resume && this.paused && current?.itemId === resume.itemId && resume.remainingMs !== null) {
      this.remainingMs = Math.min(current.durationMs, Math.max(0, resume.remainingMs));
    }
    if (resume) this.restoreLive(resume);
    this.scheduleOrderCheck();
  }

  state(): ShowState {
    const current = this.current();
    const lyrics = this.lyrics.cursor();
    // A song with lyrics has no duration: it is up until the operator ends it.
    const song = this.song ? lyrics : null;
    return {
      playlistId: this.playlistId,
      sequence: this.sequence,
      order: this.order.map((p) => p.itemId),
      position: current ? this.position : 0,
      itemId: song ? song.songId : (current?.itemId ?? null),
      startedAt: this.song ? this.song.startedAt : this.startedAt,
      durationMs: song ? 0 : (current?.durationMs ?? 0),
      paused: this.paused,
      remainingMs: this.paused ? (song ? 0 : this.remainingMs) : null,
      blackout: this.blackout,
      safeMode: this.safeMode,
      lyrics,
      setlist: this.setlist && { ...this.setlist },
      outputLanguages: {
        display: [...this.outputLanguages.display],
        overlay: [...this.outputLanguages.overlay],
      },
      overlays: { ...this.overlays },
      serverTime: this.clock.now(),
    };
  }

  subscribe(listener: ShowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command that has already passed `commandSchema` and the role check. */
  execute(command: Command): Result {
    if (this.stopped) return fail('the show has stopped');
    // core/commands.ts routes; this guards a caller that skipped it.
    if (!isCommandFor('show', command)) return fail(`${command.name} is not a show command`);
    const result = this.perform(command);
    if (result.ok) {
      this.scheduleOrderCheck();
      this.emit();
    }
    return result;
  }

  /**
   * New content: recompute the order, keeping the item on air if it still exists. The song
   * being sung stays on its line; if it is gone, lost its lyrics, or became sensitive in safe
   * mode, it ends and the loop takes over.
   */
  setContent(content: ContentSnapshot): void {
    this.content = content;
    this.times.clear();
    this.playlistId = keptOrStartingPlaylist(content, this.playlistId, this.clock.now());
    const song = this.songOnAir();
    const keepSong = song !== null && this.mayStartSong(song) === null;
    if (song && keepSong) this.lyrics.update(song, this.timesOf(song));
    // Reordered while the song still holds the loop, so no slide timer starts underneath it.
    this.replaceOrder(this.buildOrder(this.current()?.itemId ?? null));
    if (this.song && !keepSong) this.resumeLoop(this.endSong());
    this.setlist = refreshSetlist(content, this.setlist, this.lyrics.songId());
    this.outputLanguages = keptLanguages(content.pack, this.outputLanguages);
    this.scheduleOrderCheck();
    this.emit();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.clearOrderTimer();
    this.lyrics.stop();
    this.listeners.clear();
  }

  /**
   * `next`, `previous`, `goTo` and `setPlaylist` while a song is on air end the song first and
   * then act on the loop as it stands: `next` is the same as `lyricsEnd`, `previous` goes to
   * the loop's item before the held one. Moving the show on is a deliberate act; a song does
   * not get in its way.
   */
  private perform(command: ShowCommand): Result {
    switch (command.name) {
      case 'next':
        if (this.song) {
          this.resumeLoop(this.endSong());
          return ok;
        }
        if (this.order.length === 0) return this.nothingToPlay();
        this.advance();
        return ok;
      case 'previous':
        if (this.order.length === 0) return this.nothingToPlay();
        if (this.song) this.endSong();
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
      case 'lyricsStart':
        return this.startSong(command.songId);
      case 'lyricsNext':
        return this.lyrics.move('next');
      case 'lyricsPrevious':
        return this.lyrics.move('previous');
      case 'lyricsNextStanza':
        return this.lyrics.move('nextStanza');
      case 'lyricsPreviousStanza':
        return this.lyrics.move('previousStanza');
      case 'lyricsGoTo':
        return this.lyrics.goTo(command.line);
      case 'lyricsEnd':
        if (!this.song) return fail('no song is on air');
        this.resumeLoop(this.endSong());
        return ok;
      case 'lyricsTimedStart':
        return this.lyrics.timedStart();
      case 'lyricsTimedPause':
        return this.lyrics.timedPause();
      case 'lyricsTimedResume':
        return this.lyrics.timedResume();
      case 'lyricsNudge':
        return this.lyrics.nudge(command.ms);
      case 'setlistStart':
        return this.startSetlist(command.setlistId);
      case 'setlistStop':
        // The song being sung goes on; only the "between songs, the interlude" rule ends.
        this.setlist = null;
        this.lastSongIndex = null;
        return ok;
      case 'setOutputLanguages':
        return this.setOutputLanguages(command.output, command.languages);
      case 'overlay':
        this.overlays = { ...this.overlays, [command.element]: command.on };
        return ok;
    }
  }

  private startSong(songId: string): Result {
    const item = this.content.items.find((i) => i.id === songId);
    if (!item) return fail(`no song with id "${songId}"`);
    if (item.kind !== 'song') return fail(`"${songId}" is ${withArticle(item.kind)}, not a song`);
    const refused = this.mayStartSong(item);
    if (refused) return fail(refused);
    const now = this.clock.now();
    const index = this.orderIndexFrom(songId, 0);
    if (this.song) this.song.startedAt = now;
    else this.song = { startedAt: now, heldShown: true };
    // Started from the loop: the song is that slot, so ending it moves the loop past it.
    if (index >= 0) {
      this.position = index;
      this.song.heldShown = true;
    }
    this.clearTimer();
    this.sequence += 1;
    this.lyrics.start(item, this.timesOf(item));
    if (this.setlist) {
      const songIndex = songIndexIn(
        this.setlistItem() ?? { songs: [] },
        songId,
        this.lastSongIndex,
      );
      this.setlist = { ...this.setlist, songIndex };
      if (songIndex !== null) this.lastSongIndex = songIndex;
    }
    return ok;
  }

  /** Why `song` cannot be sung now, or null. */
  private mayStartSong(song: SongItem): string | null {
    if (song.sections.length === 0) {
      return `"${song.id}" has no lyrics to follow; show it as a slide with goTo`;
    }
    if (this.safeMode && song.sensitive)
      return `"${song.id}" is marked sensitive and safe mode is on`;
    return null;
  }

  /** Takes the song off air; returns whether the held loop item had been shown (see SongOnAir). */
  private endSong(): boolean {
    const shown = this.song?.heldShown ?? true;
    this.song = null;
    this.lyrics.end();
    if (this.setlist) this.setlist = { ...this.setlist, songIndex: null };
    return shown;
  }

  /** The loop after a song: on to its next item, or the held one if it never was on screen. */
  private resumeLoop(heldShown: boolean): void {
    if (heldShown && this.order.length > 0) this.advance();
    else this.putOnAir(this.order.length > 0 ? this.position : 0);
  }

  private songOnAir(): SongItem | null {
    const id = this.lyrics.songId();
    const item = id === null ? undefined : this.content.items.find((i) => i.id === id);
    return item?.kind === 'song' ? item : null;
  }

  private timesOf(song: SongItem): LineTimes | null {
    if (!this.times.has(song.id)) this.times.set(song.id, lineTimes(song));
    return this.times.get(song.id) ?? null;
  }

  private setlistItem() {
    if (!this.setlist) return undefined;
    const found = findSetlist(this.content, this.setlist.setlistId);
    return found.ok ? found.setlist : undefined;
  }

  /**
   * Setlist mode: the interlude (or the pack's default playlist) plays between songs, and
   * starting one of the setlist's songs marks where the concert is.
   */
  private startSetlist(setlistId: string): Result {
    const found = findSetlist(this.content, setlistId);
    if (!found.ok) return fail(found.error);
    // No interlude: the playlist a fresh start would pick (the pack's default if it runs today).
    const interlude = found.setlist.interlude ?? startingPlaylist(this.content, this.clock.now());
    if (interlude !== null && interlude !== this.playlistId) {
      const switched = this.setPlaylist(interlude);
      if (!switched.ok)
        return fail(`the interlude of "${setlistId}" cannot play: ${switched.error}`);
    } else if (this.song) {
      this.resumeLoop(this.endSong());
    }
    this.setlist = { setlistId, songIndex: null };
    this.lastSongIndex = null;
    return ok;
  }

  private setOutputLanguages(output: keyof OutputLanguages, languages: string[]): Result {
    const refused = languagesRefusal(this.content.pack, languages);
    if (refused) return fail(refused);
    this.outputLanguages = keptLanguages(this.content.pack, {
      ...this.outputLanguages,
      [output]: languages,
    });
    return ok;
  }

  /**
   * After a restart: the languages, overlays and setlist as they were, and the song being sung
   * back on its line. Timed lyrics come back paused at that line: the core cannot know how far
   * the band got while it was down, so the operator gives the cue again.
   */
  private restoreLive(resume: ShowPosition): void {
    this.outputLanguages = keptLanguages(this.content.pack, resume.outputLanguages);
    this.overlays = { ...defaultOverlays(), ...resume.overlays };
    if (resume.setlist && findSetlist(this.content, resume.setlist.setlistId).ok) {
      this.setlist = { setlistId: resume.setlist.setlistId, songIndex: null };
    }
    const saved: LyricsCursor | null = resume.lyrics ?? null;
    const item = saved && this.content.items.find((i) => i.id === saved.songId);
    if (!saved || item?.kind !== 'song' || this.mayStartSong(item) !== null) return;
    const times = this.timesOf(item);
    const at = times?.[saved.line] ?? null;
    const timing =
      saved.timed && at !== null
        ? { running: false, anchorAt: saved.timed.anchorAt, pausedAtMs: at }
        : null;
    this.song = { startedAt: this.clock.now(), heldShown: true };
    this.clearTimer();
    this.lyrics.start(item, times, saved.line, timing);
    this.setlist = refreshSetlist(
      this.content,
      this.setlist && { ...this.setlist, songIndex: resume.setlist?.songIndex ?? null },
      item.id,
    );
    this.lastSongIndex = this.setlist?.songIndex ?? null;
  }

  private nothingToPlay(): Result {
    return fail(
      this.playlistId === null
        ? 'there is nothing to play: the content has no slides'
        : `there is nothing to play: playlist "${this.playlistId}" has no slides to show right now`,
    );
  }

  private goTo(itemId: string): Result {
    const item = this.content.items.find((i) => i.id === itemId);
    if (!item) return fail(`no item with id "${itemId}"`);
    if (!isShowItem(item)) {
      return fail(
        item.kind === 'setlist'
          ? `"${itemId}" is a setlist, not a slide; start it with setlistStart`
          : `"${itemId}" is a playlist, not a slide; switch to it with setPlaylist`,
      );
    }
    // Search forward from the current slot, so an item listed twice goes to its next showing.
    const index = this.orderIndexFrom(itemId, 1);
    if (index >= 0) {
      if (this.song) this.endSong();
      this.putOnAir(index);
      return ok;
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

  /** The first slot holding `itemId`, looking forward from `step` slots after the current one. */
  private orderIndexFrom(itemId: string, step: number): number {
    const n = this.order.length;
    for (let k = step; k < step + n; k++) {
      const index = (this.position + k) % n;
      if (this.order[index]?.itemId === itemId) return index;
    }
    return -1;
  }

  private setPlaylist(playlistId: string): Result {
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
    if (this.song) this.endSong();
    this.order = order;
    this.putOnAir(0);
    return ok;
  }

  /**
   * A song that is not sensitive stays on air with its cursor (safe mode hides names, not the
   * Internationale); a sensitive one ends at once, with the loop rebuilt first so what takes
   * over is already the safe order.
   */
  private setSafeMode(on: boolean): void {
    if (on === this.safeMode) return;
    this.safeMode = on;
    const dropSong = on && (this.songOnAir()?.sensitive ?? false);
    const order = this.buildOrder(this.current()?.itemId ?? null);
    if (on && this.safeSlide()) {
      // The point of safe mode is the neutral slide going up now, not after the current one.
      this.order = order;
      this.putOnAir(0);
    } else {
      this.replaceOrder(order);
    }
    if (dropSong) this.resumeLoop(this.endSong());
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
    this.playlistId = keptOrStartingPlaylist(this.content, this.playlistId, this.clock.now());
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
    if (
      keptOrStartingPlaylist(this.content, this.playlistId, this.clock.now()) !== this.playlistId
    ) {
      this.newPass();
      this.scheduleOrderCheck();
      this.emit();
      return;
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
    if (this.song) {
      // The loop moved under the song: that item goes up when the song ends.
      this.song.heldShown = false;
      return;
    }
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
    // A song on air holds the loop: no slide timer, however long the song.
    if (this.stopped || this.paused || this.song) return;
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

function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
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
