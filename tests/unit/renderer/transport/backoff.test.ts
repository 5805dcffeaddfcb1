import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src/renderer/transport/backoff';

describe('backoffDelay', () => {
  it('grows exponentially to the cap, jittered within the upper half', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(30, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(backoffDelay(30, () => 0)).toBe(5_000);
  });
});
