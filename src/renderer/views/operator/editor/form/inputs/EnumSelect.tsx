import { useTranslation } from 'react-i18next';
import { optionLabel } from '../field-label';
import type { PlainSpec } from '../spec';
import { ChoiceSelect } from './ChoiceSelect';
import type { InputProps } from './input-props';

type EnumSpec = Extract<PlainSpec, { type: 'enum' }>;

/** A choice of the schema's options; one the list does not know (a typo) stays, marked. */
export function EnumSelect(props: InputProps<EnumSpec>) {
  const { t } = useTranslation('editor');
  const { spec, defaultValue, required } = props;
  const fieldKey = props.path.findLast((part) => typeof part === 'string');
  const label = (option: string) => optionLabel(t, fieldKey, option);
  const blank =
    defaultValue !== undefined
      ? t('form.choice.default', { value: label(String(defaultValue)) })
      : required
        ? t('form.choice.choose')
        : t('form.choice.none');
  return (
    <ChoiceSelect
      input={props}
      choices={spec.options.map((option) => ({ value: option, label: label(option) }))}
      blank={blank}
      unknownLabel={(value) => t('form.choice.unknown', { value })}
    />
  );
}
