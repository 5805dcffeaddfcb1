import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { localize } from '../../../../i18n/localize';

/** Problems listed with the field each is at (the form also marks them at the field). */
export function ProblemList({
  problems,
  title,
  testId,
}: {
  problems: readonly FieldProblem[];
  title: string;
  testId: string;
}) {
  const { t } = useTranslation(['editor', 'problems', 'core']);
  if (problems.length === 0) return null;
  return (
    <section className="ed-problems" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.field}-${index}`} className={`is-${problem.severity}`}>
            <code className="ed-field">{problem.field || t('item.wholeItem')}</code>{' '}
            {localize(t, problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
