import { useTranslation } from 'react-i18next';
import { actionGroups, consoleActions, keyLabels, obsKeyList } from '../../../shared/actions';
import { keycapNamer } from '../../controls/keycaps';
import { actionLabel } from '../../controls/say';

/** Every registered operator action and its keys: what `?` opens. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('console');
  return (
    <div className="op-sheet-backdrop" onClick={onClose}>
      <div
        className="op-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="op-sheet-title"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="op-lyrics-head">
          <h2 className="op-heading" id="op-sheet-title">
            {t('sheet.title')}
          </h2>
          <button
            type="button"
            className="op-button op-small"
            onClick={onClose}
            onMouseDown={(event) => event.preventDefault()}
          >
            {t('sheet.close')} <kbd>{t('common:keycap.escape')}</kbd>
          </button>
        </div>
        <p className="op-muted">{t('sheet.clicker')}</p>
        <div className="op-sheet-groups">
          {actionGroups.map(({ group, titleKey }) => {
            const actions = consoleActions.filter((action) => action.group === group);
            if (actions.length === 0) return null;
            return (
              <section key={group}>
                <h3 className="op-subheading">{t(titleKey, { ns: 'actions' })}</h3>
                <table className="op-sheet-table">
                  <tbody>
                    {actions.map((action) => {
                      const keys = keyLabels(action.keys, keycapNamer(t));
                      return (
                        <tr key={action.name} data-action={action.name}>
                          <th scope="row">{actionLabel(t, action)}</th>
                          <td>
                            {keys.length > 0 ? (
                              keys.map((key) => <kbd key={key}>{key}</kbd>)
                            ) : (
                              <span className="op-muted">{t('sheet.button')}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            );
          })}
          <section>
            <h3 className="op-subheading">{t('obs.heading')}</h3>
            <table className="op-sheet-table">
              <tbody>
                {obsKeyList.map((entry) => (
                  <tr key={entry.labelKey}>
                    <th scope="row">{t(entry.labelKey, { ns: 'actions' })}</th>
                    <td>
                      {entry.keys.map((key) => (
                        <kbd key={key}>{key}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h3 className="op-subheading">{t('sheet.thisSheet')}</h3>
            <table className="op-sheet-table">
              <tbody>
                <tr>
                  <th scope="row">{t('sheet.toggle')}</th>
                  <td>
                    <kbd>?</kbd>
                  </td>
                </tr>
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </div>
  );
}
