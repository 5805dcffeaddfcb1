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
import {
  RemoteView,
  cleanPin,
  connectionText,
  pairFailure,
} from '../../../../../src/renderer/views/remote/RemoteView';
import { translate, type AppLanguage } from '../../../../../src/shared/i18n';
import { inLanguage } from '../../in-language';
import { phoneActions } from '../../../../../src/shared/actions';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
} from '../../../../../src/shared/protocol';
import { showState, snapshot } from '../../fixtures';
import { lyricsShow, operatorItems } from '../operator/fixtures';

function renderRemote(pairResult?: PairResult, language: AppLanguage = 'en') {
  const stores = createStores();
  const store = stores.remote;
  const pair = vi.fn(
    async () => pairResult ?? ({ ok: true, token: 't0k', deviceId: 'd1' } as const),
  );
  const send = vi.fn(async () => ({ ok: true as const }));
  const socket = { connect: vi.fn(), disconnect: vi.fn() };
  const { ui, translator } = inLanguage(
    <StoresContext.Provider value={stores}>
      <RemoteView pair={pair} send={send} socket={socket} />
    </StoresContext.Provider>,
    language,
  );
  const result = render(ui);
  return { ...result, stores, store, pair, send, socket, translator };
}

function enterPin(pin: string) {
  // "PIN", "PIN-код", "Code PIN": the field is named in the phone's language.
  fireEvent.change(screen.getByRole('textbox', { name: /PIN/ }), { target: { value: pin } });
}

async function submit() {
  await act(async () => {
    // The form's only submit button, whatever the language calls it.
    const button = document.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!button) throw new Error('no Pair button');
    fireEvent.click(button);
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
    expect(screen.getByTestId('remote-message')).toHaveTextContent(
      'This phone is no longer paired. Pair it again with the PIN on the console.',
    );
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
      'Not connected: the phone remote is off',
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
    act(() => connectionLost('an internal error', stores.connection, 1011));
    const note = screen.getByTestId('remote-connection');
    expect(note).toHaveTextContent('Not connected: an internal error. Reconnecting…');
    expect(note).not.toHaveTextContent('phone remote back on');
    act(() => connectionLost('Solidarity Screens is stopping', stores.connection, 1001));
    expect(note).toHaveTextContent('the show computer is stopping or restarting. Reconnecting…');
    expect(note).not.toHaveTextContent('phone remote back on');
  });
});

describe('RemoteView in the phone’s language', () => {
  const english = translate('en', 'remote');

  it.each(['ru', 'fr', 'uk'] as const)(
    '%s: the pairing screen says nothing in English',
    async (language) => {
      const { container } = renderRemote(
        { ok: false, reason: 'locked', retryAfterSeconds: 30, message: 'English from the store' },
        language,
      );
      const t = translate(language, 'remote');
      expect(screen.getByRole('heading')).toHaveTextContent(t('pairing.title'));
      expect(screen.getByRole('textbox', { name: t('pairing.pin') })).toBeInTheDocument();
      enterPin('222222');
      await submit();
      const error = screen.getByTestId('pair-error').textContent ?? '';
      expect(error).toBe(t('pairResult.locked', { seconds: 30 }));
      expect(error).not.toContain('English from the store');
      for (const key of ['pairing.title', 'pairing.intro', 'pairing.pair', 'pairing.name']) {
        expect(container.textContent).not.toContain(english(key));
      }
    },
  );

  it('changes language from its menu, on the pairing screen and once paired', async () => {
    const { translator } = renderRemote();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'uk' },
    });
    expect(translator.language).toBe('uk');
    expect(screen.getByRole('heading')).toHaveTextContent('Під’єднайте цей телефон');
    enterPin('482913');
    await submit();
    expect(screen.getByRole('combobox', { name: 'Мова' })).toHaveValue('uk');
    expect(screen.getByRole('button', { name: 'Від’єднати цей телефон' })).toBeInTheDocument();
  });

  it('says why it is not connected by the close code, in every language', () => {
    for (const language of ['en', 'ru', 'fr', 'uk'] as const) {
      const t = translate(language, 'remote');
      const off = connectionText(t, CLOSE_REMOTE_OFF, 'the operator turned the phone remote off');
      expect(off).toBe(t('connection.remoteOff'));
      // Whatever English words the core chose, a refusal reads the same.
      for (const code of [CLOSE_UNAUTHORIZED, CLOSE_FORBIDDEN_ORIGIN]) {
        expect(connectionText(t, code, 'wrong token for the remote role')).toBe(
          t('connection.refused'),
        );
      }
      expect(connectionText(t, 1006, null)).toBe(t('onAir.connecting'));
      if (language !== 'en') {
        expect(off).not.toBe(english('connection.remoteOff'));
        expect(connectionText(t, 1011, 'boom')).toMatch(/boom/);
        expect(connectionText(t, 1011, 'boom')).not.toContain('Not connected');
      }
    }
  });

  it('says why pairing failed by the reason, never the store’s English', () => {
    const t = translate('ru', 'remote');
    expect(pairFailure(t, { ok: false, reason: 'wrong-pin', message: 'Wrong PIN.' })).toBe(
      'Неверный PIN-код. Проверьте шесть цифр на экране оператора.',
    );
    expect(pairFailure(t, { ok: false, reason: 'network', message: 'Cannot reach' })).toContain(
      'Нет связи',
    );
    expect(pairFailure(t, { ok: false, reason: 'off', message: 'off' })).toContain('выключен');
  });
});
