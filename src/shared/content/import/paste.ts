import type { LocalizedText } from '../../protocol/localized-text';
import { extractTimes, finishSong, pairStanzas } from './build';
import { cleanInput, splitStanzas } from './text';
import { ImportError, type ImportOptions, type ImportResult } from './types';
import { importWarning } from './words';

/*
 * Pasted lyrics: the original and its translation side by side (two boxes), or one after the
 * other in one box, either line by line or a block then a block after a marker line (`---`).
 * Blank lines split stanzas; `[00:12.34]` in front of the original's lines becomes the LRC.
 */

/** A line of only dashes, equals signs, stars or underscores (three or more). */
const MARKER = /^\s*([-=*_~])\1{2,}\s*$/;

function checkLanguages(options: ImportOptions): string | undefined {
  const other = options.translationLanguage || undefined;
  if (other !== undefined && other === options.language) throw new ImportError('sameLanguage');
  return other;
}

function assemble(
  original: string[][],
  translation: string[][] | undefined,
  options: ImportOptions,
  warnings: LocalizedText[],
): ImportResult {
  const other = checkLanguages(options);
  // A translation with no language to file it under would be lost without a word: say so.
  if (translation && !other) warnings.push(importWarning('translationUnused'));
  const sections = pairStanzas(
    original,
    other ? translation : undefined,
    { original: options.language, translation: other },
    warnings,
  );
  const lrc = extractTimes(sections, options.language, warnings);
  return finishSong({ language: options.language, sections, lrc }, options, warnings);
}

/** Two boxes: the original in one, its translation in the other, stanza for stanza. */
export function importColumns(
  original: string,
  translation: string,
  options: ImportOptions,
): ImportResult {
  const a = splitStanzas(cleanInput(original).split('\n'));
  if (a.length === 0) throw new ImportError('empty');
  const b = splitStanzas(cleanInput(translation).split('\n'));
  return assemble(a, b.length > 0 ? b : undefined, options, []);
}

/**
 * One box. With a marker line: the original's stanzas above it, the translation's below.
 * Without one and with a translation language: each stanza alternates original and
 * translation lines. Without a translation language: every line is the original.
 */
export function importPaste(text: string, options: ImportOptions): ImportResult {
  const lines = cleanInput(text).split('\n');
  const warnings: LocalizedText[] = [];
  const other = checkLanguages(options);
  const marker = lines.findIndex((line) => MARKER.test(line));
  if (marker !== -1) {
    const a = splitStanzas(lines.slice(0, marker));
    if (a.length === 0) throw new ImportError('empty');
    const b = splitStanzas(lines.slice(marker + 1).filter((line) => !MARKER.test(line)));
    return assemble(a, b.length > 0 ? b : undefined, options, warnings);
  }
  const stanzas = splitStanzas(lines);
  if (stanzas.length === 0) throw new ImportError('empty');
  if (!other) return assemble(stanzas, undefined, options, warnings);
  const original: string[][] = [];
  const translation: string[][] = [];
  // An odd stanza leaves its last line without a translation: pairStanzas names it.
  stanzas.forEach((stanza) => {
    original.push(stanza.filter((_, i) => i % 2 === 0));
    translation.push(stanza.filter((_, i) => i % 2 === 1));
  });
  return assemble(original, translation, options, warnings);
}
