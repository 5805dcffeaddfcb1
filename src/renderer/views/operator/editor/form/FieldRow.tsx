import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrayField } from './ArrayField';
import { FieldInput, isWidgetType } from './FieldInput';
import { fieldHint } from './field-label';
import { useFormScope, useProblemsAt } from './form-context';
import { ObjectFields } from './ObjectFields';
import { ProblemList } from './ProblemList';
import type { FieldPath, FieldSpec } from './spec';
import type { Obj } from './value-edit';
import { asObject } from './value-edit';

export interface FieldRowProps {
  label: string;
  /** The field's name in the schema, for its hint; undefined for a list entry. */
  fieldKey: string | undefined;
  spec: FieldSpec;
  optional: boolean;
  defaultValue?: unknown;
  path: FieldPath;
  value: unknown;
  parent: Obj | undefined;
  onChange: (value: unknown) => void;
  /** Sets other fields of `parent` in one change (see `WidgetProps.onSiblings`). */
  onSiblings?: (patch: Readonly<Record<string, unknown>>) => void;
}

/** One field: its label, its input, its hint and the problems found at it. */
export function FieldRow(props: FieldRowProps) {
  const { t } = useTranslation('editor');
  const { widgets } = useFormScope();
  const id = useId();
  const problems = useProblemsAt(props.path);
  const { spec, label, path, value, onChange } = props;
  const hint = props.fieldKey === undefined ? undefined : fieldHint(t, props.fieldKey, spec.type);
  const hintId = hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  const invalid = problems.some((p) => p.severity === 'error');
  const state = invalid ? ' form-field--error' : problems.length > 0 ? ' form-field--warning' : '';
  const hintLine = hint ? (
    <p className="form-hint" id={hintId}>
      {hint}
    </p>
  ) : null;
  const problemLine = <ProblemList problems={problems} id={problemsId} />;

  if (spec.type === 'array') {
    return (
      <ArrayField {...props} spec={spec} hint={hintLine} problems={problemLine} className={state} />
    );
  }
  if (spec.type === 'object' || (isWidgetType(spec.type) && widgets[spec.type])) {
    const object = asObject(value);
    return (
      <fieldset className={`form-field form-group${state}`} aria-describedby={describedBy}>
        <legend className="form-label">{label}</legend>
        {hintLine}
        {problemLine}
        {spec.type === 'object' ? (
          <ObjectFields fields={spec.fields} path={path} value={object} onChange={onChange} />
        ) : (
          <FieldInput {...inputProps()} />
        )}
      </fieldset>
    );
  }
  if (spec.type === 'boolean') {
    const checked = typeof value === 'boolean' ? value : props.defaultValue === true;
    const prominent = props.fieldKey === 'sensitive' ? ' form-field--sensitive' : '';
    return (
      <div className={`form-field form-boolean${prominent}${state}`}>
        <input
          id={id}
          type="checkbox"
          className="form-checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id} className="form-label">
          {label}
        </label>
        {hintLine}
        {problemLine}
      </div>
    );
  }
  return (
    <div className={`form-field${state}`}>
      <label htmlFor={id} id={`${id}-label`} className="form-label">
        {label}
        {props.optional ? null : <span aria-hidden="true"> *</span>}
      </label>
      <FieldInput {...inputProps()} />
      {hintLine}
      {problemLine}
    </div>
  );

  function inputProps() {
    const base = {
      id,
      spec,
      path,
      value,
      onChange,
      describedBy,
      invalid,
      parent: props.parent,
      ...(props.onSiblings ? { onSiblings: props.onSiblings } : {}),
    };
    const required = { required: !props.optional };
    return props.defaultValue === undefined
      ? { ...base, ...required }
      : { ...base, ...required, defaultValue: props.defaultValue };
  }
}
