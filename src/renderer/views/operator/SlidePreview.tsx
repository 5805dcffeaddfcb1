import { memo, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { pickText, type Pack } from '../../../shared/content';
import type { SlideTiming } from '../../slides/context';
import { Slide } from '../../slides/Slide';
import type { Screen } from '../../../shared/show';
import { themeStyle } from '../../slides/theme';

/** The venue screen the preview pretends to be: the display's own layout at 1080p. */
const FRAME_WIDTH = 1920;
const FRAME_HEIGHT = 1080;

interface SlidePreviewProps {
  screen: Screen;
  pack: Pack;
  language: string;
  nowMs: number;
  timing?: SlideTiming;
  /** The lyrics cursor's line, when this is the song being sung. */
  lyricsLine?: number | null;
  label: string;
  testId?: string;
  /** Laid out as on a 1080×1920 screen turned on its side (a screen set to portrait). */
  portrait?: boolean;
}

/**
 * The real slide component, laid out as on a 1920×1080 screen and scaled down to the box: the
 * operator sees exactly what the room sees, not a lookalike that could drift from it.
 */
function SlidePreviewFrame({
  screen,
  pack,
  language,
  nowMs,
  timing,
  lyricsLine = null,
  label,
  testId,
  portrait = false,
}: SlidePreviewProps) {
  const frameWidth = portrait ? FRAME_HEIGHT : FRAME_WIDTH;
  const box = useRef<HTMLDivElement | null>(null);
  const [scale, setScale] = useState(0.25);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      if (width > 0) setScale(width / frameWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [frameWidth]);

  const frame: CSSProperties = {
    width: frameWidth,
    height: portrait ? FRAME_WIDTH : FRAME_HEIGHT,
    transform: `scale(${scale})`,
  };
  let body = null;
  if (screen.kind === 'slide') {
    body = (
      <div className="slide-frame" data-item-id={screen.item.id} lang={language}>
        <Slide item={screen.item} ctx={{ pack, language, nowMs, timing, lyricsLine }} />
      </div>
    );
  } else if (screen.kind === 'neutral') {
    body = (
      <div className="slide-frame">
        <div className="slide slide-neutral">
          {screen.showTitle ? (
            <p className="neutral-title">{pickText(pack.title, language, pack.defaultLanguage)}</p>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div
      className={`op-preview${portrait ? ' is-portrait' : ''}`}
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-item-id={screen.kind === 'slide' ? screen.item.id : ''}
    >
      <div className="op-preview-scaler" style={frame} aria-hidden="true" inert>
        <div
          className={`display${screen.kind === 'blackout' ? ' display-blackout' : ''}`}
          style={themeStyle(pack.theme)}
        >
          {body}
        </div>
      </div>
    </div>
  );
}

const sameTiming = (a?: SlideTiming, b?: SlideTiming) =>
  a === b ||
  (!!a &&
    !!b &&
    a.startedAt === b.startedAt &&
    a.durationMs === b.durationMs &&
    a.paused === b.paused &&
    a.remainingMs === b.remainingMs &&
    a.clockOffsetMs === b.clockOffsetMs);

const sameScreen = (a: Screen, b: Screen) =>
  a.kind === b.kind &&
  (a.kind !== 'slide' || (b.kind === 'slide' && a.item === b.item)) &&
  (a.kind !== 'neutral' || (b.kind === 'neutral' && a.showTitle === b.showTitle));

/**
 * Redrawn only when what it shows changes: a slide's fitted text is laid out again on every
 * render, and the console re-renders for many reasons (a chip, a connected phone).
 */
export const SlidePreview = memo(
  SlidePreviewFrame,
  (a, b) =>
    sameScreen(a.screen, b.screen) &&
    a.pack === b.pack &&
    a.language === b.language &&
    a.nowMs === b.nowMs &&
    a.lyricsLine === b.lyricsLine &&
    a.label === b.label &&
    a.testId === b.testId &&
    a.portrait === b.portrait &&
    sameTiming(a.timing, b.timing),
);
