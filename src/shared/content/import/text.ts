import { ImportError, MAX_IMPORT_BYTES } from './types';
import { latinSlug } from '../latin-slug';

/** The text as one form: no byte-order mark, `\n` line ends, and not larger than a song. */
export function cleanInput(text: string): string {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ImportError('tooLarge', { limit: Math.round(MAX_IMPORT_BYTES / 1024) });
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Lines grouped into stanzas: a blank line ends one. Lines are trimmed; none is empty. */
export function splitStanzas(lines: readonly string[]): string[][] {
  const stanzas: string[][] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) stanzas.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) stanzas.push(current);
  return stanzas;
}

// `[mm:ss]`, `[mm:ss.xx]`, `[mm:ss:xx]`, `[m:ss.xxx]`: the line tags of LRC.
const TIME_TAG = /^\[(\d{1,3}):([0-5]?\d)(?:[.:](\d{1,3}))?\]/;

export interface TimedText {
  /** The line's time tags as written (`[00:12.34]`), in order; several for a repeated line. */
  tags: string[];
  text: string;
}

/** Takes the LRC time tags off the front of a line. */
export function takeTimeTags(line: string): TimedText {
  const tags: string[] = [];
  let rest = line.trimStart();
  for (let match = TIME_TAG.exec(rest); match; match = TIME_TAG.exec(rest)) {
    tags.push(match[0]);
    rest = rest.slice(match[0].length).trimStart();
  }
  return { tags, text: rest.trim() };
}

/** Milliseconds of a time tag (`[01:02.5]` → 62 500). */
export function tagMs(tag: string): number {
  const match = TIME_TAG.exec(tag);
  if (!match) return 0;
  const fraction = match[3] ?? '0';
  return (
    Number(match[1]) * 60_000 + Number(match[2]) * 1000 + Math.round(Number(`0.${fraction}`) * 1000)
  );
}

/** An item id from a title: lower case, Latin letters, digits and dashes. */
export function idFromTitle(title: string): string {
  return latinSlug(title, 60, 'imported-song');
}
