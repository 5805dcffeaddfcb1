import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_DRAG_TYPE,
  PlaylistEntriesField,
} from '../../../../../../../src/renderer/views/operator/editor/widgets/PlaylistEntriesField';
import { context, renderWidget } from './harness';

const spec = { type: 'playlistEntries' } as const;
const entries = () => screen.getAllByRole('listitem', { name: /^Entry \d+ of/ });
const entry = (n: number) => entries()[n - 1]!;

/** A drag as the browser carries it: what was set on dragstart is read back on drop. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    data,
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'all',
  };
}

describe('PlaylistEntriesField', () => {
  it('moves an entry by its buttons, and focus follows it', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky', 'miftakhov', 'kots-band'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 3 up' }));
    expect(form.last()).toEqual(['kagarlitsky', 'kots-band', 'miftakhov']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move entry 2 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move entry 1 down' }));
    expect(form.last()).toEqual(['kots-band', 'kagarlitsky', 'miftakhov']);
    expect(screen.getByRole('button', { name: 'Move entry 1 up' })).toBeDisabled();
  });

  it('moves an entry dropped on another, options and all', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: [{ item: 'kagarlitsky', duration: 20 }, 'miftakhov', 'kots-band'],
    });
    const drag = dataTransfer();
    fireEvent.dragStart(entry(1), { dataTransfer: drag });
    fireEvent.dragOver(entry(3), { dataTransfer: drag });
    fireEvent.drop(entry(3), { dataTransfer: drag });
    expect(form.last()).toEqual(['miftakhov', 'kots-band', { item: 'kagarlitsky', duration: 20 }]);
  });

  it('ignores a drop that is not one of its own entries', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky', 'miftakhov'],
    });
    const forged = dataTransfer();
    forged.setData(ENTRY_DRAG_TYPE, JSON.stringify({ list: 'another-list', index: 0 }));
    fireEvent.drop(entry(2), { dataTransfer: forged });
    const text = dataTransfer();
    text.setData('text/plain', '0');
    fireEvent.drop(entry(2), { dataTransfer: text });
    expect(form.changes).toEqual([]);
  });

  it('writes the object form while an option is set, and the short form once none is', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky'],
    });
    const row = within(entry(1));
    fireEvent.change(row.getByLabelText('Seconds'), { target: { value: '25' } });
    expect(form.last()).toEqual([{ item: 'kagarlitsky', duration: 25 }]);
    fireEvent.change(row.getByLabelText('Until', { selector: 'input[type=date]' }), {
      target: { value: '2026-12-31' },
    });
    expect(form.last()).toEqual([{ item: 'kagarlitsky', duration: 25, until: '2026-12-31' }]);
    fireEvent.change(row.getByLabelText('Seconds'), { target: { value: '' } });
    fireEvent.change(row.getByLabelText('Until', { selector: 'input[type=date]' }), {
      target: { value: '' },
    });
    expect(form.last()).toEqual(['kagarlitsky']);
  });

  it('keeps keys it does not know (a hand-written typo) instead of dropping them', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: [{ item: 'kagarlitsky', duraton: 20 }],
    });
    fireEvent.change(within(entry(1)).getByLabelText('From', { selector: 'input[type=date]' }), {
      target: { value: '2026-01-01' },
    });
    fireEvent.change(within(entry(1)).getByLabelText('From', { selector: 'input[type=date]' }), {
      target: { value: '' },
    });
    expect(form.last()).toEqual([{ item: 'kagarlitsky', duraton: 20 }]);
  });

  it('takes a time of day too, and shows a day-and-time entry without losing its time', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: [{ item: 'kagarlitsky', until: '2026-12-12T19:00' }],
    });
    const row = within(entry(1));
    expect(row.getByLabelText('Until', { selector: 'input[type=date]' })).toHaveValue('2026-12-12');
    const time = row.getByLabelText(/Until/, { selector: 'input[type=time]' });
    expect(time).toHaveValue('19:00');
    fireEvent.change(time, { target: { value: '18:30' } });
    expect(form.last()).toEqual([{ item: 'kagarlitsky', until: '2026-12-12T18:30' }]);
  });

  it('adds any item found by title or id, but never a playlist or a setlist', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky'],
    });
    const search = screen.getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'con' } });
    expect(screen.queryByRole('button', { name: 'Add “Concert setlist”' })).toBeNull();
    fireEvent.change(search, { target: { value: 'main' } });
    expect(screen.getByText('No item matches.')).toBeInTheDocument();
    fireEvent.change(search, { target: { value: 'kots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add “Arkadiy Kots Band — Стены”' }));
    expect(form.last()).toEqual(['kagarlitsky', 'kots-band']);
  });

  it('marks an entry whose item does not exist, and shows the problems saved at its position', () => {
    renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky', 'test-sunn'],
      context: {
        ...context,
        problems: [
          { field: 'items.2', message: 'no item with id "test-sunn"', severity: 'error' },
          { field: 'items.1.duration', message: 'too long', severity: 'error' },
        ],
      },
    });
    expect(within(entry(2)).getByText('No item with this id: test-sunn')).toBeInTheDocument();
    expect(within(entry(2)).getByText('no item with id "test-sunn"')).toBeInTheDocument();
    expect(within(entry(1)).getByText('too long')).toBeInTheDocument();
    expect(within(entry(1)).queryByText(/No item with this id/)).toBeNull();
  });

  it("a setlist's songs: only songs can be added, and entries have no duration or dates", () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['songs'],
      spec: { type: 'playlistEntries', kinds: ['song'], entryOptions: false },
      value: ['kots-band'],
    });
    expect(screen.queryByRole('spinbutton')).toBeNull();
    const search = screen.getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'kagarlitsky' } });
    expect(screen.getByText('No item matches.')).toBeInTheDocument();
    fireEvent.change(search, { target: { value: 'kots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add “Arkadiy Kots Band — Стены”' }));
    expect(form.last()).toEqual(['kots-band', 'kots-band']);
  });

  it('removes an entry', () => {
    const form = renderWidget(PlaylistEntriesField, {
      path: ['items'],
      spec,
      value: ['kagarlitsky', 'miftakhov', 'kagarlitsky'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove entry 2' }));
    expect(form.last()).toEqual(['kagarlitsky', 'kagarlitsky']);
  });
});
