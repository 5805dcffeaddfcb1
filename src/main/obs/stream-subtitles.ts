import {
  nextSubtitleChangeMs,
  subtitleTextAt,
  type VideoSubtitleTracks,
} from '../../shared/overlay/video-subtitles';
import type { Clock } from '../../shared/time';
import { SubtitleLead, subtitleChangeKind, textMoment } from './subtitle-lead';

export type SubtitleText = { line: string; translation: string } | null;

export interface StreamSubtitlesDeps {
  clock: Clock;
  /** Puts a subtitle line in the overlay's lyrics sources; null gives them back to the show. */
  showSubtitles: (text: SubtitleText) => Promise<unknown>;
  /** How often the player reads the cursor: an edge farther off than two reads waits for them. */
  pollMs: number;
  log?: (message: string) => void;
}

/**
 * The stream's subtitle text for the video playing: set from each read of the media cursor,
 * and flipped at a cue's edge between two reads, sent early by as long as OBS has been taking
 * to show that kind of change, so it lands on the edge.
 */
export class StreamSubtitles {
  private readonly deps: StreamSubtitlesDeps;
  /** The timer that flips the text at the next cue edge, between two reads of the cursor. */
  private flipTimer: unknown = null;
  /** The cue edge the text was flipped to ahead of the reads, until a read passes it. */
  private flippedTo: number | null = null;
  private shown: string | null = null;
  /** The line the stream shows now (after the last change sent). */
  private shownLine = '';
  private readonly lead = new SubtitleLead();

  constructor(deps: StreamSubtitlesDeps) {
    this.deps = deps;
  }

  /** A new video: nothing shown from it yet, nothing flipped ahead. */
  reset(): void {
    this.jumped();
    this.shown = null;
    this.shownLine = '';
  }

  /** The cursor jumped (a loop's seek back): the next read sets the text, not a flip. */
  jumped(): void {
    this.cancelFlip();
    this.flippedTo = null;
  }

  cancelFlip(): void {
    if (this.flipTimer !== null) this.deps.clock.clearTimeout(this.flipTimer);
    this.flipTimer = null;
  }

  /** The text for a read of the cursor: the edge flipped to while the read trails it a little. */
  async atRead(tracks: VideoSubtitleTracks, cursorMs: number): Promise<void> {
    const moment = textMoment(cursorMs, this.flippedTo);
    if (moment === cursorMs) this.flippedTo = null;
    await this.show(subtitleTextAt(tracks, moment));
  }

  /**
   * Flips the text at the next cue edge when it comes before the next read: reads alone would
   * show a change up to a read's interval late. The edge's moment is estimated from the read's
   * cursor and the time since OBS answered (the cursor is about half a round trip old then).
   * `stillOn` says, when the timer fires, whether the same video still plays.
   */
  flipAhead(
    video: { tracks: VideoSubtitleTracks; endMs: number | null },
    cursorMs: number,
    readAt: number,
    stillOn: () => boolean,
  ): void {
    this.cancelFlip();
    const { clock, pollMs } = this.deps;
    const edge = nextSubtitleChangeMs(video.tracks, Math.max(cursorMs, this.flippedTo ?? cursorMs));
    if (edge === null || (video.endMs !== null && edge >= video.endMs)) return;
    const kind = subtitleChangeKind(this.shownLine, subtitleTextAt(video.tracks, edge).line);
    const delay = edge - cursorMs - (clock.now() - readAt) - this.lead.leadMs(kind);
    if (delay > pollMs * 2) return;
    this.flipTimer = clock.setTimeout(
      () => {
        this.flipTimer = null;
        if (!stillOn()) return;
        this.flippedTo = edge;
        this.show(subtitleTextAt(video.tracks, edge)).catch((error: unknown) =>
          this.deps.log?.(`obs: showing the video's subtitle failed: ${String(error)}`),
        );
      },
      Math.max(0, delay),
    );
  }

  /** Sets the text only when it changes: OBS re-renders a text source on every settings call. */
  async show(text: SubtitleText): Promise<void> {
    const key = text ? `${text.line}\u0000${text.translation}` : null;
    if (key === this.shown) return;
    this.shown = key;
    const kind = subtitleChangeKind(this.shownLine, text?.line ?? '');
    this.shownLine = text?.line ?? '';
    const sentAt = this.deps.clock.now();
    await this.deps.showSubtitles(text);
    this.lead.record(kind, this.deps.clock.now() - sentAt);
  }
}
