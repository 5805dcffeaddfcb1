import type { ItemFormProps } from '../../../../../../src/renderer/views/operator/editor/form/ItemForm';

/**
 * Stands in for the generated form (built in parallel): one text field per language of the
 * item's title or name, and the problems it was given, each at its field.
 */
export function FakeItemForm({ kind, value, onChange, context }: ItemFormProps) {
  const key = kind === 'case' ? 'name' : 'title';
  const text = (value[key] ?? {}) as Record<string, string>;
  return (
    <div data-testid="fake-form">
      {context.languages.map((language) => (
        <input
          key={language}
          aria-label={`${key}.${language}`}
          value={text[language] ?? ''}
          onChange={(event) =>
            onChange({ ...value, [key]: { ...text, [language]: event.target.value } })
          }
        />
      ))}
      {context.problems.map((problem) => (
        <span key={problem.field} data-testid={`problem-at-${problem.field}`}>
          {problem.message}
        </span>
      ))}
    </div>
  );
}
