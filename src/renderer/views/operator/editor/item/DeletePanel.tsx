import { useTranslation } from 'react-i18next';

interface DeletePanelProps {
  id: string;
  /** Who still uses the item (a refused delete said so), or null before asking. */
  usedBy: readonly { id: string; kind: string; file: string }[] | null;
  busy: boolean;
  onDelete: (removeReferences: boolean) => void;
  onCancel: () => void;
}

/**
 * Deleting asks first; when playlists or setlists still use the item it says which, and can
 * take it out of them too. The file goes to the pack's trash, never gone for good.
 */
export function DeletePanel({ id, usedBy, busy, onDelete, onCancel }: DeletePanelProps) {
  const { t } = useTranslation('editor');
  return (
    <section
      className="ed-panel ed-delete"
      role="alertdialog"
      aria-label={t('item.deleteTitle', { id })}
      data-testid="delete-panel"
    >
      <h3>{t('item.deleteTitle', { id })}</h3>
      {usedBy ? (
        <>
          <p>{t('item.usedBy', { count: usedBy.length })}</p>
          <ul data-testid="used-by">
            {usedBy.map((user) => (
              <li key={user.id}>
                <code>{user.id}</code> <span className="op-muted">{user.file}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('item.deleteExplain')}</p>
      )}
      <div className="ed-row">
        <button
          type="button"
          className="op-button ed-danger"
          disabled={busy}
          onClick={() => onDelete(usedBy !== null)}
          data-testid="confirm-delete"
        >
          {usedBy ? t('actions.removeAndDelete') : t('actions.delete')}
        </button>
        <button type="button" className="op-button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </section>
  );
}
