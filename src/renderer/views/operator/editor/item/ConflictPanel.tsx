import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../../shared/protocol/content-api';
import { changedFields, showValue } from './changed-fields';

interface ConflictPanelProps {
  conflict: Conflict;
  /** What I was saving (the draft now, which may have changed since the refused save). */
  mine: unknown;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
}

/**
 * Someone changed the file since I opened it: both versions side by side, field by field, and
 * a choice that keeps both edits (mine is written over theirs, or kept beside theirs to copy).
 */
export function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
  busy,
}: ConflictPanelProps) {
  const { t } = useTranslation('editor');
  const changes = changedFields(mine, conflict.current.item);
  return (
    <section className="ed-panel ed-conflict" role="alert" data-testid="conflict">
      <h3>{t('conflict.title')}</h3>
      <p>{t('conflict.explain')}</p>
      <table className="ed-diff">
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <th scope="row">
                <code>{change.field || t('item.wholeItem')}</code>
              </th>
              <td className="ed-mine">{showValue(change.mine)}</td>
              <td className="ed-theirs">{showValue(change.theirs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length === 0 ? <p>{t('conflict.noDifference')}</p> : null}
      <div className="ed-row">
        <button
          type="button"
          className="op-button"
          disabled={busy}
          onClick={onKeepMine}
          data-testid="keep-mine"
        >
          {t('conflict.keepMine')}
        </button>
        <button
          type="button"
          className="op-button"
          disabled={busy}
          onClick={onTakeTheirs}
          data-testid="take-theirs"
        >
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}

/** My edit, kept after I took the other version: shown until I close it, to copy from. */
export function YoursPanel({
  yours,
  current,
  onClose,
}: {
  yours: unknown;
  current: unknown;
  onClose: () => void;
}) {
  const { t } = useTranslation('editor');
  const changes = changedFields(yours, current);
  return (
    <section className="ed-panel ed-yours" data-testid="yours">
      <h3>{t('conflict.yoursTitle')}</h3>
      <p>{t('conflict.yoursExplain')}</p>
      <dl className="ed-yours-list">
        {changes.map((change) => (
          <div key={change.field}>
            <dt>
              <code>{change.field || t('item.wholeItem')}</code>
            </dt>
            <dd>
              <textarea
                readOnly
                rows={2}
                value={showValue(change.mine)}
                aria-label={change.field}
              />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="op-button op-small" onClick={onClose}>
        {t('conflict.yoursClose')}
      </button>
    </section>
  );
}
