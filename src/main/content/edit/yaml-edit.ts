import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import {
  blockText,
  columnOf,
  flowText,
  inlineScalar,
  isCollection,
  isPlainObject,
  lineStart,
  nextLineStart,
  WRITE_OPTIONS,
} from './yaml-text';

/*
 * Writing a changed item back into the text a person wrote. The yaml package's Document tells
 * where each value sits in the source; only the values that changed are replaced there, so
 * comments, key order, quoting and line breaks of everything else stay byte for byte. (A whole
 * Document re-stringified would re-fold every long text of the file.)
 */

type Value = unknown;

interface Splice {
  start: number;
  end: number;
  text: string;
}

const PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, keepSourceTokens: false } as const;

/** Where a value sits: after a `key:` (and where that key ends), in a flow collection. */
interface Place {
  afterKey: boolean;
  keyIndent: number;
  inFlow: boolean;
  keyEnd?: number;
}

interface Context {
  source: string;
  splices: Splice[];
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Replaces a whole node (a value that changed shape, or a collection rewritten). */
function replaceNode(ctx: Context, node: YamlNode, next: Value, place: Place): void {
  const [nodeStart, valueEnd] = node.range!;
  let start = nodeStart;
  const end = scalarEnd(ctx.source, start, valueEnd);
  const isBlockCollection = (isMap(node) || isSeq(node)) && !node.flow;
  const inline =
    !isCollection(next) ||
    (Array.isArray(next) ? next.length === 0 : Object.keys(next as object).length === 0);
  if (inline && isBlockCollection && place.afterKey && place.keyEnd !== undefined) {
    // `key:` then the collection on the lines below: the new value goes after the colon.
    start = ctx.source.indexOf(':', place.keyEnd) + 1;
    const text = isCollection(next) ? flowText(next) : inlineScalar(next, false);
    ctx.splices.push({ start, end, text: ` ${text}` });
    return;
  }
  let text: string;
  if (
    !isCollection(next) ||
    (Array.isArray(next) ? next.length === 0 : Object.keys(next as object).length === 0)
  ) {
    text = isCollection(next) ? flowText(next) : inlineScalar(next, place.inFlow);
  } else if (place.inFlow) {
    text = flowText(next);
  } else if (place.afterKey && !((isMap(node) || isSeq(node)) && !node.flow)) {
    // A block collection cannot start on its key's line.
    const indent = place.keyIndent + 2;
    text = `\n${' '.repeat(indent)}${blockText(next, indent)}`;
    // The space after `key:` would be left trailing.
    const before = ctx.source.slice(0, start);
    const trimmed = before.replace(/[ \t]+$/, '');
    ctx.splices.push({ start: trimmed.length, end, text });
    return;
  } else {
    text = blockText(next, columnOf(ctx.source, start));
  }
  ctx.splices.push({ start, end, text });
}

/**
 * The source of a block map's pair or a block sequence's entry that is taken out, as whole
 * lines, with the comment lines just above it at its indentation: they spoke of it.
 */
function wholeLines(ctx: Context, start: number, end: number): { start: number; end: number } {
  let first = lineStart(ctx.source, start);
  const leading = (line: string) => line.length - line.trimStart().length;
  // A list entry's line starts with its `- `: the comment above sits at the dash.
  const indent = leading(ctx.source.slice(first, start));
  while (first > 0) {
    const above = lineStart(ctx.source, first - 1);
    const line = ctx.source.slice(above, first - 1);
    if (!/^\s*#/.test(line) || leading(line) !== indent) break;
    first = above;
  }
  return { start: first, end: nextLineStart(ctx.source, Math.max(start, end - 1)) };
}

/** A scalar's value range without the line break a block scalar's range ends with. */
function scalarEnd(source: string, start: number, valueEnd: number): number {
  let end = valueEnd;
  while (end > start && (source[end - 1] === '\n' || source[end - 1] === '\r')) end--;
  return end;
}

function endOf(node: unknown, fallback: number): number {
  const range = (node as YamlNode | null)?.range;
  return range ? range[1] : fallback;
}

function editMap(
  ctx: Context,
  node: YamlNode,
  old: Record<string, Value>,
  next: Record<string, Value>,
  place: Place,
): void {
  if (!isMap(node) || node.flow || node.items.length === 0) {
    if (!isDeepStrictEqual(old, next)) replaceNode(ctx, node, next, place);
    return;
  }
  const keyIndent = columnOf(ctx.source, (node.items[0]!.key as YamlNode).range![0]);
  const added: string[] = [];
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = keyOf(pair);
    const keyStart = (pair.key as YamlNode).range![0];
    if (!Object.hasOwn(next, key)) {
      const end = endOf(pair.value, (pair.key as YamlNode).range![1]);
      ctx.splices.push({ ...wholeLines(ctx, keyStart, end), text: '' });
      continue;
    }
    editValue(ctx, pair.value as YamlNode | null, old[key], next[key], {
      afterKey: true,
      keyIndent,
      inFlow: false,
      keyEnd: (pair.key as YamlNode).range![1],
    });
  }
  for (const key of Object.keys(next)) if (!Object.hasOwn(old, key)) added.push(key);
  if (added.length === 0) return;
  const last = node.items[node.items.length - 1]!;
  const lastEnd = endOf(last.value, (last.key as YamlNode).range![1]);
  const at = nextLineStart(ctx.source, Math.max(lastEnd - 1, (last.key as YamlNode).range![0]));
  const addition = Object.fromEntries(added.map((key) => [key, next[key]]));
  const lines = blockText(addition, keyIndent);
  const needsNewline = at === ctx.source.length && !ctx.source.endsWith('\n');
  ctx.splices.push({
    start: at,
    end: at,
    text: `${needsNewline ? '\n' : ''}${' '.repeat(keyIndent)}${lines}\n`,
  });
}

/** True when `next` is `old` with some entries taken out, in the same order. */
function isSubsequence(old: readonly Value[], next: readonly Value[]): boolean {
  let i = 0;
  for (const value of old) if (i < next.length && isDeepStrictEqual(value, next[i])) i++;
  return i === next.length;
}

function editSeq(ctx: Context, node: YamlNode, old: Value[], next: Value[], place: Place): void {
  if (!isSeq(node) || node.flow || node.items.length === 0) {
    if (!isDeepStrictEqual(old, next)) replaceNode(ctx, node, next, place);
    return;
  }
  if (old.length === next.length) {
    node.items.forEach((item, index) =>
      editValue(ctx, item as YamlNode | null, old[index], next[index], {
        afterKey: false,
        keyIndent: 0,
        inFlow: false,
      }),
    );
    return;
  }
  if (next.length > 0 && next.length < old.length && isSubsequence(old, next)) {
    // Entries taken out (a deleted item's references): their lines go, every other line stays.
    let kept = 0;
    node.items.forEach((item, index) => {
      if (kept < next.length && isDeepStrictEqual(old[index], next[kept])) {
        kept++;
        return;
      }
      const range = (item as YamlNode).range!;
      // The `- ` of the entry is before its value's range.
      ctx.splices.push({ ...wholeLines(ctx, range[0], range[1]), text: '' });
    });
    return;
  }
  replaceNode(ctx, node, next, place);
}

function editValue(
  ctx: Context,
  node: YamlNode | null,
  old: Value,
  next: Value,
  place: Place,
): void {
  if (isDeepStrictEqual(old, next)) return;
  if (node === null || !node.range) {
    // `key:` with nothing after it.
    if (place.keyEnd === undefined) throw new Error('no place for the value');
    const at = ctx.source.indexOf(':', place.keyEnd) + 1;
    const text = isCollection(next)
      ? `\n${' '.repeat(place.keyIndent + 2)}${blockText(next, place.keyIndent + 2)}`
      : ` ${inlineScalar(next, false)}`;
    ctx.splices.push({ start: at, end: at, text });
    return;
  }
  if (isPlainObject(old) && isPlainObject(next)) return editMap(ctx, node, old, next, place);
  if (Array.isArray(old) && Array.isArray(next)) return editSeq(ctx, node, old, next, place);
  if (isScalar(node) && !isCollection(next)) {
    const [start, valueEnd] = node.range;
    const end = scalarEnd(ctx.source, start, valueEnd);
    ctx.splices.push({ start, end, text: inlineScalar(next, place.inFlow) });
    return;
  }
  replaceNode(ctx, node, next, place);
}

function applySplices(source: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let text = source;
  let limit = Infinity;
  for (const splice of sorted) {
    if (splice.end > limit) throw new Error('overlapping edits');
    text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    limit = splice.start;
  }
  return text;
}

/** What a YAML text says, as plain values (dates stay strings, as the loader reads them). */
export function yamlValue(text: string): Value {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * `text` changed to say `next` by replacing only the source of the values that differ, or null
 * when that cannot be done (a file that is not a mapping, an edit the splices got wrong).
 */
export function spliceYamlText(text: string, next: Record<string, Value>): string | null {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const old = doc.toJS({ maxAliasCount: 100 }) as Record<string, Value>;
  const ctx: Context = { source: text, splices: [] };
  try {
    editMap(ctx, doc.contents, old, next, { afterKey: false, keyIndent: 0, inFlow: false });
    const edited = applySplices(text, ctx.splices);
    return isDeepStrictEqual(yamlValue(edited), next) ? edited : null;
  } catch {
    return null;
  }
}

/**
 * `text` (a YAML mapping) changed to say `next`, touching only what differs. The result is
 * read back and compared; should the splice ever miss, the Document API's own rewrite (which
 * keeps comments but may re-wrap long lines) is used instead, so the values are always right.
 */
export function editYamlText(text: string, next: Record<string, Value>): string {
  const spliced = spliceYamlText(text, next);
  if (spliced !== null) return spliced;
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return newYamlText(next);
  return rewriteDocument(doc, doc.toJS({ maxAliasCount: 100 }) as Record<string, Value>, next);
}

/** The Document API's way: set and delete per path, then stringify the whole Document. */
function rewriteDocument(
  doc: Document,
  old: Record<string, Value>,
  next: Record<string, Value>,
): string {
  const apply = (path: (string | number)[], before: Value, after: Value): void => {
    if (isDeepStrictEqual(before, after)) return;
    if (isPlainObject(before) && isPlainObject(after)) {
      for (const key of Object.keys(before))
        if (!Object.hasOwn(after, key)) doc.deleteIn([...path, key]);
      for (const key of Object.keys(after)) apply([...path, key], before[key], after[key]);
      return;
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
      after.forEach((value, index) => apply([...path, index], before[index], value));
      return;
    }
    if (path.length === 0) return;
    doc.setIn(path, doc.createNode(after));
  };
  apply([], old, next);
  return doc.toString(WRITE_OPTIONS);
}

/** A new item file: `kind` and `id` first, then the rest as given. */
export function newYamlText(body: Record<string, Value>): string {
  const { kind, id, ...rest } = body;
  const ordered: Record<string, Value> = {};
  if (kind !== undefined) ordered.kind = kind;
  if (id !== undefined) ordered.id = id;
  Object.assign(ordered, rest);
  return new Document(ordered, { schema: 'core' }).toString(WRITE_OPTIONS);
}
