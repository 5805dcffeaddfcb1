import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LocalizedText } from '../../protocol/localized-text';
import { languageCode } from '../text';
import { finishSong } from './build';
import { cleanInput } from './text';
import {
  ImportError,
  type ImportedLine,
  type ImportedSection,
  type ImportOptions,
  type ImportResult,
} from './types';
import { importWarning, sectionLabel, type SectionKind } from './words';

/*
 * OpenLyrics XML (openlyrics.org, 0.9 and the 0.8 `<line>` form): titles, authors, verses in
 * several languages under one name (the translations of the same lines), `verseOrder`.
 * Chords, comments and formatting tags are dropped; the words are kept.
 *
 * Safety: a song file comes from anywhere. A DOCTYPE (the door to entity bombs and external
 * entities) is refused before parsing; the parser never expands entities, and only the five
 * XML escapes and numeric character references are decoded here, which cannot grow the text.
 */

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ESCAPES[name.toLowerCase()] ?? whole;
  });
}

function nameOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}
function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}
function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? decode(value).trim() : undefined;
}
function find(nodes: readonly XmlNode[], name: string): XmlNode[] {
  return nodes.filter((node) => nameOf(node) === name);
}
/** The text of an element, whitespace collapsed as XML layout is not meaning. */
function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (nameOf(child) === '#text' ? decode(String(child['#text'])) : textOf(child)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sung lines of a `<lines>`: `<br/>` and `<line>` break them; chords and comments go. */
function linesOf(node: XmlNode): string {
  let out = '';
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name === '#text') out += decode(String(child['#text'])).replace(/\s+/g, ' ');
    else if (name === 'br') out += '\n';
    else if (name === 'comment') continue;
    else if (name === 'line') out += `${linesOf(child)}\n`;
    // chord (may wrap the syllable it sits on), tag (formatting), anything newer: its words.
    else out += linesOf(child);
  }
  return out;
}

function verseLines(verse: XmlNode): string[] {
  return find(childrenOf(verse), 'lines')
    .map((lines) => linesOf(lines))
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** `en_US` → `en-US`; a code the pack would refuse falls back to the person's choice. */
function language(code: string | undefined, fallback: string): string {
  if (!code) return fallback;
  const [primary, ...rest] = code.replace(/_/g, '-').split('-');
  const normal = [primary!.toLowerCase(), ...rest].join('-');
  return languageCode.safeParse(normal).success ? normal : fallback;
}

const KINDS: Record<string, SectionKind> = {
  v: 'verse',
  c: 'chorus',
  b: 'bridge',
  p: 'preChorus',
  i: 'intro',
  e: 'ending',
  o: 'other',
};

function labelFor(name: string, languages: readonly string[]): ImportedSection['label'] {
  if (name.trim() === '') return undefined;
  const match = /^([a-z])(\d*)$/i.exec(name);
  const kind = match && KINDS[match[1]!.toLowerCase()];
  if (!match || !kind) return name;
  return sectionLabel(kind, match[2] ? Number(match[2]) : undefined, languages);
}

function parseXml(text: string): XmlNode[] {
  // Refused whole, whatever it declares: no DTD, no entity definitions, nothing external.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportError('doctype');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError('notXmlAt', { line: valid.err.line });
  try {
    return parser.parse(text) as XmlNode[];
  } catch {
    // Past what the validator checks (nesting deeper than any song): no line to name.
    throw new ImportError('notXml');
  }
}

export function importOpenLyrics(text: string, options: ImportOptions): ImportResult {
  const root = parseXml(cleanInput(text).trim()).find((node) => nameOf(node) === 'song');
  if (!root) throw new ImportError('notOpenLyrics');
  const song = childrenOf(root);
  const properties = find(song, 'properties').flatMap(childrenOf);
  const lyrics = find(song, 'lyrics').flatMap(childrenOf);
  const warnings: LocalizedText[] = [];

  // Verses by name, each name with its lines in every language the file gives.
  const verses = new Map<string, Map<string, string[]>>();
  const fileLanguages: string[] = [];
  for (const verse of find(lyrics, 'verse')) {
    const name = attr(verse, 'name') ?? `v${verses.size + 1}`;
    if (attr(verse, 'translit')) {
      warnings.push(importWarning('translitSkipped', { verse: name }));
      continue;
    }
    const lang = language(attr(verse, 'lang'), options.language);
    if (!fileLanguages.includes(lang)) fileLanguages.push(lang);
    const versions = verses.get(name) ?? new Map<string, string[]>();
    versions.set(lang, [...(versions.get(lang) ?? []), ...verseLines(verse)]);
    verses.set(name, versions);
  }
  if (verses.size === 0) throw new ImportError('noLyrics');

  const titles = find(properties, 'titles').flatMap(childrenOf);
  const original = titles.find((title) => nameOf(title) === 'title' && attr(title, 'original'));
  const originalLang = original && language(attr(original, 'lang'), '');
  const sung =
    originalLang && fileLanguages.includes(originalLang) ? originalLang : fileLanguages[0]!;
  const songLanguages = [sung, ...fileLanguages.filter((lang) => lang !== sung)];

  // verseOrder says how the song is sung; a verse it leaves out is still kept, at the end.
  const order = find(properties, 'verseOrder').map(textOf).join(' ').split(/\s+/).filter(Boolean);
  const sequence = order.length > 0 ? order : [...verses.keys()];
  for (const name of sequence) {
    if (!verses.has(name)) warnings.push(importWarning('verseMissing', { verse: name }));
  }
  for (const name of verses.keys()) {
    if (!sequence.includes(name)) {
      warnings.push(importWarning('verseNotInOrder', { verse: name }));
      sequence.push(name);
    }
  }

  const sections: ImportedSection[] = [];
  const compared = new Set<string>();
  for (const name of sequence) {
    const versions = verses.get(name);
    if (!versions) continue;
    const base = versions.get(sung) ?? [];
    const count = Math.max(...[...versions.values()].map((lines) => lines.length));
    if (!compared.has(name)) {
      compared.add(name);
      for (const [lang, lines] of versions) {
        if (lang !== sung && lines.length !== base.length) {
          warnings.push(
            importWarning('verseLinesMismatch', {
              verse: name,
              language: lang,
              original: base.length,
              translation: lines.length,
            }),
          );
        }
      }
    }
    const lines: ImportedLine[] = [];
    for (let l = 0; l < count; l++) {
      const line: ImportedLine = {};
      for (const lang of songLanguages) {
        const text = versions.get(lang)?.[l];
        if (text !== undefined) line[lang] = text;
      }
      lines.push(line);
    }
    if (lines.length > 0) {
      const languages = songLanguages.filter((lang) => versions.has(lang));
      const label = labelFor(name, languages);
      sections.push(label === undefined ? { lines } : { label, lines });
    }
  }

  const titled = find(titles, 'title');
  const byLanguage = Object.fromEntries(
    titled
      .filter((title) => attr(title, 'lang'))
      .map((title) => [language(attr(title, 'lang'), sung), textOf(title)]),
  );
  const title = Object.keys(byLanguage).length > 0 ? byLanguage : titled.map(textOf)[0];
  const authors = find(properties, 'authors').flatMap((node) => find(childrenOf(node), 'author'));
  const writers = authors.filter((author) => attr(author, 'type') !== 'translation');
  const artist = [...new Set((writers.length > 0 ? writers : authors).map(textOf))]
    .filter(Boolean)
    .join(', ');
  const copyright = find(properties, 'copyright').map(textOf).join(' ');
  return finishSong(
    { title, artist, credits: copyright, language: sung, sections },
    options,
    warnings,
  );
}
