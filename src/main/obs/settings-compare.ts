/** Whether `actual` already has every key of `wanted` (numbers compared to a hair). */
export function containsAll(actual: Record<string, unknown>, wanted: Record<string, unknown>) {
  return Object.entries(wanted).every(([key, value]) => sameValue(actual[key], value));
}

function sameValue(actual: unknown, wanted: unknown): boolean {
  if (typeof wanted === 'number' && typeof actual === 'number') {
    return Math.abs(actual - wanted) < 0.01;
  }
  if (wanted && typeof wanted === 'object' && actual && typeof actual === 'object') {
    return containsAll(actual as Record<string, unknown>, wanted as Record<string, unknown>);
  }
  return actual === wanted;
}
