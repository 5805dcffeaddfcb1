import type { ContentSnapshot } from '../../shared/content';

/** `serve --merch [SECONDS]`: merch-table mode for this run, whatever the pack says. */
export interface MerchTableOption {
  /** Seconds without a touch before the screen returns to the loop; else the pack's, else 60. */
  idleSeconds?: number;
}

/** The schema's default, for a pack that says nothing about the merch table. */
export const DEFAULT_MERCH_IDLE_SECONDS = 60;

/**
 * The snapshot the views receive, with merch-table mode switched on when the command line asks
 * for it; without the option the pack's own setting stands. The same stall can then run a
 * table one day and a stage screen the next without editing the pack. Returns the snapshot
 * itself when there is nothing to change, so repeated calls do not look like new content.
 */
export function applyMerchTable(
  snapshot: ContentSnapshot,
  option: MerchTableOption | null | undefined,
): ContentSnapshot {
  if (!option) return snapshot;
  const { pack } = snapshot;
  return {
    ...snapshot,
    pack: {
      ...pack,
      display: {
        ...pack.display,
        merchTable: {
          enabled: true,
          idleSeconds:
            option.idleSeconds ??
            pack.display.merchTable?.idleSeconds ??
            DEFAULT_MERCH_IDLE_SECONDS,
        },
      },
    },
  };
}
