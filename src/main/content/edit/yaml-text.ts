import { stringify } from 'yaml';

/* The small pieces `yaml-edit.ts` writes with: a value as YAML text (one line, a block, a flow
   collection) and where lines start and end in the source it edits. */

type Value = unknown;

export const WRITE_OPTIONS = { lineWidth: 0, schema: 'core' } as const;

export function isPlainObject(value: Value): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCollection(value: Value): boolean {
  return typeof value === 'object' && value !== null;
}

/** Column of `offset` in `source`. */
export function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Just after the newline ending the line that holds `offset` (or the end of the text). */
export function nextLineStart(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline < 0 ? source.length : newline + 1;
}

/** A one-line scalar, as YAML writes it (quoted when it would otherwise read as another type). */
export function inlineScalar(value: Value, inFlow: boolean): string {
  if (typeof value === 'string') {
    if (inFlow || value.includes('\n') || value.includes('\r')) return JSON.stringify(value);
    const text = stringify(value, WRITE_OPTIONS).replace(/\n$/, '');
    return text.includes('\n') ? JSON.stringify(value) : text;
  }
  if (value === null || value === undefined) return 'null';
  return String(value);
}

/** `value` in block style, every line after the first indented by `indent` spaces. */
export function blockText(value: Value, indent: number): string {
  const text = stringify(value, WRITE_OPTIONS).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

export function flowText(value: Value): string {
  return stringify(value, { ...WRITE_OPTIONS, collectionStyle: 'flow' }).replace(/\n$/, '');
}
