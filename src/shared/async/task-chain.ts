/**
 * Runs tasks one at a time, in the order they came. A task that fails does not stop the ones
 * after it: its caller gets the failure.
 */
export class TaskChain {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}
