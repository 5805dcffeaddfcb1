import type { RemoteStatus } from '../../shared/protocol';
import type { Clock } from '../../shared/time';
import { coreText, fail, ok, type LocalizedText, type Result } from '../../shared/protocol';
import { MAX_DEVICES, type DeviceStore } from './devices';
import { LOCKOUT_MS, PinLock, newPin } from './pairing';

/** The second listener, on the LAN address, that phones reach. */
export interface LanListener {
  address: string;
  port: number;
  /** Stops accepting connections at once; resolves when everything is closed. */
  stop(): Promise<void>;
}

export interface RemoteControllerOptions {
  devices: DeviceStore;
  /** This computer's LAN addresses, best first (see `lanAddresses`). */
  lanAddresses: () => string[];
  /**
   * Starts the LAN listener on `address`, on `port` if it is free: the port it had the last
   * time it was on, so a phone's page, still open on that address, finds it again.
   */
  openListener: (address: string, port: number | null) => Promise<LanListener>;
  /** Closes every socket of the remote role, at once. */
  disconnectAll: (reason: string) => void;
  /** Closes the sockets of one paired phone, at once. */
  disconnectDevice: (deviceId: string) => void;
  /** The paired phones with an open socket. */
  connectedDevices: () => ReadonlySet<string>;
  safeModeOn: () => boolean;
  clock: Clock;
  newPin?: () => string;
}

export interface PairRequest {
  pin: string;
  name: string;
}

/** What `POST /api/pair` answers: a status code and a JSON body. */
export type PairOutcome =
  | { status: 200; body: { token: string; deviceId: string } }
  | {
      status: 401 | 403 | 409 | 429;
      body: { error: string; retryAfterSeconds?: number; lockedUntil?: number };
      retryAfterSeconds?: number;
    };

export const SAFE_MODE_REFUSAL = coreText('remote.safeMode');

/**
 * The phone remote: off until the operator turns it on. On, it listens on the LAN address
 * and shows a fresh PIN; a phone that gives the PIN gets a device token. Off (by the operator
 * or by safe mode) closes the listener and every phone's socket at once; pairings are kept,
 * so phones come back when it is on again, unless the operator unpaired them.
 */
export class RemoteController {
  private listener: LanListener | null = null;
  private lock: PinLock | null = null;
  private error: LocalizedText | null = null;
  private starting: Promise<Result> | null = null;
  /** Bumped by every start and stop, so a start that loses a race cleans up after itself. */
  private generation = 0;
  private unlockTimer: unknown = null;
  private stopping: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(status: RemoteStatus) => void>();
  /** Where the LAN listener was last time, to be there again. */
  private lastPlace: { address: string; port: number } | null = null;

  constructor(private readonly options: RemoteControllerOptions) {}

  isOn(): boolean {
    return this.listener !== null;
  }

  /** The browser origin of the remote page on the LAN listener, while it is on. */
  lanOrigin(): string | null {
    const listener = this.listener;
    return listener ? `http://${listener.address}:${listener.port}` : null;
  }

  status(): RemoteStatus {
    const listener = this.listener;
    const connected = this.options.connectedDevices();
    return {
      enabled: listener !== null,
      url: listener ? `http://${listener.address}:${listener.port}/remote` : null,
      pin: this.lock?.pin ?? null,
      lockedUntil: this.lock?.lockedUntil() ?? null,
      devices: this.options.devices.list().map((d) => ({
        id: d.id,
        name: d.name,
        pairedAt: d.pairedAt,
        connected: connected.has(d.id),
      })),
      error: this.error,
    };
  }

  subscribe(listener: (status: RemoteStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something the status shows changed elsewhere (a phone connected or left). */
  changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }

  enable(): Promise<Result> {
    if (this.options.safeModeOn()) return Promise.resolve(fail(SAFE_MODE_REFUSAL));
    if (this.listener) return Promise.resolve(ok);
    this.starting ??= this.start(++this.generation).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Closes the LAN listener and every phone's socket before it returns. */
  disable(reason: string): void {
    this.generation += 1;
    const listener = this.listener;
    const wasOn = listener !== null || this.error !== null;
    this.listener = null;
    this.lock = null;
    this.error = null;
    this.clearUnlockTimer();
    if (listener) this.stopping = listener.stop().catch(() => {});
    this.options.disconnectAll(reason);
    if (wasOn) this.changed();
  }

  /** The paired phone holding `token`, while the remote is on. */
  authenticate(token: string): string | null {
    if (!this.isOn()) return null;
    return this.options.devices.find(token)?.id ?? null;
  }

  async revoke(deviceId: string): Promise<Result> {
    if (!this.options.devices.list().some((d) => d.id === deviceId)) {
      return fail(coreText('remote.noDevice', { id: deviceId }));
    }
    // The store drops the device before its first await: its token stops working now, and
    // its sockets close before the file is written.
    const removing = this.options.devices.remove(deviceId);
    this.options.disconnectDevice(deviceId);
    this.changed();
    await removing;
    return ok;
  }

  async pair(request: PairRequest): Promise<PairOutcome> {
    const lock = this.lock;
    if (!lock) {
      return {
        status: 403,
        body: { error: 'the phone remote is off; ask the operator to turn it on' },
      };
    }
    const check = lock.check(request.pin);
    const now = this.options.clock.now();
    if (!check.ok && check.reason === 'locked') {
      const seconds = Math.max(1, Math.ceil((check.lockedUntil - now) / 1000));
      return {
        status: 429,
        retryAfterSeconds: seconds,
        body: {
          error: `too many wrong PINs: pairing is locked for ${seconds} more seconds`,
          retryAfterSeconds: seconds,
          lockedUntil: check.lockedUntil,
        },
      };
    }
    if (!check.ok) {
      if (check.lockedUntil !== null) this.lockedNow(check.lockedUntil);
      return {
        status: 401,
        body: {
          error:
            check.lockedUntil !== null
              ? `wrong PIN: pairing is now locked for ${LOCKOUT_MS / 1000} seconds`
              : `wrong PIN: ${check.triesLeft} ${check.triesLeft === 1 ? 'try' : 'tries'} left before pairing locks for a minute`,
        },
      };
    }
    if (this.options.devices.list().length >= MAX_DEVICES) {
      return {
        status: 409,
        body: { error: `${MAX_DEVICES} phones are paired already; unpair one on the console` },
      };
    }
    const { device, token } = await this.options.devices.add(request.name, now);
    this.changed();
    return { status: 200, body: { token, deviceId: device.id } };
  }

  async close(): Promise<void> {
    this.disable('Solidarity Screens is stopping');
    await this.stopping;
  }

  private async start(generation: number): Promise<Result> {
    const address = this.options.lanAddresses()[0];
    if (!address) {
      return this.startFailed(generation, coreText('remote.noAddress'));
    }
    let listener: LanListener;
    try {
      const last = this.lastPlace?.address === address ? this.lastPlace.port : null;
      listener = await this.options.openListener(address, last);
    } catch (error) {
      return this.startFailed(
        generation,
        coreText('remote.cannotListen', {
          address,
          detail: (error as Error).message ?? String(error),
        }),
      );
    }
    // Safe mode or "off" may have come while the listener was starting: it must not stay up.
    if (generation !== this.generation || this.options.safeModeOn()) {
      await listener.stop().catch(() => {});
      return fail(
        this.options.safeModeOn() ? SAFE_MODE_REFUSAL : coreText('remote.turnedOffWhileStarting'),
      );
    }
    this.listener = listener;
    this.lastPlace = { address: listener.address, port: listener.port };
    this.lock = new PinLock((this.options.newPin ?? newPin)(), () => this.options.clock.now());
    this.error = null;
    this.changed();
    return ok;
  }

  private startFailed(generation: number, error: LocalizedText): Result {
    if (generation === this.generation) {
      this.error = error;
      this.changed();
    }
    return fail(error);
  }

  /** The console shows the countdown; it hears again when the lock lifts. */
  private lockedNow(until: number): void {
    this.changed();
    this.clearUnlockTimer();
    this.unlockTimer = this.options.clock.setTimeout(
      () => {
        this.unlockTimer = null;
        this.changed();
      },
      Math.max(0, until - this.options.clock.now()),
    );
  }

  private clearUnlockTimer(): void {
    if (this.unlockTimer !== null) this.options.clock.clearTimeout(this.unlockTimer);
    this.unlockTimer = null;
  }
}
