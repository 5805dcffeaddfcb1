import { useTranslation } from 'react-i18next';
import { fieldLabel } from './field-label';
import { FieldRow } from './FieldRow';
import type { FieldEntry, FieldPath } from './spec';
import { withField, type Obj } from './value-edit';

interface ObjectFieldsProps {
  fields: readonly FieldEntry[];
  path: FieldPath;
  value: Obj | undefined;
  /** The object with the field changed; keys the form does not draw (`kind`) are kept. */
  onChange: (value: Obj) => void;
}

/** The fields of an object, in the schema's order. */
export function ObjectFields({ fields, path, value, onChange }: ObjectFieldsProps) {
  const { t } = useTranslation('editor');
  // Only an item's top level carries its kind; nested objects (a case's photo) keep the
  // form's words.
  const kind = typeof value?.kind === 'string' ? value.kind : undefined;
  return (
    <div className="form-fields">
      {fields.map((field) => (
        <FieldRow
          key={field.key}
          label={fieldLabel(t, field.key, kind)}
          fieldKey={field.key}
          spec={field.spec}
          optional={field.optional}
          {...(field.defaultValue === undefined ? {} : { defaultValue: field.defaultValue })}
          path={[...path, field.key]}
          value={value?.[field.key]}
          parent={value}
          onChange={(next) => onChange(withField(value, field.key, next))}
          onSiblings={(patch) =>
            onChange(
              Object.entries(patch).reduce<Obj>((obj, [key, next]) => withField(obj, key, next), {
                ...value,
              }),
            )
          }
        />
      ))}
    </div>
  );
}
