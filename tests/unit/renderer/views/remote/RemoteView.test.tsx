import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  StoresContext,
  createStores,
  applyContent,
  applyShow,
  connectionLost,
  connectionWelcomed,
} from '../../../../../src/renderer/stores';
import {
  REMOTE_TOKEN_KEY,
  remoteRefused,
  requestPairing,
  type PairResult,
} from '../../../../../src/renderer/stores/remote';
import { RemoteView, cleanPin } from '../../../../../src/renderer/views/remote/RemoteView';
import { phoneActions } from '../../../../../src/shared/actions';
import { CLOSE_REMOTE_OFF } from '../../../../../src/shared/protocol';
import { showState, snapshot } from '../../fixtures';
import { lyricsShow, operatorItems } from '../operator/fixtures';

function renderRemote(pairResult?: PairResult) {
  const stores = createStores();
  const store = stores.remote;
  const pair = vi.fn(
    async () => pairResult ?? ({ ok: true, token: 't0k', deviceId: 'd1' } as const),
  );
  const send = vi.fn(async () => ({ ok: true as const }));
  const socket = { connect: vi.fn(), disconnect: vi.fn() };
  const result = render(
    <StoresContext.Provider value={stores}>
      <RemoteView pair={pair} send={send} socket={socket} />
    </StoresContext.Provider>,
  );
  return { ...result, stores, store, pair, send, socket };
}

function enterPin(pin: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'PIN' }), { target: { value: pin } });
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Pair' }));
  });
}

function fakeResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return async () => ({
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    json: async () => body,
  });
}

beforeEach(() => localStorage.clear());

describe('the pairing request', () => {
  it('returns the token for the right PIN and sends the name if given', async () => {
    const fetch = vi.fn(fakeResponse(200, { token: 'abc', deviceId: 'd1' }));
    expect(await requestPairing('123456', ' Masha ', fetch)).toEqual({
      ok: true,
      token: 'abc',
      deviceId: 'd1',
    });
    expect(fetch).toHaveBeenCalledWith('/api/pair', expect.objectContaining({ method: 'POST' }));
    expect(
      JSON.parse((fetch.mock.calls[0] as unknown as [string, { body: string }])[1].body),
    ).toEqual({
      pin: '123456',
      name: 'Masha',
    });
  });

  it('tells a wrong PIN from a lockout, with the seconds to wait', async () => {
    expect(
      await requestPairing('000000', '', fakeResponse(401, { error: 'wrong PIN' })),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-pin',
    });
    const locked = await requestPairing(
      '000000',
      '',
      fakeResponse(429, {}, { 'retry-after': '42' }),
    );
    expect(locked).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 42 });
    const byBody = await requestPairing(
      '000000',
      '',
      fakeResponse(429, { lockedUntil: 10_500 }),
      1_000,
    );
    expect(byBody).toMatchObject({ reason: 'locked', retryAfterSeconds: 10 });
    const offline = await requestPairing('000000', '', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({ ok: false, reason: 'network' });
  });
});

describe('RemoteView pairing', () => {
  it('asks for a six-digit PIN with a numeric keypad', () => {
    renderRemote();
    const input = screen.getByRole('textbox', { name: 'PIN' });
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveAttribute('maxlength', '6');
    expect(cleanPin('12 34-5678')).toBe('123456');
  });

  it('refuses a short PIN without asking the core', async () => {
    const { pair } = renderRemote();
    enterPin('123');
    await submit();
    expect(pair).not.toHaveBeenCalled();
    expect(screen.getByTestId('pair-error')).toHaveTextContent('six digits');
  });

  it('says so when the PIN is wrong', async () => {
    const { pair } = renderRemote({
      ok: false,
      reason: 'wrong-pin',
      message: "Wrong PIN. Check the six digits on the operator's screen.",
    });
    enterPin('111111');
    await submit();
    expect(pair).toHaveBeenCalledWith('111111', '');
    expect(screen.getByTestId('pair-error')).toHaveTextContent('Wrong PIN');
    expect(localStorage.getItem(REMOTE_TOKEN_KEY)).toBeNull();
  });

  it('shows the seconds to wait when pairing is locked', async () => {
    renderRemote({
      ok: false,
      reason: 'locked',
      retryAfterSeconds: 30,
      message: 'Too many wrong PINs. Pairing is locked: wait 30 s.',
    });
    enterPin('222222');
    await submit();
    expect(screen.getByTestId('pair-error')).toHaveTextContent('wait 30 s');
    expect(screen.getByTestId('pair-locked')).toHaveTextContent(/try again in (29|30|31) s/);
    expect(screen.getByRole('button', { name: 'Pair' })).toBeDisabled();
  });

  it('stores the token and connects when the PIN is right', async () => {
    const { socket, store } = renderRemote();
    enterPin('482913');
    fireEvent.change(screen.getByRole('textbox', { name: /Name of this phone/ }), {
      target: { value: 'Masha' },
    });
    await submit();
    expect(localStorage.getItem(REMOTE_TOKEN_KEY)).toBe('t0k');
    expect(store.getState().token).toBe('t0k');
    expect(socket.connect).toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: 'PIN' })).toBeNull();
  });

  it('goes back to pairing with a message when the core refuses its token', async () => {
    const { store, socket } = renderRemote();
    enterPin('482913');
    await submit();
    act(() => remoteRefused('this phone was unpaired by the operator', store));
    expect(screen.getByTestId('remote-message')).toHaveTextContent('unpaired by the operator');
    expect(localStorage.getItem(REMOTE_TOKEN_KEY)).toBeNull();
    expect(socket.disconnect).toHaveBeenCalled();
  });
});

describe('RemoteView paired', () => {
  async function paired(show = showState()) {
    const view = renderRemote();
    enterPin('482913');
    await submit();
    act(() => {
      connectionWelcomed({ clientId: 'p', role: 'remote' }, view.stores.connection);
      applyContent(snapshot(operatorItems), view.stores.content);
      applyShow(show, view.stores.show);
    });
    return view;
  }

  it('shows what is on air and sends next, previous, blackout and safe mode on', async () => {
    const { send } = await paired();
    expect(screen.getByTestId('remote-on-air-title')).toHaveTextContent('Boris Kagarlitsky');
    fireEvent.click(screen.getByTestId('remote-next'));
    expect(send).toHaveBeenLastCalledWith({ name: 'next' });
    fireEvent.click(screen.getByTestId('remote-previous'));
    expect(send).toHaveBeenLastCalledWith({ name: 'previous' });
    fireEvent.click(screen.getByTestId('remote-blackout'));
    expect(send).toHaveBeenLastCalledWith({ name: 'blackout', on: true });
    fireEvent.click(screen.getByTestId('remote-safe-mode'));
    expect(send).toHaveBeenLastCalledWith({ name: 'safeMode', on: true });
    fireEvent.click(screen.getByRole('button', { name: 'Lower third: on' }));
    expect(send).toHaveBeenLastCalledWith({ name: 'overlay', element: 'lowerThird', on: false });
  });

  it('shows a button for each action of the phone layout, and no other', async () => {
    await paired(lyricsShow(0));
    const shown = screen
      .getAllByRole('button')
      .map((button) => button.getAttribute('data-action'))
      .filter((name) => name !== null);
    expect(shown).toEqual(phoneActions.map((action) => action.name));
  });

  it('advances a lyric line during a song, and cannot turn safe mode off', async () => {
    const { send, stores } = await paired(lyricsShow(0));
    expect(screen.getByTestId('remote-on-air')).toHaveTextContent(
      'Вставай, проклятьем заклеймённый',
    );
    fireEvent.click(screen.getByTestId('remote-next-line'));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsNext' });
    act(() => applyShow(showState({ safeMode: true }), stores.show));
    expect(screen.getByTestId('remote-safe-mode')).toBeDisabled();
    expect(
      screen.getByText(/Only the operator’s console can turn safe mode off/),
    ).toBeInTheDocument();
  });

  it('says why it is disconnected when the remote is turned off, and keeps its pairing', async () => {
    const { stores, store } = await paired();
    act(() =>
      connectionLost(
        'the operator turned the phone remote off',
        stores.connection,
        CLOSE_REMOTE_OFF,
      ),
    );
    expect(screen.getByTestId('remote-connection')).toHaveTextContent(
      'Not connected: the operator turned the phone remote off',
    );
    // Retries while it is off fail without a word from the core: the reason stands.
    act(() => connectionLost(null, stores.connection, 1006));
    expect(screen.getByTestId('remote-connection')).toHaveTextContent(
      'reconnects by itself once the operator turns the phone remote back on',
    );
    expect(store.getState().token).toBe('t0k');
  });

  it('promises nothing about the remote being off when the core closed it for another reason', async () => {
    const { stores } = await paired();
    act(() => connectionLost('Solidarity Screens is stopping', stores.connection, 1001));
    const note = screen.getByTestId('remote-connection');
    expect(note).toHaveTextContent('Not connected: Solidarity Screens is stopping. Reconnecting…');
    expect(note).not.toHaveTextContent('phone remote back on');
  });
});
