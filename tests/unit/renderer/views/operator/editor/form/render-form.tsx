import { fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { ItemForm } from '../../../../../../../src/renderer/views/operator/editor/form/ItemForm';
import type {
  EditorContext,
  WidgetRegistry,
} from '../../../../../../../src/renderer/views/operator/editor/form/spec';
import type { ItemKind } from '../../../../../../../src/shared/content';
import type { FieldProblem, ItemBody } from '../../../../../../../src/shared/protocol/content-api';

export const baseContext: EditorContext = {
  languages: ['en', 'ru', 'fr'],
  defaultLanguage: 'en',
  items: [
    { id: 'boris', kind: 'case', title: 'Boris Kagarlitsky' },
    { id: 'loop', kind: 'playlist', title: 'Main loop' },
    { id: 'song-a', kind: 'song', title: 'Song A' },
  ],
  problems: [],
};

/** The form as the editor holds it: every change replaces the value; `latest()` reads it. */
export function renderForm(
  kind: ItemKind,
  initial: ItemBody,
  options: { problems?: FieldProblem[]; widgets?: WidgetRegistry } = {},
) {
  let latest: ItemBody = initial;
  const context = { ...baseContext, problems: options.problems ?? [] };
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <ItemForm
        kind={kind}
        value={value}
        onChange={(next) => {
          latest = next;
          setValue(next);
        }}
        context={context}
        {...(options.widgets ? { widgets: options.widgets } : {})}
      />
    );
  }
  render(<Harness />);
  return { latest: () => latest };
}

export function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
}
