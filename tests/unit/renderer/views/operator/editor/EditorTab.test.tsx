import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { caseBody, fakeApi, renderEditor, V1, V2 } from './fake-api';

vi.mock('../../../../../../src/renderer/views/operator/editor/form/ItemForm', async () => ({
  ItemForm: (await import('./fake-form')).FakeItemForm,
}));

async function openBoris() {
  fireEvent.click(await screen.findByTestId('open-boris-kagarlitsky'));
  return screen.findByLabelText('name.en');
}

describe('the editor list', () => {
  it('lists items by kind with their problems counted, and searches ids and every language', async () => {
    renderEditor();
    const list = await screen.findByTestId('item-list');
    const headings = within(list)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(headings).toEqual(['Cases', 'Songs', 'Playlists']);
    const azat = screen.getByTestId('open-azat-miftakhov');
    expect(within(azat).getByText('2 errors')).toBeInTheDocument();
    expect(within(azat).getByText('1 warning')).toBeInTheDocument();
    const search = screen.getByTestId('item-search');
    fireEvent.change(search, { target: { value: 'Кагарл' } });
    expect(screen.getByTestId('open-boris-kagarlitsky')).toBeInTheDocument();
    expect(screen.queryByTestId('open-azat-miftakhov')).toBeNull();
    fireEvent.change(search, { target: { value: 'main' } });
    expect(screen.getByTestId('open-main')).toBeInTheDocument();
    expect(screen.queryByTestId('open-internationale')).toBeNull();
  });

  it('suggests a new id from the title, refuses one the pack has, and saves the new item', async () => {
    const { api } = renderEditor();
    fireEvent.click(await screen.findByTestId('new-case'));
    fireEvent.change(screen.getByTestId('new-title'), { target: { value: 'Азат Мифтахов' } });
    // The suggestion is made unique: the pack already has azat-miftakhov.
    expect(screen.getByTestId('new-id')).toHaveValue('azat-miftakhov-2');
    fireEvent.change(screen.getByTestId('new-id'), { target: { value: 'azat-miftakhov' } });
    expect(screen.getByTestId('create')).toBeDisabled();
    expect(screen.getByTestId('new-id-hint')).toHaveTextContent('already has');
    fireEvent.change(screen.getByTestId('new-id'), { target: { value: 'Azat M' } });
    expect(screen.getByTestId('create')).toBeDisabled();
    fireEvent.change(screen.getByTestId('new-id'), { target: { value: 'azat-2026' } });
    fireEvent.click(screen.getByTestId('create'));
    expect(await screen.findByTestId('item-page')).toHaveAttribute('data-item-id', 'azat-2026');
    expect(api.read).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() =>
      expect(api.save).toHaveBeenCalledWith(
        'azat-2026',
        { kind: 'case', name: { en: 'Азат Мифтахов' } },
        null,
      ),
    );
  });
});

describe('the item page', () => {
  it('saves with If-Match: the version it loaded, then the version the save returned', async () => {
    const { api } = renderEditor();
    fireEvent.change(await openBoris(), { target: { value: 'Boris K.' } });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved');
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save).toHaveBeenLastCalledWith(
      'boris-kagarlitsky',
      { ...caseBody, name: { ...(caseBody.name as object), en: 'Boris K.' } },
      V1,
    );
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Saved'));
    fireEvent.change(screen.getByLabelText('name.en'), { target: { value: 'Boris' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(2));
    expect(api.save.mock.calls[1]![2]).toBe(V2);
  });

  it('shows a refused save’s problems at their fields and in a list, and keeps the edit', async () => {
    const api = fakeApi();
    const errors = [
      { message: 'The date must be YYYY-MM-DD.', field: 'arrested', severity: 'error' as const },
      { message: 'Missing text.', field: 'links.2.label', severity: 'error' as const },
    ];
    api.save.mockResolvedValueOnce({ status: 'invalid', errors } as never);
    renderEditor(api);
    fireEvent.change(await openBoris(), { target: { value: 'Boris?' } });
    fireEvent.click(screen.getByTestId('save'));
    const list = await screen.findByTestId('item-problems');
    // Each named as the form labels it.
    expect(list).toHaveTextContent('Arrested on The date must be YYYY-MM-DD.');
    expect(list).toHaveTextContent('Links · 2 · Label Missing text.');
    expect(screen.getByTestId('problem-at-arrested')).toBeInTheDocument();
    expect(screen.getByTestId('problem-at-links.2.label')).toBeInTheDocument();
    expect(screen.getByLabelText('name.en')).toHaveValue('Boris?');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved');
  });

  it('shows warnings after a save that happened', async () => {
    const api = fakeApi();
    api.save.mockResolvedValueOnce({
      status: 'ok',
      value: {
        id: 'boris-kagarlitsky',
        file: 'f',
        version: V2,
        warnings: [{ message: 'No French summary.', field: 'summary.fr', severity: 'warning' }],
      },
    } as never);
    renderEditor(api);
    fireEvent.change(await openBoris(), { target: { value: 'B' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('item-warnings')).toHaveTextContent('No French summary.');
  });
});
