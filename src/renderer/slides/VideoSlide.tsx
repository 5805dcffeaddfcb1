import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { VideoItem } from '../../shared/content';
import type { VideoFaultReason, VideoPlayState } from '../../shared/protocol';
import type { SubtitleCue } from '../../shared/subtitles';
import { mediaUrl, type SlideContext } from './context';
import {
  defaultEntryOptions,
  DRIFT_SEEK_MS,
  STALL_MS,
  subtitleTracks,
  screenSubtitlesAt,
  targetPositionMs,
  type ScreenSubtitles,
  type VideoEntryOptions,
} from './video-sync';
import { useSubtitleCues } from './use-subtitle-cues';

/** How often an on-air video checks itself against the core's clock and for a stall. */
const CHECK_MS = 250;

/** What a video slide needs from the display besides its item. */
export interface VideoSlideContext {
  /** `in`: on air; `upcoming`: built hidden so it is loaded before its turn; `out`: fading. */
  phase: 'in' | 'upcoming' | 'out';
  playback: VideoPlayState | null;
  /** The show state's `sequence`, named in a fault report. */
  sequence: number;
  /** Server clock minus this machine's. */
  clockOffsetMs: number;
  options: VideoEntryOptions;
  /** The file's length as the loader read it; null when unknown. */
  lengthMs: number | null;
  /** The first frame is decoded (or the file failed): the stage may put this slide up. */
  frameReady: () => void;
  frameGone: () => void;
  reportFault: (reason: VideoFaultReason) => void;
}

/** Which fault a failed <video> is: a missing file answers 404; anything else is a decode error. */
async function classifyError(element: HTMLVideoElement, src: string): Promise<VideoFaultReason> {
  const code = element.error?.code;
  if (code === MediaError.MEDIA_ERR_DECODE) return 'decode';
  try {
    const response = await fetch(src, { method: 'HEAD', cache: 'no-store' });
    return response.status === 404 ? 'missing' : 'decode';
  } catch {
    return 'missing';
  }
}

const NO_SUBTITLES: ScreenSubtitles = { line: '', translation: '', lineIsOriginal: false };

/**
 * The subtitle lines at the video's own position, read on every painted frame while it is on
 * screen (a `timeupdate` comes only every quarter second): a line changes on the frame its cue
 * starts. The state changes only when the words do.
 */
function useSubtitlesAtVideoTime(
  element: RefObject<HTMLVideoElement | null>,
  original: readonly SubtitleCue[],
  translation: readonly SubtitleCue[],
  active: boolean,
): ScreenSubtitles {
  const [shown, setShown] = useState<ScreenSubtitles>(NO_SUBTITLES);
  const reading = active && (original.length > 0 || translation.length > 0);
  useEffect(() => {
    if (!reading) return;
    let frame = 0;
    let key = '';
    const read = () => {
      const el = element.current;
      const next = el ? screenSubtitlesAt(original, translation, el.currentTime * 1000) : null;
      const nextKey = next
        ? `${next.line}\u0000${next.translation}\u0000${next.lineIsOriginal}`
        : '';
      if (next && nextKey !== key) {
        key = nextKey;
        setShown(next);
      }
      frame = requestAnimationFrame(read);
    };
    read();
    return () => cancelAnimationFrame(frame);
  }, [element, original, translation, reading]);
  return reading ? shown : NO_SUBTITLES;
}

/**
 * A video from the pack, full screen, in step with the core's clock, with the subtitles of the
 * slide's language drawn like the lyrics: the original line, the translation under it. It
 * never holds the screen: a file that fails or stops moving is reported and the core skips it.
 */
export function VideoSlide({ item, ctx }: { item: VideoItem; ctx: SlideContext }) {
  const video = ctx.video;
  const phase = video?.phase ?? 'in';
  const options = video?.options ?? defaultEntryOptions;
  const element = useRef<HTMLVideoElement>(null);
  const [firstFrame, setFirstFrame] = useState(false);
  const [failed, setFailed] = useState(false);
  const [mutedByBrowser, setMutedByBrowser] = useState(false);
  const src = mediaUrl(item.file, null);
  const poster = item.poster ? mediaUrl(item.poster) : undefined;
  const tracks = subtitleTracks(item, ctx.language);

  // The latest props, for the timers below (which outlive a render).
  const latest = useRef({ video, phase, options });
  useLayoutEffect(() => {
    latest.current = { video, phase, options };
  });

  const reported = useRef(false);
  const report = useCallback((reason: VideoFaultReason) => {
    const { video: now, phase: at } = latest.current;
    if (reported.current || at !== 'in' || !now) return;
    reported.current = true;
    now.reportFault(reason);
  }, []);

  // Loaded (first frame decoded) or failed: either way the stage need not wait any longer.
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const ready = () => {
      setFirstFrame(true);
      latest.current.video?.frameReady();
    };
    const error = () => {
      setFailed(true);
      latest.current.video?.frameReady();
    };
    if (el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) ready();
    if (el.error) error();
    el.addEventListener('loadeddata', ready);
    el.addEventListener('error', error);
    return () => {
      el.removeEventListener('loadeddata', ready);
      el.removeEventListener('error', error);
      latest.current.video?.frameGone();
    };
  }, [src]);

  // A failed file is reported once it is on air (a hidden one waits for its turn).
  useEffect(() => {
    const el = element.current;
    if (!failed || phase !== 'in' || !el) return;
    void classifyError(el, src).then(report);
  }, [failed, phase, src, report]);

  // Before its turn: wait at the entry's start; fading out: hold the last frame, silent.
  useEffect(() => {
    const el = element.current;
    if (!el || phase === 'in') return;
    el.pause();
    if (phase === 'upcoming' && el.currentTime * 1000 < options.startMs - DRIFT_SEEK_MS) {
      el.currentTime = options.startMs / 1000;
    }
  }, [phase, options.startMs]);

  // On air: follow the core's position and play state, and watch for a stall.
  useEffect(() => {
    const el = element.current;
    if (!el || phase !== 'in') return;
    let lastTime = -1;
    let lastProgress = performance.now();
    const play = () => {
      el.play().catch((error: unknown) => {
        // The browser refused sound without a gesture: play muted rather than not at all.
        if (error instanceof DOMException && error.name === 'NotAllowedError' && !el.muted) {
          console.warn(`video ${item.id}: autoplay with sound refused, playing muted`);
          el.muted = true;
          setMutedByBrowser(true);
          el.play().catch(() => undefined);
        }
      });
    };
    const check = () => {
      const { video: now, options: range } = latest.current;
      const playback = now?.playback?.itemId === item.id ? now.playback : null;
      if (!now || !playback) return;
      const clock = Date.now() + now.clockOffsetMs;
      const target = targetPositionMs(playback, clock, range, now.lengthMs);
      const at = el.currentTime * 1000;
      const end = range.endMs ?? now.lengthMs;
      const atEnd = end !== null && target >= end && !range.loop;
      if (Math.abs(at - target) > DRIFT_SEEK_MS && !atEnd) el.currentTime = target / 1000;
      const shouldPlay = !playback.paused && !atEnd && !el.ended;
      if (shouldPlay && el.paused) play();
      if (!shouldPlay && !el.paused) el.pause();
      const moved = el.currentTime !== lastTime;
      lastTime = el.currentTime;
      const tick = performance.now();
      if (!shouldPlay || moved) lastProgress = tick;
      else if (tick - lastProgress >= STALL_MS) report('stalled');
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [phase, item.id, report]);

  const originalCues = useSubtitleCues(tracks.original);
  const translationCues = useSubtitleCues(tracks.translation);
  const subtitles = useSubtitlesAtVideoTime(
    element,
    originalCues,
    translationCues,
    phase !== 'upcoming',
  );

  return (
    <article
      className="slide slide-video"
      data-first-frame={firstFrame ? 'true' : undefined}
      data-muted-by-browser={mutedByBrowser ? 'true' : undefined}
    >
      <video
        ref={element}
        className="video-player"
        src={src}
        poster={poster}
        preload="auto"
        playsInline
        muted={options.muted || mutedByBrowser}
        disablePictureInPicture
      />
      {subtitles.line !== '' ? (
        <div className="video-subtitles" data-testid="video-subtitles">
          <p
            className="lyric-original"
            lang={subtitles.lineIsOriginal ? (tracks.originalLang ?? undefined) : ctx.language}
          >
            {subtitles.line}
          </p>
          {subtitles.translation !== '' ? (
            <p className="lyric-translation" lang={ctx.language}>
              {subtitles.translation}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
