import type { Pack } from '../../shared/content';

/**
 * Adds the pack's campaign tag (utm_* parameters) to a link, so a campaign can count scans.
 * Existing parameters on the link win: the author put them there on purpose.
 * Pure; a candidate for src/shared once its owner wants it there.
 */
export function tagLink(url: string, tag: Pack['campaignTag']): string {
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
