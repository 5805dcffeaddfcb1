import { randomInt, timingSafeEqual } from 'node:crypto';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 60_000;

/** Six digits from the OS's CSPRNG, leading zeros kept. */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number; lockedUntil: number | null }
  | { ok: false; reason: 'locked'; lockedUntil: number };

/**
 * The pairing PIN and its lock. Wrong PINs are counted across every client (an attacker has
 * many addresses, the venue has one PIN); the fifth locks pairing for a minute, and while it
 * is locked even the right PIN is refused, so guessing stays at five tries a minute:
 * a million PINs take about two thousand hours on average.
 */
export class PinLock {
  private wrong = 0;
  private locked: number | null = null;

  constructor(
    readonly pin: string,
    private readonly now: () => number,
  ) {}

  lockedUntil(): number | null {
    if (this.locked !== null && this.now() >= this.locked) this.locked = null;
    return this.locked;
  }

  check(given: string): PinCheck {
    const lockedUntil = this.lockedUntil();
    if (lockedUntil !== null) return { ok: false, reason: 'locked', lockedUntil };
    if (sameText(given, this.pin)) return { ok: true };
    this.wrong += 1;
    if (this.wrong >= MAX_WRONG_PINS) {
      this.wrong = 0;
      this.locked = this.now() + LOCKOUT_MS;
    }
    return {
      ok: false,
      reason: 'wrong',
      triesLeft: this.locked === null ? MAX_WRONG_PINS - this.wrong : 0,
      lockedUntil: this.locked,
    };
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
