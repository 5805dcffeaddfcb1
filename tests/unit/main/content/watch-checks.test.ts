import { describe, expect, it } from 'vitest';
import { isChangeSince } from '../../../../src/main/content/watch-checks';

describe("isChangeSince (the watcher's first scan)", () => {
  const start = 1_700_000_000_000;
  it('counts a file modified after the first load began, with a second of slack', () => {
    expect(isChangeSince('add', { mtimeMs: start + 5 }, start)).toBe(true);
    expect(isChangeSince('add', { mtimeMs: start - 500 }, start)).toBe(true);
    expect(isChangeSince('addDir', { mtimeMs: start + 1 }, start)).toBe(true);
  });
  it('does not count files that were already there', () => {
    expect(isChangeSince('add', { mtimeMs: start - 60_000 }, start)).toBe(false);
    expect(isChangeSince('addDir', { mtimeMs: start - 2_000 }, start)).toBe(false);
  });
  it('counts every change and removal, and an add it cannot date', () => {
    for (const event of ['change', 'unlink', 'unlinkDir']) {
      expect(isChangeSince(event, { mtimeMs: 0 }, start)).toBe(true);
    }
    expect(isChangeSince('add', undefined, start)).toBe(true);
  });
});
