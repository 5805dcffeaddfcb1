import type { ContentSnapshot } from '../../shared/content';
import {
  coreText,
  fail,
  ok,
  type Result,
  type VideoFault,
  type VideoFaultReason,
} from '../../shared/protocol';
import type { ShowLoop } from '../../shared/show/loop';
import type { Clock } from '../../shared/time';
import type { ShowCommand } from '../core/commands';
import { entryStartMs, VideoPlaybackState } from './video-playback';

export type VideoSteeringCommand = Extract<
  ShowCommand,
  { name: 'videoPause' | 'videoResume' | 'videoSeek' | 'videoRestart' }
>;

interface VideoSteeringOptions {
  loop: ShowLoop;
  clock: Clock;
  /** The engine's content as it is now (it changes with every reload). */
  content: () => ContentSnapshot;
}

/**
 * The engine's video commands: the play state of the video on air kept in step with the
 * loop's timer, the operator's pause/seek/restart, and the screens' fault reports.
 */
export class VideoSteering {
  private readonly video = new VideoPlaybackState();
  private readonly loop: ShowLoop;
  private readonly clock: Clock;
  private readonly content: () => ContentSnapshot;

  constructor(options: VideoSteeringOptions) {
    this.loop = options.loop;
    this.clock = options.clock;
    this.content = options.content;
  }

  /** The videos skipped because a screen could not play them. */
  recorded(): VideoFault[] {
    return this.video.recorded();
  }

  /** The video's play state, brought up to the item on air. */
  sync() {
    const loop = this.loop;
    const now = this.clock.now();
    const current = loop.current();
    const elapsedMs = loop.paused
      ? (current?.durationMs ?? 0) - loop.remainingMs
      : now - loop.startedAt;
    return this.video.sync(
      this.content(),
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
  steer(command: VideoSteeringCommand): Result {
    const playback = this.sync();
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
        return this.seek(command.ms, startMs, now);
      case 'videoRestart':
        return this.seek(startMs, startMs, now);
    }
  }

  private seek(ms: number, startMs: number, now: number): Result {
    const content = this.content();
    const current = this.loop.current();
    const item = content.items.find((i) => i.id === current?.itemId);
    const file = item?.kind === 'video' ? item.file : null;
    const lengthMs = file ? content.videos?.[file]?.durationMs : undefined;
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
  fault(itemId: string, reason: VideoFaultReason, sequence?: number): Result {
    this.sync();
    if (!this.video.isOnAir(itemId, sequence)) return ok;
    const item = this.content().items.find((i) => i.id === itemId);
    const file = item?.kind === 'video' ? item.file : '';
    this.video.record({ itemId, file, reason, at: this.clock.now() });
    console.warn(`video ${itemId} skipped: ${file}, ${reason}`);
    this.loop.advance();
    return ok;
  }
}
