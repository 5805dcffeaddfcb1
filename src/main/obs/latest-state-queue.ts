import { TaskChain } from '../../shared/async/task-chain';

/**
 * Runs the work for one state at a time, in order. A state that a newer one overtakes while
 * it waits is skipped: OBS only ever needs to catch up with the latest.
 */
export class LatestStateQueue<S> {
  private latest: S | null = null;
  private readonly chain = new TaskChain();

  /** The newest state submitted, run or not. */
  latestState(): S | null {
    return this.latest;
  }

  isLatest(state: S): boolean {
    return this.latest === state;
  }

  /** Runs `run(state)` after the work queued so far, or answers `skipped` if overtaken. */
  submit<R>(state: S, run: (state: S) => Promise<R>, skipped: () => R): Promise<R> {
    this.latest = state;
    return this.chain.run(async () => (this.latest === state ? run(state) : skipped()));
  }

  /** Runs `task` once the work queued so far is done, so it sees OBS as that work left it. */
  whenIdle<T>(task: () => Promise<T>): Promise<T> {
    return this.chain.run(task);
  }
}
