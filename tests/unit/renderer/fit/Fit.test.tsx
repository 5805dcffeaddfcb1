import { act, render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fit, FitBatch } from '../../../../src/renderer/fit/Fit';

/**
 * jsdom lays nothing out, so the sizes are faked: a box 400 px high whose content needs
 * 40 px per character of text at full size, scaled by the element's --fit.
 */
let fontWidth = 1;

function fakeLayout() {
  fontWidth = 1;
  const scale = (element: HTMLElement) => Number(element.style.getPropertyValue('--fit') || 1);
  const spies = [
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(400),
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return Math.max(400, 40 * fontWidth * (this.textContent?.length ?? 0) * scale(this));
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

  const scales = (container: HTMLElement) =>
    [...container.querySelectorAll<HTMLElement>('.fit')].map((e) =>
      Number(e.style.getPropertyValue('--fit')),
    );

  it('in a FitBatch, fits every box before the frame, to the same scales as alone', () => {
    const boxes = (
      <>
        <Fit>{'a'.repeat(21)}</Fit>
        <Fit>{'b'.repeat(37)}</Fit>
        <Fit>short</Fit>
      </>
    );
    const alone = render(<div>{boxes}</div>);
    const together = render(<FitBatch>{boxes}</FitBatch>);
    expect(scales(together.container)).toEqual(scales(alone.container));
    expect(scales(together.container)[1]).toBeLessThan(0.3);
  });

  it('in the background, fits over later tasks; going on air finishes it at once', async () => {
    vi.useFakeTimers();
    try {
      const boxes = (
        <>
          <Fit>{'c'.repeat(23)}</Fit>
          <Fit>{'d'.repeat(41)}</Fit>
        </>
      );
      const expected = scales(render(<div>{boxes}</div>).container);
      const { container, rerender } = render(<FitBatch background>{boxes}</FitBatch>);
      // Nothing is fitted during the commit: the work waits for idle moments.
      expect(scales(container)).toEqual([0, 0]);
      rerender(<FitBatch>{boxes}</FitBatch>);
      expect(scales(container)).toEqual(expected);

      const later = render(<FitBatch background>{boxes}</FitBatch>);
      await act(async () => vi.advanceTimersByTimeAsync(1_000));
      expect(scales(later.container)).toEqual(expected);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fits again for a font that finished loading before the box listened for it', () => {
    // The page's fonts: all loaded when the box is fitted, as a cached face is.
    const fonts = Object.assign(new EventTarget(), { status: 'loaded' });
    Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
    /** Runs after the box's fit and before its effects: a wider face arrives in between. */
    function WiderFaceArrives() {
      useLayoutEffect(() => {
        fontWidth = 1.5;
        fonts.dispatchEvent(new Event('loadingdone'));
      }, []);
      return null;
    }
    try {
      const { container } = render(
        <>
          <Fit>{'e'.repeat(20)}</Fit>
          <WiderFaceArrives />
        </>,
      );
      const box = container.firstElementChild as HTMLElement;
      // 20 characters at 1.5× the width need 1200 px at full size: a third fits, not a half.
      expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
      expect(fit(container)).toBeLessThan(0.34);
    } finally {
      Reflect.deleteProperty(document, 'fonts');
    }
  });
});
