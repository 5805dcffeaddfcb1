import { pathToFileURL } from 'node:url';
import type { ContentStore } from '../content/types';
import { keepFirstSlide, lastKeptWidth, type RenderOnAir } from '../first-slide/keep';
import { keptSlideOptions, type KeptSlideOptions } from '../first-slide/options';
import { ShowEngine, positionOf, type Clock } from '../show/engine';
import type { ShowClock } from '../show/show-clock';
import type { ViewRole } from '../../shared/protocol';
import { briefError } from '../server/brief-error';
import { scaleWithSharp, type ScaleImage } from '../server/media-scaling';

/** `serve`'s wish to start faster next time (first-slide/). */
export interface KeepFirstSlideOption {
  options: KeptSlideOptions;
  /** The server-side render of a slide, loaded only now: React's server renderer is not small. */
  load: () => Promise<RenderOnAir>;
}

/**
 * The option for a start with the built slide render beside it (`out/main/first-slide-render.js`):
 * `serve`, the headless `npm start` and the desktop app, so each keeps the slide its next start
 * checks with the same `keptSlideOptions`.
 */
export function keepFirstSlideWith(
  start: Parameters<typeof keptSlideOptions>[0],
  renderFile: string,
): KeepFirstSlideOption {
  return {
    options: keptSlideOptions(start),
    load: async () =>
      ((await import(pathToFileURL(renderFile).href)) as { renderOnAirSlide: RenderOnAir })
        .renderOnAirSlide,
  };
}

export interface KeptSlideInput {
  keep: KeepFirstSlideOption;
  contentDir: string;
  dataDir: string;
  rendererDir: string;
  /** The pack as the engine has it, and as the views receive it (the merch table applied). */
  store: ContentStore;
  views: ContentStore;
  engine: ShowEngine;
  showClock: ShowClock;
  clock: Clock;
  random?: () => number;
  tokens: Record<ViewRole, string>;
  /** The widest picture copy the screens asked for so far (`ShowServer.widestMediaWidth`). */
  mediaWidth: () => number | null;
  scale?: ScaleImage;
  log: (message: string) => void;
}

/**
 * The slide the next start will show, kept now (first-slide/keep.ts). It is rendered from the
 * show as the next start builds it (a fresh engine resumed from the saved position, as
 * `startCore` does), not from the one on air: language cycling and the slide's sequence start
 * over on a restart. Call it once the position is on disk. A failure costs only the next
 * start's speed, so it is logged, not thrown.
 */
export async function keepFirstSlideNow(input: KeptSlideInput): Promise<void> {
  try {
    const render = await input.keep.load();
    const resumed = new ShowEngine(input.store.snapshot(), {
      showClock: input.showClock,
      random: input.random,
      resume: positionOf(input.engine.state()),
    });
    const show = resumed.state();
    resumed.stop();
    await keepFirstSlide({
      contentDir: input.contentDir,
      dataDir: input.dataDir,
      rendererDir: input.rendererDir,
      options: input.keep.options,
      content: input.views.snapshot(),
      show,
      tokens: input.tokens,
      nowMs: input.clock.now(),
      media: (rel) => input.store.media(rel),
      render,
      mediaWidth: await widthToKeep(input),
      scale: input.scale ?? scaleWithSharp,
    });
  } catch (error) {
    input.log(`The first slide was not kept for the next start: ${briefError(error)}`);
  }
}

/** The width each run last kept its pictures at: the record is read once a run, not each keep. */
const keptWidths = new WeakMap<KeptSlideInput, number | null>();

/**
 * The widest copy the screens asked for in this run; a run that asked for none (it never left
 * its first slide) keeps the width the last copy was made at: the screen is the same.
 */
async function widthToKeep(input: KeptSlideInput): Promise<number | null> {
  const asked = input.mediaWidth();
  const width =
    asked ??
    (keptWidths.has(input) ? (keptWidths.get(input) ?? null) : await lastKeptWidth(input.dataDir));
  keptWidths.set(input, width);
  return width;
}

/** How long the show must hold still before its slide is kept: not on every click of a run. */
export const KEEP_AFTER_MS = 3_000;

export interface KeptSlideKeeper {
  /** No more keeping; resolves once a keep under way has finished. */
  stop(): Promise<void>;
}

/**
 * Keeps the first slide while the show runs, not only at a clean stop: a power cut or a crash
 * restarts as fast as Ctrl+C does. Once the show has held still for `KEEP_AFTER_MS` (a slide
 * up, no command), the position is flushed to disk and the slide kept; a show that keeps
 * moving (a fast loop) is kept only when it stops. One keep at a time.
 */
export function keepFirstSlideWhileRunning(
  input: KeptSlideInput,
  flushPosition: () => Promise<void>,
): KeptSlideKeeper {
  let timer: unknown = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const keepSoon = (): void => {
    if (timer !== null) input.clock.clearTimeout(timer);
    timer = input.clock.setTimeout(() => {
      timer = null;
      running = running.then(async () => {
        if (stopped) return;
        await flushPosition();
        if (!stopped) await keepFirstSlideNow(input);
      });
    }, KEEP_AFTER_MS);
  };
  const unfollowShow = input.engine.subscribe(keepSoon);
  // A pack edited during the show changes the slide and its fingerprint.
  const unfollowContent = input.store.subscribe(keepSoon);
  keepSoon();
  return {
    stop: async () => {
      stopped = true;
      unfollowShow();
      unfollowContent();
      if (timer !== null) input.clock.clearTimeout(timer);
      await running;
    },
  };
}
