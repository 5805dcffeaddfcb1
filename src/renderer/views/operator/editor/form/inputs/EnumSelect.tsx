import { useTranslation } from 'react-i18next';
import { optionLabel } from '../field-label';
import type { PlainSpec } from '../spec';
import { inputAttributes, textOf, type InputProps } from './input-props';

type EnumSpec = Extract<PlainSpec, { type: 'enum' }>;

/**
 * A choice. A value the list does not know (a typo, a zone this browser lacks) stays selected
 * and marked, so opening a file never changes it behind the author's back.
 */
export function EnumSelect(props: InputProps<EnumSpec>) {
  const { t } = useTranslation('editor');
  const { spec, onChange, defaultValue, required } = props;
  const fieldKey = props.path.findLast((part) => typeof part === 'string');
  const label = (option: string) => optionLabel(t, fieldKey, option);
  const current = textOf(props.value);
  const unknown = current !== '' && !spec.options.includes(current);
  const blank =
    defaultValue !== undefined
      ? t('form.choice.default', { value: label(String(defaultValue)) })
      : required
        ? t('form.choice.choose')
        : t('form.choice.none');
  return (
    <select
      {...inputAttributes(props)}
      className={`form-input form-select${unknown ? ' form-input--unknown' : ''}`}
      value={current}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{blank}</option>
      {unknown ? (
        <option value={current}>{t('form.choice.unknown', { value: current })}</option>
      ) : null}
      {spec.options.map((option) => (
        <option key={option} value={option}>
          {label(option)}
        </option>
      ))}
    </select>
  );
}
