import type { z } from 'zod';
import type { ContentError } from '../../shared/content';
import { closest, knownKeysAt } from './did-you-mean';
import type { LineMap } from './source';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

// Control characters, the replacement character of undecodable bytes, and the invisible
// marks that reorder or hide text (bidi overrides, zero-width characters).
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g;
const MAX_QUOTED_CHARS = 60;

/**
 * Text from a content file as a message may quote it: short, with every character that would
 * garble a terminal or reorder the message written as `\u{…}`.
 */
export function printable(text: string): string {
  const chars = [...text];
  const cut =
    chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join('')}…` : text;
  return cut.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** How a value reads in a message for the person who typed it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `"${printable(value)}"`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

const expectedNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map',
  null: 'an empty value',
};

function expectedName(expected: string): string {
  return expectedNames[expected] ?? expected;
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** The expectation of each union branch that failed only because the value had the wrong type. */
function unionExpectations(errors: readonly (readonly Issue[])[]): string[] | undefined {
  const names: string[] = [];
  for (const branch of errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_type' || only.path.length !== 0) return undefined;
    names.push(expectedName(only.expected));
  }
  return [...new Set(names)];
}

/**
 * Per-parse messages for the issues whose schema gives none: zod's defaults ("Invalid input:
 * expected string, received number") are written for programmers, and volunteers read these.
 */
export const humanErrorMap: z.core.$ZodErrorMap = (raw: RawIssue) => {
  switch (raw.code) {
    case 'invalid_type': {
      const expected = expectedName(raw.expected);
      if (raw.input === undefined) return `missing; expected ${expected}`;
      const quoteHint =
        raw.expected === 'string' &&
        (typeof raw.input === 'number' || typeof raw.input === 'boolean')
          ? '; put it in quotes to make it text'
          : '';
      return `expected ${expected}, got ${describeValue(raw.input)}${quoteHint}`;
    }
    case 'too_small': {
      const min = raw.minimum;
      if (raw.origin === 'string') {
        return Number(min) <= 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      }
      if (raw.origin === 'array' || raw.origin === 'set') {
        return Number(min) <= 1
          ? 'needs at least one entry'
          : `needs at least ${plural(min, 'entry', 'entries')}`;
      }
      return raw.inclusive ? `must be at least ${min}` : `must be more than ${min}`;
    }
    case 'too_big': {
      const max = raw.maximum;
      if (raw.origin === 'string') return `must be at most ${max} characters long`;
      if (raw.origin === 'array' || raw.origin === 'set') {
        return `can have at most ${plural(max, 'entry', 'entries')}`;
      }
      return raw.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'invalid_value': {
      const values = raw.values.map((v) => String(v));
      return values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(', ')}`;
    }
    case 'invalid_format':
      return 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${raw.divisor}`;
    case 'invalid_union': {
      const names = unionExpectations(raw.errors);
      return names ? `expected ${names.join(' or ')}` : 'does not match any of the allowed forms';
    }
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'custom':
      return 'is not valid';
    default:
      return undefined;
  }
};

const GOT_NOTHING = ', got nothing';

/** Adds what the author wrote, unless the message already says it. */
function withInput(issue: Issue, message: string): string {
  if (!('input' in issue) || issue.input === undefined) {
    // The key was absent: say so first, whatever the schema's message.
    if (message.startsWith('missing')) return message;
    const bare = message.endsWith(GOT_NOTHING) ? message.slice(0, -GOT_NOTHING.length) : message;
    return `missing; ${bare}`;
  }
  const input = issue.input;
  const scalar = input === null || typeof input !== 'object';
  let result = message;
  if (!/, got /.test(message)) {
    // "got a map" helps when a single value was expected, not when a map's content is wrong.
    if (
      issue.code === 'invalid_union' ||
      (scalar &&
        issue.code !== 'too_small' &&
        issue.code !== 'too_big' &&
        issue.code !== 'invalid_type')
    ) {
      result = `${message}, got ${describeValue(input)}`;
    }
  }
  // `title: 1984` is the classic: YAML reads it as a number, and the fix is quotes.
  if (
    issue.code === 'invalid_union' &&
    (typeof input === 'number' || typeof input === 'boolean') &&
    issue.errors.some((branch) =>
      branch.some((b) => b.code === 'invalid_type' && b.expected === 'string'),
    )
  ) {
    result += '; put it in quotes to make it text';
  }
  return result;
}

export interface IssueContext {
  file: string;
  lines: LineMap;
  /** The schema that was parsed, to suggest field names. */
  schema?: unknown;
  /** Replaces the message for an issue at a given field, e.g. an id taken from the file name. */
  override?: (field: string, issue: Issue) => string | undefined;
}

/** Joins a path for display: `sections.0.lines.2`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/**
 * Turns zod's issues into errors a volunteer can act on: one per problem, each naming the field
 * and the line it is on. Union and record-key issues are unwrapped to the branch that fits the
 * value, so "title.english: expected a language code" is reported instead of "invalid input".
 */
export function issuesToErrors(issues: readonly Issue[], context: IssueContext): ContentError[] {
  const errors: ContentError[] = [];
  const add = (path: readonly PropertyKey[], message: string, issue?: Issue): void => {
    const field = fieldPath(path);
    const overridden = issue && context.override?.(field, issue);
    const error: ContentError = { file: context.file, field, message: overridden ?? message };
    const line = context.lines.lineOf(path);
    if (line !== undefined) error.line = line;
    errors.push(error);
  };

  const visit = (issue: Issue, prefix: readonly PropertyKey[], depth: number): void => {
    const path = [...prefix, ...issue.path];
    if (
      depth < 10 &&
      issue.code === 'invalid_union' &&
      'input' in issue &&
      issue.errors.length > 0
    ) {
      // The branches that got past the type check are the ones the author was aiming for.
      const fitting = issue.errors.filter(
        (branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0),
      );
      if (fitting.length === 1) {
        for (const inner of fitting[0]!) visit(inner, path, depth + 1);
        return;
      }
    }
    if (depth < 10 && issue.code === 'invalid_key' && issue.issues.length > 0) {
      for (const inner of issue.issues) visit(inner, path, depth + 1);
      return;
    }
    if (issue.code === 'unrecognized_keys') {
      const known = context.schema ? knownKeysAt(context.schema, path) : [];
      // A field the author already has is not what they meant by the misspelt one.
      const present = new Set(
        issue.input && typeof issue.input === 'object' ? Object.keys(issue.input) : [],
      );
      for (const key of issue.keys) {
        const suggestion = closest(
          key,
          known.filter((k) => !issue.keys.includes(k) && !present.has(k)),
        );
        const shown = printable(key);
        add(
          [...path, shown],
          suggestion
            ? `unknown field "${shown}"; did you mean "${suggestion}"?`
            : `unknown field "${shown}"`,
        );
      }
      return;
    }
    add(path, withInput(issue, issue.message), issue);
  };

  for (const issue of issues) visit(issue, [], 0);
  return errors;
}
