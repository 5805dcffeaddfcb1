import type { ContentItem, EventItem, Pack } from '../content/schema';
import { calendarDate } from './calendar';

/** A `campaignTag`: what the campaign calls this screen in its analytics. */
export type CampaignTag = NonNullable<Pack['campaignTag']>;

/** Whether `event` happens on the day `nowMs` is in the event's own time zone. */
function happensToday(event: EventItem, nowMs: number): boolean {
  const today = calendarDate(nowMs, event.timeZone);
  const first = event.start.slice(0, 10);
  const last = (event.end ?? event.start).slice(0, 10);
  return first <= today && today <= last;
}

/**
 * The tag tagged links get now: the playing playlist's, else that of an event happening today
 * (in its time zone; the earliest such event if several have one), else the pack's. One rule
 * for the display's QR codes, the merch table and the stream overlay, so every screen of a
 * venue counts its scans under the same name.
 */
export function effectiveCampaignTag(input: {
  pack: Pick<Pack, 'campaignTag'>;
  items: readonly ContentItem[];
  /** The playlist on air, if any. */
  playlistId: string | null | undefined;
  nowMs: number;
}): CampaignTag | undefined {
  const { pack, items, playlistId, nowMs } = input;
  const playlist = playlistId
    ? items.find((item) => item.kind === 'playlist' && item.id === playlistId)
    : undefined;
  if (playlist?.kind === 'playlist' && playlist.campaignTag) return playlist.campaignTag;
  const today = items
    .filter((item): item is EventItem => item.kind === 'event' && item.campaignTag !== undefined)
    .filter((event) => happensToday(event, nowMs))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return today[0]?.campaignTag ?? pack.campaignTag;
}

/**
 * Adds the campaign tag to a link as `utm_source`, `utm_medium` and `utm_campaign`, so a
 * campaign can count the scans that came from its screens. Parameters already on the link
 * win: the author put them there on purpose. A link that is not a URL is returned unchanged.
 */
export function tagLink(url: string, tag: CampaignTag | undefined): string {
  if (!tag) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const params: [string, string | undefined][] = [
    ['utm_source', tag.source],
    ['utm_medium', tag.medium],
    ['utm_campaign', tag.campaign],
  ];
  for (const [key, value] of params) {
    if (value && !parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}
