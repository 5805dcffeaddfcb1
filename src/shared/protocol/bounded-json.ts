/**
 * JSON from outside (a view's socket, a file read back from disk) with its nesting bounded
 * before anything parses it. `JSON.parse` itself copes with deep nesting, but everything that
 * walks the result afterwards (zod, `JSON.stringify` in an error message, a logger) recurses,
 * and 30,000 levels of `[` in one 64 KiB frame exhausted the stack of the whole core.
 */

/** No message or settings file of ours nests deeper than a handful of levels. */
export const MAX_JSON_DEPTH = 32;

export type BoundedJson = { ok: true; value: unknown } | { ok: false; error: string };

export interface BoundedJsonLimits {
  /** Deepest nesting of arrays and objects allowed; MAX_JSON_DEPTH by default. */
  maxDepth?: number;
  /** Longest text allowed, in UTF-16 code units; unbounded by default (callers cap bytes). */
  maxLength?: number;
}

/**
 * The deepest nesting of `[` and `{` in `text`, counted in one pass without recursion and
 * without looking inside strings. Stops counting once past `limit`: that is all a caller
 * needs to know.
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

/**
 * Parses `text` as JSON if it is within the limits. Never throws; the error is a short
 * sentence that quotes nothing of the input, so it is safe to send back or to log.
 */
export function parseBoundedJson(text: string, limits: BoundedJsonLimits = {}): BoundedJson {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (limits.maxLength !== undefined && text.length > limits.maxLength) {
    return { ok: false, error: `longer than ${limits.maxLength} characters` };
  }
  if (jsonDepth(text, maxDepth) > maxDepth) {
    return { ok: false, error: `nested deeper than ${maxDepth} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
}
