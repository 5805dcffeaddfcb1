import type { PlainSpec } from '../spec';
import { inputAttributes, placeholderOf, textOf, type InputProps } from './input-props';

type NumberSpec = Extract<PlainSpec, { type: 'number' }>;

export function NumberInput(props: InputProps<NumberSpec>) {
  const { spec, value, onChange } = props;
  return (
    <input
      {...inputAttributes(props)}
      className="form-input form-number"
      type="number"
      min={spec.min}
      max={spec.max}
      step={spec.integer ? 1 : 'any'}
      value={textOf(value)}
      placeholder={placeholderOf(props.defaultValue)}
      onChange={(e) => {
        const text = e.target.value;
        const number = Number(text);
        // A half-typed number (`1e`) reads as '' here: keep what the file had until it is whole.
        if (text === '') onChange(undefined);
        else if (Number.isFinite(number)) onChange(number);
      }}
    />
  );
}
