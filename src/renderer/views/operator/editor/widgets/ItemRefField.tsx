import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetProps } from '../form/spec';
import { kindLabel } from '../../../../controls/text';
import { findItem, searchItems } from './item-search';

/**
 * Another item's id, chosen from the pack's items of the kinds the field takes. An id the
 * pack has no item for stays chosen and visible, marked, so a typo in the file is seen and
 * never silently replaced.
 */
export function ItemRefField({ path, spec, value, onChange, context }: WidgetProps) {
  const { t } = useTranslation('editor');
  const [query, setQuery] = useState('');
  const kinds = spec.type === 'itemRef' ? spec.kinds : [];
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const known = findItem(context.items, current);
  const matches = searchItems(context.items, query, { kinds });
  // The chosen item is always an option, even when the search or its kind leaves it out.
  const options = known && !matches.includes(known) ? [known, ...matches] : matches;
  const fieldId = `ref-${path.join('-')}`;
  return (
    <div className="ed-ref">
      <input
        type="search"
        className="ed-ref__search"
        value={query}
        placeholder={t('widgets.ref.search')}
        aria-label={t('widgets.ref.search')}
        aria-controls={fieldId}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      <select
        id={fieldId}
        className="ed-ref__select"
        value={current ?? ''}
        aria-label={t('widgets.ref.choose')}
        aria-invalid={current !== undefined && !known}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
      >
        <option value="">{t('widgets.ref.none')}</option>
        {current !== undefined && !known && (
          <option value={current}>{t('widgets.ref.unknownOption', { id: current })}</option>
        )}
        {options.map((item) => (
          <option key={item.id} value={item.id}>
            {t('widgets.ref.option', {
              title: item.title,
              id: item.id,
              kind: kindLabel(item.kind, t),
            })}
          </option>
        ))}
      </select>
      {current !== undefined && !known && (
        <p className="ed-ref__unknown" role="alert">
          {t('widgets.ref.unknown', { id: current })}
        </p>
      )}
      {query !== '' && matches.length === 0 && (
        <p className="ed-ref__none">{t('widgets.ref.noMatch')}</p>
      )}
    </div>
  );
}
