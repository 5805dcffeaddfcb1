import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { problemField } from './field-path';
import type { FieldEntry, FieldPath, FieldSpec } from './spec';
import { asList, asObject } from './value-edit';

export interface PlacedProblems {
  /** By the dotted field (`problemField`) of the input that shows them. */
  at: ReadonlyMap<string, readonly FieldProblem[]>;
  /** Problems at no field the form draws: listed at the top, never hidden. */
  unplaced: readonly FieldProblem[];
}

/** A leaf shows its own problems and those inside it (`status.fr` at `status`). */
type Anchor = 'leaf' | 'container';

function collectAnchors(
  spec: FieldSpec,
  value: unknown,
  path: FieldPath,
  anchors: Map<string, Anchor>,
): void {
  if (spec.type === 'object') {
    anchors.set(problemField(path), 'container');
    collectFields(spec.fields, value, path, anchors);
  } else if (spec.type === 'array') {
    anchors.set(problemField(path), 'container');
    asList(value).forEach((entry, i) => collectAnchors(spec.of, entry, [...path, i], anchors));
  } else {
    anchors.set(problemField(path), 'leaf');
  }
}

function collectFields(
  fields: readonly FieldEntry[],
  value: unknown,
  path: FieldPath,
  anchors: Map<string, Anchor>,
): void {
  const object = asObject(value);
  for (const field of fields) {
    collectAnchors(field.spec, object?.[field.key], [...path, field.key], anchors);
  }
}

/** Where the form shows a problem: its own field, or the leaf input that holds that field. */
function anchorOf(field: string, anchors: ReadonlyMap<string, Anchor>): string | undefined {
  if (field === '') return undefined;
  if (anchors.has(field)) return field;
  const parts = field.split('.');
  for (let end = parts.length - 1; end > 0; end--) {
    const prefix = parts.slice(0, end).join('.');
    const anchor = anchors.get(prefix);
    if (anchor === 'leaf') return prefix;
    if (anchor === 'container') return undefined;
  }
  return undefined;
}

/** Sorts an item's problems to the inputs the form draws for `value`. */
export function placeProblems(
  fields: readonly FieldEntry[],
  value: unknown,
  problems: readonly FieldProblem[],
): PlacedProblems {
  const anchors = new Map<string, Anchor>();
  collectFields(fields, value, [], anchors);
  const at = new Map<string, FieldProblem[]>();
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const anchor = anchorOf(problem.field, anchors);
    if (anchor === undefined) unplaced.push(problem);
    else at.set(anchor, [...(at.get(anchor) ?? []), problem]);
  }
  return { at, unplaced };
}
