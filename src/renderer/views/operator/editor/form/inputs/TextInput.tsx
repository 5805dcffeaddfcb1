import { inputAttributes, placeholderOf, textOf, type InputProps } from './input-props';

/** One line, or a box of lines for long texts. */
interface TextInputProps extends InputProps {
  multiline?: boolean;
  pattern?: string;
  placeholder?: string;
  /** The language the text is written in, for spelling and screen readers. */
  lang?: string;
}

export function TextInput(props: TextInputProps) {
  const { value, onChange, multiline = false, pattern, lang } = props;
  const placeholder = props.placeholder ?? placeholderOf(props.defaultValue);
  const change = (text: string) => onChange(text === '' ? undefined : text);
  return multiline ? (
    <textarea
      {...inputAttributes(props)}
      className="form-input form-textarea"
      rows={4}
      lang={lang}
      value={textOf(value)}
      placeholder={placeholder}
      onChange={(e) => change(e.target.value)}
    />
  ) : (
    <input
      {...inputAttributes(props)}
      className="form-input"
      type="text"
      lang={lang}
      value={textOf(value)}
      pattern={pattern}
      placeholder={placeholder}
      onChange={(e) => change(e.target.value)}
    />
  );
}
