import type { PrintFormat } from '../../../../../shared/print/formats';

/** What the console's Print… dialog asks the print page for. */
export interface PrintChoice {
  format: PrintFormat;
  /** One language, or two side by side (the print page reads at most two). */
  languages: readonly string[];
  /** The event the copies are for: its campaign tag goes on the QR code's link. */
  eventId?: string;
}

/**
 * The print page's address with the console's operator token: the page reads the pack over
 * its own socket, so without the token it shows nothing. Every value goes through
 * URLSearchParams: an id or language is never pasted into the query as it is.
 */
export function printPageUrl(
  origin: string,
  token: string,
  itemId: string,
  choice: PrintChoice,
): string {
  const query = new URLSearchParams({ token, item: itemId, format: choice.format });
  for (const language of choice.languages.slice(0, 2)) query.append('lang', language);
  if (choice.eventId) query.append('event', choice.eventId);
  return `${origin}/print?${query.toString()}`;
}

/**
 * Whether the saved file makes the item sensitive. A case shows a person, so it is sensitive
 * unless its file says `sensitive: false` (the schema's rule for people); an action or event
 * only when its file says so.
 */
export function printsSensitive(kind: string, saved: { sensitive?: unknown } | null): boolean {
  if (typeof saved?.sensitive === 'boolean') return saved.sensitive;
  return kind === 'case' || kind === 'drawing';
}
