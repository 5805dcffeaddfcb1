import type { LocalizedText } from '../../protocol/localized-text';
import { finishSong } from './build';
import { cleanInput } from './text';
import type { ImportedSection, ImportOptions, ImportResult } from './types';
import { importWarning, sectionLabel, type SectionKind } from './words';

/*
 * ChordPro (.cho, .chopro, .crd, .chordpro): the words of a chord sheet. Chords (`[Am]`) are
 * taken out of the words; `{start_of_…}` blocks and blank lines make stanzas; a `{comment:}`
 * names the stanza that follows it; tabs, grids and other non-lyric blocks are skipped.
 */

const DIRECTIVE = /^\{\s*([A-Za-z_]+(?:-[A-Za-z0-9_]+)?)\s*(?:[:\s]\s*(.*?))?\s*\}$/;

const ALIASES: Record<string, string> = {
  t: 'title',
  st: 'subtitle',
  a: 'artist',
  c: 'comment',
  ci: 'comment',
  cb: 'comment',
  comment_italic: 'comment',
  comment_box: 'comment',
  highlight: 'comment',
  sov: 'start_of_verse',
  eov: 'end_of_verse',
  soc: 'start_of_chorus',
  eoc: 'end_of_chorus',
  sob: 'start_of_bridge',
  eob: 'end_of_bridge',
  sot: 'start_of_tab',
  eot: 'end_of_tab',
  sog: 'start_of_grid',
  eog: 'end_of_grid',
};

const LYRIC_BLOCKS: Record<string, SectionKind> = {
  verse: 'verse',
  chorus: 'chorus',
  bridge: 'bridge',
};

/** `label="Verse 1"` (ChordPro 6) or the plain text after the colon (older files). */
function blockLabel(argument: string | undefined): string | undefined {
  if (!argument) return undefined;
  const quoted = /label\s*=\s*"([^"]*)"/.exec(argument) ?? /label\s*=\s*'([^']*)'/.exec(argument);
  const label = (quoted ? quoted[1]! : argument).trim();
  return label === '' ? undefined : label;
}

/** The words of a ChordPro line: chords and annotations out, spacing tidied. */
function words(line: string): string {
  return line
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function importChordPro(text: string, options: ImportOptions): ImportResult {
  const lang = options.language;
  const meta: Record<string, string> = {};
  const warnings: LocalizedText[] = [];
  const sections: ImportedSection[] = [];
  const choruses: ImportedSection[] = [];
  let current: ImportedSection = { lines: [] };
  let pendingLabel: string | undefined;
  let block: SectionKind | undefined;
  let skipping: string | undefined;

  const close = () => {
    if (current.lines.length > 0) {
      sections.push(current);
      if (block === 'chorus') choruses.push(current);
    }
    current = { lines: [] };
  };
  const open = (label: string | undefined, kind?: SectionKind) => {
    close();
    const named = label ?? pendingLabel;
    if (named !== undefined) current.label = named;
    else if (kind === 'chorus' || kind === 'bridge')
      current.label = sectionLabel(kind, undefined, [lang]);
    pendingLabel = undefined;
  };

  for (const raw of cleanInput(text).split('\n')) {
    const line = raw.trim();
    const directive = DIRECTIVE.exec(line);
    if (skipping !== undefined) {
      if (directive && directive[1]!.toLowerCase() === `end_of_${skipping}`) skipping = undefined;
      if (directive && ALIASES[directive[1]!.toLowerCase()] === `end_of_${skipping}`) {
        skipping = undefined;
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    if (!directive) {
      const lyric = words(line);
      if (lyric === '') {
        // A blank line ends a stanza, except inside a verse or chorus block; a line of only
        // chords (an instrumental bar) ends nothing.
        if (line === '' && block === undefined) close();
        continue;
      }
      if (current.lines.length === 0 && pendingLabel !== undefined) {
        current.label = pendingLabel;
        pendingLabel = undefined;
      }
      current.lines.push({ [lang]: lyric });
      continue;
    }
    const name = directive[1]!.toLowerCase();
    const argument = directive[2]?.trim();
    const canonical = ALIASES[name] ?? name;
    const start = /^start_of_(.+)$/.exec(canonical);
    const end = /^end_of_(.+)$/.exec(canonical);
    if (start) {
      const kind = LYRIC_BLOCKS[start[1]!] ?? (start[1]!.startsWith('verse') ? 'verse' : undefined);
      if (kind) {
        open(blockLabel(argument), kind);
        block = kind;
      } else {
        // Tabs, grids, abc, lilypond, textblocks: music or layout, not words to sing.
        close();
        skipping = start[1]!;
        warnings.push(importWarning('skippedBlock', { block: start[1]! }));
      }
    } else if (end) {
      close();
      block = undefined;
    } else if (canonical === 'chorus') {
      // `{chorus}`: sing the last chorus again here.
      close();
      const last = choruses.at(-1);
      if (last) sections.push({ ...last, lines: last.lines.map((l) => ({ ...l })) });
    } else if (canonical === 'comment') {
      if (argument) {
        if (current.lines.length > 0 && block === undefined) close();
        if (current.lines.length === 0) pendingLabel = argument;
      }
    } else if (argument) {
      meta[canonical] = argument;
    }
  }
  close();

  return finishSong(
    {
      title: meta.title,
      artist: meta.artist ?? meta.composer ?? meta.lyricist ?? meta.subtitle,
      credits: meta.copyright,
      language: lang,
      sections,
    },
    options,
    warnings,
  );
}
