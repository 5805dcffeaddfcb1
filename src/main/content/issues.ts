import type { z } from 'zod';
import { displayFieldPath, type ContentError } from '../../shared/content';
import type { ProblemKey } from '../../shared/i18n';
import { problem, type LocalizedText, type TextParams } from '../../shared/protocol/localized-text';
import { closest, knownConfusion, knownKeysAt } from './did-you-mean';
import type { LineMap } from './source';

type Issue = z.core.$ZodIssue;

// Control characters, the replacement character of undecodable bytes, and the invisible
// marks that reorder or hide text (bidi overrides, zero-width characters).
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g;
const MAX_QUOTED_CHARS = 60;
const SCHEMA_KEY_PREFIX = 'problems:';

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

/** How a value reads in a problem: its kind (`value.*` in the catalog) and the value itself. */
export function valueParams(value: unknown): { gotKind: string; got: string } {
  if (value === undefined) return { gotKind: 'nothing', got: '' };
  if (value === null) return { gotKind: 'empty', got: '' };
  if (typeof value === 'string') return { gotKind: 'text', got: `"${printable(value)}"` };
  if (typeof value === 'number') return { gotKind: 'number', got: String(value) };
  if (typeof value === 'boolean') return { gotKind: 'boolean', got: String(value) };
  if (Array.isArray(value)) return { gotKind: 'list', got: '' };
  if (typeof value === 'object') return { gotKind: 'map', got: '' };
  return { gotKind: 'other', got: printable(String(value)) };
}

/** The zod types the catalog names (`kind.*`); any other is shown by its code. */
const NAMED_KINDS: ReadonlySet<string> = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'array',
  'object',
  'record',
  'null',
]);

function expectedParams(expected: string, name = 'expected'): TextParams {
  return NAMED_KINDS.has(expected)
    ? { [`${name}Kind`]: expected, [name]: expected }
    : { [`${name}Kind`]: 'other', [name]: expected };
}

/** The expectation of each union branch that failed only because the value had the wrong type. */
function unionExpectations(errors: readonly (readonly Issue[])[]): string[] | undefined {
  const names: string[] = [];
  for (const branch of errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_type' || only.path.length !== 0) return undefined;
    names.push(only.expected);
  }
  return [...new Set(names)];
}

interface Reason {
  key: ProblemKey;
  params: TextParams;
}

/**
 * What is wrong, as a `problems` key: the schema's own key when it gave one, else one per
 * zod issue code with the issue's numbers (zod's defaults are written for programmers, and
 * volunteers read these).
 */
function reasonOf(issue: Issue): Reason {
  if (issue.message.startsWith(SCHEMA_KEY_PREFIX)) {
    const params: TextParams = {};
    if (issue.code === 'custom' && issue.params) {
      for (const [name, value] of Object.entries(issue.params)) {
        if (typeof value === 'string' || typeof value === 'number') params[name] = value;
      }
    }
    return { key: issue.message.slice(SCHEMA_KEY_PREFIX.length) as ProblemKey, params };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const params = expectedParams(issue.expected);
      if (issue.input === undefined) return { key: 'zod.missing', params };
      const quote =
        issue.expected === 'string' &&
        (typeof issue.input === 'number' || typeof issue.input === 'boolean');
      return { key: quote ? 'zod.wrongTypeQuote' : 'zod.wrongType', params };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? { key: 'zod.textEmpty', params: {} }
          : { key: 'zod.textMin', params: { count: min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1
          ? { key: 'zod.listEmpty', params: {} }
          : { key: 'zod.listMin', params: { count: min } };
      }
      return {
        key: issue.inclusive ? 'zod.numberMin' : 'zod.numberAbove',
        params: { minimum: min },
      };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'zod.textMax', params: { count: max } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'zod.listMax', params: { count: max } };
      }
      return {
        key: issue.inclusive ? 'zod.numberMax' : 'zod.numberBelow',
        params: { maximum: max },
      };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      return values.length === 1
        ? { key: 'zod.oneValue', params: { expected: values[0]! } }
        : { key: 'zod.oneOf', params: { options: values.join(', ') } };
    }
    case 'invalid_format':
      return { key: 'zod.format', params: {} };
    case 'not_multiple_of':
      return { key: 'zod.multipleOf', params: { divisor: Number(issue.divisor) } };
    case 'invalid_union': {
      const names = unionExpectations(issue.errors);
      if (names?.length === 1) return { key: 'zod.unionOne', params: expectedParams(names[0]!) };
      if (names?.length === 2) {
        return {
          key: 'zod.unionTwo',
          params: { ...expectedParams(names[0]!), ...expectedParams(names[1]!, 'or') },
        };
      }
      return { key: 'zod.noMatch', params: {} };
    }
    case 'invalid_key':
      return { key: 'zod.badKey', params: {} };
    default:
      return { key: 'zod.invalid', params: {} };
  }
}

/** Reasons that already say the field is missing. */
const SAYS_MISSING: ReadonlySet<ProblemKey> = new Set([
  'zod.missing',
  'schema.songLanguage',
  'case.sourceMissing',
]);

/**
 * The problem for an issue: its reason, with what the author wrote added unless the reason
 * already says it, and "missing" first when the field was absent.
 */
function problemOf(issue: Issue): LocalizedText {
  const reason = reasonOf(issue);
  const fromSchema = issue.message.startsWith(SCHEMA_KEY_PREFIX);
  const input = 'input' in issue ? issue.input : undefined;
  if (input === undefined) {
    if (SAYS_MISSING.has(reason.key)) return problem(reason.key, reason.params);
    return problem('wrap.missing', { ...reason.params, reason: `problems:${reason.key}` });
  }
  // `Petition` for `petition`: the value the author meant, when one of the choices is close.
  if (issue.code === 'invalid_value' && typeof input === 'string') {
    const suggestion = closest(
      input,
      issue.values.map((v) => String(v)),
    );
    if (suggestion !== undefined) {
      return problem('wrap.gotSuggest', {
        ...reason.params,
        ...valueParams(input),
        suggestion: printable(suggestion),
        reason: `problems:${reason.key}`,
      });
    }
  }
  const scalar = input === null || typeof input !== 'object';
  const saysGot = reason.key === 'zod.wrongType' || reason.key === 'zod.wrongTypeQuote';
  // "got a map" helps when a single value was expected, not when a map's content is wrong.
  const addGot =
    !saysGot &&
    (issue.code === 'invalid_union' ||
      (fromSchema && issue.code === 'invalid_type') ||
      (scalar && (fromSchema || (issue.code !== 'too_small' && issue.code !== 'too_big'))));
  // `title: 1984` is the classic: YAML reads it as a number, and the fix is quotes.
  const quote =
    issue.code === 'invalid_union' &&
    (typeof input === 'number' || typeof input === 'boolean') &&
    issue.errors.some((branch) =>
      branch.some((b) => b.code === 'invalid_type' && b.expected === 'string'),
    );
  if (!addGot && !quote) return problem(reason.key, { ...reason.params, ...valueParams(input) });
  const wrapper = addGot ? (quote ? 'wrap.gotQuote' : 'wrap.got') : 'wrap.quote';
  return problem(wrapper, {
    ...reason.params,
    ...valueParams(input),
    reason: `problems:${reason.key}`,
  });
}

export interface IssueContext {
  file: string;
  lines: LineMap;
  /** The schema that was parsed, to suggest field names. */
  schema?: unknown;
  /** The item's kind (`pack` for pack.yaml), for the field names people confuse (`knownConfusion`). */
  kind?: string;
  /** Replaces the message for an issue at a given field, e.g. an id taken from the file name. */
  override?: (field: string, issue: Issue) => LocalizedText | undefined;
}

/** A zod path as shown to the author: `sections.1.lines.3` (positions counted from 1). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return displayFieldPath(path);
}

/**
 * Turns zod's issues into errors a volunteer can act on: one per problem, each naming the field
 * and the line it is on. Union and record-key issues are unwrapped to the branch that fits the
 * value, so "title.english: expected a language code" is reported instead of "invalid input".
 */
export function issuesToErrors(issues: readonly Issue[], context: IssueContext): ContentError[] {
  const errors: ContentError[] = [];
  const add = (path: readonly PropertyKey[], text: LocalizedText, issue?: Issue): void => {
    const field = fieldPath(path);
    const overridden = issue && context.override?.(field, issue);
    const error: ContentError = { file: context.file, field, ...(overridden ?? text) };
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
        const shown = printable(key);
        // Named even when present: `credit:` beside `artist:` still means the author looked
        // for the credit line in the wrong place.
        const confused = context.kind
          ? knownConfusion(context.kind, fieldPath([...path, key]))
          : [];
        const suggestion =
          confused[0] ??
          closest(
            key,
            known.filter((k) => !issue.keys.includes(k) && !present.has(k)),
          );
        add(
          [...path, shown],
          confused.length >= 2
            ? problem('zod.unknownFieldSuggestTwo', {
                field: shown,
                suggestion: confused[0]!,
                or: confused[1]!,
              })
            : suggestion
              ? problem('zod.unknownFieldSuggest', { field: shown, suggestion })
              : problem('zod.unknownField', { field: shown }),
        );
      }
      return;
    }
    add(path, problemOf(issue), issue);
  };

  for (const issue of issues) visit(issue, [], 0);
  return errors;
}
