import { useTranslation } from 'react-i18next';
import { localize } from '../../../../i18n/localize';
import type { ImportOutcome } from './run-import';

/** Why an import was refused, or what to check in one that worked, in the reader's words. */
export function ImportMessages({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation('editor');
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
          <li key={i}>{localize(t, warning)}</li>
        ))}
      </ul>
    </div>
  );
}
