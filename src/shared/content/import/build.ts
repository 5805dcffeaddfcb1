import type { LocalizedText } from '../../protocol/localized-text';
import { originalLines } from '../../lyrics/lines';
import { alignCues, parseLrc } from '../../lyrics/lrc';
import { idFromTitle, tagMs, takeTimeTags } from './text';
import type {
  ImportedLine,
  ImportedSection,
  ImportedSong,
  ImportOptions,
  ImportResult,
} from './types';
import { ImportError } from './types';
import { importWarning } from './words';

/**
 * Pairs the original's stanzas with the translation's, line by line. A stanza or line without
 * its partner is kept with its one language and named in a warning: nothing is dropped.
 */
export function pairStanzas(
  original: readonly (readonly string[])[],
  translation: readonly (readonly string[])[] | undefined,
  languages: { original: string; translation?: string },
  warnings: LocalizedText[],
): ImportedSection[] {
  const { original: lang, translation: other } = languages;
  if (!translation || !other) {
    return original.map((lines) => ({ lines: lines.map((text) => ({ [lang]: text })) }));
  }
  if (translation.length !== original.length) {
    warnings.push(
      importWarning('stanzasMismatch', {
        original: original.length,
        translation: translation.length,
      }),
    );
  }
  const sections: ImportedSection[] = [];
  for (let s = 0; s < Math.max(original.length, translation.length); s++) {
    const a = original[s] ?? [];
    const b = translation[s] ?? [];
    if (a.length !== b.length) {
      warnings.push(
        importWarning('linesMismatch', {
          stanza: s + 1,
          original: a.length,
          translation: b.length,
        }),
      );
    }
    const lines: ImportedLine[] = [];
    for (let l = 0; l < Math.max(a.length, b.length); l++) {
      const line: ImportedLine = {};
      if (a[l] !== undefined) line[lang] = a[l]!;
      if (b[l] !== undefined) line[other] = b[l]!;
      lines.push(line);
    }
    sections.push({ lines });
  }
  return sections;
}

/**
 * Takes the time tags off the original lines: a fully timed original becomes the song's LRC;
 * a partly timed one is reported (the schema needs a time for every line) and its times left
 * out, the words kept.
 */
export function extractTimes(
  sections: ImportedSection[],
  language: string,
  warnings: LocalizedText[],
): string | undefined {
  const lrc: string[] = [];
  let timed = 0;
  let untimed = 0;
  for (const section of sections) {
    for (const line of section.lines) {
      for (const [lang, raw] of Object.entries(line)) {
        const { tags, text } = takeTimeTags(raw);
        line[lang] = text;
        if (lang !== language) continue;
        if (tags.length === 0) {
          untimed++;
          continue;
        }
        timed++;
        lrc.push(`${tags.join('')}${text}`);
      }
    }
  }
  if (timed === 0) return undefined;
  if (untimed > 0) {
    warnings.push(importWarning('lrcPartial', { count: untimed }));
    return undefined;
  }
  return lrc.join('\n');
}

/** Drops lines that lost all their words (a bare time tag) and stanzas left empty. */
function withoutEmpty(sections: ImportedSection[]): ImportedSection[] {
  return sections
    .map((section) => ({
      ...(section.label === undefined ? {} : { label: section.label }),
      lines: section.lines
        .map((line) => Object.fromEntries(Object.entries(line).filter(([, text]) => text !== '')))
        .filter((line) => Object.keys(line).length > 0),
    }))
    .filter((section) => section.lines.length > 0);
}

export interface SongParts {
  title?: string | Record<string, string>;
  artist?: string | Record<string, string>;
  credits?: string;
  language: string;
  sections: ImportedSection[];
  lrc?: string;
}

function present(text: string | Record<string, string> | undefined) {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text.trim() === '' ? undefined : text.trim();
  const entries = Object.entries(text)
    .map(([lang, value]) => [lang, value.trim()] as const)
    .filter(([, value]) => value !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The song as the pack writes it, always one `songSchema` accepts: a missing title becomes the
 * first line and a missing artist a dash, each with a warning so the person fills them in.
 */
export function finishSong(
  parts: SongParts,
  options: ImportOptions,
  warnings: LocalizedText[],
): ImportResult {
  const sections = withoutEmpty(parts.sections);
  if (sections.length === 0) throw new ImportError('noLyrics');
  const firstLine = Object.values(sections[0]!.lines[0]!)[0]!;
  let title = present(options.title) ?? present(parts.title);
  if (title === undefined) {
    title = firstLine;
    warnings.push(importWarning('titleFromFirstLine'));
  }
  let artist = present(options.artist) ?? present(parts.artist);
  if (artist === undefined) {
    artist = '—';
    warnings.push(importWarning('artistMissing'));
  }
  const titleText =
    typeof title === 'string' ? title : (title[parts.language] ?? Object.values(title)[0]!);
  const song: ImportedSong = {
    kind: 'song',
    id: idFromTitle(titleText),
    title,
    artist,
    language: parts.language,
    sections,
  };
  const credits = present(parts.credits);
  if (credits !== undefined) song.credits = credits;
  if (parts.lrc !== undefined) {
    // The schema's own rule: every line must find its time (a line with only a translation,
    // two lines at the same moment do not). An LRC it would refuse is left out, and said.
    const untimed = alignCues(originalLines(song), parseLrc(parts.lrc).cues).filter(
      (time) => time === null,
    ).length;
    if (untimed === 0) song.lrc = parts.lrc;
    else warnings.push(importWarning('lrcPartial', { count: untimed }));
  }
  return { song, warnings };
}

/** Sorts timed entries by their first tag, for an LRC whose lines are not in time order. */
export function firstTagMs(line: string): number {
  const { tags } = takeTimeTags(line);
  return tags.length > 0 ? tagMs(tags[0]!) : Number.POSITIVE_INFINITY;
}
