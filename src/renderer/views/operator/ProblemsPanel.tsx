import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { missingLanguages, missingLanguageText } from '../../../shared/content';
import { localize } from '../../i18n/localize';
import { useStores } from '../../stores';
import { VideoFaults } from './VideoFaults';

/** Content errors from the loader (each with its file) and the core's notices. */
export function ProblemsPanel() {
  const errors = useStore(useStores().content, (s) => s.snapshot?.errors);
  const notices = useStore(useStores().operator, (s) => s.notices);
  const snapshot = useStore(useStores().content, (s) => s.snapshot);
  const videoFaults = useStore(useStores().show, (s) => s.show?.videoFaults?.length ?? 0);
  const { t } = useTranslation('console');
  const { t: problemsT, i18n } = useTranslation('problems');
  // Texts missing a pack language: warnings, the show runs (the screens show another language).
  const untranslated = useMemo(
    () => (snapshot ? missingLanguages(snapshot.pack, snapshot.items) : []),
    [snapshot],
  );
  // Characters the bundled fonts cannot draw: the core reads the font files and sends them.
  const undrawable = snapshot?.warnings ?? [];
  const warningCount = untranslated.length + undrawable.length;
  if (
    (!errors || errors.length === 0) &&
    notices.length === 0 &&
    warningCount === 0 &&
    videoFaults === 0
  ) {
    return null;
  }
  return (
    <section className="op-panel op-problems" aria-label={t('problems.aria')}>
      <VideoFaults />
      {errors && errors.length > 0 ? (
        <>
          <h2 className="op-heading">{t('problems.heading', { count: errors.length })}</h2>
          <p className="op-muted">{t('problems.explain')}</p>
          <ul className="op-list op-errors" data-testid="content-errors">
            {errors.map((error, i) => (
              <li key={`${error.file}:${error.line ?? ''}:${error.field}:${i}`}>
                <code className="op-error-where">
                  {error.file}
                  {error.line ? `:${error.line}` : ''}
                </code>
                {error.field ? <code className="op-error-field">{error.field}</code> : null}
                {/* File, line and field as they are; the words in the reader's language. */}
                <span data-from-core>{localize(t, error)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {warningCount > 0 ? (
        <>
          <h2 className="op-heading">{problemsT('warning.heading', { count: warningCount })}</h2>
          <ul className="op-list op-errors op-warnings" data-testid="content-warnings">
            {untranslated.map((warning, i) => (
              // One file may miss one language in several places: the index keeps keys apart.
              <li key={`${warning.file}:${warning.language}:${i}`}>
                <code className="op-error-where">{warning.file}</code>
                <span>{missingLanguageText(warning, problemsT, i18n.language)}</span>
              </li>
            ))}
            {undrawable.map((warning, i) => (
              <li key={`${warning.file}:${warning.field}:${i}`}>
                <code className="op-error-where">{warning.file}</code>
                {warning.field ? <code className="op-error-field">{warning.field}</code> : null}
                <span data-from-core>{localize(problemsT, warning)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notices.length > 0 ? (
        <>
          <h2 className="op-heading">{t('problems.notices')}</h2>
          <ul className="op-list op-notices" data-testid="notices">
            {notices.map((notice, i) => (
              <li key={i} data-from-core>
                {localize(t, notice)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
