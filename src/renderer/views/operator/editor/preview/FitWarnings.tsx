import { useTranslation } from 'react-i18next';
import type { FitWarning } from './overflow-rule';

/** What does not fit, per language and screen shape, worst first. */
export function FitWarnings({
  warnings,
  languageName,
}: {
  warnings: readonly FitWarning[];
  languageName: (code: string) => string;
}) {
  const { t } = useTranslation('editor');
  const sorted = [...warnings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  if (sorted.length === 0) {
    return (
      <p className="ed-fit-ok" data-testid="fit-ok">
        {t('preview.fit.allFit')}
      </p>
    );
  }
  return (
    <ul className="ed-fit-warnings" data-testid="fit-warnings">
      {sorted.map((warning) => (
        <li
          key={`${warning.key}/${warning.language}/${warning.region}`}
          className={`is-${warning.severity}`}
        >
          {t(warning.key, {
            language: languageName(warning.language),
            region: t(`preview.region.${warning.region}`),
            percent: warning.percent,
          })}
        </li>
      ))}
    </ul>
  );
}
