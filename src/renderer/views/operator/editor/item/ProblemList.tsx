import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { localize } from '../../../../i18n/localize';
import { fieldLabel } from '../form/field-label';

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
            <span className="ed-field">{problemPlace(t, problem.field)}</span>{' '}
            {localize(t, problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Where a problem is, as the form names it ("Link", "Title · ru", "Links · 2 · Label"): the field's label in the reader's language, not the file's key (`callToAction`).
 */
export function problemPlace(t: TFunction, field: string): string {
  if (!field) return t('item.wholeItem');
  // Positions are already counted from 1, as the form shows them.
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part : fieldLabel(t, part)))
    .join(' · ');
}
