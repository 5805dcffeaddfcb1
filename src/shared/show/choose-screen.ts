import { isShowItem, type ContentSnapshot, type LoadedItem, type ShowItem } from '../content';
import type { ShowState } from '../protocol';

export type Screen =
  | { kind: 'connecting' }
  | { kind: 'blackout' }
  | { kind: 'slide'; item: ShowItem & { source?: string } }
  /**
   * Nothing that may be shown: `showTitle` is false in safe mode, where even the pack's
   * title may name the people it is about.
   */
  | { kind: 'neutral'; showTitle: boolean };

function showable(item: LoadedItem | undefined): item is LoadedItem & ShowItem {
  if (!item || !isShowItem(item)) return false;
  // Defence in depth: the core should never put these on air, but a drawing without
  // consent must not reach the screen even if it does.
  if (item.kind === 'drawing' && !item.consent) return false;
  return true;
}

/** What the display shows, from what the core says is on air. Pure, so the rules are testable. */
export function chooseScreen(content: ContentSnapshot | null, show: ShowState | null): Screen {
  if (!content || !show) return { kind: 'connecting' };
  if (show.blackout) return { kind: 'blackout' };

  const byId = (id: string | null | undefined) =>
    id ? content.items.find((item) => item.id === id) : undefined;
  const onAir = byId(show.itemId);

  if (show.safeMode) {
    if (showable(onAir) && !onAir.sensitive) return { kind: 'slide', item: onAir };
    const safe = byId(content.pack.safeSlide);
    if (showable(safe) && !safe.sensitive) return { kind: 'slide', item: safe };
    return { kind: 'neutral', showTitle: false };
  }

  if (showable(onAir)) return { kind: 'slide', item: onAir };
  return { kind: 'neutral', showTitle: true };
}

/** Where a plain `next` moves to in this pass (round to the top after the last slot). */
export function nextSlot(show: ShowState | null): { position: number; itemId: string } | null {
  if (!show || show.order.length === 0) return null;
  const position = (show.position + 1) % show.order.length;
  const itemId = show.order[position];
  return itemId === undefined ? null : { position, itemId };
}

/**
 * The show as it will be after a plain `next`: the following item in this pass, one more
 * transition on the counter. Null when there is nothing to move to. A guess: the operator may
 * jump anywhere, and the core may reshuffle at the end of a pass. Nothing in a blackout, a
 * song, or safe mode: at a rally the page holds only what is on the screen.
 */
export function showAfterNext(show: ShowState | null): ShowState | null {
  if (!show || show.order.length < 2 || show.blackout || show.lyrics || show.safeMode) {
    return null;
  }
  const slot = nextSlot(show);
  return slot && { ...show, ...slot, sequence: show.sequence + 1 };
}
