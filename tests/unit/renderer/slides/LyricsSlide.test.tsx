import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LyricsSlide } from '../../../../src/renderer/slides/LyricsSlide';
import { slideContext, songWithLyrics, songWithoutLyrics } from '../fixtures';

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

  it('shows no translation when the screen speaks the original language', () => {
    render(<LyricsSlide item={songWithLyrics} ctx={slideContext({ language: 'ru' })} />);
    expect(screen.getByText('Весь мир голодных и рабов!')).toBeInTheDocument();
    expect(screen.queryByText('The whole world of the hungry and the slaves!')).toBeNull();
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
});
