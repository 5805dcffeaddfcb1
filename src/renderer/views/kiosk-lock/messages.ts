// What the PIN prompt says. No DOM here, so it is tested without a browser.
import type { UnlockResult } from '../../../preload/index.d';

export const PIN_MAX_DIGITS = 12;

export interface PromptMessage {
  text: string;
  /** Set while the prompt refuses every PIN: the keypad is disabled for this long. */
  lockedForMs?: number;
}

export function messageFor(result: UnlockResult): PromptMessage {
  if (result.ok) return { text: 'Unlocked. Closing the show…' };
  switch (result.error) {
    case 'wrong-pin':
      return {
        text:
          result.attemptsLeft === 1
            ? 'Wrong PIN. One more wrong PIN locks this prompt for a minute.'
            : `Wrong PIN. ${result.attemptsLeft} tries left before a one-minute wait.`,
      };
    case 'locked-out':
      return { text: lockedText(result.retryInMs), lockedForMs: result.retryInMs };
    case 'invalid':
      return { text: 'The kiosk did not accept this request.' };
  }
}

export function lockedText(retryInMs: number): string {
  return `Too many wrong PINs. Try again in ${Math.max(1, Math.ceil(retryInMs / 1000))} s.`;
}

/** Typing on the keypad or the keyboard: digits only, and no more than a PIN can have. */
export function withDigit(value: string, digit: string): string {
  if (!/^\d$/.test(digit) || value.length >= PIN_MAX_DIGITS) return value;
  return value + digit;
}
