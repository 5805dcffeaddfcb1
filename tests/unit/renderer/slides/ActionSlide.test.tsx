import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActionSlide } from '../../../../src/renderer/slides/ActionSlide';
import { actionItem, pack, slideContext } from '../fixtures';

const qrValue = (container: HTMLElement) =>
  container.querySelector('svg[data-qr-value]')?.getAttribute('data-qr-value');

describe('ActionSlide', () => {
  it('shows the title, the call to action, the short URL and the QR code', () => {
    const { container } = render(<ActionSlide item={actionItem} ctx={slideContext()} />);
    expect(
      screen.getByRole('heading', { name: 'The campaign for Boris Kagarlitsky' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Sign a petition, come to an action!')).toBeInTheDocument();
    expect(screen.getByText('freeboris.info')).toBeInTheDocument();
    expect(qrValue(container)).toBe('https://freeboris.info/');
  });

  it('tags the link only when the item asks and the pack has a tag', () => {
    const ctx = slideContext({
      pack: { ...pack, campaignTag: { source: 'screens', campaign: 'free-boris' } },
    });
    const untagged = render(<ActionSlide item={actionItem} ctx={ctx} />);
    expect(qrValue(untagged.container)).toBe('https://freeboris.info/');
    untagged.unmount();
    const tagged = render(<ActionSlide item={{ ...actionItem, tagLink: true }} ctx={ctx} />);
    expect(qrValue(tagged.container)).toBe(
      'https://freeboris.info/?utm_source=screens&utm_campaign=free-boris',
    );
  });

  it("tags the link with the view's tag of the moment (playlist or event) over the pack's", () => {
    const ctx = slideContext({
      pack: { ...pack, campaignTag: { source: 'screens' } },
      campaignTag: { source: 'concert', medium: 'stage' },
    });
    const { container } = render(<ActionSlide item={{ ...actionItem, tagLink: true }} ctx={ctx} />);
    expect(qrValue(container)).toBe('https://freeboris.info/?utm_source=concert&utm_medium=stage');
  });

  it('prints the URL without its scheme when there is no short URL', () => {
    render(<ActionSlide item={{ ...actionItem, shortUrl: undefined }} ctx={slideContext()} />);
    expect(screen.getByText('freeboris.info')).toBeInTheDocument();
  });
});
