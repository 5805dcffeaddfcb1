import { useTranslation } from 'react-i18next';
import { localize } from '../../../../i18n/localize';
import type { LocalizedText } from '../../../../../shared/protocol/localized-text';
import { languageName } from './language-name';
import type { ImportOutcome } from './run-import';

/** A language code in a warning (`en`) said as the reader says it ("English"). */
function named(warning: LocalizedText, reader: string): LocalizedText {
  const code = warning.params?.language;
  if (typeof code !== 'string') return warning;
  return { ...warning, params: { ...warning.params, language: languageName(code, reader) } };
}

/** Why an import was refused, or what to check in one that worked, in the reader's words. */
export function ImportMessages({ outcome }: { outcome: ImportOutcome }) {
  const { t, i18n } = useTranslation('editor');
  if (outcome.state === 'error') {
    return (
      <p className="imp-error" role="alert" data-testid="import-error">
        {t(`import.error.${outcome.key}`, outcome.params)}
      </p>
    );
  }
  if (outcome.state !== 'ok' || outcome.result.warnings.length === 0) return null;
  return (
    <div className="imp-warnings" role="status" data-testid="import-warnings">
      <h4>{t('import.warnings')}</h4>
      <ul>
        {outcome.result.warnings.map((warning, i) => (
          <li key={i}>{localize(t, named(warning, i18n.language))}</li>
        ))}
      </ul>
    </div>
  );
}
