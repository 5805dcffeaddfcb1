// PIN hashing and checking. Plain Node (no `electron`), so `npm run set-pin` and the unit tests
// use exactly the code the kiosk uses.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Digits only: the PIN prompt has an on-screen keypad, because a merch-table kiosk is often a
 * touch screen with no keyboard once the show runs.
 */
export const PIN_PATTERN = /^\d{4,12}$/;

export function pinProblem(pin: string): string | null {
  return PIN_PATTERN.test(pin) ? null : 'A PIN is 4 to 12 digits (0–9), nothing else.';
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 100 ms and 32 MiB per check on a small PC: slow for guessing, fine for a person. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// A 32-byte key is 43 base64url characters. The length is fixed because a shorter scrypt key
// is a prefix of the longer one: a truncated hash would still "verify".
const STORED =
  /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{22,128})\$([A-Za-z0-9_-]{43})$/;

export interface ParsedPinHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

/**
 * Reads `scrypt$N$r$p$salt$hash` (salt and hash in base64url). The cost is bounded, so an
 * edited settings file cannot make every PIN check take minutes or exhaust memory.
 */
export function parsePinHash(stored: string): ParsedPinHash | null {
  const match = STORED.exec(stored);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N < 2 ** 10 || N > 2 ** 20) return null;
  if (r < 1 || r > 32 || p < 1 || p > 16 || 128 * N * r > 256 * 2 ** 20) return null;
  return {
    N,
    r,
    p,
    salt: Buffer.from(match[4] as string, 'base64url'),
    hash: Buffer.from(match[5] as string, 'base64url'),
  };
}

function derive(
  pin: string,
  salt: Buffer,
  keyLength: number,
  params: ScryptParams,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // OpenSSL's estimate for N=2^15, r=8 is just over Node's default 32 MiB limit.
    maxmem: 2 * 128 * params.N * params.r + 2 ** 20,
  };
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The string stored in settings.json: a fresh random salt every time. */
export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(problem);
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pin, salt, KEY_BYTES, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** True only for the PIN that made `stored`. Compared in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed || pinProblem(pin)) return false;
  const candidate = await derive(pin, parsed.salt, parsed.hash.length, parsed);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}
