import { describe, expect, it } from 'vitest';
import {
  lockedText,
  messageFor,
  withDigit,
} from '../../../../../src/renderer/views/kiosk-lock/messages';

// The PIN prompt's words (src/renderer/views/kiosk-lock); its DOM is covered in tests/electron.
describe('the PIN prompt', () => {
  it('says how many tries are left, and when to try again', () => {
    expect(messageFor({ ok: false, error: 'wrong-pin', attemptsLeft: 3 }).text).toBe(
      'Wrong PIN. 3 tries left before a one-minute wait.',
    );
    expect(messageFor({ ok: false, error: 'wrong-pin', attemptsLeft: 1 }).text).toContain(
      'One more wrong PIN',
    );
    expect(messageFor({ ok: false, error: 'locked-out', retryInMs: 59_001 })).toEqual({
      text: 'Too many wrong PINs. Try again in 60 s.',
      lockedForMs: 59_001,
    });
    expect(lockedText(10)).toBe('Too many wrong PINs. Try again in 1 s.');
    expect(messageFor({ ok: true }).text).toContain('Unlocked');
    expect(messageFor({ ok: false, error: 'invalid' }).text).toContain('did not accept');
  });

  it('takes digits only, up to twelve', () => {
    expect(withDigit('12', '3')).toBe('123');
    expect(withDigit('12', 'a')).toBe('12');
    expect(withDigit('12', '34')).toBe('12');
    expect(withDigit('123456789012', '3')).toBe('123456789012');
  });
});
