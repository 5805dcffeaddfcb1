import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DrawingSlide } from '../../../../src/renderer/slides/DrawingSlide';
import { drawingItem, slideContext } from '../fixtures';

describe('DrawingSlide', () => {
  it('shows the image from /media/ with its credit', () => {
    render(<DrawingSlide item={drawingItem} ctx={slideContext()} />);
    const image = screen.getByRole('img');
    expect(image).toHaveAttribute('src', '/media/media/drawings/raised%20fist.svg');
    expect(screen.getByText('Raised fist')).toBeInTheDocument();
    expect(screen.getByText('A. Artist, Penal colony No. 1, 2022')).toBeInTheDocument();
    expect(screen.getByText('Drawn in prison.')).toBeInTheDocument();
  });

  it('keeps the credit when the image fails to load', () => {
    render(<DrawingSlide item={drawingItem} ctx={slideContext()} />);
    fireEvent.error(screen.getByRole('img'));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('A. Artist, Penal colony No. 1, 2022')).toBeInTheDocument();
  });

  it('never shows a drawing without consent', () => {
    const { container } = render(
      <DrawingSlide item={{ ...drawingItem, consent: false }} ctx={slideContext()} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
