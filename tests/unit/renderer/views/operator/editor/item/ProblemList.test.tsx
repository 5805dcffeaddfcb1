import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../../../../../../src/renderer/views/operator/editor/item/ProblemList';
import { createTranslator } from '../../../../../../../src/shared/i18n';
import { I18nextProvider } from 'react-i18next';

const problems = [
  { field: 'url', severity: 'error' as const, message: 'expected a web link' },
  { field: 'callToAction', severity: 'error' as const, message: 'missing' },
  { field: 'title.ru', severity: 'warning' as const, message: 'no Russian' },
];

describe('ProblemList', () => {
  it('names each field as the form labels it, not by the file’s key', () => {
    render(<ProblemList problems={problems} title="3 problems" testId="problems" />);
    const list = screen.getByTestId('problems');
    expect(list).toHaveTextContent('Link expected a web link');
    expect(list).toHaveTextContent('Call to action missing');
    expect(list).toHaveTextContent('Title · ru no Russian');
    expect(list).not.toHaveTextContent('callToAction');
  });

  it('speaks the reader’s language', () => {
    render(
      <I18nextProvider i18n={createTranslator('fr')}>
        <ProblemList problems={problems.slice(0, 1)} title="1" testId="problems" />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('problems')).toHaveTextContent(/^1Lien /);
  });
});
