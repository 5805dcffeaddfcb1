import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../../../../../src/renderer/views/operator/editor/item/changed-fields';

describe('the fields two versions disagree on', () => {
  it('names each changed leaf as the YAML does, list positions from 1', () => {
    const mine = { title: { en: 'A', fr: 'B' }, items: ['x', 'y'], duration: 8 };
    const theirs = { title: { en: 'A', fr: 'C' }, items: ['x', 'z'], shuffle: true };
    expect(changedFields(mine, theirs)).toEqual([
      { field: 'title.fr', mine: 'B', theirs: 'C' },
      { field: 'items.2', mine: 'y', theirs: 'z' },
      { field: 'duration', mine: 8, theirs: undefined },
      { field: 'shuffle', mine: undefined, theirs: true },
    ]);
  });

  it('shows a list of another length whole', () => {
    expect(changedFields({ items: ['a'] }, { items: ['a', 'b'] })).toEqual([
      { field: 'items', mine: ['a'], theirs: ['a', 'b'] },
    ]);
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
