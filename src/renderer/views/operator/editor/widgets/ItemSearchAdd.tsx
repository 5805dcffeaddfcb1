import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../../../controls/text';
import { searchItems, type ItemChoice, type ItemFilter } from './item-search';

const SHOWN = 8;

/** A search over the pack's items by title or id, each match with a button that adds it. */
export function ItemSearchAdd(props: {
  items: readonly ItemChoice[];
  filter: ItemFilter;
  onAdd: (id: string) => void;
}) {
  const { t } = useTranslation('editor');
  const [query, setQuery] = useState('');
  const matches = query.trim() === '' ? [] : searchItems(props.items, query, props.filter);
  return (
    <div className="ed-add">
      <input
        type="search"
        className="ed-add__search"
        value={query}
        placeholder={t('widgets.playlist.search')}
        aria-label={t('widgets.playlist.search')}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {query.trim() !== '' && matches.length === 0 && (
        <p className="ed-add__none">{t('widgets.playlist.noMatch')}</p>
      )}
      {matches.length > 0 && (
        <ul className="ed-add__results">
          {matches.slice(0, SHOWN).map((item) => (
            <li key={item.id}>
              <span className="ed-add__title">{item.title}</span>
              <span className="ed-add__meta">
                {t('widgets.playlist.meta', { id: item.id, kind: kindLabel(item.kind, t) })}
              </span>
              <button
                type="button"
                onClick={() => props.onAdd(item.id)}
                aria-label={t('widgets.playlist.addNamed', { title: item.title })}
              >
                {t('widgets.playlist.add')}
              </button>
            </li>
          ))}
          {matches.length > SHOWN && (
            <li className="ed-add__more">
              {t('widgets.playlist.more', { count: matches.length - SHOWN })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
