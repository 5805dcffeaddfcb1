import { CORE_SCHEMA, load as loadQuickly } from 'js-yaml';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
  type Node as YamlNode,
} from 'yaml';
import type { ContentError } from '../../shared/content';
import type { ProblemKey } from '../../shared/i18n';
import { problem, type LocalizedText, type TextParams } from '../../shared/protocol/localized-text';

/** Low, because no content file needs many aliases and an alias bomb must fail fast. */
export const MAX_ALIAS_COUNT = 100;

/** Finds the line an author wrote a field on, so every error can point at it. */
export interface LineMap {
  /**
   * The 1-based line of the node at `path`: a map entry's key line, a list item's line; for a
   * path that does not exist, the line of the deepest part that does.
   */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export const noLines: LineMap = { lineOf: () => undefined };

export interface ParsedSource {
  /** The parsed value, or undefined when the text could not be parsed. */
  data: unknown;
  lines: LineMap;
  errors: ContentError[];
  /** For Markdown: the text below the front matter, trimmed, and the line it starts on. */
  body?: { text: string; line: number };
}

// yaml's messages are written for programmers; these are the ones volunteers hit most.
const friendlierYamlMessages: [RegExp, ProblemKey][] = [
  [/^Map keys must be unique/, 'yaml.duplicateKey'],
  [/^Tabs are not allowed as indentation/, 'yaml.tabs'],
  [/^Missing closing "quote/, 'yaml.doubleQuote'],
  [/^Missing closing 'quote/, 'yaml.singleQuote'],
  [/^Source contains multiple documents/, 'yaml.documents'],
  [/^Nested mappings are not allowed in compact mappings/, 'yaml.colon'],
  [/must be sufficiently indented and end with a \]/, 'yaml.list'],
  [/must be sufficiently indented and end with a \}/, 'yaml.map'],
  [/^Implicit keys need to be on a single line/, 'yaml.multilineKey'],
];

/** The parser's complaint as a key; one we have no words for is passed on as it is. */
function yamlReason(message: string): TextParams {
  for (const [pattern, key] of friendlierYamlMessages) {
    if (pattern.test(message)) return { reason: `problems:${key}` };
  }
  return { reason: 'problems:yaml.parser', detail: message };
}

class YamlLineMap implements LineMap {
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
    private readonly lineOffset: number,
  ) {}

  private line(offset: number | undefined): number | undefined {
    if (offset === undefined) return undefined;
    return this.counter.linePos(offset).line + this.lineOffset;
  }

  private resolve(node: unknown): unknown {
    // An alias points at its anchor; depth-limit in case of a (malformed) cycle.
    let current = node;
    for (let i = 0; i < 10 && isAlias(current); i++) current = current.resolve(this.doc);
    return current;
  }

  lineOf(path: readonly PropertyKey[]): number | undefined {
    let node = this.resolve(this.doc.contents);
    let line = this.line((node as YamlNode | null)?.range?.[0]);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment),
        );
        if (!pair) break;
        line = this.line((pair.key as YamlNode | null)?.range?.[0]) ?? line;
        node = this.resolve(pair.value);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        line = this.line((item as YamlNode | null)?.range?.[0]) ?? line;
        node = this.resolve(item);
      } else {
        break;
      }
    }
    return line;
  }
}

/**
 * yaml reports an unclosed quote where the file ends; the author needs the line where the
 * quote was opened.
 */
function unclosedQuoteStart(doc: Document, error: YAMLError): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (
        range &&
        (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
        range[0] <= error.pos[0] &&
        error.pos[0] <= range[2]
      ) {
        start = range[0];
      }
    },
  });
  return start;
}

/** A line map built only when first asked: a valid file never needs one. */
function lazyLines(build: () => LineMap): LineMap {
  let built: LineMap | undefined;
  return { lineOf: (path) => (built ??= build()).lineOf(path) };
}

function parseWithLines(text: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  return { doc, counter };
}

const STREAM_SYNTAX = /^(?:---|\.\.\.|%)/m;

/**
 * The fast path: js-yaml builds plain values about three times faster than `yaml` builds its
 * document with positions, and a pack of a thousand files is parsed on every start and every
 * save. It refuses anything unusual (aliases, tags, several documents, duplicate keys, an empty
 * file), and all of that goes to the careful path, whose messages and lines authors see.
 */
function loadPlain(text: string): { ok: true; data: unknown } | { ok: false } {
  // Document markers and directives: the two parsers disagree on where a stream of documents
  // ends, and an item file has no use for them.
  if (STREAM_SYNTAX.test(text)) return { ok: false };
  let data: unknown;
  try {
    data = loadQuickly(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return { ok: false };
  }
  // An empty key (": value") is "null" to js-yaml and "" to yaml; no real field is named null.
  return hasKeyNamedNull(data) ? { ok: false } : { ok: true, data };
}

function hasKeyNamedNull(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasKeyNamedNull);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, child]) => key === 'null' || hasKeyNamedNull(child));
}

/**
 * Parses YAML with the core schema (dates stay strings: a date has no time zone) and a small
 * alias budget. `lineOffset` shifts line numbers for front matter inside a Markdown file.
 *
 * A file the fast path reads is not parsed a second time unless an error needs a line number.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedSource {
  const plain = loadPlain(text);
  if (plain.ok) {
    return {
      data: plain.data,
      lines: lazyLines(() => {
        const { doc, counter } = parseWithLines(text);
        return new YamlLineMap(doc, counter, lineOffset);
      }),
      errors: [],
    };
  }
  return parseYamlCarefully(text, file, lineOffset);
}

/** The `yaml` parser, with positions: its errors name the line and column. */
export function parseYamlCarefully(text: string, file: string, lineOffset = 0): ParsedSource {
  const { doc, counter } = parseWithLines(text);
  const lines = new YamlLineMap(doc, counter, lineOffset);
  const first = doc.errors[0];
  if (first) {
    const { line, col } = counter.linePos(unclosedQuoteStart(doc, first) ?? first.pos[0]);
    return {
      data: undefined,
      lines,
      errors: [
        {
          file,
          line: line + lineOffset,
          field: '',
          ...problem('yaml.invalid', { ...yamlReason(first.message), column: col }),
        },
      ],
    };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), lines, errors: [] };
  } catch (error) {
    const text =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? problem('yaml.aliasBomb')
        : problem('yaml.unreadable', {
            detail: error instanceof Error ? error.message : String(error),
          });
    return { data: undefined, lines, errors: [{ file, field: '', ...text }] };
  }
}

/** A .md file whose front matter cannot be found: nothing to parse, one error on line 1. */
function frontMatterError(file: string, text: LocalizedText): ParsedSource {
  return { data: undefined, lines: noLines, errors: [{ file, line: 1, field: '', ...text }] };
}

/**
 * A Markdown item: YAML front matter between `---` lines, then the text. The text is returned
 * separately so the loader decides which field it fills.
 */
export function parseMarkdown(text: string, file: string): ParsedSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return frontMatterError(file, problem('yaml.noFrontMatter'));
  }
  const close = lines.findIndex(
    (l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'),
  );
  if (close < 0) {
    return frontMatterError(file, problem('yaml.frontMatterUnclosed'));
  }
  const parsed = parseYaml(lines.slice(1, close).join('\n'), file, 1);
  // The body starts at the first non-blank line after the closing ---.
  let bodyStart = close + 1;
  while (bodyStart < lines.length && lines[bodyStart]!.trim() === '') bodyStart++;
  const body = lines
    .slice(close + 1)
    .join('\n')
    .trim();
  return { ...parsed, body: { text: body, line: bodyStart + 1 } };
}
