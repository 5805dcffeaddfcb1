/**
 * A cue's text as plain lines: styling and voice tags (`<i>`, `<b>`, `<c.x>`, `<v Name>`,
 * `<font color=…>`, karaoke timestamps `<00:00:01.000>`), SubRip's ASS overrides (`{\an8}`)
 * and entities removed, so every view shows the same words without an HTML parser. A `<` not
 * starting a tag (`a < b` in a SubRip file) is kept.
 */
const TAG = /<\/?(?:[A-Za-z][^<>]*|\d[\d:.]*)>/g;
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g;

function codePointText(n: number, whole: string): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
}

function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return codePointText(Number(dec), whole);
      if (hex !== undefined) return codePointText(parseInt(hex, 16), whole);
      return NAMED_ENTITIES[name!] ?? whole;
    },
  );
}

/** The cue's text lines as a viewer reads them; empty lines (a line of tags only) are dropped. */
export function plainCueLines(rawLines: readonly string[]): string[] {
  const lines: string[] = [];
  for (const raw of rawLines) {
    const text = decodeEntities(raw.replace(ASS_OVERRIDE, '').replace(TAG, '')).trim();
    if (text !== '') lines.push(text);
  }
  return lines;
}
