import { actionGroups, consoleActions, keyLabels, obsKeyList } from '../../../shared/actions';

/** Every registered operator action and its keys: what `?` opens. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
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
            Keys
          </h2>
          <button
            type="button"
            className="op-button op-small"
            onClick={onClose}
            onMouseDown={(event) => event.preventDefault()}
          >
            Close <kbd>Esc</kbd>
          </button>
        </div>
        <p className="op-muted">
          A presentation clicker sends PgDn and PgUp: during a song they move the lyrics line by
          line, otherwise the slides. Keys do nothing while you type in a field.
        </p>
        <div className="op-sheet-groups">
          {actionGroups.map(({ group, title }) => {
            const actions = consoleActions.filter((action) => action.group === group);
            if (actions.length === 0) return null;
            return (
              <section key={group}>
                <h3 className="op-subheading">{title}</h3>
                <table className="op-sheet-table">
                  <tbody>
                    {actions.map((action) => {
                      const keys = keyLabels(action.keys);
                      return (
                        <tr key={action.name} data-action={action.name}>
                          <th scope="row">{action.label}</th>
                          <td>
                            {keys.length > 0 ? (
                              keys.map((key) => <kbd key={key}>{key}</kbd>)
                            ) : (
                              <span className="op-muted">button</span>
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
            <h3 className="op-subheading">OBS</h3>
            <table className="op-sheet-table">
              <tbody>
                {obsKeyList.map((entry) => (
                  <tr key={entry.label}>
                    <th scope="row">{entry.label}</th>
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
            <h3 className="op-subheading">This sheet</h3>
            <table className="op-sheet-table">
              <tbody>
                <tr>
                  <th scope="row">Show or hide the keys</th>
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
