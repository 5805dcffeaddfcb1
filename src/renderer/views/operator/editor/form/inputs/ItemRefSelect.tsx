import { useTranslation } from 'react-i18next';
import { useFormScope } from '../form-context';
import type { WidgetSpec } from '../spec';
import { inputAttributes, textOf, type InputProps } from './input-props';

type ItemRefSpec = Extract<WidgetSpec, { type: 'itemRef' }>;

/** Another item of the pack, by its title; an id the pack lacks stays, marked. */
export function ItemRefSelect(props: InputProps<ItemRefSpec>) {
  const { t } = useTranslation('editor');
  const { items } = useFormScope().context;
  const { spec, onChange } = props;
  const current = textOf(props.value);
  const choices = items.filter((item) => spec.kinds.length === 0 || spec.kinds.includes(item.kind));
  const unknown = current !== '' && !choices.some((item) => item.id === current);
  return (
    <select
      {...inputAttributes(props)}
      className={`form-input form-select${unknown ? ' form-input--unknown' : ''}`}
      value={current}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{props.required ? t('form.choice.choose') : t('form.choice.none')}</option>
      {unknown ? (
        <option value={current}>{t('form.choice.missingItem', { id: current })}</option>
      ) : null}
      {choices.map((item) => (
        <option key={item.id} value={item.id}>
          {item.title === item.id ? item.id : `${item.title} · ${item.id}`}
        </option>
      ))}
    </select>
  );
}
