import { useState, type ComponentType } from 'react';
import { render } from '@testing-library/react';
import type {
  EditorContext,
  FieldPath,
  FieldSpec,
  WidgetProps,
} from '../../../../../../../src/renderer/views/operator/editor/form/spec';

export const context: EditorContext = {
  languages: ['en', 'ru', 'fr'],
  defaultLanguage: 'en',
  items: [
    { id: 'kagarlitsky', kind: 'case', title: 'Boris Kagarlitsky' },
    { id: 'miftakhov', kind: 'case', title: 'Azat Miftakhov' },
    { id: 'kots-band', kind: 'song', title: 'Arkadiy Kots Band — Стены' },
    { id: 'letter-drive', kind: 'action', title: 'Écrire une lettre' },
    { id: 'main', kind: 'playlist', title: 'Main loop' },
    { id: 'concert', kind: 'setlist', title: 'Concert setlist' },
  ],
  problems: [],
};

/**
 * A widget in a form of one field, as the editor's form holds it: the value lives in state,
 * every change is recorded, and the widget is drawn again with what it wrote.
 */
export function renderWidget<P extends WidgetProps>(
  Widget: ComponentType<P>,
  options: {
    path: FieldPath;
    spec: FieldSpec;
    value?: unknown;
    parent?: Record<string, unknown>;
    context?: EditorContext;
    extra?: Omit<P, keyof WidgetProps>;
  },
) {
  const changes: unknown[] = [];
  function Form() {
    const [value, setValue] = useState<unknown>(options.value);
    const props = {
      path: options.path,
      spec: options.spec,
      value,
      onChange: (next: unknown) => {
        changes.push(next);
        setValue(next);
      },
      parent: options.parent,
      context: options.context ?? context,
      ...options.extra,
    } as P;
    return <Widget {...props} />;
  }
  const view = render(<Form />);
  return { ...view, changes, last: () => changes.at(-1) };
}
