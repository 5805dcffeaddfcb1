import type { KeptStart } from './launch';

/** Where a window opens: the views' base address and their tokens. */
export type ViewsAddress = Pick<KeptStart, 'url' | 'tokens'>;

export interface StartSteps<W, C> {
  /** The kept slide's server (`listenWithKeptFirstSlide`), or null for a normal start. */
  kept: KeptStart | null;
  /** Opens the show's window (the kiosk browser, the Electron window) on an address. */
  open: (address: ViewsAddress) => Promise<W> | W;
  /** Starts the core, on the kept slide's server when there is one; null: it could not. */
  startCore: (kept: KeptStart | null) => Promise<C | null>;
  /** The core's own address, for the window of a normal start. */
  addressOf: (core: C) => ViewsAddress;
}

export type Started<W, C> = { core: C; window: W } | { core: null; window: W | null };

/**
 * The order every start follows (`npm start`, the desktop app), so none shows its window later
 * than it could: on a restart the window opens on the kept slide at once, and the core is
 * loaded only once that slide is up (`early.wake`), not competing with it; on a normal start
 * the core starts first and the window opens on its address. A core that could not start
 * leaves the window opened on the kept slide, if any, to the caller.
 */
export async function startBehindKeptSlide<W, C>(steps: StartSteps<W, C>): Promise<Started<W, C>> {
  const { kept } = steps;
  const early = kept ? await steps.open(kept) : null;
  await kept?.early.wake;
  const core = await steps.startCore(kept);
  if (core === null) return { core: null, window: early };
  const window = kept ? (early as W) : await steps.open(steps.addressOf(core));
  return { core, window };
}
