import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, Version } from '../../../../../shared/protocol/content-api';
import type { ContentApi } from '../../../../transport/content-api';

/** The item's earlier versions, newest first, each one restorable (the current one is kept too). */
export function HistoryPanel({
  api,
  id,
  busy,
  onRestore,
}: {
  api: ContentApi;
  id: string;
  busy: boolean;
  onRestore: (version: Version) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.history(id).then((answer) => {
      if (!live) return;
      if (answer.status === 'ok')
        setEntries([...answer.value].sort((a, b) => b.savedAt.localeCompare(a.savedAt)));
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [api, id]);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="ed-panel ed-history" data-testid="history">
      <h3>{t('history.title')}</h3>
      {failed ? <p>{t('history.failed')}</p> : null}
      {entries?.length === 0 ? <p>{t('history.empty')}</p> : null}
      <ol>
        {entries?.map((entry) => (
          <li key={entry.version}>
            <time dateTime={entry.savedAt}>{when.format(new Date(entry.savedAt))}</time>{' '}
            <span className="op-muted">{t('history.size', { count: entry.size })}</span>{' '}
            <button
              type="button"
              className="op-button op-small"
              disabled={busy}
              onClick={() => onRestore(entry.version)}
              data-testid={`restore-${entry.version}`}
            >
              {t('history.restore')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
