import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EditorApiContext } from '../../../../../../src/renderer/views/operator/editor/api-context';
import { StoresContext } from '../../../../../../src/renderer/stores';
import { OperatorView } from '../../../../../../src/renderer/views/operator/OperatorView';
import { caseBody, fakeApi, renderEditor, V1, V3 } from './fake-api';
import { renderOperator } from '../fixtures';

vi.mock('../../../../../../src/renderer/views/operator/editor/form/ItemForm', async () => ({
  ItemForm: (await import('./fake-form')).FakeItemForm,
}));

const form = () => within(screen.getByTestId('fake-form'));

async function openBoris() {
  fireEvent.click(await screen.findByTestId('open-boris-kagarlitsky'));
  return screen.findByLabelText('name.en');
}

const theirs = { ...caseBody, name: { en: 'Boris Kagarlitsky (updated)' }, arrested: '2023-07-26' };

describe('a conflict: the file changed since it was opened', () => {
  function conflicting() {
    const api = fakeApi();
    api.save.mockResolvedValueOnce({
      status: 'conflict',
      conflict: {
        error: 'conflict',
        yours: { version: V1, item: {} },
        current: { version: V3, item: theirs },
      },
    } as never);
    return api;
  }

  it('shows both versions field by field, and "keep mine" saves over the current version', async () => {
    const api = conflicting();
    renderEditor(api);
    fireEvent.change(await openBoris(), { target: { value: 'Boris (mine)' } });
    fireEvent.click(screen.getByTestId('save'));
    const panel = await screen.findByTestId('conflict');
    const name = within(panel).getByText('name.en').closest('tr')!;
    expect(name).toHaveTextContent('Boris (mine)');
    expect(name).toHaveTextContent('Boris Kagarlitsky (updated)');
    expect(within(panel).getByText('arrested').closest('tr')).toHaveTextContent('2023-07-26');
    // A name only one version has is shown too.
    expect(within(panel).getByText('name.ru')).toBeInTheDocument();
    fireEvent.click(within(panel).getByTestId('keep-mine'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(2));
    expect(api.save.mock.calls[1]![1]).toMatchObject({ name: { en: 'Boris (mine)' } });
    expect(api.save.mock.calls[1]![2]).toBe(V3);
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
  });

  it('"take theirs" loads the current version and keeps my edit beside it', async () => {
    const api = conflicting();
    renderEditor(api);
    fireEvent.change(await openBoris(), { target: { value: 'Boris (mine)' } });
    fireEvent.click(screen.getByTestId('save'));
    fireEvent.click(await screen.findByTestId('take-theirs'));
    expect(form().getByLabelText('name.en')).toHaveValue('Boris Kagarlitsky (updated)');
    const yours = screen.getByTestId('yours');
    expect(within(yours).getByLabelText('name.en')).toHaveValue('Boris (mine)');
    // The next save edits the current version, not the one that conflicted.
    fireEvent.change(form().getByLabelText('name.en'), { target: { value: 'Both' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(2));
    expect(api.save.mock.calls[1]![2]).toBe(V3);
  });
});

describe('deleting', () => {
  it('asks first; when playlists use the item, lists them and can remove it from them', async () => {
    const api = fakeApi();
    api.remove.mockResolvedValueOnce({
      status: 'in-use',
      usedBy: [{ id: 'main', kind: 'playlist', file: 'playlists/main.yaml' }],
    } as never);
    renderEditor(api);
    await openBoris();
    fireEvent.click(screen.getByTestId('delete'));
    expect(api.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(api.remove).toHaveBeenCalledWith('boris-kagarlitsky', false, false));
    expect(await screen.findByTestId('used-by')).toHaveTextContent('main');
    fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() =>
      expect(api.remove).toHaveBeenLastCalledWith('boris-kagarlitsky', true, false),
    );
    await waitFor(() => expect(screen.queryByTestId('item-page')).toBeNull());
  });

  it('"forget" is a separate choice: it names what goes, asks, and only then forgets', async () => {
    const api = fakeApi();
    api.read.mockResolvedValueOnce({
      status: 'ok',
      value: {
        id: 'boris-kagarlitsky',
        kind: 'case',
        file: 'items/boris-kagarlitsky.yaml',
        version: V1,
        item: { ...caseBody, photo: { file: 'media/photos/boris.jpg', consent: true } },
        problems: [],
      },
    } as never);
    api.remove.mockResolvedValueOnce({
      status: 'in-use',
      usedBy: [{ id: 'main', kind: 'playlist', file: 'playlists/main.yaml' }],
    } as never);
    renderEditor(api);
    await openBoris();
    fireEvent.click(screen.getByTestId('delete'));
    expect(screen.queryByTestId('forget-list')).toBeNull();
    // Going back from the confirm forgets nothing.
    fireEvent.click(screen.getByTestId('start-forget'));
    fireEvent.click(screen.getByTestId('forget-back'));
    expect(api.remove).not.toHaveBeenCalled();
    expect(screen.getByTestId('confirm-delete')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('start-forget'));
    const list = screen.getByTestId('forget-list');
    expect(list).toHaveTextContent('.history/boris-kagarlitsky/');
    expect(list).toHaveTextContent('media/photos/boris.jpg');
    expect(list).toHaveTextContent(/trash/);
    // While confirming, the plain delete is out of the way: one red button, the one named.
    expect(screen.queryByTestId('confirm-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('confirm-forget'));
    await waitFor(() => expect(api.remove).toHaveBeenCalledWith('boris-kagarlitsky', false, true));
    // Refused while in use: the users are listed, and the forget can take it out of them.
    expect(await screen.findByTestId('used-by')).toHaveTextContent('main');
    fireEvent.click(screen.getByTestId('confirm-forget'));
    await waitFor(() =>
      expect(api.remove).toHaveBeenLastCalledWith('boris-kagarlitsky', true, true),
    );
    await waitFor(() => expect(screen.queryByTestId('item-page')).toBeNull());
  });
});

describe('history', () => {
  it('lists earlier versions with their times and restores one over the loaded version', async () => {
    const api = fakeApi();
    renderEditor(api);
    await openBoris();
    fireEvent.click(screen.getByTestId('open-history'));
    const history = await screen.findByTestId('history');
    expect(within(history).getByText(/2026/)).toHaveAttribute('datetime', '2026-11-02T10:15:00Z');
    api.read.mockResolvedValueOnce({
      status: 'ok',
      value: {
        id: 'boris-kagarlitsky',
        kind: 'case',
        file: 'f',
        version: V3,
        item: theirs,
        problems: [],
      },
    } as never);
    fireEvent.click(within(history).getByTestId(`restore-${V3}`));
    await waitFor(() => expect(api.restore).toHaveBeenCalledWith('boris-kagarlitsky', V3, V1));
    await waitFor(() =>
      expect(screen.getByLabelText('name.en')).toHaveValue('Boris Kagarlitsky (updated)'),
    );
    expect(api.read).toHaveBeenCalledTimes(2);
  });
});

describe('mid-show: the editor and the console keys', () => {
  it('typing "b" or arrows in the editor sends nothing; the Show tab keeps its keys and the edit', async () => {
    const api = fakeApi();
    const { send, stores } = renderOperator();
    // The same console, with the fake API under its editor.
    const { unmount } = render(
      <StoresContext.Provider value={stores}>
        <EditorApiContext.Provider value={api}>
          <OperatorView send={send} />
        </EditorApiContext.Provider>
      </StoresContext.Provider>,
    );
    const consoles = screen.getAllByTestId('operator');
    const editorConsole = within(consoles[1]!);
    fireEvent.click(editorConsole.getByTestId('tab-content'));
    // The editor's code loads lazily, the first time the tab opens.
    const boris = await editorConsole.findByTestId(
      'open-boris-kagarlitsky',
      {},
      { timeout: 10_000 },
    );
    fireEvent.click(boris);
    const field = await editorConsole.findByLabelText('name.en');
    field.focus();
    for (const key of ['b', 's', 'ArrowRight', ' ', 'PageDown']) {
      act(() => {
        fireEvent.keyDown(field, { key });
      });
    }
    fireEvent.change(field, { target: { value: 'Boris b' } });
    act(() => {
      fireEvent.keyDown(editorConsole.getByTestId('item-search'), { key: 'b' });
    });
    expect(send).not.toHaveBeenCalled();
    // Back to the show mid-edit: nothing asked, the keys are the show's, the edit is kept.
    const confirm = vi.spyOn(window, 'confirm');
    fireEvent.click(editorConsole.getByTestId('tab-show'));
    expect(confirm).not.toHaveBeenCalled();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'b' });
    });
    expect(send).toHaveBeenCalledWith({ name: 'blackout', on: true });
    fireEvent.click(editorConsole.getByTestId('tab-content'));
    expect(editorConsole.getByLabelText('name.en')).toHaveValue('Boris b');
    expect(api.save).not.toHaveBeenCalled();
    unmount();
  });

  it('asks before leaving an item with unsaved changes for another', async () => {
    renderEditor();
    fireEvent.change(await openBoris(), { target: { value: 'unsaved' } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByTestId('open-azat-miftakhov'));
    expect(confirm).toHaveBeenCalled();
    expect(screen.getByLabelText('name.en')).toHaveValue('unsaved');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    confirm.mockRestore();
  });
});
