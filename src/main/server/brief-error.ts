/**
 * An error for the log: its name and the start of its message, never the request or input
 * that caused it in full (a URL may carry a view's token; a message may be 64 KiB).
 */
export function briefError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
