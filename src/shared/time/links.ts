import type { Pack } from '../content/schema';

/** The pack's `campaignTag`: what the campaign calls this screen in its analytics. */
export type CampaignTag = NonNullable<Pack['campaignTag']>;

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
