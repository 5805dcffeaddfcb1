/** Where a frame stands: on air, waiting (hidden) to go up, or fading out under the next. */
export type FramePhase = 'in' | 'upcoming' | 'out';

/**
 * A frame's attributes for its phase, decided once: SlideStage renders them, and StageFlip
 * sets the same ones when it puts a frame up by itself.
 */
export function frameAttributes(phase: FramePhase, imminent: boolean) {
  const hidden = phase !== 'in';
  return {
    'data-phase': phase,
    'data-imminent': phase === 'upcoming' && imminent ? 'true' : undefined,
    'aria-hidden': hidden || undefined,
    inert: hidden || undefined,
  } as const;
}

/**
 * What the flip itself sets: the attributes that decide what is painted. `inert` and
 * `aria-hidden` follow a moment later, in React's render: `inert` is inherited through the
 * style of the slide's whole subtree, and restyling it in that frame was the cost the flip
 * exists to avoid.
 */
const PAINTED = ['data-phase', 'data-imminent'] as const;

function applyAttributes(element: HTMLElement, phase: FramePhase, imminent = false): void {
  const attributes = frameAttributes(phase, imminent);
  for (const name of PAINTED) {
    const value = attributes[name];
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}

/** What SlideStage has committed: the frame on air, the one waiting for its showAt. */
export interface StageCommitted {
  stage: HTMLElement | null;
  shownKey: string;
  /** Every frame as React rendered it. */
  frames: readonly { key: string; phase: FramePhase; imminent: boolean }[];
  /**
   * The imminent frame: its key, the show state it was built for, and whether its images are
   * decoded. Null when there is none.
   */
  imminent: {
    key: string;
    state: object | null;
    ready: () => boolean;
    /** What the stage built the frame from, handed back while the flip waits for React. */
    entry: unknown;
  } | null;
}

/**
 * The switch to a scheduled slide, made in its frame without React. The slide was built,
 * fitted and painted hidden ahead (`data-imminent`), so going up is a change of attributes on
 * two frames; rendering the whole view in that frame instead (a few ms of script, then style
 * for every slide) made four screens on one machine finish that frame at different vsyncs
 * (bench/results.md, "Screens that switch together"). React renders the same state right
 * after the frame and finds its DOM already as it would make it.
 */
export class StageFlip {
  private readonly frames = new Map<string, HTMLElement>();
  /** One ref callback per frame: a new one each render would detach and attach it each time. */
  private readonly refs = new Map<string, (element: HTMLElement | null) => void>();
  private committed: StageCommitted | null = null;
  /** A flip React has not rendered yet: the frame that was up, and the one put up. */
  private flipped: { from: string; to: string; entry: unknown } | null = null;

  /** The ref callback for the frame with `key`. */
  frameRef(key: string): (element: HTMLElement | null) => void {
    let ref = this.refs.get(key);
    if (!ref) {
      ref = (element) => {
        if (element) {
          this.frames.set(key, element);
        } else {
          this.frames.delete(key);
          this.refs.delete(key);
        }
      };
      this.refs.set(key, ref);
    }
    return ref;
  }

  /**
   * Told after every commit of the stage. Until React renders a flipped state, its commits
   * (a render for something else meanwhile) leave the flip alone: React sets only what it
   * thinks changed. If another state goes up instead (a late change, safe mode), the frames
   * are set as React rendered them, so nothing of the flip is left behind.
   */
  commit(committed: StageCommitted): void {
    const flipped = this.flipped;
    if (flipped && committed.shownKey === flipped.from) {
      this.committed = { ...committed, imminent: null };
      return;
    }
    this.committed = committed;
    this.flipped = null;
    if (!flipped || committed.shownKey === flipped.to) return;
    for (const frame of committed.frames) {
      const element = this.frames.get(frame.key);
      if (element) applyAttributes(element, frame.phase, frame.imminent);
    }
  }

  /**
   * Puts up the imminent frame, if it was built for `state` and its images are decoded (else
   * the stage's own rule applies: React keeps the old slide up until they are). Whether it did.
   */
  flipTo(state: object): boolean {
    const now = this.committed;
    if (!now?.stage || !now.imminent || !this.hasBuilt(state) || !now.imminent.ready()) {
      return false;
    }
    const { key } = now.imminent;
    const incoming = this.frames.get(key);
    const outgoing = this.frames.get(now.shownKey);
    if (!incoming || !outgoing) return false;
    applyAttributes(outgoing, 'out');
    applyAttributes(incoming, 'in');
    now.stage.setAttribute('data-item-id', incoming.getAttribute('data-item-id') ?? '');
    // Until React has rendered it, there is nothing more to flip.
    this.committed = { ...now, imminent: null };
    this.flipped = { from: now.shownKey, to: key, entry: now.imminent.entry };
    return true;
  }

  /**
   * Whether the frame for `state` is built, hidden (its pictures aside): once it is painted,
   * this screen is ready for the change, and says so (use-scheduled-show.ts, `isPrepared`).
   * A picture still decoding is the item's, not the screen's: waiting for it would hold the
   * lead of every later change up by the largest picture's decode.
   */
  hasBuilt(state: object): boolean {
    const now = this.committed;
    if (!now?.stage || !now.imminent || now.imminent.state !== state) return false;
    return this.frames.has(now.imminent.key) && this.frames.has(now.shownKey);
  }

  /**
   * The entry of a flip React has not rendered yet. A render of the old state in between (a
   * newer change heard meanwhile makes another slide the imminent one) must keep its frame:
   * unmounting it would leave no slide on air.
   */
  pendingEntry(): unknown {
    return this.flipped?.entry ?? null;
  }

  /** The stage is gone (a blackout, the merch table): no flip is pending any more. */
  reset(): void {
    this.flipped = null;
    this.committed = null;
  }
}
