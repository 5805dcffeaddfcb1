import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, PinLock, newPin } from '../../../../src/main/remote/pairing';

describe('newPin', () => {
  it('is six digits, leading zeros kept, and not always the same', () => {
    const pins = new Set(Array.from({ length: 200 }, () => newPin()));
    for (const pin of pins) expect(pin).toMatch(/^\d{6}$/);
    expect(pins.size).toBeGreaterThan(190);
  });
});

describe('PinLock', () => {
  it('accepts the PIN and counts down the tries left on wrong ones', () => {
    let now = 1_000;
    const lock = new PinLock('042042', () => now);
    expect(lock.check('042042')).toEqual({ ok: true });
    expect(lock.check('123456')).toEqual({
      ok: false,
      reason: 'wrong',
      triesLeft: 4,
      lockedUntil: null,
    });
    expect(lock.check('42042')).toMatchObject({ reason: 'wrong', triesLeft: 3 });
    now += 1;
    expect(lock.lockedUntil()).toBeNull();
  });

  it('locks for a minute after five wrong PINs, refusing even the right one, then opens', () => {
    let now = 5_000;
    const lock = new PinLock('111111', () => now);
    for (let i = 0; i < 4; i++) expect(lock.check('000000')).toMatchObject({ reason: 'wrong' });
    expect(lock.check('000000')).toEqual({
      ok: false,
      reason: 'wrong',
      triesLeft: 0,
      lockedUntil: 5_000 + LOCKOUT_MS,
    });
    expect(lock.check('111111')).toEqual({
      ok: false,
      reason: 'locked',
      lockedUntil: 5_000 + LOCKOUT_MS,
    });
    now += LOCKOUT_MS - 1;
    expect(lock.check('111111')).toMatchObject({ reason: 'locked' });
    now += 1;
    expect(lock.lockedUntil()).toBeNull();
    expect(lock.check('111111')).toEqual({ ok: true });
    // A fresh count after the lock: five more tries.
    expect(lock.check('000000')).toMatchObject({ triesLeft: 4 });
  });
});
