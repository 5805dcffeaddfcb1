import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { itemKinds } from '../../../../../shared/content';
import type { ItemList } from '../../../../../shared/protocol/content-api';
import { useStores } from '../../../../stores';
import { allWords, findItems, problemCounts } from './find-items';

interface ItemListPaneProps {
  list: ItemList;
  selected: string | null;
  onOpen: (id: string) => void;
  onNew: (kind: string) => void;
  onImport: () => void;
}

/** Every item of the pack by kind, searchable, each with its problems counted. */
export function ItemListPane({ list, selected, onOpen, onNew, onImport }: ItemListPaneProps) {
  const { t } = useTranslation('editor');
  const items = useStore(useStores().content, (s) => s.snapshot?.items);
  const [query, setQuery] = useState('');
  // Every language's title or name, so a search in any of them finds the item.
  const titles = useMemo(
    () =>
      new Map(
        (items ?? []).map((item) => {
          const words = item as { title?: unknown; name?: unknown };
          return [item.id, [...allWords(words.title), ...allWords(words.name)]];
        }),
      ),
    [items],
  );
  const sections = findItems(list.items, query, titles);
  return (
    <nav className="ed-list" aria-label={t('list.title')} data-testid="item-list">
      <input
        type="search"
        className="ed-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        data-testid="item-search"
      />
      <details className="ed-add">
        <summary data-testid="add-item">{t('list.newGroup')}</summary>
        <div className="ed-new-buttons">
          {itemKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className="op-button op-small"
              onClick={() => onNew(kind)}
              data-testid={`new-${kind}`}
            >
              {t(`list.new.${kind}`)}
            </button>
          ))}
          <button
            type="button"
            className="op-button op-small"
            onClick={onImport}
            data-testid="import-song"
          >
            {t('actions.importSong')}
          </button>
        </div>
      </details>
      {sections.length === 0 ? <p className="op-muted">{t('list.nothingFound')}</p> : null}
      {sections.map((section) => (
        <section key={section.kind} className="ed-section" data-kind={section.kind}>
          <h3>
            {t(
              `list.kind.${(itemKinds as readonly string[]).includes(section.kind) ? section.kind : 'other'}`,
            )}
          </h3>
          <ul>
            {section.items.map((item) => {
              const { errors, warnings } = problemCounts(item);
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    className="ed-entry"
                    aria-current={item.id === selected ? 'true' : undefined}
                    onClick={() => onOpen(item.id)}
                    data-testid={`open-${item.id}`}
                  >
                    <span className="ed-entry-title">{item.title}</span>
                    <code className="ed-entry-id">{item.id}</code>
                    {errors > 0 ? (
                      <span className="ed-count is-error">
                        {t('list.errors', { count: errors })}
                      </span>
                    ) : null}
                    {warnings > 0 ? (
                      <span className="ed-count is-warning">
                        {t('list.warnings', { count: warnings })}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
