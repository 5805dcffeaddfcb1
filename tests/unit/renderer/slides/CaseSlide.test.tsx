import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseSlide } from '../../../../src/renderer/slides/CaseSlide';
import { caseItem, slideContext } from '../fixtures';

describe('CaseSlide', () => {
  it('shows the name, the facts and the days behind bars', () => {
    render(<CaseSlide item={caseItem} ctx={slideContext()} />);
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    expect(screen.getByText('July 25, 2023')).toBeInTheDocument();
    expect(screen.getByText(/justifying terrorism/)).toBeInTheDocument();
    expect(screen.getByText('Incarcerated after his arrest in Moscow')).toBeInTheDocument();
    expect(screen.getByText(/September 2023/)).toBeInTheDocument();
    expect(screen.getByText('A prominent Russian socialist thinker.')).toBeInTheDocument();
    // 25 Jul to 10 Oct 2023, the arrest day counted: 7 + 31 + 30 + 10.
    expect(screen.getByTestId('days-behind-bars')).toHaveTextContent('78days behind bars');
  });

  it('puts the first link in a high-correction QR code', () => {
    const { container } = render(<CaseSlide item={caseItem} ctx={slideContext()} />);
    const qr = container.querySelector('svg[data-qr-value]');
    expect(qr?.getAttribute('data-qr-value')).toBe('https://freeboris.info/');
    expect(screen.getByText('The campaign', { selector: '.qr-label' })).toBeInTheDocument();
    // The address in text too, for people who cannot scan.
    expect(screen.getByText('freeboris.info', { selector: '.qr-url' })).toBeInTheDocument();
  });

  it('speaks the chosen language, falling back to the default', () => {
    render(<CaseSlide item={caseItem} ctx={slideContext({ language: 'ru' })} />);
    expect(screen.getByRole('heading', { name: 'Борис Кагарлицкий' })).toBeInTheDocument();
    expect(screen.getByText('Incarcerated after his arrest in Moscow')).toBeInTheDocument();
    expect(screen.getByTestId('days-behind-bars')).toHaveTextContent('78дней за решёткой');
  });

  it('hides the counter when the clock is before the arrest', () => {
    render(<CaseSlide item={caseItem} ctx={slideContext({ nowMs: Date.UTC(2020, 0, 1) })} />);
    expect(screen.queryByTestId('days-behind-bars')).toBeNull();
  });

  it('never shows a photo without consent', () => {
    const withPhoto = { ...caseItem, photo: { file: 'media/boris.jpg', consent: false } };
    const { container } = render(<CaseSlide item={withPhoto} ctx={slideContext()} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('stops the counter on the day of release and says so', () => {
    render(<CaseSlide item={{ ...caseItem, released: '2023-08-03' }} ctx={slideContext()} />);
    // 25 Jul to 3 Aug 2023, both days counted.
    const counter = screen.getByTestId('days-behind-bars');
    expect(counter).toHaveTextContent('10days behind bars');
    expect(counter).toHaveTextContent('Released on August 3, 2023');
    expect(counter).toHaveClass('is-released');
  });

  // The counter's words in every language the app speaks, the number drawn big apart from
  // them: 1 day from the arrest day itself, 1011 days later (a thousands separator).
  it.each([
    ['uk', 22, 'дні за ґратами'],
    ['uk', 1011, 'днів за ґратами'],
    ['ru', 21, 'день за решёткой'],
    ['fr', 1011, 'jours derrière les barreaux'],
    ['en', 1, 'day behind bars'],
  ])('%s: %i days behind bars', (language, days, words) => {
    const nowMs = Date.UTC(2023, 6, 25, 12) + (days - 1) * 86_400_000;
    const { container } = render(
      <CaseSlide item={caseItem} ctx={slideContext({ language, nowMs })} />,
    );
    const number = new Intl.NumberFormat(language).format(days);
    expect(container.querySelector('.case-days-number')?.textContent).toBe(number);
    expect(container.querySelectorAll('.case-days-label')[0]?.textContent).toBe(words);
  });

  it('labels the facts in Ukrainian, which the pack does not have to speak', () => {
    render(<CaseSlide item={caseItem} ctx={slideContext({ language: 'uk' })} />);
    expect(screen.getByText('Заарештовано')).toBeInTheDocument();
    expect(screen.getByText('Станом на September 2023')).toBeInTheDocument();
  });
});
