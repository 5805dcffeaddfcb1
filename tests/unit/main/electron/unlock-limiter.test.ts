import { describe, expect, it } from 'vitest';
import { UnlockLimiter } from '../../../../src/main/electron/unlock-limiter';

describe('UnlockLimiter', () => {
  it('allows four wrong PINs, locks for a minute at the fifth, then starts afresh', () => {
    let now = 0;
    const limiter = new UnlockLimiter(() => now);
    for (const left of [4, 3, 2, 1]) {
      expect(limiter.check()).toEqual({ allowed: true });
      expect(limiter.recordFailure()).toEqual({ lockedOut: false, attemptsLeft: left });
    }
    expect(limiter.recordFailure()).toEqual({ lockedOut: true, retryInMs: 60_000 });
    now = 59_000;
    expect(limiter.check()).toEqual({ allowed: false, retryInMs: 1_000 });
    now = 60_000;
    expect(limiter.check()).toEqual({ allowed: true });
    expect(limiter.recordFailure()).toEqual({ lockedOut: false, attemptsLeft: 4 });
  });

  it('clears the count after a right PIN', () => {
    const limiter = new UnlockLimiter(() => 0);
    limiter.recordFailure();
    limiter.recordFailure();
    limiter.recordSuccess();
    expect(limiter.recordFailure()).toEqual({ lockedOut: false, attemptsLeft: 4 });
  });
});
