import { describe, expect, it } from 'vitest';
import { moveLine } from '../../../../src/main/show/lyrics-cursor';
import { lyricPositions } from '../../../../src/shared/lyrics';

// Three sections: lines 0-2, 3-4, 5.
const positions = lyricPositions({
  sections: [
    { lines: [{ en: 'a1' }, { en: 'a2' }, { en: 'a3' }] },
    { lines: [{ en: 'b1' }, { en: 'b2' }] },
    { lines: [{ en: 'c1' }] },
  ],
});

describe('moveLine', () => {
  it('moves one line, clamped at both ends (no wrap)', () => {
    expect(moveLine(positions, 0, 'next')).toBe(1);
    expect(moveLine(positions, 5, 'next')).toBe(5);
    expect(moveLine(positions, 3, 'previous')).toBe(2);
    expect(moveLine(positions, 0, 'previous')).toBe(0);
  });

  it('jumps to the first line of the next section, and stays in the last one', () => {
    expect(moveLine(positions, 0, 'nextStanza')).toBe(3);
    expect(moveLine(positions, 2, 'nextStanza')).toBe(3);
    expect(moveLine(positions, 4, 'nextStanza')).toBe(5);
    expect(moveLine(positions, 5, 'nextStanza')).toBe(5);
  });

  it('goes back to the top of this section first, then to the one before', () => {
    expect(moveLine(positions, 4, 'previousStanza')).toBe(3);
    expect(moveLine(positions, 3, 'previousStanza')).toBe(0);
    expect(moveLine(positions, 5, 'previousStanza')).toBe(3);
    expect(moveLine(positions, 1, 'previousStanza')).toBe(0);
    expect(moveLine(positions, 0, 'previousStanza')).toBe(0);
  });

  it('copes with a line past the end and with no lines at all', () => {
    expect(moveLine(positions, 99, 'previous')).toBe(4);
    expect(moveLine([], 0, 'next')).toBe(0);
  });
});
