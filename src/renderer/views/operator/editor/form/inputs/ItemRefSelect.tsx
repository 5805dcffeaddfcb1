import { useTranslation } from 'react-i18next';
import { useFormScope } from '../form-context';
import type { WidgetSpec } from '../spec';
import { ChoiceSelect } from './ChoiceSelect';
import type { InputProps } from './input-props';

type ItemRefSpec = Extract<WidgetSpec, { type: 'itemRef' }>;

/** Another item of the pack, by its title; an id the pack lacks stays, marked. */
export function ItemRefSelect(props: InputProps<ItemRefSpec>) {
  const { t } = useTranslation('editor');
  const { items } = useFormScope().context;
  const { spec } = props;
  const choices = items
    .filter((item) => spec.kinds.length === 0 || spec.kinds.includes(item.kind))
    .map((item) => ({
      value: item.id,
      label: item.title === item.id ? item.id : `${item.title} · ${item.id}`,
    }));
  return (
    <ChoiceSelect
      input={props}
      choices={choices}
      blank={props.required ? t('form.choice.choose') : t('form.choice.none')}
      unknownLabel={(id) => t('form.choice.missingItem', { id })}
    />
  );
}
