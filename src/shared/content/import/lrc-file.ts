import type { LocalizedText } from '../../protocol/localized-text';
import { finishSong } from './build';
import { cleanInput, tagMs, takeTimeTags } from './text';
import { ImportError, type ImportedSection, type ImportOptions, type ImportResult } from './types';
import { importWarning } from './words';

/*
 * An LRC file alone: its timed lines become a one-language song, and the file itself its `lrc`
 * (offset and all), so the show follows the song as the file times it.
 */

const ID_TAG = /^\[([a-z]+):(.*)\]$/i;
// The enhanced format's word times (`<00:12.34>`): we show whole lines.
const WORD_TAG = /<\d+:\d+(?:[.:]\d+)?>/g;

interface Entry {
  ms: number;
  /** Empty: a bare time tag, which ends a stanza. */
  text: string;
  order: number;
}

export function importLrc(text: string, options: ImportOptions): ImportResult {
  const lines = cleanInput(text).split('\n');
  const tags: Record<string, string> = {};
  const entries: Entry[] = [];
  const breaks = new Set<number>();
  let untimed = 0;
  let repeated = false;
  for (const raw of lines) {
    const line = raw.trim();
    const timed = takeTimeTags(line);
    if (timed.tags.length === 0) {
      const id = ID_TAG.exec(line);
      if (id) tags[id[1]!.toLowerCase()] = id[2]!.trim();
      else if (line === '') breaks.add(entries.length);
      else untimed++;
      continue;
    }
    if (timed.tags.length > 1) repeated = true;
    const words = timed.text.replace(WORD_TAG, '').replace(/\s+/g, ' ').trim();
    for (const tag of timed.tags) {
      entries.push({ ms: tagMs(tag), text: words, order: entries.length });
    }
  }
  if (!entries.some((entry) => entry.text !== '')) throw new ImportError('noLyrics');

  // A chorus tagged once for each time it is sung: the song has it at each of those times.
  const inOrder = entries.every((entry, i) => i === 0 || entry.ms >= entries[i - 1]!.ms);
  const sequence =
    repeated || !inOrder ? [...entries].sort((a, b) => a.ms - b.ms || a.order - b.order) : entries;
  const sections: ImportedSection[] = [];
  let current: ImportedSection = { lines: [] };
  const close = () => {
    if (current.lines.length > 0) sections.push(current);
    current = { lines: [] };
  };
  for (const entry of sequence) {
    // A blank line in the file ends a stanza before the line that follows it.
    if (breaks.has(entry.order)) close();
    if (entry.text === '') close();
    else current.lines.push({ [options.language]: entry.text });
  }
  close();

  const warnings: LocalizedText[] = [];
  if (untimed > 0) warnings.push(importWarning('untimedSkipped', { count: untimed }));
  return finishSong(
    {
      title: tags.ti,
      artist: tags.ar,
      language: options.language,
      sections,
      lrc: lines.join('\n').trim(),
    },
    options,
    warnings,
  );
}
