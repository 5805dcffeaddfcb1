import type { OBSEventTypes } from 'obs-websocket-js/json';
import type { VideoSubtitleTracks } from '../../shared/overlay/video-subtitles';
import type { VideoPlacement } from '../../shared/protocol/obs';
import type { Clock } from '../../shared/time';
import type { ObsBridge } from './bridge';
import { OVERLAY_SCENE } from './overlay-elements';
import { StreamSubtitles } from './stream-subtitles';
import { TaskChain } from '../../shared/async/task-chain';
import {
  mediaStateOf,
  placeVideoSource,
  SEEK_TOLERANCE_MS,
  seekToStart,
  VIDEO_INPUT,
  VIDEO_SCENE,
  type VideoMediaState,
} from './video-source';

export { mediaStateOf, VIDEO_INPUT, VIDEO_SCENE, type VideoMediaState } from './video-source';

/** How often the media cursor is read while a video plays: subtitles follow it. */
export const VIDEO_POLL_MS = 50;
/** After a loop's seek back, reads this soon may still show the old cursor: no second seek. */
const LOOP_SEEK_SETTLE_MS = 1_000;

/** Where the media source goes: its own scene (switched to and back), or under the overlays. */
export type { VideoPlacement } from '../../shared/protocol/obs';

export interface VideoOnStream {
  itemId: string;
  /** The pack file as an absolute path: OBS opens it itself. */
  file: string;
  startMs: number;
  /** Null: to the file's end. */
  endMs: number | null;
  muted: boolean;
  /** The entry loops: back to `startMs` at the range's (or the file's) end, subtitles and all. */
  loop?: boolean;
  tracks: VideoSubtitleTracks;
}

export interface VideoMediaStatus {
  itemId: string;
  state: VideoMediaState;
  cursorMs: number | null;
  durationMs: number | null;
}

export interface VideoPlayerDeps {
  bridge: Pick<ObsBridge, 'call' | 'on'>;
  clock: Clock;
  /** Puts a subtitle line in the overlay's lyrics sources; null gives them back to the show. */
  showSubtitles: (text: { line: string; translation: string } | null) => Promise<unknown>;
  /** Read at each play: a change in the settings applies from the next video on. */
  placement?: VideoPlacement | (() => VideoPlacement);
  pollMs?: number;
  log?: (message: string) => void;
}

/**
 * "Play on stream": one video at a time in an OBS media source, its subtitles driven by the
 * media's own cursor (read every `pollMs`), so they follow what the stream shows even when
 * OBS decodes late. Play, pause and stop follow the console; the end of the file or of the
 * entry's range stops it and clears the text.
 */
export class ObsVideoPlayer {
  private readonly deps: VideoPlayerDeps;
  private readonly pollMs: number;
  private video: VideoOnStream | null = null;
  private current: VideoMediaStatus | null = null;
  /**
   * Play, pause, stop and OBS's end-of-file event, one at a time: an event or a press that
   * comes while a video is still opening acts on it once it is open, not half way.
   */
  private readonly commands = new TaskChain();
  /** Counts plays and stops: a play gives up its remaining steps once a newer one came. */
  private session = 0;
  private timer: unknown = null;
  /** The running read loop: a loop started again leaves the old one to end, not run beside. */
  private pollLoop: object | null = null;
  private readonly subtitles: StreamSubtitles;
  /** When a looped video was last sent back to its start (clock ms). */
  private loopedAt: number | null = null;
  private returnTo: string | null = null;
  /**
   * The scene the last stop switched the program back to. OBS names the old program scene
   * until a transition ends (a fade, slow on a busy machine): a video started meanwhile would
   * read its own scene and not know where to go back to.
   */
  private switchedBackTo: string | null = null;
  private readonly listeners = new Set<(status: VideoMediaStatus | null) => void>();
  private readonly unsubscribe: () => void;

  constructor(deps: VideoPlayerDeps) {
    this.deps = deps;
    this.pollMs = deps.pollMs ?? VIDEO_POLL_MS;
    this.subtitles = new StreamSubtitles({ ...deps, pollMs: this.pollMs });
    this.unsubscribe = deps.bridge.on(
      'MediaInputPlaybackEnded',
      (event: OBSEventTypes['MediaInputPlaybackEnded']) => {
        if (event.inputName !== VIDEO_INPUT) return;
        void this.commands.run(() => this.playbackEnded());
      },
    );
  }

  status(): VideoMediaStatus | null {
    return this.current;
  }

  onStatus(listener: (status: VideoMediaStatus | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(video: VideoOnStream): Promise<void> {
    const session = ++this.session;
    return this.commands.run(() => this.start(video, session));
  }

  pause(): Promise<void> {
    return this.commands.run(() => this.pauseNow());
  }

  stop(): Promise<void> {
    this.session++;
    return this.commands.run(() => (this.video ? this.finish('stopped') : Promise.resolve()));
  }

  private async start(video: VideoOnStream, session: number): Promise<void> {
    const { bridge } = this.deps;
    if (this.video?.itemId === video.itemId && this.current?.state === 'paused') {
      await bridge.call('TriggerMediaInputAction', {
        inputName: VIDEO_INPUT,
        mediaAction: 'OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PLAY',
      });
      this.startPolling();
      return;
    }
    if (this.video) await this.finish('stopped');
    // A stop or another play came while this one waited: what it left is the next one's.
    const superseded = () => session !== this.session;
    if (superseded()) return;
    this.video = video;
    this.subtitles.reset();
    this.loopedAt = null;
    this.setStatus({ itemId: video.itemId, state: 'opening', cursorMs: null, durationMs: null });
    const { placement } = this.deps;
    const placed = typeof placement === 'function' ? placement() : placement;
    const scene = placed === 'overlay-scene' ? OVERLAY_SCENE : VIDEO_SCENE;
    await placeVideoSource(bridge, scene, video.file, video.loop === true);
    await bridge.call('SetInputMute', { inputName: VIDEO_INPUT, inputMuted: video.muted });
    if (superseded()) return;
    if (scene === VIDEO_SCENE) {
      const { currentProgramSceneName } = await bridge.call('GetCurrentProgramScene');
      const program =
        currentProgramSceneName === VIDEO_SCENE && this.switchedBackTo
          ? this.switchedBackTo
          : currentProgramSceneName;
      this.switchedBackTo = null;
      this.returnTo = program === VIDEO_SCENE ? null : program;
      await bridge.call('SetCurrentProgramScene', { sceneName: VIDEO_SCENE });
    }
    await bridge.call('TriggerMediaInputAction', {
      inputName: VIDEO_INPUT,
      mediaAction: 'OBS_WEBSOCKET_MEDIA_INPUT_ACTION_RESTART',
    });
    if (video.startMs > 0) {
      await seekToStart(bridge, this.deps.clock, video.startMs, {
        log: this.deps.log,
        stillWanted: () => !superseded(),
      });
    }
    if (!superseded()) this.startPolling();
  }

  /**
   * OBS says the file reached its end. The event also comes late, for a file stopped or
   * reopened a moment ago: only a source OBS reports ended now ends (or loops) the video.
   */
  private async playbackEnded(): Promise<void> {
    const video = this.video;
    if (!video) return;
    const status = await this.deps.bridge
      .call('GetMediaInputStatus', { inputName: VIDEO_INPUT })
      .catch(() => null);
    if (this.video !== video || status?.mediaState !== 'OBS_MEDIA_STATE_ENDED') return;
    if (video.loop) await this.loopBack(video);
    else await this.finish('ended');
  }

  private async pauseNow(): Promise<void> {
    if (!this.video) return;
    this.stopPolling();
    await this.deps.bridge.call('TriggerMediaInputAction', {
      inputName: VIDEO_INPUT,
      mediaAction: 'OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PAUSE',
    });
    await this.poll();
  }

  dispose(): void {
    this.stopPolling();
    this.unsubscribe();
    this.listeners.clear();
  }

  private startPolling(): void {
    this.stopPolling();
    const loop = {};
    this.pollLoop = loop;
    const tick = () => {
      this.timer = this.deps.clock.setTimeout(() => {
        void this.poll().finally(() => {
          if (this.pollLoop === loop) tick();
        });
      }, this.pollMs);
    };
    tick();
  }

  private stopPolling(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pollLoop = null;
    this.subtitles.cancelFlip();
  }

  /** Reads the cursor once: the status, the subtitle line, and the range's end. */
  private async poll(): Promise<void> {
    const video = this.video;
    if (!video) return;
    let status;
    const sentAt = this.deps.clock.now();
    try {
      status = await this.deps.bridge.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
    } catch (error) {
      this.deps.log?.(`obs: reading the video's cursor failed: ${String(error)}`);
      return;
    }
    if (this.video !== video) return;
    // OBS read the cursor somewhere in the round trip: its middle is the best guess.
    const readAt = (sentAt + this.deps.clock.now()) / 2;
    const cursorMs = status.mediaCursor;
    this.setStatus({
      itemId: video.itemId,
      state: mediaStateOf(status.mediaState),
      cursorMs,
      durationMs: status.mediaDuration,
    });
    if (cursorMs === null) return;
    if (video.loop && this.passedLoop(video, cursorMs)) {
      await this.loopBack(video);
      return;
    }
    if (!video.loop && video.endMs !== null && cursorMs >= video.endMs) {
      // Queued behind any press, not awaited: a pause's own read must not wait for itself.
      this.stopPolling();
      void this.commands.run(() =>
        this.video === video ? this.finish('ended') : Promise.resolve(),
      );
      return;
    }
    await this.subtitles.atRead(video.tracks, cursorMs);
    const playingOn = () => this.video === video && this.pollLoop !== null;
    if (playingOn() && status.mediaState === 'OBS_MEDIA_STATE_PLAYING') {
      this.subtitles.flipAhead(video, cursorMs, readAt, playingOn);
    }
  }

  /**
   * A looped video has run its pass: past the range's end, or wrapped by OBS's own looping to
   * before the range's start. Not again while the last seek back may not show in the cursor yet.
   */
  private passedLoop(video: VideoOnStream, cursorMs: number): boolean {
    const settling =
      this.loopedAt !== null && this.deps.clock.now() - this.loopedAt < LOOP_SEEK_SETTLE_MS;
    if (settling) return false;
    const pastEnd = video.endMs !== null && cursorMs >= video.endMs;
    return pastEnd || cursorMs < video.startMs - SEEK_TOLERANCE_MS;
  }

  /** The next pass of a looped video: back to the range's start; the next read sets the text. */
  private async loopBack(video: VideoOnStream): Promise<void> {
    if (this.video !== video) return;
    this.loopedAt = this.deps.clock.now();
    this.subtitles.jumped();
    try {
      await (video.startMs > 0
        ? this.deps.bridge.call('SetMediaInputCursor', {
            inputName: VIDEO_INPUT,
            mediaCursor: video.startMs,
          })
        : this.deps.bridge.call('TriggerMediaInputAction', {
            inputName: VIDEO_INPUT,
            mediaAction: 'OBS_WEBSOCKET_MEDIA_INPUT_ACTION_RESTART',
          }));
    } catch (error) {
      this.deps.log?.(`obs: sending the looped video back to its start failed: ${String(error)}`);
    }
  }

  private async finish(state: 'ended' | 'stopped'): Promise<void> {
    const video = this.video;
    if (!video) return;
    this.stopPolling();
    this.video = null;
    const { bridge } = this.deps;
    const steps: (() => Promise<unknown>)[] = [
      () =>
        bridge.call('TriggerMediaInputAction', {
          inputName: VIDEO_INPUT,
          mediaAction: 'OBS_WEBSOCKET_MEDIA_INPUT_ACTION_STOP',
        }),
      () => this.subtitles.show(null),
    ];
    const back = this.returnTo;
    this.returnTo = null;
    this.switchedBackTo = back;
    if (back) steps.push(() => bridge.call('SetCurrentProgramScene', { sceneName: back }));
    // Each step on its own: a refused stop must not leave the subtitles up.
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        this.deps.log?.(`obs: stopping the video: ${String(error)}`);
      }
    }
    this.setStatus({
      itemId: video.itemId,
      state,
      cursorMs: this.current?.cursorMs ?? null,
      durationMs: this.current?.durationMs ?? null,
    });
  }

  private setStatus(status: VideoMediaStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}
