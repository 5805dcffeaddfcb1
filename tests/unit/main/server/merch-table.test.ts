import { describe, expect, it } from 'vitest';
import { applyMerchTable } from '../../../../src/main/server/merch-table';
import { caseItem, snapshot } from '../show/content-fixtures';

describe('applyMerchTable', () => {
  it('leaves the pack’s own setting alone without the option', () => {
    const plain = snapshot([caseItem('a')]);
    expect(applyMerchTable(plain, null)).toBe(plain);
    expect(applyMerchTable(plain, undefined)).toBe(plain);
    const off = snapshot([caseItem('a')], { display: { merchTable: { enabled: false } } });
    expect(applyMerchTable(off, null).pack.display.merchTable).toEqual({
      enabled: false,
      idleSeconds: 60,
    });
  });

  it('switches it on with the given idle time, over whatever the pack says', () => {
    const off = snapshot([caseItem('a')], {
      display: { merchTable: { enabled: false, idleSeconds: 30 }, cycleLanguages: true },
    });
    const on = applyMerchTable(off, { idleSeconds: 90 });
    expect(on.pack.display).toEqual({
      merchTable: { enabled: true, idleSeconds: 90 },
      cycleLanguages: true,
    });
    // Pure: the store's snapshot is not touched.
    expect(off.pack.display.merchTable).toEqual({ enabled: false, idleSeconds: 30 });
    expect(on.items).toBe(off.items);
  });

  it('without seconds takes the pack’s idle time, else 60', () => {
    const withIdle = snapshot([], { display: { merchTable: { enabled: false, idleSeconds: 45 } } });
    expect(applyMerchTable(withIdle, {}).pack.display.merchTable).toEqual({
      enabled: true,
      idleSeconds: 45,
    });
    expect(applyMerchTable(snapshot([]), {}).pack.display.merchTable).toEqual({
      enabled: true,
      idleSeconds: 60,
    });
  });
});
