import {
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useLatest } from '../../controls/use-latest';
import { FitBatch } from '../../fit/Fit';
import type { ShowState } from '../../../shared/protocol';
import type { Screen } from '../../../shared/show';
import { imagesOf, videoFramesOf, type Preloader } from './preload';
import { frameAttributes, type FramePhase, type StageFlip } from './stage-flip';

export type { FramePhase } from './stage-flip';

/** One thing the stage can show: a slide (or the neutral screen) in one language. */
export interface StageEntry {
  /** Changes whenever something new goes on air, even the same item again (a new language). */
  key: string;
  screen: Extract<Screen, { kind: 'slide' | 'neutral' }>;
  language: string;
  /**
   * The show state it was built for. The imminent slide is rendered with it (its timer, its
   * sung line), since it may go up without a render; StageFlip flips it only for that state.
   */
  state?: ShowState;
}

/** How long an incoming slide may keep the outgoing one up while its images load. */
export const MAX_IMAGE_WAIT_MS = 2_000;

interface StageState {
  shown: StageEntry;
  /** The previous slide, kept under the incoming one while it fades in. */
  leaving: StageEntry | null;
  /** The next slide, waiting for its images. Not in the DOM. */
  pending: StageEntry | null;
}

/**
 * The images the stage waits for before an entry goes up, at the page's media width. (The
 * first entry shows the unscaled files, but it goes up without waiting: see DisplayView.)
 */
export const entryImages = (entry: StageEntry) =>
  entry.screen.kind === 'slide'
    ? [...imagesOf(entry.screen.item), ...videoFramesOf(entry.screen.item, entry.key)]
    : [];

const isSensitive = (entry: StageEntry | null) =>
  entry?.screen.kind === 'slide' && entry.screen.item.sensitive;
export const entryItemId = (entry: StageEntry) =>
  entry.screen.kind === 'slide' ? entry.screen.item.id : null;

/**
 * The next stage, given what should be on air. Pure, and run during render: when safe mode
 * must hide a slide, the change reaches the DOM in the same commit as the command, not a
 * frame or an image load later.
 */
export function nextStage(
  stage: StageState,
  target: StageEntry,
  options: { safeMode: boolean; fade: boolean; imagesReady: (entry: StageEntry) => boolean },
): StageState {
  let next = stage;
  if (target.key === next.shown.key) {
    if (next.pending) next = { ...next, pending: null };
  } else if (options.safeMode && isSensitive(next.shown)) {
    next = { shown: target, leaving: null, pending: null };
  } else if (options.imagesReady(target)) {
    next = { shown: target, leaving: options.fade ? next.shown : null, pending: null };
  } else if (next.pending?.key !== target.key) {
    next = { ...next, pending: target };
  }
  if (options.safeMode && isSensitive(next.leaving)) next = { ...next, leaving: null };
  if (options.safeMode && isSensitive(next.pending)) next = { ...next, pending: null };
  return next;
}

interface SlideStageProps {
  target: StageEntry;
  safeMode: boolean;
  /** Cross-fade length; 0 switches at once (reduced motion). */
  fadeMs: number;
  preloader: Preloader;
  /** `first`: the entry the stage started with, which went up without a cross-fade. */
  renderEntry: (entry: StageEntry, first: boolean, phase: FramePhase) => ReactNode;
  /** Called when a new entry goes up, e.g. to set the page's language. */
  onShown?: (entry: StageEntry) => void;
  /**
   * What goes up next if the show simply moves on: rendered hidden and fitted in the
   * background while this slide is up, so that going to it is a switch, not a build.
   */
  upcoming?: StageEntry | null;
  /**
   * What the core has already scheduled to go up at its `showAt`: built hidden and fitted
   * now, at normal priority, so that in the frame it is due only its visibility flips. Fitted
   * in the background instead, a busy screen was still fitting it at its frame and went up
   * 100–500 ms after the others (bench/results.md, "Screens that switch together").
   */
  imminent?: StageEntry | null;
  /** Lets the scheduler put the imminent slide up in its frame without a render (stage-flip.ts). */
  flip?: StageFlip;
}

/**
 * Switches slides without a blank frame: the outgoing slide stays until the incoming one's
 * images are fetched and decoded (at most MAX_IMAGE_WAIT_MS), then the incoming one fades in
 * on top of it. Safe mode bypasses all of that.
 */
export function SlideStage({
  target,
  safeMode,
  fadeMs,
  preloader,
  renderEntry,
  onShown,
  upcoming = null,
  imminent = null,
  flip,
}: SlideStageProps) {
  const [firstKey] = useState(() => target.key);
  const [stage, setStage] = useState<StageState>(() => ({
    shown: target,
    leaving: null,
    pending: null,
  }));
  const next = nextStage(stage, target, {
    safeMode,
    fade: fadeMs > 0,
    imagesReady: (entry) => preloader.isReady(entryImages(entry)),
  });
  // React's "adjust state while rendering": re-renders at once, before anything is committed.
  if (next !== stage) setStage(next);

  const pending = next.pending;
  const pendingRef = useLatest(pending);
  const pendingKey = pending?.key;
  useEffect(() => {
    const entry = pendingRef.current;
    if (!pendingKey || !entry) return;
    let live = true;
    void preloader.ready(entryImages(entry), MAX_IMAGE_WAIT_MS).then(() => {
      if (!live) return;
      setStage((s) =>
        s.pending?.key === pendingKey
          ? { shown: s.pending, leaving: fadeMs > 0 ? s.shown : null, pending: null }
          : s,
      );
    });
    return () => {
      live = false;
    };
  }, [pendingKey, preloader, fadeMs, pendingRef]);

  const leavingKey = next.leaving?.key;
  useEffect(() => {
    if (!leavingKey) return;
    const timer = setTimeout(
      () => setStage((s) => (s.leaving?.key === leavingKey ? { ...s, leaving: null } : s)),
      fadeMs,
    );
    return () => clearTimeout(timer);
  }, [leavingKey, fadeMs]);

  // The entry's data is refreshed from the target while it stays on air (a content reload).
  const shown = next.shown.key === target.key ? target : next.shown;
  const onShownRef = useLatest(onShown);
  useLayoutEffect(() => {
    onShownRef.current?.(shown);
    // Only when a new entry goes up, not on every refresh of its data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown.key]);

  // The upcoming slide is built after the switch has been painted, at low priority: on the
  // render that puts a slide up, its key is still the old one, so it is left out. A slide
  // waiting for its images is built hidden too: when it was the prepared one, that is the
  // frame already there, and either way it goes up without being built at the switch.
  const deferredUpcomingKey = useDeferredValue(upcoming?.key ?? null);
  const offStage = (entry: StageEntry) =>
    entry.key !== shown.key && entry.key !== next.leaving?.key;
  // A slide flipped up whose render has not come yet stays, as React last had it (stage-flip.ts).
  const flipped = flip?.pendingEntry() as StageEntry | null | undefined;
  const prepared =
    next.pending ??
    (flipped && offStage(flipped) ? flipped : null) ??
    (imminent && offStage(imminent) ? imminent : null) ??
    (upcoming && upcoming.key === deferredUpcomingKey && offStage(upcoming) ? upcoming : null);

  const frames = [...(next.leaving ? [next.leaving] : []), shown, ...(prepared ? [prepared] : [])];
  const stageRef = useRef<HTMLDivElement>(null);
  const flipReady = prepared && prepared === imminent ? prepared : null;
  const phaseOf = (entry: StageEntry): FramePhase =>
    entry === shown ? 'in' : entry === prepared ? 'upcoming' : 'out';
  useLayoutEffect(() => {
    flip?.commit({
      stage: stageRef.current,
      shownKey: shown.key,
      frames: frames.map((entry) => ({
        key: entry.key,
        phase: phaseOf(entry),
        imminent: entry === imminent,
      })),
      imminent: flipReady
        ? {
            key: flipReady.key,
            state: flipReady.state ?? null,
            ready: () => preloader.isReady(entryImages(flipReady)),
            entry: flipReady,
          }
        : null,
    });
  });
  useLayoutEffect(() => () => flip?.reset(), [flip]);
  return (
    <div className="stage" ref={stageRef} data-item-id={entryItemId(shown) ?? ''}>
      {frames.map((entry) => {
        const phase = phaseOf(entry);
        return (
          // Keyed by entry: when the upcoming slide goes up, its frame (fitted, images decoded)
          // is the one that fades in.
          <div
            key={entry.key}
            ref={flip?.frameRef(entry.key)}
            className="slide-frame"
            {...frameAttributes(phase, entry === imminent)}
            data-item-id={entryItemId(entry) ?? undefined}
            data-sensitive={isSensitive(entry) ? 'true' : undefined}
            lang={entry.language}
            style={{ '--fade': `${fadeMs}ms` } as CSSProperties}
          >
            <FitBatch background={phase === 'upcoming' && entry !== imminent}>
              {renderEntry(entry, entry.key === firstKey, phase)}
            </FitBatch>
          </div>
        );
      })}
    </div>
  );
}
