import type { FieldPath, FieldSpec } from '../spec';

/** What the form hands each of its own inputs. */
export interface InputProps<S extends FieldSpec = FieldSpec> {
  /** The id the field's `<label>` points to. */
  id: string;
  spec: S;
  path: FieldPath;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The hint's and problems' ids, for `aria-describedby`. */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  /** What the schema fills in when the field is left out: shown, never written. */
  defaultValue?: unknown;
}

/** The attributes every one of the form's inputs carries. */
export function inputAttributes(props: InputProps) {
  return {
    id: props.id,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid || undefined,
    'aria-required': props.required || undefined,
  };
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

export function placeholderOf(defaultValue: unknown): string | undefined {
  return defaultValue === undefined || typeof defaultValue === 'object'
    ? undefined
    : String(defaultValue);
}
