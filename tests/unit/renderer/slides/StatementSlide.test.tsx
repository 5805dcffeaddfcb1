import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatementSlide } from '../../../../src/renderer/slides/StatementSlide';
import { slideContext, statementItem } from '../fixtures';

describe('StatementSlide', () => {
  it('shows the title, the text and the author', () => {
    render(<StatementSlide item={statementItem} ctx={slideContext()} />);
    expect(screen.getByRole('heading', { name: 'Take action!' })).toBeInTheDocument();
    expect(
      screen.getByText('We call for the immediate release of Kagarlitsky and Miftakhov.'),
    ).toBeInTheDocument();
    expect(screen.getByText('— Arkadiy Kots Band')).toBeInTheDocument();
  });

  it('keeps paragraphs apart', () => {
    const { container } = render(
      <StatementSlide
        item={{ ...statementItem, text: { en: 'First.\n\nSecond.' } }}
        ctx={slideContext()}
      />,
    );
    expect(container.querySelectorAll('blockquote p')).toHaveLength(2);
  });
});
