import { useTranslation } from 'react-i18next';

/** A language's name in the reader's language (`ru` → "Russian"), else its code. */
function languageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

interface LanguageSelectProps {
  label: string;
  value: string;
  languages: readonly string[];
  /** The words for "no language" (an empty value); without it a language must be chosen. */
  none?: string;
  onChange: (language: string) => void;
}

/** One of the pack's languages, by name. */
export function LanguageSelect({ label, value, languages, none, onChange }: LanguageSelectProps) {
  const { i18n } = useTranslation('editor');
  return (
    <label className="imp-language">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {languages.map((code) => (
          <option key={code} value={code}>
            {languageName(code, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}
