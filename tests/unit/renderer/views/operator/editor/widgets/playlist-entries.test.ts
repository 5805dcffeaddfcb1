import { describe, expect, it } from 'vitest';
import {
  entryItem,
  withEntryItem,
  withEntryOption,
} from '../../../../../../../src/renderer/views/operator/editor/widgets/playlist-entries';
import { moveEntry } from '../../../../../../../src/renderer/views/operator/editor/widgets/list-moves';

describe('playlist entries', () => {
  it('reads the item of the short and the object form, and nothing of anything else', () => {
    expect(entryItem('kots-band')).toBe('kots-band');
    expect(entryItem({ item: 'kots-band', duration: 5 })).toBe('kots-band');
    expect(entryItem({ duration: 5 })).toBeUndefined();
    expect(entryItem(42)).toBeUndefined();
  });

  it('leaves an entry it cannot read exactly as it is', () => {
    const odd = { duration: 5 };
    expect(withEntryOption(odd, 'duration', 10)).toBe(odd);
  });

  it('goes back to the short form when the last option is cleared', () => {
    const long = withEntryOption('a', 'from', '2026-01-01');
    expect(long).toEqual({ item: 'a', from: '2026-01-01' });
    expect(withEntryOption(long, 'from', undefined)).toBe('a');
    expect(withEntryItem(long, 'b')).toEqual({ item: 'b', from: '2026-01-01' });
  });

  it('moves within bounds and ignores a move out of them', () => {
    expect(moveEntry(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveEntry(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(moveEntry(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
  });
});
