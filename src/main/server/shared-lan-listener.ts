import type { LanListener } from '../remote/controller';

/** Who keeps the LAN listener open: the phone remote, or the screens on the venue network. */
export type LanHolder = 'remote' | 'screens';

type OpenListener = (address: string, lastPort: number | null) => Promise<LanListener>;

/**
 * One listener on the LAN address for the phone remote and the screens, so a venue has one
 * address and one port to allow, whichever is on. It opens for the first holder and closes
 * when the last one lets go. Each holder gets a handle whose `stop` lets go of its own hold
 * only: turning the remote off leaves the paired screens playing, and the other way round.
 * What the listener admits while only one of them holds it is the admission's job.
 */
export class SharedLanListener {
  private listener: LanListener | null = null;
  private opening: Promise<LanListener> | null = null;
  private readonly holds = new Map<LanHolder, number>();
  private nextHold = 1;

  constructor(private readonly open: OpenListener) {}

  /** The browser origin of the listener, while it is open. */
  origin(): string | null {
    const listener = this.listener;
    return listener ? `http://${listener.address}:${listener.port}` : null;
  }

  isHeldBy(holder: LanHolder): boolean {
    return this.holds.has(holder);
  }

  /** Holds the listener for `holder`, opening it on `address` if nobody holds it yet. */
  async hold(holder: LanHolder, address: string, lastPort: number | null): Promise<LanListener> {
    const id = this.nextHold++;
    this.holds.set(holder, id);
    let listener: LanListener;
    try {
      listener = this.listener ?? (await (this.opening ??= this.openOnce(address, lastPort)));
    } catch (error) {
      if (this.holds.get(holder) === id) this.holds.delete(holder);
      throw error;
    }
    return {
      address: listener.address,
      port: listener.port,
      stop: () => this.release(holder, id),
    };
  }

  /** Lets go of every hold and closes the listener (the app is stopping). */
  async close(): Promise<void> {
    this.holds.clear();
    await this.closeIfUnheld();
  }

  private async openOnce(address: string, lastPort: number | null): Promise<LanListener> {
    try {
      const listener = await this.open(address, lastPort);
      this.listener = listener;
      // Everyone let go while it opened: it must not stay up.
      if (this.holds.size === 0) await this.closeIfUnheld();
      return listener;
    } finally {
      this.opening = null;
    }
  }

  private release(holder: LanHolder, id: number): Promise<void> {
    // A stale handle (from a start that lost a race) never drops a newer hold.
    if (this.holds.get(holder) !== id) return Promise.resolve();
    this.holds.delete(holder);
    return this.closeIfUnheld();
  }

  private async closeIfUnheld(): Promise<void> {
    if (this.holds.size > 0 || !this.listener) return;
    const listener = this.listener;
    this.listener = null;
    await listener.stop();
  }
}
