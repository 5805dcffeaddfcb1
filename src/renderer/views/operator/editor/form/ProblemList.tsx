import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { localize } from '../../../../i18n/localize';

interface ProblemListProps {
  problems: readonly FieldProblem[];
  /** Shown before each problem: the field, for problems listed away from their input. */
  withField?: boolean;
  id?: string;
}

/** Problems in the reader's language: errors red, warnings amber, each saying which it is. */
export function ProblemList({ problems, withField = false, id }: ProblemListProps) {
  const { t } = useTranslation('editor');
  if (problems.length === 0) return null;
  return (
    <ul className="form-problems" id={id}>
      {problems.map((problem, i) => (
        <li
          key={`${problem.field}-${i}`}
          className={`form-problem form-problem--${problem.severity}`}
        >
          <span className="form-problem-severity">{t(`form.severity.${problem.severity}`)}</span>{' '}
          {withField && problem.field ? (
            <code className="form-problem-field">{problem.field}</code>
          ) : null}{' '}
          {localize(t, problem)}
        </li>
      ))}
    </ul>
  );
}
