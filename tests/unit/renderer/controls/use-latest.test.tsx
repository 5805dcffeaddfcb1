import { render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useLatest } from '../../../../src/renderer/controls/use-latest';

/**
 * Reads the ref as a key or click handler would if the browser delivered the event right
 * after the commit: after layout effects, before the passive ones (which a busy page runs
 * late). A ref set in a passive effect still held the value before.
 */
function ReadsAfterCommit({ value, seen }: { value: string; seen: string[] }) {
  const latest = useLatest(value);
  useLayoutEffect(() => {
    seen.push(latest.current);
  });
  return null;
}

describe('useLatest', () => {
  it('holds the committed value before anything can handle an event on it', () => {
    const seen: string[] = [];
    const { rerender } = render(<ReadsAfterCommit value="no conflict" seen={seen} />);
    rerender(<ReadsAfterCommit value="a conflict" seen={seen} />);
    rerender(<ReadsAfterCommit value="theirs taken" seen={seen} />);
    expect(seen).toEqual(['no conflict', 'a conflict', 'theirs taken']);
  });

  it('is the same ref across renders, so handlers set up once keep reading it', () => {
    const refs: unknown[] = [];
    function Keeps({ value }: { value: number }) {
      refs.push(useLatest(value));
      return null;
    }
    const { rerender } = render(<Keeps value={1} />);
    rerender(<Keeps value={2} />);
    expect(refs[0]).toBe(refs[1]);
  });
});
