import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventSlide } from '../../../../src/renderer/slides/EventSlide';
import { eventItem, slideContext } from '../fixtures';

describe('EventSlide', () => {
  it('shows the title, the date and time in the event zone, the venue and the address', () => {
    render(<EventSlide item={eventItem} ctx={slideContext({ nowMs: Date.UTC(2023, 8, 28) })} />);
    expect(
      screen.getByRole('heading', { name: 'Concert in solidarity with Azat Miftakhov' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Sunday, October 1, 2023')).toBeInTheDocument();
    expect(screen.getByText(/7:30\sPM/)).toBeInTheDocument();
    expect(screen.getByText('Au Soleil de la Butte')).toBeInTheDocument();
    expect(screen.getByText('32 Rue Muller, Paris')).toBeInTheDocument();
    expect(screen.getByText('in 3 days')).toBeInTheDocument();
  });

  it('says today on the day, before and after the start', () => {
    const { rerender } = render(
      <EventSlide item={eventItem} ctx={slideContext({ nowMs: Date.UTC(2023, 9, 1, 6) })} />,
    );
    expect(screen.getByText('Today')).toBeInTheDocument();
    rerender(
      <EventSlide item={eventItem} ctx={slideContext({ nowMs: Date.UTC(2023, 9, 1, 19) })} />,
    );
    expect(screen.getByText('Today')).toBeInTheDocument();
  });

  it('marks a past event', () => {
    render(<EventSlide item={eventItem} ctx={slideContext()} />);
    expect(screen.getByText('Past')).toHaveAttribute('data-status', 'past');
  });

  it('says tomorrow the day before, in French too', () => {
    render(
      <EventSlide
        item={eventItem}
        ctx={slideContext({ nowMs: Date.UTC(2023, 8, 30, 10), language: 'fr' })}
      />,
    );
    expect(screen.getByText('Demain')).toBeInTheDocument();
  });

  it('counts down to the start on the day', () => {
    // 14:00 in Paris, the concert at 19:30.
    render(<EventSlide item={eventItem} ctx={slideContext({ nowMs: Date.UTC(2023, 9, 1, 12) })} />);
    expect(screen.getByText('Today')).toBeInTheDocument();
    expect(screen.getByText('Starts in 5 h 30 min')).toBeInTheDocument();
  });

  it('offers the link as a QR code until the event is over', () => {
    const withUrl = { ...eventItem, url: 'https://example.org/concert' };
    const before = render(
      <EventSlide item={withUrl} ctx={slideContext({ nowMs: Date.UTC(2023, 8, 28) })} />,
    );
    expect(before.container.querySelector('svg[data-qr-value]')).toHaveAttribute(
      'data-qr-value',
      'https://example.org/concert',
    );
    before.unmount();
    const after = render(<EventSlide item={withUrl} ctx={slideContext()} />);
    expect(after.container.querySelector('svg[data-qr-value]')).toBeNull();
  });

  it.each([
    ['uk', 'через 2 дні'],
    ['ru', 'через 2 дня'],
    ['fr', 'dans 2 jours'],
  ])('%s: counts the days to come in the slide language', (language, words) => {
    // 29 Sep, two days before the concert on 1 Oct.
    render(
      <EventSlide
        item={eventItem}
        ctx={slideContext({ nowMs: Date.UTC(2023, 8, 29, 10), language })}
      />,
    );
    expect(screen.getByText(words)).toBeInTheDocument();
  });

  it('counts down to the start in Ukrainian', () => {
    render(
      <EventSlide
        item={eventItem}
        ctx={slideContext({ nowMs: Date.UTC(2023, 9, 1, 12), language: 'uk' })}
      />,
    );
    expect(screen.getByText('Сьогодні')).toBeInTheDocument();
    expect(screen.getByText('Початок через 5 год 30 хв')).toBeInTheDocument();
  });
});
