import { isShowItem, type ContentSnapshot } from '../../shared/content';
import {
  coreText,
  fail,
  ok,
  type Command,
  type Result,
  type ShowState,
} from '../../shared/protocol';
import { systemClock, type Clock } from '../../shared/time';
import type { ChangeLead } from './change-lead';
import { ChangeStamp } from './change-stamp';
import type { ShowClock } from './show-clock';
import { setShowClock } from './show-clock-command';
import { isCommandFor, type ShowCommand } from '../core/commands';
import { LiveLyrics } from './live-lyrics';
import { ShowLoop } from '../../shared/show/loop';
import { performOutputCommand } from './output-commands';
import { Outputs } from './outputs';
import { playlistRefusal } from '../../shared/show/pass-order';
import { notASlide, notAShowCommand, notInOrder, nothingToPlay, songRefusal } from './refusals';
import { resumedLive, type ShowPosition } from '../../shared/show/resume';
import { SetlistProgress } from './setlist-progress';
import { SongOnAir } from './song-on-air';
import { VideoSteering } from './video-steering';

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
  /** The lead of `showAt`, learned from the screens; left out: the fixed starting lead. */
  changeLead?: ChangeLead;
}

export type ShowListener = (state: ShowState) => void;

/**
 * What is on air. The single source of truth: views only render `state()` and send commands.
 * The engine keeps the show's state and dispatches commands; the loop and its timers are
 * `ShowLoop`, the song being sung is `LiveLyrics` (put on air and taken off by `SongOnAir`),
 * the video on air is `VideoSteering`, and what comes back after a restart is `resumedLive`.
 * A song started with `lyricsStart` goes on air over the loop, which is held underneath it
 * until the song ends.
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
  private readonly setlist = new SetlistProgress();
  private readonly outputs = new Outputs();
  private readonly video: VideoSteering;
  private readonly songs: SongOnAir;
  /** `showAt`, on the machine's clock: views measure their offset against it (pong). */
  private readonly changeStamp: ChangeStamp;

  constructor(content: ContentSnapshot, options: ShowEngineOptions = {}) {
    this.content = content;
    this.showClock = options.showClock ?? null;
    this.onShowClockSet = options.onShowClockSet ?? (() => {});
    this.clock = this.showClock ?? options.clock ?? systemClock;
    this.changeStamp = new ChangeStamp(
      options.clock ?? this.showClock?.machine ?? systemClock,
      options.changeLead,
    );
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
    this.songs = new SongOnAir({
      loop: this.loop,
      lyrics: this.lyrics,
      setlist: this.setlist,
      clock: this.clock,
      content: () => this.content,
      safeMode: () => this.safeMode,
    });
    this.video = new VideoSteering({
      loop: this.loop,
      clock: this.clock,
      content: () => this.content,
    });
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
      video: song ? null : this.video.sync(),
      videoFaults: this.video.recorded(),
      serverTime: this.clock.now(),
      showAt: this.changeStamp.showAt(loop.sequence, lyrics),
    };
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
    this.songs.contentChanged();
    const song = this.songs.current();
    const keepSong = song !== null && songRefusal(song, this.safeMode) === null;
    if (song && keepSong) this.lyrics.update(song, this.songs.timesOf(song));
    // Reordered while the song still holds the loop, so no slide timer starts underneath it.
    this.loop.setContent(content);
    if (this.loop.hold && !keepSong) this.loop.afterSong(this.songs.end());
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
          this.loop.afterSong(this.songs.end());
          return ok;
        }
        if (this.loop.order.length === 0) return fail(nothingToPlay(this.loop.playlistId));
        this.loop.advance();
        return ok;
      case 'previous':
        if (this.loop.order.length === 0) return fail(nothingToPlay(this.loop.playlistId));
        if (this.loop.hold) this.songs.end();
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
        return this.songs.start(command.songId);
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
        this.loop.afterSong(this.songs.end());
        return ok;
      case 'setlistStart':
        return this.songs.startSetlist(command.setlistId, (id) => this.setPlaylist(id));
      case 'setlistNextSong':
        return this.songs.startNext();
      case 'setlistStop':
        // The song being sung goes on; only the "between songs, the interlude" rule ends.
        this.setlist.stop();
        return ok;
      case 'setOutputLanguages':
      case 'overlay':
      case 'stageMessage':
      case 'stageMessageClear':
      case 'setStageLanguage':
        return performOutputCommand(this.outputs, this.content.pack, command);
      case 'setShowClock':
        return setShowClock(this.showClock, command.now, this.onShowClockSet);
      case 'videoPause':
      case 'videoResume':
      case 'videoSeek':
      case 'videoRestart':
        return this.video.steer(command);
      case 'videoFault':
        return this.video.fault(command.itemId, command.reason, command.sequence);
    }
  }

  /** After a restart: see `resumedLive`. */
  private restoreLive(resume: ShowPosition): void {
    const live = resumedLive(
      this.content,
      resume,
      (song) => songRefusal(song, this.safeMode),
      (song) => this.songs.timesOf(song),
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
    if (this.loop.hold) this.songs.end();
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
    if (this.loop.hold) this.songs.end();
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
    const dropSong = on && (this.songs.current()?.sensitive ?? false);
    this.loop.safeModeChanged(on);
    if (dropSong) this.loop.afterSong(this.songs.end());
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
