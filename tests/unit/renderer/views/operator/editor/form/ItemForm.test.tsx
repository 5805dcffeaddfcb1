import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderForm, type } from './render-form';

describe('ItemForm: editing the value', () => {
  it('edits a localized text per language, the default language first', () => {
    const form = renderForm('statement', { kind: 'statement', text: { en: 'Free them' } });
    const field = screen.getByLabelText('Text *').closest('.form-field') as HTMLElement;
    const tabs = within(field).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent?.slice(0, 2))).toEqual(['EN', 'RU', 'FR']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[1]).toHaveTextContent('missing');
    type(screen.getByLabelText('Text *'), 'Free Boris');
    fireEvent.click(tabs[1]!);
    expect(within(field).getByRole('tab', { name: /RU/ })).toHaveAttribute('aria-selected', 'true');
    type(screen.getByLabelText('Text *'), 'Свободу Борису');
    expect(form.latest()).toEqual({
      kind: 'statement',
      text: { en: 'Free Boris', ru: 'Свободу Борису' },
    });
    expect(within(field).getByRole('tab', { name: /RU/ })).not.toHaveTextContent('missing');
  });

  it('leaves an emptied optional field out of the file, and writes no defaults', () => {
    const form = renderForm('action', {
      kind: 'action',
      title: 'Sign',
      url: 'https://example.org/sign',
      callToAction: 'Sign now',
      shortUrl: 'example.org/sign',
    });
    // The default is shown, not written.
    expect(screen.getByLabelText('Kind of action')).toHaveDisplayValue('Default: Website');
    type(screen.getByLabelText('Printed link'), '');
    expect(form.latest()).not.toHaveProperty('shortUrl');
    expect(form.latest()).not.toHaveProperty('type');
    expect(form.latest()).not.toHaveProperty('tagLink');
    expect(form.latest()).toMatchObject({ kind: 'action', title: 'Sign' });
  });

  it('removes a localized field whose every language is emptied', () => {
    const form = renderForm('statement', {
      kind: 'statement',
      text: 'x',
      author: { en: 'Azat' },
    });
    type(screen.getByLabelText('Author'), '');
    expect(form.latest()).toEqual({ kind: 'statement', text: 'x' });
  });

  it('moves and removes list entries', () => {
    const link = (name: string) => ({ label: { en: name }, url: `https://${name}.example` });
    const cases = renderForm('case', {
      kind: 'case',
      links: [link('a'), link('b'), link('c')],
    });
    const links = () => (cases.latest().links as { url: string }[]).map((l) => l.url);
    expect(screen.getByRole('button', { name: 'Move entry 1 up' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 1 down' }));
    expect(links()).toEqual(['https://b.example', 'https://a.example', 'https://c.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 3 up' }));
    expect(links()).toEqual(['https://b.example', 'https://c.example', 'https://a.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove entry 1' }));
    expect(links()).toEqual(['https://c.example', 'https://a.example']);
  });

  it('keeps what the file says when an input cannot show it', () => {
    const form = renderForm('event', {
      kind: 'event',
      title: 'Concert',
      start: 'next friday',
      timeZone: 'Mars/Olympus',
    });
    expect(screen.getByLabelText('Starts *')).toHaveValue('next friday');
    const zone = screen.getByLabelText('Time zone *');
    expect(zone).toHaveValue('Mars/Olympus');
    expect(zone).toHaveClass('form-input--unknown');
    type(screen.getByLabelText('Address'), 'Main hall');
    expect(form.latest()).toMatchObject({ start: 'next friday', timeZone: 'Mars/Olympus' });
  });

  it('writes a date with an optional time', () => {
    const form = renderForm('event', { kind: 'event', title: 'C', start: '2026-10-01' });
    const date = screen.getByLabelText('Starts *', { selector: 'input[type=date]' });
    expect(date).toHaveValue('2026-10-01');
    const start = date.closest('.form-field') as HTMLElement;
    const time = start.querySelector('input[type=time]') as HTMLInputElement;
    // Its name says whose time it is: "Starts", then "Time".
    expect(time).toHaveAccessibleName(/Starts.*Time/);
    type(time, '19:30');
    expect(form.latest().start).toBe('2026-10-01T19:30');
    type(time, '');
    expect(form.latest().start).toBe('2026-10-01');
  });
});
