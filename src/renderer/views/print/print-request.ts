import type { CampaignTag } from '../../../shared/time/links';

/** What the print page was asked for: `?item=&format=&lang=&lang=&event=`. */
export interface PrintRequest {
  itemId: string;
  format: string;
  /** One language, or two side by side. */
  languages: string[];
  eventId: string | undefined;
  /** Filled in once the content is known: the campaign tag of the event printed for. */
  tag: CampaignTag | undefined | null;
}

export function readPrintRequest(search: string): PrintRequest {
  const query = new URLSearchParams(search);
  return {
    itemId: query.get('item') ?? '',
    format: query.get('format') ?? 'a4',
    languages: query.getAll('lang').slice(0, 2),
    eventId: query.get('event') ?? undefined,
    tag: null,
  };
}
