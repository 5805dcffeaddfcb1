import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemBody } from '../../../../../shared/protocol/content-api';

interface DeletePanelProps {
  id: string;
  /** Who still uses the item (a refused delete said so), or null before asking. */
  usedBy: readonly { id: string; kind: string; file: string }[] | null;
  /** The photo or image paths the item names: what "forget" may take with it. */
  media: readonly string[];
  busy: boolean;
  onDelete: (removeReferences: boolean) => void;
  onForget: (removeReferences: boolean) => void;
  onCancel: () => void;
}

/** The media paths an item names, as the loader reads them (`photo.file`, `image`). */
export function mediaNamedBy(item: ItemBody | null): string[] {
  if (!item) return [];
  const photo = item.photo;
  const file =
    typeof photo === 'object' && photo !== null ? (photo as Record<string, unknown>).file : null;
  return [file, item.image].filter((p): p is string => typeof p === 'string' && p !== '');
}

/**
 * Deleting asks first; when playlists or setlists still use the item it says which, and can
 * take it out of them too. The file goes to the pack's trash, never gone for good — unless
 * the volunteer chooses the separate "forget", for someone's safety, and confirms a list of
 * what goes with it.
 */
export function DeletePanel(props: DeletePanelProps) {
  const { id, usedBy, media, busy, onDelete, onForget, onCancel } = props;
  const { t } = useTranslation('editor');
  const [forgetting, setForgetting] = useState(false);
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
      {forgetting ? null : (
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
      )}
      <div className="ed-forget" data-testid="forget">
        <h4>{t('item.forget.title')}</h4>
        {forgetting ? (
          <>
            <p>{t('item.forget.confirm', { id })}</p>
            <ul data-testid="forget-list">
              <li>{t('item.forget.file')}</li>
              <li>{t('item.forget.history', { folder: `.history/${id}/` })}</li>
              <li>{t('item.forget.trash')}</li>
              {media.map((file) => (
                <li key={file}>
                  <code>{file}</code> {t('item.forget.media')}
                </li>
              ))}
            </ul>
            <p className="op-muted">{t('item.forget.disks')}</p>
            <div className="ed-row">
              <button
                type="button"
                className="op-button ed-danger"
                disabled={busy}
                onClick={() => onForget(usedBy !== null)}
                data-testid="confirm-forget"
              >
                {usedBy ? t('item.forget.removeAndForget') : t('item.forget.go')}
              </button>
              <button
                type="button"
                className="op-button"
                onClick={() => setForgetting(false)}
                data-testid="forget-back"
              >
                {t('item.forget.back')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="op-muted">{t('item.forget.explain')}</p>
            <div className="ed-row">
              <button
                type="button"
                className="op-button"
                disabled={busy}
                onClick={() => setForgetting(true)}
                data-testid="start-forget"
              >
                {t('item.forget.start')}
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
