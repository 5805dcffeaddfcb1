import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldRow, type FieldRowProps } from './FieldRow';
import type { FieldSpec, PlainSpec } from './spec';
import { asList, moveEntry, withEntry, withoutEntry } from './value-edit';

type ArraySpec = Extract<PlainSpec, { type: 'array' }>;

interface ArrayFieldProps extends FieldRowProps {
  spec: ArraySpec;
  hint: ReactNode;
  problems: ReactNode;
  className: string;
}

/** What a new entry starts as: an object to fill in, or a blank line. */
function blankEntry(spec: FieldSpec): unknown {
  return spec.type === 'object' ? {} : spec.type === 'array' ? [] : '';
}

/** A list: each entry with move up, move down and remove; add at the end. */
export function ArrayField(props: ArrayFieldProps) {
  const { t } = useTranslation('editor');
  const { spec, path, label, onChange } = props;
  const list = asList(props.value);
  const change = (next: unknown[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset className={`form-field form-group form-array${props.className}`}>
      <legend className="form-label">{label}</legend>
      {props.hint}
      {props.problems}
      <ol className="form-entries">
        {list.map((entry, i) => {
          const n = i + 1;
          return (
            <li key={i} className="form-entry">
              <FieldRow
                label={t('form.list.entry', { n })}
                fieldKey={undefined}
                spec={spec.of}
                optional={false}
                path={[...path, i]}
                value={entry}
                parent={undefined}
                onChange={(next) => change(withEntry(list, i, next))}
              />
              <div className="form-entry-actions">
                <button
                  type="button"
                  className="op-button form-small-button"
                  disabled={i === 0}
                  aria-label={t('form.list.moveUp', { n })}
                  onClick={() => change(moveEntry(list, i, i - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="op-button form-small-button"
                  disabled={i === list.length - 1}
                  aria-label={t('form.list.moveDown', { n })}
                  onClick={() => change(moveEntry(list, i, i + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="op-button form-small-button"
                  aria-label={t('form.list.remove', { n })}
                  onClick={() => change(withoutEntry(list, i))}
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="op-button form-add"
        onClick={() => change([...list, blankEntry(spec.of)])}
      >
        {t('form.list.add', { field: label })}
      </button>
    </fieldset>
  );
}
