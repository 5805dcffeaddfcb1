import { describe, expect, it } from 'vitest';
import { displayFieldPath } from '../../../../src/shared/content';

describe('displayFieldPath', () => {
  it('counts list positions from 1, as an author counts the entries of their YAML', () => {
    expect(displayFieldPath(['items', 1])).toBe('items.2');
    expect(displayFieldPath(['sections', 0, 'lines', 2])).toBe('sections.1.lines.3');
  });

  it('leaves names alone, including keys that look like numbers (a map key is not a position)', () => {
    expect(displayFieldPath(['title', 'en'])).toBe('title.en');
    expect(displayFieldPath(['lines', '0'])).toBe('lines.0');
    expect(displayFieldPath([])).toBe('');
  });
});
