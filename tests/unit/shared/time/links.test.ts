import type { ContentItem } from '../../../../src/shared/content';
import { describe, expect, it } from 'vitest';
import { effectiveCampaignTag, tagLink } from '../../../../src/shared/time';

const tag = { source: 'solidarity-screens', medium: 'kiosk', campaign: 'free-boris-azat' };

describe('tagLink', () => {
  it('adds utm_source, utm_medium and utm_campaign', () => {
    expect(tagLink('https://example.org/sign', tag)).toBe(
      'https://example.org/sign?utm_source=solidarity-screens&utm_medium=kiosk&utm_campaign=free-boris-azat',
    );
  });

  it('adds only the parts the pack gives', () => {
    expect(tagLink('https://example.org/', { source: 'stall' })).toBe(
      'https://example.org/?utm_source=stall',
    );
  });

  it('keeps the link’s own parameters, its fragment, and any utm value already there', () => {
    expect(tagLink('https://example.org/p?lang=ru&utm_source=letter#form', tag)).toBe(
      'https://example.org/p?lang=ru&utm_source=letter&utm_medium=kiosk&utm_campaign=free-boris-azat#form',
    );
  });

  it('leaves the link alone without a tag, or when it is not a URL', () => {
    expect(tagLink('https://example.org/sign', undefined)).toBe('https://example.org/sign');
    expect(tagLink('example.org/sign', tag)).toBe('example.org/sign');
  });
});

describe('effectiveCampaignTag', () => {
  const packTag = { source: 'screens', campaign: 'free-them' };
  const playlistTag = { source: 'screens', medium: 'concert' };
  const eventTag = { source: 'screens', campaign: 'paris-rally' };
  const rally = {
    kind: 'event',
    id: 'rally',
    sensitive: false,
    title: 'Rally',
    start: '2024-05-01T19:30',
    timeZone: 'Pacific/Auckland',
    campaignTag: eventTag,
  } as const;
  const concert = {
    kind: 'playlist',
    id: 'concert',
    sensitive: false,
    title: 'Concert',
    shuffle: false,
    pastEvents: 'show',
    items: ['rally'],
    campaignTag: playlistTag,
  } as const;
  const plain = { ...concert, id: 'plain', campaignTag: undefined };
  const items = [rally, concert, plain] as unknown as ContentItem[];
  const at = (iso: string) => Date.parse(iso);
  const tagAt = (playlistId: string | null, nowMs: number, pack = { campaignTag: packTag }) =>
    effectiveCampaignTag({ pack, items, playlistId, nowMs });

  it("takes the playing playlist's tag first, even on an event's day", () => {
    expect(tagAt('concert', at('2024-05-01T08:00:00Z'))).toEqual(playlistTag);
  });

  it("takes the tag of an event happening today in the event's own time zone", () => {
    // 2024-04-30T13:00Z is already 1 May in Auckland (UTC+12), though 30 April in London.
    expect(tagAt('plain', at('2024-04-30T13:00:00Z'))).toEqual(eventTag);
    expect(tagAt(null, at('2024-04-30T11:00:00Z'))).toEqual(packTag);
    // 1 May in Auckland ends at 2024-05-01T12:00Z.
    expect(tagAt(null, at('2024-05-01T11:59:00Z'))).toEqual(eventTag);
    expect(tagAt(null, at('2024-05-01T12:01:00Z'))).toEqual(packTag);
  });

  it("covers every day of an event with an end, and falls back to the pack's tag or none", () => {
    const festival = { ...rally, end: '2024-05-03T23:00' };
    const withFestival = [festival] as unknown as ContentItem[];
    const tag = (nowMs: number) =>
      effectiveCampaignTag({ pack: {}, items: withFestival, playlistId: null, nowMs });
    expect(tag(at('2024-05-02T00:00:00Z'))).toEqual(eventTag);
    expect(tag(at('2024-05-04T00:00:00Z'))).toBeUndefined();
  });

  it('picks the earliest event of the day when several have a tag', () => {
    const early = { ...rally, id: 'early', start: '2024-05-01T09:00', campaignTag: packTag };
    const both = [rally, early] as unknown as ContentItem[];
    expect(
      effectiveCampaignTag({
        pack: {},
        items: both,
        playlistId: null,
        nowMs: at('2024-05-01T00:00:00Z'),
      }),
    ).toEqual(packTag);
  });
});
