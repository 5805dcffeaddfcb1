import { isShowItem, type ContentSnapshot, type SongItem } from '../../shared/content';
import {
  CHANGE_LEAD_MS,
  coreText,
  fail,
  ok,
  type Command,
  type Result,
  type ShowState,
  type VideoFaultReason,
} from '../../shared/protocol';
import { calendarDate, systemClock, type Clock } from '../../shared/time';
import type { ShowClock } from './show-clock';
import { isCommandFor, type ShowCommand } from '../core/commands';
import { LiveLyrics } from './live-lyrics';
import { ShowLoop } from '../../shared/show/loop';
import { lineTimes, type LineTimes } from '../../shared/show/lyrics-timing';
import { Outputs } from './outputs';
import { playlistRefusal } from '../../shared/show/pass-order';
import { startingPlaylist } from '../../shared/show/playlist-order';
import {
  interludeRefusal,
  resultOf,
  notASlide,
  notASong,
  notAShowCommand,
  notInOrder,
  nothingToPlay,
  songRefusal,
} from './refusals';
import { resumedLive, type ShowPosition } from '../../shared/show/resume';
import { findSetlist } from '../../shared/show/setlist';
import { SetlistProgress } from './setlist-progress';
import { entryStartMs, VideoPlaybackState } from './video-playback';

export { systemClock, type Clock } from '../../shared/time';
export { positionOf, type ShowPosition } from '../../shared/show/resume';

export interface ShowEngineOptions {
  clock?: Clock;
  /** [0, 1); used for shuffled playlists. */
  random?: () => number;
  /**
   * The clock with an offset set by hand (`setShowClock`); when given, it is the engine's
   * clock. Without it, `setShowClock` is refused.
   */
  showClock?: ShowClock;
  /** Called after `setShowClock` moved the show clock, to keep the offset across a restart. */
  onShowClockSet?: (offsetMs: number) => void;
  /** Where the last run stopped (or crashed): start there instead of at the top. */
  resume?: ShowPosition | null;
}

export type ShowListener = (state: ShowState) => void;

/**
 * What is on air. The single source of truth: views only render `state()` and send commands.
 * The engine keeps the show's state and dispatches commands; the loop and its timers are
 * `ShowLoop`, the song being sung is `LiveLyrics`, and what comes back after a restart is
 * `resumedLive`. A song started with `lyricsStart` goes on air over the loop, which is held
 * underneath it until the song ends.
 */
export class ShowEngine {
  private content: ContentSnapshot;
  private readonly clock: Clock;
  private readonly showClock: ShowClock | null;
  private readonly onShowClockSet: (offsetMs: number) => void;
  private readonly loop: ShowLoop;
  private blackout = false;
  private safeMode = false;
  private stopped = false;
  private readonly listeners = new Set<ShowListener>();
  private readonly lyrics: LiveLyrics;
  /** LRC times per song, computed once per content revision (parsing is not free). */
  private readonly times = new Map<string, LineTimes | null>();
  private readonly setlist = new SetlistProgress();
  private readonly outputs = new Outputs();
  private readonly video = new VideoPlaybackState();
  /** The machine's clock, for `showAt`: views measure their offset against it (pong). */
  private readonly machineClock: Clock;
  /** What was on air at the last change (`changeKey`), and when that change goes up. */
  private lastChange: { key: string; showAt: number } | null = null;

  constructor(content: ContentSnapshot, options: ShowEngineOptions = {}) {
    this.content = content;
    this.showClock = options.showClock ?? null;
    this.onShowClockSet = options.onShowClockSet ?? (() => {});
    this.clock = this.showClock ?? options.clock ?? systemClock;
    this.machineClock = options.clock ?? this.showClock?.machine ?? systemClock;
    this.lyrics = new LiveLyrics(this.clock, () => this.emit());
    const resume = options.resume ?? null;
    // Restored first, so the first order is already the safe one: a crash during a rally
    // must not put a name or a face back on screen, not even for one slide.
    this.safeMode = resume?.safeMode ?? false;
    this.blackout = resume?.blackout ?? false;
    this.loop = new ShowLoop(
      content,
      {
        clock: this.clock,
        random: options.random ?? Math.random,
        safeMode: () => this.safeMode,
        changed: () => this.emit(),
      },
      resume,
    );
    if (resume) this.restoreLive(resume);
    this.loop.scheduleOrderCheck();
  }

  state(): ShowState {
    const loop = this.loop;
    const current = loop.current();
    const lyrics = this.lyrics.cursor();
    // A song with lyrics has no duration: it is up until the operator ends it.
    const song = loop.hold ? lyrics : null;
    return {
      playlistId: loop.playlistId,
      sequence: loop.sequence,
      order: loop.order.map((p) => p.itemId),
      position: current ? loop.position : 0,
      itemId: song ? song.songId : (current?.itemId ?? null),
      startedAt: loop.hold ? loop.hold.startedAt : loop.startedAt,
      durationMs: song ? 0 : (current?.durationMs ?? 0),
      playback: song ? null : (current?.playback ?? null),
      paused: loop.paused,
      remainingMs: loop.paused ? (song ? 0 : loop.remainingMs) : null,
      blackout: this.blackout,
      safeMode: this.safeMode,
      lyrics,
      setlist: this.setlist.published(this.content),
      ...this.outputs.published(),
      ...(this.showClock ? { clock: this.showClock.state() } : {}),
      video: song ? null : this.syncVideo(),
      videoFaults: this.video.recorded(),
      serverTime: this.clock.now(),
      showAt: this.changeShowAt(loop.sequence, lyrics),
    };
  }

  /**
   * When the slide or lyric line now on air goes up on the screens: stamped CHANGE_LEAD_MS
   * ahead when it first changes, and the same stamp on every later state until the next
   * change, so a view that joins or hears it late shows it at once.
   */
  private changeShowAt(sequence: number, lyrics: ShowState['lyrics']): number {
    const key = `${sequence}|${lyrics ? `${lyrics.songId}|${lyrics.line}` : ''}`;
    if (this.lastChange?.key !== key) {
      // The very first state has nothing to switch from: it is due now.
      const lead = this.lastChange === null ? 0 : CHANGE_LEAD_MS;
      this.lastChange = { key, showAt: this.machineClock.now() + lead };
    }
    return this.lastChange.showAt;
  }

  subscribe(listener: ShowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command that has already passed `commandSchema` and the role check. */
  execute(command: Command): Result {
    if (this.stopped) return fail(coreText('command.showStopped'));
    // The core's routing table sends only show commands here; anything else is a wiring bug.
    if (!isCommandFor('show', command)) return fail(notAShowCommand(command.name));
    const result = this.perform(command);
    if (result.ok) {
      this.loop.scheduleOrderCheck();
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
    const song = this.songOnAir();
    const keepSong = song !== null && songRefusal(song, this.safeMode) === null;
    if (song && keepSong) this.lyrics.update(song, this.timesOf(song));
    // Reordered while the song still holds the loop, so no slide timer starts underneath it.
    this.loop.setContent(content);
    if (this.loop.hold && !keepSong) this.loop.afterSong(this.endSong());
    this.setlist.refresh(content, this.lyrics.songId());
    this.outputs.refresh(content.pack);
    this.loop.scheduleOrderCheck();
    this.emit();
  }

  stop(): void {
    this.stopped = true;
    this.loop.stop();
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
        if (this.loop.hold) {
          this.loop.afterSong(this.endSong());
          return ok;
        }
        if (this.loop.order.length === 0) return fail(nothingToPlay(this.loop.playlistId));
        this.loop.advance();
        return ok;
      case 'previous':
        if (this.loop.order.length === 0) return fail(nothingToPlay(this.loop.playlistId));
        if (this.loop.hold) this.endSong();
        this.loop.previous();
        return ok;
      case 'pause':
        this.loop.pause();
        return ok;
      case 'resume':
        this.loop.resume();
        return ok;
      case 'togglePause':
        if (this.loop.paused) this.loop.resume();
        else this.loop.pause();
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
      case 'lyricsPrevious':
      case 'lyricsNextStanza':
      case 'lyricsPreviousStanza':
      case 'lyricsGoTo':
      case 'lyricsTimedStart':
      case 'lyricsTimedPause':
      case 'lyricsTimedResume':
      case 'lyricsNudge':
        return this.lyrics.perform(command);
      case 'lyricsEnd':
        if (!this.loop.hold) return fail(coreText('show.noSongOnAir'));
        this.loop.afterSong(this.endSong());
        return ok;
      case 'setlistStart':
        return this.startSetlist(command.setlistId);
      case 'setlistNextSong':
        return this.startNextSong();
      case 'setlistStop':
        // The song being sung goes on; only the "between songs, the interlude" rule ends.
        this.setlist.stop();
        return ok;
      case 'setOutputLanguages':
        return resultOf(
          this.outputs.setLanguages(this.content.pack, command.output, command.languages),
        );
      case 'overlay':
        this.outputs.setOverlay(command.element, command.on);
        return ok;
      case 'setShowClock':
        return this.setShowClock(command.now);
      case 'stageMessage':
        this.outputs.setStageMessage(command.text);
        return ok;
      case 'stageMessageClear':
        this.outputs.setStageMessage(null);
        return ok;
      case 'setStageLanguage':
        return resultOf(this.outputs.setStageLanguage(this.content.pack, command.language));
      case 'videoPause':
      case 'videoResume':
      case 'videoSeek':
      case 'videoRestart':
        return this.steerVideo(command);
      case 'videoFault':
        return this.videoFault(command.itemId, command.reason, command.sequence);
    }
  }

  private setShowClock(now: number): Result {
    if (!this.showClock) return fail(coreText('command.showNotRunning'));
    const refused = this.showClock.set(now);
    if (refused) {
      const newest = this.showClock.state().newestPastDay ?? '';
      return fail(
        coreText(
          refused === 'beforePack' ? 'autostart.clockBeforePack' : 'autostart.clockTooFarAhead',
          {
            day: calendarDate(now),
            newest,
          },
        ),
      );
    }
    this.onShowClockSet(this.showClock.state().offsetMs);
    return ok;
  }

  /** The video's play state, brought up to the item on air. */
  private syncVideo() {
    const loop = this.loop;
    const now = this.clock.now();
    const current = loop.current();
    const elapsedMs = loop.paused
      ? (current?.durationMs ?? 0) - loop.remainingMs
      : now - loop.startedAt;
    return this.video.sync(
      this.content,
      {
        itemId: loop.hold ? null : (current?.itemId ?? null),
        sequence: loop.sequence,
        elapsedMs,
        paused: loop.paused,
      },
      entryStartMs(current),
      now,
    );
  }

  /**
   * Pause and resume hold the loop's timer with the video, so a paused video is not cut off
   * when its time is up; a seek moves the timer too, so the item ends when the video does.
   */
  private steerVideo(
    command: Extract<
      ShowCommand,
      { name: 'videoPause' | 'videoResume' | 'videoSeek' | 'videoRestart' }
    >,
  ): Result {
    const playback = this.syncVideo();
    if (!playback) return fail(coreText('videoOnAir.none'));
    const now = this.clock.now();
    const startMs = entryStartMs(this.loop.current());
    switch (command.name) {
      case 'videoPause':
        this.loop.pause();
        this.video.hold(true, now);
        return ok;
      case 'videoResume':
        this.loop.resume();
        this.video.hold(false, now);
        return ok;
      case 'videoSeek':
        return this.seekVideo(command.ms, startMs, now);
      case 'videoRestart':
        return this.seekVideo(startMs, startMs, now);
    }
  }

  private seekVideo(ms: number, startMs: number, now: number): Result {
    const current = this.loop.current();
    const item = this.content.items.find((i) => i.id === current?.itemId);
    const file = item?.kind === 'video' ? item.file : null;
    const lengthMs = file ? this.content.videos?.[file]?.durationMs : undefined;
    const target = lengthMs === undefined ? ms : Math.min(ms, lengthMs);
    this.video.seek(target, now);
    // The item's time left follows the video: from the new position to the planned end.
    const left = Math.max(0, (current?.durationMs ?? 0) - Math.max(0, target - startMs));
    const wasPaused = this.loop.paused;
    this.loop.pause();
    this.loop.remainingMs = left;
    if (!wasPaused) this.loop.resume();
    return ok;
  }

  /**
   * A screen could not play the video on air: skip it, once however many screens report it,
   * and keep the fault for the console. A report about a showing already gone changes nothing.
   */
  private videoFault(itemId: string, reason: VideoFaultReason, sequence?: number): Result {
    this.syncVideo();
    if (!this.video.isOnAir(itemId, sequence)) return ok;
    const item = this.content.items.find((i) => i.id === itemId);
    const file = item?.kind === 'video' ? item.file : '';
    this.video.record({ itemId, file, reason, at: this.clock.now() });
    console.warn(`video ${itemId} skipped: ${file}, ${reason}`);
    this.loop.advance();
    return ok;
  }

  private startSong(songId: string): Result {
    const item = this.content.items.find((i) => i.id === songId);
    if (item?.kind !== 'song') return fail(notASong(songId, item));
    const refused = songRefusal(item, this.safeMode);
    if (refused) return fail(refused);
    this.loop.holdForSong(this.loop.indexFrom(songId, 0));
    this.lyrics.start(item, this.timesOf(item));
    this.setlist.songStarted(this.content, songId);
    return ok;
  }

  /** Takes the song off air; returns whether the held loop item had been shown. */
  private endSong(): boolean {
    const shown = this.loop.release();
    this.lyrics.end();
    this.setlist.songEnded();
    return shown;
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

  /**
   * Setlist mode: the interlude (or the pack's default playlist) plays between songs, and
   * starting one of the setlist's songs marks where the concert is.
   */
  /** "Next song" from a controller: the song the published setlist state names, as the console's button starts it. */
  private startNextSong(): Result {
    const published = this.setlist.published(this.content);
    if (!published) return fail(coreText('control.noSetlist'));
    const found = findSetlist(this.content, published.setlistId);
    const index = published.nextSongIndex;
    const songId = found.ok && index !== null ? found.setlist.songs[index] : undefined;
    if (songId === undefined) return fail(coreText('control.noNextSong'));
    return this.startSong(songId);
  }

  private startSetlist(setlistId: string): Result {
    const found = findSetlist(this.content, setlistId);
    if (!found.ok) return fail(found.error);
    // No interlude: the playlist a fresh start would pick (the pack's default if it runs today).
    const interlude = found.setlist.interlude ?? startingPlaylist(this.content, this.clock.now());
    if (interlude !== null && interlude !== this.loop.playlistId) {
      const switched = this.setPlaylist(interlude);
      if (!switched.ok) return fail(interludeRefusal(setlistId, switched.error));
    } else if (this.loop.hold) {
      this.loop.afterSong(this.endSong());
    }
    this.setlist.start(setlistId);
    return ok;
  }

  /** After a restart: see `resumedLive`. */
  private restoreLive(resume: ShowPosition): void {
    const live = resumedLive(
      this.content,
      resume,
      (song) => songRefusal(song, this.safeMode),
      (song) => this.timesOf(song),
    );
    this.outputs.refresh(this.content.pack, resume.outputLanguages, resume.overlays);
    this.setlist.restore(live.setlist);
    if (!live.song) return;
    const { item, times, line, timing } = live.song;
    this.loop.restoreHold();
    this.lyrics.start(item, times, line, timing);
  }

  private goTo(itemId: string): Result {
    const item = this.content.items.find((i) => i.id === itemId);
    if (!item || !isShowItem(item)) return fail(notASlide(itemId, item));
    // Search forward from the current slot, so an item listed twice goes to its next showing.
    const index = this.loop.indexFrom(itemId, 1);
    if (index < 0) return fail(notInOrder(item, this.loop.playlistId, this.safeMode));
    if (this.loop.hold) this.endSong();
    this.loop.putOnAir(index);
    return ok;
  }

  private setPlaylist(playlistId: string): Result {
    const refused = playlistRefusal(this.content, playlistId, this.clock.now());
    if (refused) return fail(refused);
    const order = this.loop.orderFor(playlistId);
    if (order.length === 0) {
      return fail(coreText('show.playlistEmptyNow', { playlist: playlistId }));
    }
    if (this.loop.hold) this.endSong();
    this.loop.switchTo(playlistId, order);
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
    this.loop.safeModeChanged(on);
    if (dropSong) this.loop.afterSong(this.endSong());
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
