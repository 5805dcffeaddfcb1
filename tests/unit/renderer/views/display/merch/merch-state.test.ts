import { describe, expect, it } from 'vitest';
import {
  LOOP,
  browsableItems,
  effectiveView,
  merchSettings,
} from '../../../../../../src/renderer/views/display/merch/merch-state';
import { actionItem, caseItem, pack, snapshot } from '../../../fixtures';

const safeAction = { ...actionItem, id: 'safe-action', sensitive: false };

describe('merch table state', () => {
  it('is on only when the pack (or serve --merch) says so', () => {
    expect(merchSettings(snapshot())).toBeNull();
    const on = {
      ...snapshot(),
      pack: {
        ...pack,
        display: { ...pack.display, merchTable: { enabled: true, idleSeconds: 30 } },
      },
    };
    expect(merchSettings(on)).toEqual({ idleMs: 30_000 });
    expect(merchSettings(null)).toBeNull();
  });

  it('offers the cases, then the actions, minus what safe mode hides', () => {
    const sensitiveAction = { ...actionItem, sensitive: true };
    const content = snapshot([sensitiveAction, caseItem, safeAction]);
    expect(browsableItems(content, false).map((item) => item.id)).toEqual([
      'boris-kagarlitsky',
      'free-boris-site',
      'safe-action',
    ]);
    expect(browsableItems(content, true).map((item) => item.id)).toEqual(['safe-action']);
  });

  it('falls back when what the visitor opened may no longer be shown', () => {
    const all = browsableItems(snapshot([caseItem, safeAction]), false);
    const hidden = browsableItems(snapshot([caseItem, safeAction]), true);
    const detail = { mode: 'detail', itemId: 'boris-kagarlitsky', language: 'en' } as const;
    expect(effectiveView(detail, all)).toBe(detail);
    expect(effectiveView(detail, hidden)).toEqual({ mode: 'browse', language: 'en' });
    expect(effectiveView({ mode: 'browse', language: 'en' }, [])).toBe(LOOP);
  });
});
