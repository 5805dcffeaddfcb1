import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LyricsSlide } from '../../../../src/renderer/slides/LyricsSlide';
import { pack, slideContext, songWithLyrics, songWithoutLyrics } from '../fixtures';

describe('LyricsSlide', () => {
  it('shows the title and a stanza: the original with the translation under it', () => {
    const { container } = render(<LyricsSlide item={songWithLyrics} ctx={slideContext()} />);
    expect(screen.getByRole('heading', { name: 'The Internationale' })).toBeInTheDocument();
    expect(screen.getByText('Verse 1')).toBeInTheDocument();
    const original = screen.getByText('Вставай, проклятьем заклеймённый,');
    expect(original).toHaveClass('lyric-original');
    expect(original).toHaveAttribute('lang', 'ru');
    const translation = screen.getByText('Arise, you who are branded with a curse,');
    expect(translation).toHaveClass('lyric-translation');
    expect(container.querySelectorAll('.lyric')).toHaveLength(2);
  });

  it('when the screen speaks the original, translates into another language it speaks', () => {
    render(<LyricsSlide item={songWithLyrics} ctx={slideContext({ language: 'ru' })} />);
    expect(screen.getByText('Весь мир голодных и рабов!')).toHaveClass('lyric-original');
    expect(screen.getByText('The whole world of the hungry and the slaves!')).toHaveAttribute(
      'lang',
      'en',
    );
  });

  it('shows no translation when the screen speaks only the original language', () => {
    const ruOnly = { ...pack, display: { ...pack.display, languages: ['ru'] } };
    render(
      <LyricsSlide item={songWithLyrics} ctx={slideContext({ language: 'ru', pack: ruOnly })} />,
    );
    expect(screen.getByText('Весь мир голодных и рабов!')).toBeInTheDocument();
    expect(screen.queryByText('The whole world of the hungry and the slaves!')).toBeNull();
  });

  it('shows the stanza the slide has reached, splitting its time on air', () => {
    const twoStanzas = {
      ...songWithLyrics,
      sections: [
        ...songWithLyrics.sections,
        {
          label: { en: 'Refrain' },
          lines: [{ ru: 'Это есть наш последний', en: 'This is our last' }],
        },
      ],
    };
    const timing = {
      durationMs: 40_000,
      paused: true,
      remainingMs: 15_000,
      startedAt: 0,
      clockOffsetMs: 0,
    };
    render(<LyricsSlide item={twoStanzas} ctx={slideContext({ timing })} />);
    expect(screen.getByText('Refrain')).toBeInTheDocument();
    expect(screen.getByText('Это есть наш последний')).toBeInTheDocument();
  });

  it('shows title, artist, description and a QR code to the video for a song without lyrics', () => {
    const { container } = render(<LyricsSlide item={songWithoutLyrics} ctx={slideContext()} />);
    expect(screen.getByRole('heading', { name: 'Галеон / Il Galeone' })).toBeInTheDocument();
    expect(screen.getByText('Arkadiy Kots Band')).toBeInTheDocument();
    expect(screen.getByText('A version of an iconic Italian song.')).toBeInTheDocument();
    expect(container.querySelector('svg[data-qr-value]')?.getAttribute('data-qr-value')).toBe(
      'https://youtu.be/ahmUh7oj7Z8',
    );
  });

  it('follows the core’s lyrics cursor: its stanza, its line marked, the sung ones dimmed', () => {
    const twoStanzas = {
      ...songWithLyrics,
      sections: [
        ...songWithLyrics.sections,
        {
          label: { en: 'Refrain' },
          lines: [
            { ru: 'Это есть наш последний', en: 'This is our last' },
            { ru: 'И решительный бой;', en: 'And decisive battle;' },
          ],
        },
      ],
    };
    // Line 3 over the whole song: the second line of the second stanza.
    const { container } = render(
      <LyricsSlide item={twoStanzas} ctx={slideContext({ lyricsLine: 3 })} />,
    );
    expect(screen.getByText('Refrain')).toBeInTheDocument();
    expect(container.querySelector('.slide-lyrics')).toHaveClass('has-cursor');
    const current = container.querySelector('[aria-current="true"]');
    expect(current).toHaveTextContent('И решительный бой;');
    expect(container.querySelector('.lyric.is-sung')).toHaveTextContent('Это есть наш последний');
  });
});
