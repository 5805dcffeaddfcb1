import type { ContentStore } from '../content/types';
import { keepFirstSlide, type RenderOnAir } from '../first-slide/keep';
import type { KeptSlideOptions } from '../first-slide/options';
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

export interface KeepOnStopInput {
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
  /** The widest picture copy the screens asked for in this run (`ShowServer.widestMediaWidth`). */
  mediaWidth: number | null;
  scale?: ScaleImage;
  log: (message: string) => void;
}

/**
 * The last step of a stop: the slide the next start will show, kept. It is rendered from the
 * show as the next start builds it (a fresh engine resumed from the position just saved, as
 * `startCore` does), not from the one on air: language cycling and the slide's sequence start
 * over on a restart. A failure costs only the next start's speed, so it is logged, not thrown.
 */
export async function keepOnStop(input: KeepOnStopInput): Promise<void> {
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
      mediaWidth: input.mediaWidth,
      scale: input.scale ?? scaleWithSharp,
    });
  } catch (error) {
    input.log(`The first slide was not kept for the next start: ${briefError(error)}`);
  }
}
