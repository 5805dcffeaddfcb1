import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  SCREEN_CODE_ALPHABET,
  SCREEN_CODE_LENGTH,
  type PendingScreen,
} from '../../shared/protocol';

/** A screen waits this long for the operator; then it asks again with a new code. */
export const PAIRING_REQUEST_TTL_MS = 5 * 60_000;
/** After approval, the screen has this long to pick up its token (it asks every 2 s). */
export const TOKEN_PICKUP_MS = 60_000;
/** A venue adds a few screens at a time; more waiting at once is a flood, not a venue. */
export const MAX_PENDING_SCREENS = 8;
/** One browser asks once; a reload asks again. More from one address is a script. */
export const MAX_PENDING_PER_ADDRESS = 2;
export const REQUESTS_PER_ADDRESS = 6;
export const REQUEST_WINDOW_MS = 60_000;
/** Addresses remembered for the rate limit; beyond this every new address waits a window. */
const MAX_TRACKED_ADDRESSES = 1024;

/** Six letters from the unambiguous alphabet, from the OS's CSPRNG: 25^6 ≈ 244 million codes. */
export function newScreenCode(): string {
  let code = '';
  for (let i = 0; i < SCREEN_CODE_LENGTH; i += 1) {
    code += SCREEN_CODE_ALPHABET[randomInt(SCREEN_CODE_ALPHABET.length)];
  }
  return code;
}

/** The screen's secret for asking "am I approved?": others on the LAN see the code, not this. */
function newRequestSecret(): string {
  return randomBytes(32).toString('base64url');
}

const keyOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

interface Waiting {
  code: string;
  address: string;
  agent: string;
  requestedAt: number;
  expiresAt: number;
  grant: { token: string; outputId: string } | null;
}

export type ScreenRequestOutcome =
  | { ok: true; secret: string; code: string; expiresAt: number }
  | { ok: false; reason: 'full' | 'tooMany'; retryAfterSeconds: number };

export type ScreenPoll =
  | { status: 'waiting'; code: string; expiresAt: number }
  | { status: 'approved'; token: string; outputId: string }
  | { status: 'unknown' };

/**
 * Screens waiting for the operator's approval, in memory only. A screen asks with its address
 * and gets a code to show and a secret to ask with; the operator approves the code; the
 * screen's next ask with its secret hands it its token, once. Bounded three ways so an attacker
 * on the venue's Wi-Fi cannot bury a real screen's code in a list of thousands: a cap on the
 * list, a cap per address, and a rate per address.
 */
export class PendingScreens {
  private readonly waiting = new Map<string, Waiting>();
  private readonly asked = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly makeCode: () => string = newScreenCode,
  ) {}

  request(address: string, agent: string): ScreenRequestOutcome {
    const now = this.now();
    this.prune(now);
    const recent = (this.asked.get(address) ?? []).filter((t) => now - t < REQUEST_WINDOW_MS);
    const retryAfterSeconds = (since: number) =>
      Math.max(1, Math.ceil((since + REQUEST_WINDOW_MS - now) / 1000));
    if (recent.length >= REQUESTS_PER_ADDRESS) {
      return { ok: false, reason: 'tooMany', retryAfterSeconds: retryAfterSeconds(recent[0]!) };
    }
    if (!this.asked.has(address) && this.asked.size >= MAX_TRACKED_ADDRESSES) {
      return { ok: false, reason: 'tooMany', retryAfterSeconds: REQUEST_WINDOW_MS / 1000 };
    }
    this.asked.set(address, [...recent, now]);
    const open = [...this.waiting.values()].filter((w) => w.grant === null);
    const fromHere = open.filter((w) => w.address === address);
    if (fromHere.length >= MAX_PENDING_PER_ADDRESS) {
      return { ok: false, reason: 'tooMany', retryAfterSeconds: retryAfterSeconds(recent[0]!) };
    }
    if (open.length >= MAX_PENDING_SCREENS) {
      const soonest = Math.min(...open.map((w) => w.expiresAt));
      return {
        ok: false,
        reason: 'full',
        retryAfterSeconds: Math.max(1, Math.ceil((soonest - now) / 1000)),
      };
    }
    let code = this.makeCode();
    // Codes are what the operator approves by: two waiting screens never share one.
    while ([...this.waiting.values()].some((w) => w.code === code)) code = this.makeCode();
    const secret = newRequestSecret();
    const expiresAt = now + PAIRING_REQUEST_TTL_MS;
    this.waiting.set(keyOf(secret), {
      code,
      address,
      agent,
      requestedAt: now,
      expiresAt,
      grant: null,
    });
    return { ok: true, secret, code, expiresAt };
  }

  /** Whether a screen, not yet approved and not expired, shows `code`. */
  has(code: string): boolean {
    this.prune(this.now());
    return [...this.waiting.values()].some((w) => w.grant === null && w.code === code);
  }

  /** Hands `code`'s screen its token on its next ask. False when no screen waits with it. */
  approve(code: string, grant: { token: string; outputId: string }): boolean {
    const now = this.now();
    this.prune(now);
    const entry = [...this.waiting.values()].find((w) => w.grant === null && w.code === code);
    if (!entry) return false;
    entry.grant = grant;
    entry.expiresAt = now + TOKEN_PICKUP_MS;
    return true;
  }

  poll(secret: string): ScreenPoll {
    this.prune(this.now());
    const key = keyOf(secret);
    const entry = this.waiting.get(key);
    if (!entry) return { status: 'unknown' };
    if (entry.grant === null) {
      return { status: 'waiting', code: entry.code, expiresAt: entry.expiresAt };
    }
    // The token leaves memory once it is handed over.
    this.waiting.delete(key);
    return { status: 'approved', ...entry.grant };
  }

  /** The screens waiting for the operator, oldest first. */
  list(): PendingScreen[] {
    this.prune(this.now());
    return [...this.waiting.values()]
      .filter((w) => w.grant === null)
      .sort((a, b) => a.requestedAt - b.requestedAt)
      .map(({ code, requestedAt, expiresAt, agent }) => ({ code, requestedAt, expiresAt, agent }));
  }

  /** Pairing off: every waiting screen, approved or not, is forgotten. */
  clear(): void {
    this.waiting.clear();
    this.asked.clear();
  }

  private prune(now: number): void {
    for (const [key, entry] of this.waiting) {
      if (now >= entry.expiresAt) this.waiting.delete(key);
    }
    for (const [address, times] of this.asked) {
      if (times.every((t) => now - t >= REQUEST_WINDOW_MS)) this.asked.delete(address);
    }
  }
}
