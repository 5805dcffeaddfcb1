import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ItemRefField } from '../../../../../../../src/renderer/views/operator/editor/widgets/ItemRefField';
import { renderWidget } from './harness';

const optionTexts = () =>
  within(screen.getByRole('combobox', { name: 'Item' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('ItemRefField', () => {
  it('offers the items of the kinds the field takes, each with its title and id', () => {
    renderWidget(ItemRefField, {
      path: ['interlude'],
      spec: { type: 'itemRef', kinds: ['playlist'] },
    });
    expect(optionTexts()).toEqual(['— none —', 'Main loop · main (Playlist)']);
  });

  it('narrows the choice by a search over titles and ids, blind to case and accents', () => {
    renderWidget(ItemRefField, { path: ['item'], spec: { type: 'itemRef', kinds: [] } });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'ecrire' } });
    expect(optionTexts()).toEqual(['— none —', 'Écrire une lettre · letter-drive (Action)']);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'MIFT' } });
    expect(optionTexts()).toEqual(['— none —', 'Azat Miftakhov · miftakhov (Case)']);
  });

  it('writes the chosen id, and nothing when "none" is chosen', () => {
    const form = renderWidget(ItemRefField, {
      path: ['item'],
      spec: { type: 'itemRef', kinds: ['case'] },
    });
    const select = screen.getByRole('combobox', { name: 'Item' });
    fireEvent.change(select, { target: { value: 'miftakhov' } });
    expect(form.last()).toBe('miftakhov');
    fireEvent.change(select, { target: { value: '' } });
    expect(form.last()).toBeUndefined();
  });

  it('keeps an unknown id chosen and visible, marked, instead of quietly dropping it', () => {
    const form = renderWidget(ItemRefField, {
      path: ['interlude'],
      spec: { type: 'itemRef', kinds: ['playlist'] },
      value: 'mian',
    });
    const select = screen.getByRole('combobox', { name: 'Item' });
    expect(select).toHaveValue('mian');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(optionTexts()).toContain('mian (no such item)');
    expect(screen.getByRole('alert')).toHaveTextContent('No item with this id: mian');
    expect(form.changes).toEqual([]);
  });

  it('keeps the chosen item listed when the search leaves it out', () => {
    renderWidget(ItemRefField, {
      path: ['item'],
      spec: { type: 'itemRef', kinds: [] },
      value: 'kagarlitsky',
    });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByRole('combobox', { name: 'Item' })).toHaveValue('kagarlitsky');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('No item matches.')).toBeInTheDocument();
  });
});
