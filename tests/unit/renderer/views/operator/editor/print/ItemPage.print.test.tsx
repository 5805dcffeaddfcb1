import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderEditor, V1 } from '../fake-api';

vi.mock('../../../../../../../src/renderer/views/operator/editor/form/ItemForm', async () => ({
  ItemForm: (await import('../fake-form')).FakeItemForm,
}));

/** The console as the operator opens it: its link carries the operator token. */
function consoleLink(search: string) {
  window.history.replaceState(null, '', `/operator${search}`);
}

async function openItem(id: string) {
  fireEvent.click(await screen.findByTestId(`open-${id}`));
  await screen.findByTestId('item-page');
  await screen.findByTestId('save-status');
}

describe('Print… on an item’s page', () => {
  let opened: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    opened = vi.spyOn(window, 'open').mockReturnValue(null);
  });
  afterEach(() => {
    opened.mockRestore();
    consoleLink('');
  });

  it('a case: the dialog says it is marked sensitive, and opens the print page with the console’s token', async () => {
    consoleLink('?token=op%2Btoken');
    renderEditor();
    await openItem('boris-kagarlitsky');
    fireEvent.click(await screen.findByTestId('open-print'));
    const dialog = within(screen.getByTestId('print-dialog'));
    // The fake case's file has no `sensitive` line: a person is sensitive by default.
    expect(dialog.getByRole('alert')).toHaveTextContent('marked sensitive');
    fireEvent.click(dialog.getByLabelText('A6 flyers, 4 per sheet'));
    fireEvent.change(dialog.getByLabelText('Language'), { target: { value: 'fr' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Open print page' }));
    expect(opened).toHaveBeenCalledWith(
      `${window.location.origin}/print?token=op%2Btoken&item=boris-kagarlitsky&format=a6&lang=fr`,
      '_blank',
      'noopener',
    );
    expect(screen.queryByTestId('print-dialog')).toBeNull();
  });

  it('an action whose file says nothing of sensitivity: no sensitive note', async () => {
    consoleLink('?token=t');
    const api = fakeApi();
    api.read.mockImplementation(async (id: string) => ({
      status: 'ok' as const,
      value: {
        id,
        kind: 'action',
        file: `items/${id}.yaml`,
        version: V1,
        item: { kind: 'action', title: { en: 'Write to Boris' }, url: 'https://freeboris.info/' },
        problems: [],
      },
    }));
    renderEditor(api);
    await openItem('boris-kagarlitsky');
    fireEvent.click(await screen.findByTestId('open-print'));
    expect(within(screen.getByTestId('print-dialog')).queryByRole('alert')).toBeNull();
  });

  it('a song has nothing to print: no Print… button', async () => {
    consoleLink('?token=t');
    const api = fakeApi();
    api.read.mockImplementation(async (id: string) => ({
      status: 'ok' as const,
      value: {
        id,
        kind: 'song',
        file: `items/${id}.yaml`,
        version: V1,
        item: { kind: 'song', title: { en: 'The Internationale' } },
        problems: [],
      },
    }));
    renderEditor(api);
    await openItem('internationale');
    expect(screen.getByTestId('open-history')).toBeInTheDocument();
    expect(screen.queryByTestId('open-print')).toBeNull();
  });

  it('without the operator token in the console’s link there is no Print… (the page would show nothing)', async () => {
    renderEditor();
    await openItem('boris-kagarlitsky');
    expect(screen.getByTestId('open-history')).toBeInTheDocument();
    expect(screen.queryByTestId('open-print')).toBeNull();
  });
});
