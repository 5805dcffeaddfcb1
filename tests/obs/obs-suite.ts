import { describe, it } from 'vitest';
import { obsAvailability } from './harness';

/**
 * `describe` for tests that need a real OBS. Without OBS they skip, saying why in the test
 * name (which the CI summary prints) and on the console; on CI (`CI` set) a missing OBS fails
 * instead, because these tests are not optional there.
 */
export function describeWithObs(name: string, body: () => void): void {
  const status = obsAvailability();
  if (status.available) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('needs a real OBS, which CI must provide', () => {
        throw new Error(`OBS is required on CI and is not available: ${status.reason}`);
      });
    });
    return;
  }
  console.log(`[obs tests] skipping "${name}": ${status.reason}`);
  describe.skip(`${name} (skipped: ${status.reason})`, body);
}
