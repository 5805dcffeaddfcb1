// What the PIN prompt says, as catalog keys (the `kiosk` namespace) and their values. No DOM
// and no translator here, so the rules are tested without a browser and in every language.
import type { UnlockResult } from '../../../preload/index.d';

export const PIN_MAX_DIGITS = 12;

export interface PromptMessage {
  /** A key of the `kiosk` catalog. */
  key: 'unlocked' | 'lastTry' | 'wrongPin' | 'lockedOut' | 'invalid';
  params?: Record<string, number>;
  /** Set while the prompt refuses every PIN: the keypad is disabled for this long. */
  lockedForMs?: number;
}

export function messageFor(result: UnlockResult): PromptMessage {
  if (result.ok) return { key: 'unlocked' };
  switch (result.error) {
    case 'wrong-pin':
      // The last try gets its own words: a number alone does not warn enough.
      return result.attemptsLeft === 1
        ? { key: 'lastTry' }
        : { key: 'wrongPin', params: { count: result.attemptsLeft } };
    case 'locked-out':
      return { ...lockedMessage(result.retryInMs), lockedForMs: result.retryInMs };
    case 'invalid':
      return { key: 'invalid' };
  }
}

/** The wait in whole seconds, rounded up: it never says 0 while the prompt still refuses. */
export function lockedMessage(retryInMs: number): PromptMessage {
  return { key: 'lockedOut', params: { seconds: Math.max(1, Math.ceil(retryInMs / 1000)) } };
}

/** Typing on the keypad or the keyboard: digits only, and no more than a PIN can have. */
export function withDigit(value: string, digit: string): string {
  if (!/^\d$/.test(digit) || value.length >= PIN_MAX_DIGITS) return value;
  return value + digit;
}
