import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ItemForm } from '../../../../../../../src/renderer/views/operator/editor/form/ItemForm';
import type {
  EditorContext,
  WidgetProps,
  WidgetRegistry,
} from '../../../../../../../src/renderer/views/operator/editor/form/spec';
import type { ItemKind } from '../../../../../../../src/shared/content';
import type { FieldProblem, ItemBody } from '../../../../../../../src/shared/protocol/content-api';

const baseContext: EditorContext = {
  languages: ['en', 'ru', 'fr'],
  defaultLanguage: 'en',
  items: [
    { id: 'boris', kind: 'case', title: 'Boris Kagarlitsky' },
    { id: 'loop', kind: 'playlist', title: 'Main loop' },
    { id: 'song-a', kind: 'song', title: 'Song A' },
  ],
  problems: [],
};

/** The form as the editor holds it: every change replaces the value; `latest()` reads it. */
function renderForm(
  kind: ItemKind,
  initial: ItemBody,
  options: { problems?: FieldProblem[]; widgets?: WidgetRegistry } = {},
) {
  let latest: ItemBody = initial;
  const context = { ...baseContext, problems: options.problems ?? [] };
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <ItemForm
        kind={kind}
        value={value}
        onChange={(next) => {
          latest = next;
          setValue(next);
        }}
        context={context}
        {...(options.widgets ? { widgets: options.widgets } : {})}
      />
    );
  }
  render(<Harness />);
  return { latest: () => latest };
}

function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
}

describe('ItemForm', () => {
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
    expect(screen.getByLabelText('Kind of action')).toHaveDisplayValue('Default: site');
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
    const form = renderForm('setlist', {
      kind: 'setlist',
      title: 'Concert',
      songs: ['a', 'b', 'c'],
    });
    expect(screen.getByRole('button', { name: 'Move entry 1 up' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 1 down' }));
    expect(form.latest().songs).toEqual(['b', 'a', 'c']);
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 3 up' }));
    expect(form.latest().songs).toEqual(['b', 'c', 'a']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove entry 1' }));
    expect(form.latest().songs).toEqual(['c', 'a']);
  });

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
    expect(screen.getByRole('button', { name: 'ref songs/0 song-a of 3' })).toBeInTheDocument();
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

describe('ItemForm hints', () => {
  it('shows no catalog key as a hint (an action’s "type" field)', () => {
    renderForm('action', { kind: 'action', title: 'T', url: 'https://e.org', callToAction: 'C' });
    expect(document.body).not.toHaveTextContent(/form\.(hint|typeHint|field)/);
    expect(screen.getByLabelText('Kind of action')).not.toHaveAccessibleDescription();
  });
});
