import { useTranslation } from 'react-i18next';
import { languageName } from './language-name';

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
