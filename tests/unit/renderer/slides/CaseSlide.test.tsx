import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseSlide } from '../../../../src/renderer/slides/CaseSlide';
import { caseSchema } from '../../../../src/shared/content';
import { caseItem, pack, slideContext } from '../fixtures';

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
    // An undated `asOf` ("September 2023") is old facts: its date stands beside the counter.
    expect(screen.getByTestId('facts-confirmed')).toHaveTextContent(
      'факти підтверджено: September 2023',
    );
  });

  describe('case records', () => {
    const today = Date.UTC(2026, 11, 6, 12);
    const source = 'https://example.org/report';
    const azat = caseSchema.parse({
      kind: 'case',
      id: 'azat-miftakhov',
      name: { en: 'Azat Miftakhov', ru: 'Азат Мифтахов', fr: 'Azat Miftakhov' },
      custody: [{ from: '2019-02' }],
      charge: 'c',
      status: 's',
      asOf: '2024-03',
      summary: 's',
      sentences: [
        { date: '2021-01-18', years: 6, source },
        { date: '2024-03-28', years: 4, source },
      ],
      events: [
        { date: '2019-02', kind: 'arrest', text: 'Detained in Moscow', source },
        { date: '2021-01-18', kind: 'sentence', text: 'Six years', source },
        { date: '2023-09-04', kind: 'arrest', text: 'Detained at the colony gate', source },
        { date: '2024-03-28', kind: 'sentence', text: 'Four more years', source },
      ],
    });

    it('says "more than N days" and the month for a start known only to the month', () => {
      render(<CaseSlide item={azat} ctx={slideContext({ nowMs: today })} />);
      const counter = screen.getByTestId('days-behind-bars');
      // At least 2,839 days from 28 February 2019: "more than 2,838", never the 2,866 from the 1st.
      expect(counter).toHaveTextContent('more than2,838days behind bars');
      expect(counter).toHaveTextContent('since February 2019');
      expect(counter).not.toHaveTextContent('2,866');
      expect(screen.getByText('February 2019', { selector: 'dd' })).toBeInTheDocument();
    });

    it('speaks "more than" in the slide’s language, with the form the number needs after it', () => {
      render(<CaseSlide item={azat} ctx={slideContext({ nowMs: today, language: 'ru' })} />);
      const counter = screen.getByTestId('days-behind-bars');
      expect(counter).toHaveTextContent(/более2\s838дней за решёткой/);
      expect(counter).toHaveTextContent('начало заключения: февраль 2019');
    });

    it('shows the date of the last confirmation beside the counter once the facts are old', () => {
      render(<CaseSlide item={azat} ctx={slideContext({ nowMs: today })} />);
      expect(screen.getByTestId('facts-confirmed')).toHaveTextContent('facts confirmed March 2024');
      expect(screen.getByTestId('days-behind-bars')).toHaveClass('is-stale');
    });

    it('keeps the small "as of" line, and no warning, while the facts are fresh', () => {
      const fresh = Date.UTC(2024, 4, 30, 12); // 90 days after 1 March 2024
      render(<CaseSlide item={azat} ctx={slideContext({ nowMs: fresh })} />);
      expect(screen.queryByTestId('facts-confirmed')).toBeNull();
      expect(screen.getByText(/As of March 2024/)).toBeInTheDocument();
    });

    it('follows the pack’s limit', () => {
      const fresh = Date.UTC(2024, 4, 30, 12);
      const strict = { ...pack, cases: { factsMaxAgeDays: 30 } };
      render(<CaseSlide item={azat} ctx={slideContext({ nowMs: fresh, pack: strict })} />);
      expect(screen.getByTestId('facts-confirmed')).toHaveTextContent('March 2024');
    });

    it('shows the latest sentence and the latest three events, newest first', () => {
      const boris = caseSchema.parse({
        ...azat,
        sentences: [{ date: '2024-02-13', years: 5, regime: 'general', source }],
      });
      render(<CaseSlide item={boris} ctx={slideContext({ nowMs: today })} />);
      expect(screen.getByTestId('case-sentence')).toHaveTextContent(
        '5 years, general-regime colony · February 13, 2024',
      );
      const events = screen.getAllByRole('listitem').map((li) => li.textContent);
      expect(events).toEqual([
        'March 28, 2024 Four more years',
        'September 4, 2023 Detained at the colony gate',
        'January 18, 2021 Six years',
      ]);
    });

    it('counts two periods without the days between them', () => {
      const boris = caseSchema.parse({
        ...azat,
        custody: [{ from: '2023-07-25', until: '2023-12-12' }, { from: '2024-02-13' }],
      });
      render(<CaseSlide item={boris} ctx={slideContext({ nowMs: today })} />);
      const counter = screen.getByTestId('days-behind-bars');
      expect(counter).toHaveTextContent('1,169days behind bars');
      expect(counter).not.toHaveTextContent('more than');
      expect(counter).not.toHaveClass('is-released');
    });
  });
});
