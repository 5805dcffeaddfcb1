import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idProblem, suggestId } from './new-id';

interface NewItemFormProps {
  kind: string;
  taken: ReadonlySet<string>;
  onCreate: (id: string, title: string) => void;
  onCancel: () => void;
}

/** A new item's title and id: the id suggested from the title until the operator types one. */
export function NewItemForm({ kind, taken, onCreate, onCancel }: NewItemFormProps) {
  const { t } = useTranslation('editor');
  const [title, setTitle] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const id = typedId ?? (title ? suggestId(title, taken) : '');
  const problem = idProblem(id, taken);
  const fieldId = useId();
  return (
    <form
      className="ed-panel ed-new"
      data-testid="new-item"
      aria-label={t(`list.new.${kind}`)}
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onCreate(id, title.trim());
      }}
    >
      <h3>{t(`list.new.${kind}`)}</h3>
      <label htmlFor={`${fieldId}-title`}>{t('list.newName')}</label>
      <input
        id={`${fieldId}-title`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        data-testid="new-title"
        autoFocus
      />
      <label htmlFor={`${fieldId}-id`}>{t('list.newId')}</label>
      <input
        id={`${fieldId}-id`}
        value={id}
        onChange={(e) => setTypedId(e.target.value)}
        aria-invalid={problem !== null && id !== ''}
        aria-describedby={`${fieldId}-hint`}
        spellCheck={false}
        data-testid="new-id"
      />
      <p
        id={`${fieldId}-hint`}
        className={problem && id ? 'ed-error' : 'op-muted'}
        data-testid="new-id-hint"
      >
        {t(`list.idHint.${problem ?? 'ok'}`, { id })}
      </p>
      <div className="ed-row">
        <button
          type="submit"
          className="op-button"
          disabled={problem !== null}
          data-testid="create"
        >
          {t('actions.create')}
        </button>
        <button type="button" className="op-button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
