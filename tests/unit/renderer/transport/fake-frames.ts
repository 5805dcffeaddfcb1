import type { FrameSource } from '../../../../src/renderer/transport/change-scheduler';

/** Animation frames the test runs by hand, each at a given page-clock time. */
export class FakeFrames implements FrameSource {
  private callbacks = new Map<number, (frameTime: number) => void>();
  private nextId = 1;
  requested = 0;
  request(callback: (frameTime: number) => void): unknown {
    this.requested += 1;
    const id = this.nextId++;
    this.callbacks.set(id, callback);
    return id;
  }
  cancel(handle: unknown): void {
    this.callbacks.delete(handle as number);
  }
  /** Runs one frame at `time`: the callbacks requested before it, as a browser does. */
  frame(time: number): void {
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback(time);
  }
  get waiting(): number {
    return this.callbacks.size;
  }
}
