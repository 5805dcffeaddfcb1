/*
 * A song's `sections` as the lyrics grid edits them: pure functions from the old list to the
 * new one. Keys a section or line has that the grid does not draw are kept as they are.
 */

export type LyricLine = Record<string, string>;
export interface LyricSection {
  label?: unknown;
  lines: LyricLine[];
  [key: string]: unknown;
}

/** The sections as the field holds them; a section without a list of lines gets an empty one. */
export function sectionList(value: unknown): LyricSection[] {
  if (!Array.isArray(value)) return [];
  return value.map((section: unknown) => {
    const record = typeof section === 'object' && section !== null ? section : {};
    const lines = (record as { lines?: unknown }).lines;
    return { ...record, lines: Array.isArray(lines) ? (lines as LyricLine[]) : [] };
  });
}

/**
 * The grid's columns: the song's own language first, then the pack's, then any other language
 * a line already has (a column is never hidden, so no line is lost from view).
 */
export function lyricColumns(
  songLanguage: string | undefined,
  packLanguages: readonly string[],
  sections: readonly LyricSection[],
): string[] {
  const found = sections.flatMap((section) => section.lines.flatMap((line) => Object.keys(line)));
  return [...new Set([...(songLanguage ? [songLanguage] : []), ...packLanguages, ...found])];
}

/** One cell's text; an emptied cell leaves the line (not an empty string in the file). */
export function withCell(line: LyricLine, language: string, text: string): LyricLine {
  const next = { ...line };
  if (text === '') delete next[language];
  else next[language] = text;
  return next;
}

/** The lines of pasted text, without the blank ones and the line breaks of any system. */
export function pastedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Several pasted lines go down one column from the line pasted into, one per line, adding
 * lines at the section's end when the paste runs past it.
 */
export function pasteIntoColumn(
  lines: readonly LyricLine[],
  start: number,
  language: string,
  texts: readonly string[],
): LyricLine[] {
  const next = [...lines];
  texts.forEach((text, offset) => {
    const at = start + offset;
    next[at] = withCell(next[at] ?? {}, language, text);
  });
  return next;
}

/** A new, empty section, for the operator to fill. */
export function emptySection(): LyricSection {
  return { lines: [{}] };
}

/**
 * The label's text in one language. A label written as one plain string is edited as it is;
 * one written per language keeps its other languages.
 */
export function labelText(label: unknown, language: string): string {
  if (typeof label === 'string') return label;
  if (typeof label === 'object' && label !== null) {
    const text = (label as Record<string, unknown>)[language];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

export function withLabel(label: unknown, language: string, text: string): unknown {
  if (typeof label === 'object' && label !== null) {
    const next = { ...(label as Record<string, unknown>) };
    if (text === '') delete next[language];
    else next[language] = text;
    return Object.keys(next).length > 0 ? next : undefined;
  }
  return text === '' ? undefined : text;
}
