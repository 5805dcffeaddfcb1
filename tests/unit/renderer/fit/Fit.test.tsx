import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fit } from '../../../../src/renderer/fit/Fit';

/**
 * jsdom lays nothing out, so the sizes are faked: a box 400 px high whose content needs
 * 40 px per character of text at full size, scaled by the element's --fit.
 */
function fakeLayout() {
  const scale = (element: HTMLElement) => Number(element.style.getPropertyValue('--fit') || 1);
  const spies = [
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return Math.max(400, 40 * (this.textContent?.length ?? 0) * scale(this));
    }),
  ];
  return () => spies.forEach((spy) => spy.mockRestore());
}

describe('Fit', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = fakeLayout();
  });
  afterEach(() => restore());

  const fit = (container: HTMLElement) =>
    Number((container.firstElementChild as HTMLElement).style.getPropertyValue('--fit'));

  it('leaves short text at its designed size', () => {
    const { container } = render(<Fit className="box">Short</Fit>);
    expect(fit(container)).toBe(1);
    expect(container.firstElementChild).toHaveClass('fit', 'box');
  });

  it('shrinks long text until it fits, and grows it back when the text gets shorter', () => {
    const { container, rerender } = render(<Fit>{'x'.repeat(20)}</Fit>);
    // 20 characters need 800 px at full size: half size fits.
    expect(fit(container)).toBeLessThanOrEqual(0.5);
    expect(fit(container)).toBeGreaterThan(0.48);
    rerender(<Fit>{'x'.repeat(5)}</Fit>);
    expect(fit(container)).toBe(1);
  });

  it('renders the tag it is asked for', () => {
    const { container } = render(
      <Fit as="ol">
        <li>one</li>
      </Fit>,
    );
    expect(container.firstElementChild?.tagName).toBe('OL');
  });

  it('does not fit again when re-rendered with the same markup (each fit forces layouts)', () => {
    const reads = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get');
    const { rerender } = render(<Fit watch="en">{'y'.repeat(30)}</Fit>);
    const afterFirst = reads.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    // New children objects, the same text: as on every tick of the display's clock.
    rerender(<Fit watch="en">{'y'.repeat(30)}</Fit>);
    expect(reads.mock.calls.length).toBe(afterFirst);
    rerender(<Fit watch="en">{'y'.repeat(31)}</Fit>);
    expect(reads.mock.calls.length).toBeGreaterThan(afterFirst);
  });
});
