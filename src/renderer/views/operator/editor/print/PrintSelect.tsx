interface PrintSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The empty choice's words ("none"), when the field may be left empty. */
  none?: string;
  options: readonly { value: string; label: string }[];
}

/** One labelled field of the print dialog: a choice among the pack's languages or events. */
export function PrintSelect({ id, label, value, onChange, none, options }: PrintSelectProps) {
  return (
    <div className="ed-print-field">
      <label htmlFor={id}>{label}</label>
      <select
        className="form-input form-select"
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {none !== undefined && <option value="">{none}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
