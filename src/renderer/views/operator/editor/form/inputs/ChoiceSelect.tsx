import { inputAttributes, textOf, type InputProps } from './input-props';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A `<select>` with a blank first (the field left out). A value the list does not know (a
 * typo, an item since deleted) stays selected and marked, so opening a file never changes it
 * behind the author's back.
 */
export function ChoiceSelect({
  input,
  choices,
  blank,
  unknownLabel,
}: {
  input: InputProps;
  choices: readonly Choice[];
  blank: string;
  unknownLabel: (value: string) => string;
}) {
  const current = textOf(input.value);
  const unknown = current !== '' && !choices.some((choice) => choice.value === current);
  return (
    <select
      {...inputAttributes(input)}
      className={`form-input form-select${unknown ? ' form-input--unknown' : ''}`}
      value={current}
      onChange={(e) => input.onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{blank}</option>
      {unknown ? <option value={current}>{unknownLabel(current)}</option> : null}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
