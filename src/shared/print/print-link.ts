import type { ContentItem, Pack } from '../content/schema';
import { effectiveCampaignTag, tagLink, type CampaignTag } from '../time/links';

/** The kinds a poster can be made from: each has a link for its QR code. */
export type PrintableKind = 'case' | 'action' | 'event';

export function isPrintable(item: ContentItem): boolean {
  return item.kind === 'case' || item.kind === 'action' || item.kind === 'event';
}

/**
 * The tag for material printed for an event (`--event ID`): the tagged-link rule on that
 * event's day (its own tag, else another event's that day, else the pack's). Without an event,
 * the pack's. Null when `eventId` names no event.
 */
export function printCampaignTag(
  pack: Pick<Pack, 'campaignTag'>,
  items: readonly ContentItem[],
  eventId: string | undefined,
): CampaignTag | undefined | null {
  if (eventId === undefined) return pack.campaignTag;
  const event = items.find((item) => item.kind === 'event' && item.id === eventId);
  if (event?.kind !== 'event') return null;
  // Noon UTC of the event's first day lands on that day in every zone from UTC-11 to UTC+11.
  const nowMs = Date.parse(`${event.start.slice(0, 10)}T12:00:00Z`);
  return effectiveCampaignTag({ pack, items, playlistId: null, nowMs });
}

/**
 * The link the item's QR code opens on paper: the same link its slide shows, tagged the way
 * the slide tags it (an action only when it says `tagLink`). Undefined: the item has none.
 */
export function printLink(item: ContentItem, tag: CampaignTag | undefined): string | undefined {
  switch (item.kind) {
    case 'action':
      return item.tagLink ? tagLink(item.url, tag) : item.url;
    case 'case':
      return item.links[0]?.url;
    case 'event':
      return item.url;
    default:
      return undefined;
  }
}
