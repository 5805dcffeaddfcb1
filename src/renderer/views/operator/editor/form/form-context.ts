import { createContext, useContext } from 'react';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { problemField } from './field-path';
import type { EditorContext, FieldPath, WidgetRegistry } from './spec';

/** What every input of one form shares: the pack, the widgets, the problems by field. */
export interface FormScope {
  context: EditorContext;
  widgets: WidgetRegistry;
  problemsAt: ReadonlyMap<string, readonly FieldProblem[]>;
}

export const FormScopeContext = createContext<FormScope | null>(null);

export function useFormScope(): FormScope {
  const scope = useContext(FormScopeContext);
  if (!scope) throw new Error('form inputs render inside <ItemForm>');
  return scope;
}

const none: readonly FieldProblem[] = [];

/** The problems the form shows at this path. */
export function useProblemsAt(path: FieldPath): readonly FieldProblem[] {
  return useFormScope().problemsAt.get(problemField(path)) ?? none;
}
