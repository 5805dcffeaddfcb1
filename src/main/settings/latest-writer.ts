/** Saves a value that changes in bursts: only the newest matters. */
export interface LatestWriter<T> {
  /** Queues `value`; returns at once. A value still waiting is replaced, never written. */
  save(value: T): void;
  /** Resolves when everything queued so far is on disk (or has failed). */
  flush(): Promise<void>;
}

/**
 * At most one write in flight, and the latest value wins. Ten quick key presses on a Pi's SD
 * card become at most two writes, and the caller (the show's timers) never waits for a disk.
 * A failed write goes to `onError` and does not stop later ones.
 */
export function latestWriter<T>(
  write: (value: T) => Promise<void>,
  onError: (error: unknown) => void,
): LatestWriter<T> {
  let pending: { value: T } | null = null;
  let running: Promise<void> | null = null;

  const pump = async (): Promise<void> => {
    while (pending) {
      const { value } = pending;
      pending = null;
      try {
        await write(value);
      } catch (error) {
        onError(error);
      }
    }
    // Cleared in the same tick as the last check, so a save() can never find a finished pump.
    running = null;
  };

  return {
    save(value) {
      pending = { value };
      running ??= pump();
    },
    flush: () => running ?? Promise.resolve(),
  };
}
