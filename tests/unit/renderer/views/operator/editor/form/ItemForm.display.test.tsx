import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WidgetProps } from '../../../../../../../src/renderer/views/operator/editor/form/spec';
import { renderForm, type } from './render-form';

describe('ItemForm: what it shows', () => {
  it('shows problems at their inputs, counting list positions from 1', () => {
    renderForm(
      'case',
      {
        kind: 'case',
        events: [
          { date: '2023-07-25', kind: 'arrest', text: 'Arrested', source: 'https://a.example' },
          { date: '2024-02', kind: 'sentence', text: { en: 'Five years' }, source: 'x' },
        ],
      },
      {
        problems: [
          { field: 'events.2.text.ru', severity: 'warning', message: 'no Russian text' },
          { field: 'events.1.date', severity: 'error', message: 'bad date' },
          { field: 'photo.bogus', severity: 'error', message: 'unknown field bogus' },
        ],
      },
    );
    const events = screen.getByRole('group', { name: 'Steps of the case' });
    const first = within(events).getByRole('group', { name: 'Entry 1' });
    const second = within(events).getByRole('group', { name: 'Entry 2' });
    const firstDate = within(first).getByLabelText('When *');
    expect(firstDate).toHaveAccessibleDescription(/bad date/);
    expect(firstDate).toHaveAttribute('aria-invalid', 'true');
    expect(within(first).queryByText(/no Russian text/)).toBeNull();
    const secondText = within(second).getByLabelText('Text *');
    expect(secondText).toHaveAccessibleDescription(/no Russian text/);
    expect(
      within(second)
        .getByText(/no Russian text/)
        .closest('li'),
    ).toHaveClass('form-problem--warning');
    expect(within(second).getByRole('tab', { name: /RU/ })).toHaveClass('form-tab--problem');
    const top = screen.getByRole('region', { name: 'Problems outside the form’s fields' });
    expect(within(top).getByText(/unknown field bogus/)).toHaveClass('form-problem--error');
    expect(within(top).getByText('photo.bogus')).toBeInTheDocument();
  });

  it('draws widget types with the registry’s widgets, with a plain fallback', () => {
    function FakeRef({ path, value, onChange, context }: WidgetProps) {
      return (
        <button type="button" onClick={() => onChange('loop')}>
          {`ref ${path.join('/')} ${String(value)} of ${context.items.length}`}
        </button>
      );
    }
    const form = renderForm(
      'setlist',
      { kind: 'setlist', title: 'Concert', songs: ['song-a'], interlude: 'old' },
      { widgets: { itemRef: FakeRef } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'ref interlude old of 3' }));
    expect(form.latest().interlude).toBe('loop');
    // The songs are a draggable list (`playlistEntries`), not a reference per entry.
    expect(screen.queryByRole('button', { name: /^ref songs/ })).toBeNull();
  });

  it('without widgets, a reference is a choice of the pack’s items of its kind', () => {
    const form = renderForm('setlist', {
      kind: 'setlist',
      title: 'Concert',
      songs: ['song-a'],
      interlude: 'gone',
    });
    const interlude = screen.getByLabelText('Between songs');
    const options = within(interlude)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['None', 'gone (not in the pack)', 'Main loop · loop']);
    fireEvent.change(interlude, { target: { value: 'loop' } });
    expect(form.latest().interlude).toBe('loop');
  });

  it('shows a live QR for a web link, never for javascript: or file:', () => {
    renderForm('action', {
      kind: 'action',
      title: 'Sign',
      url: 'https://example.org/sign',
      callToAction: 'Sign',
    });
    const qr = () => document.querySelector('svg[data-qr-value]');
    expect(qr()).toHaveAttribute('data-qr-value', 'https://example.org/sign');
    const url = screen.getByLabelText('Link *');
    type(url, 'javascript:alert(1)');
    expect(qr()).toBeNull();
    expect(screen.getByText(/Not a web link/)).toBeInTheDocument();
    type(url, 'file:///etc/passwd');
    expect(qr()).toBeNull();
    type(url, 'https://example.org/other');
    expect(qr()).toHaveAttribute('data-qr-value', 'https://example.org/other');
  });

  it('shows sensitive on a case, on by default, and writes the choice to turn it off', () => {
    const form = renderForm('case', { kind: 'case', name: 'Boris' });
    const sensitive = screen.getByRole('checkbox', { name: 'Sensitive' });
    expect(sensitive).toBeChecked();
    expect(sensitive).toHaveAccessibleDescription(/safe mode/);
    fireEvent.click(sensitive);
    expect(form.latest().sensitive).toBe(false);
  });

  it('shows no catalog key as a hint (an action’s "type" field)', () => {
    renderForm('action', { kind: 'action', title: 'T', url: 'https://e.org', callToAction: 'C' });
    expect(document.body).not.toHaveTextContent(/form\.(hint|typeHint|field)/);
    expect(screen.getByLabelText('Kind of action')).not.toHaveAccessibleDescription();
  });
});
