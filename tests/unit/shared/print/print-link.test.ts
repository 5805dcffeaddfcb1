import { describe, expect, it } from 'vitest';
import { printLayout, qrSideMm, PRINT_FORMATS } from '../../../../src/shared/print/formats';
import { printCampaignTag, printLink } from '../../../../src/shared/print/print-link';
import type { ContentItem } from '../../../../src/shared/content';

const pack = { campaignTag: { source: 'pack', medium: 'kiosk', campaign: 'pack-wide' } };
const action = {
  kind: 'action',
  id: 'sign',
  sensitive: false,
  type: 'petition',
  title: 'Sign',
  url: 'https://example.org/sign',
  callToAction: 'Sign it',
  tagLink: true,
} as unknown as ContentItem;
const event = (id: string, start: string, campaign?: string) =>
  ({
    kind: 'event',
    id,
    sensitive: false,
    title: id,
    start,
    timeZone: 'Europe/Paris',
    ...(campaign ? { campaignTag: { source: 'screens', medium: 'poster', campaign } } : {}),
  }) as unknown as ContentItem;

describe('printCampaignTag', () => {
  const items = [action, event('rally', '2024-03-01', 'rally-day'), event('talk', '2024-05-02')];

  it("uses the event's own tag, so paper counts its scans under the event's name", () => {
    expect(printCampaignTag(pack, items, 'rally')?.campaign).toBe('rally-day');
  });

  it('falls back to the pack tag for an event without one, and says null for no such event', () => {
    expect(printCampaignTag(pack, items, 'talk')?.campaign).toBe('pack-wide');
    expect(printCampaignTag(pack, items, 'nowhere')).toBeNull();
    expect(printCampaignTag(pack, items, undefined)?.campaign).toBe('pack-wide');
  });
});

describe('printLink', () => {
  const tag = { source: 'screens', medium: 'poster', campaign: 'rally-day' };
  it('tags an action that asks for it, exactly as the slide does', () => {
    expect(printLink(action, tag)).toBe(
      'https://example.org/sign?utm_source=screens&utm_medium=poster&utm_campaign=rally-day',
    );
  });
  it('leaves an action that keeps its link alone', () => {
    expect(printLink({ ...action, tagLink: false } as ContentItem, tag)).toBe(
      'https://example.org/sign',
    );
  });
});

describe('print formats', () => {
  it('sizes the QR code by scanning distance / 10, never under 2.5 cm', () => {
    expect(qrSideMm(1)).toBe(100);
    expect(qrSideMm(0.1)).toBe(25);
    for (const format of PRINT_FORMATS) {
      const layout = printLayout(format);
      expect(layout.qrMm).toBeGreaterThanOrEqual(25);
      // The code fits inside one copy with its crop-safe margins.
      const copyWidth = layout.sheet.widthMm / layout.columns - 16;
      expect(layout.qrMm).toBeLessThan(copyWidth);
    }
  });

  it('puts a tent on two faces of a folded A4, and flyers two or four to a sheet', () => {
    expect(printLayout('tent')).toMatchObject({ perSheet: 2, rows: 2, folded: true });
    expect(printLayout('a6')).toMatchObject({ perSheet: 4, columns: 2, rows: 2 });
    expect(printLayout('a5')).toMatchObject({ perSheet: 2, columns: 2 });
    expect(printLayout('a5').sheet.cssSize).toBe('A4 landscape');
  });
});
