import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import type { FieldPath } from '../form/spec';

/** A path as problems name it: dotted, list positions counted from 1 (`items.2`). */
export function problemField(path: FieldPath): string {
  return path.map((part) => (typeof part === 'number' ? String(part + 1) : part)).join('.');
}

/** The problems at this path or inside it. */
export function problemsAt(problems: readonly FieldProblem[], path: FieldPath): FieldProblem[] {
  const field = problemField(path);
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));
}
