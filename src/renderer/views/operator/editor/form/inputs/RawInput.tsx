import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputAttributes, type InputProps } from './input-props';

/** A string as it is; anything else as JSON. */
export function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Text that opens like JSON is read as JSON; any other text is a string. */
export function readRaw(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^[[{"]/.test(trimmed)) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A value the form has no input for, as text. Half-typed JSON stays in the box, unsaved and
 * marked, and the item keeps its last whole value.
 */
export function RawInput(props: InputProps) {
  const { t } = useTranslation('editor');
  const [draft, setDraft] = useState<{ text: string; of: unknown; ok: boolean } | null>(null);
  const current = draft !== null && draft.of === props.value ? draft : null;
  const text = current?.text ?? rawText(props.value);
  return (
    <>
      <textarea
        {...inputAttributes(props)}
        className="form-input form-textarea form-raw"
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          const read = readRaw(e.target.value);
          if (read.ok) {
            setDraft({ text: e.target.value, of: read.value, ok: true });
            props.onChange(read.value);
          } else setDraft({ text: e.target.value, of: props.value, ok: false });
        }}
      />
      {current && !current.ok ? (
        <p className="form-hint form-hint--warning" role="status">
          {t('form.raw.invalid')}
        </p>
      ) : null}
    </>
  );
}
