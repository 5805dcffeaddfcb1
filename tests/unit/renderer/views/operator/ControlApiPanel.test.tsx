import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator, type AppLanguage } from '../../../../../src/shared/i18n';
import type { ControlTokenInfo } from '../../../../../src/shared/protocol/control-api';
import type { ControlTokensApi } from '../../../../../src/renderer/transport/control-tokens-api';
import {
  ControlApiPanel,
  ControlTokensApiContext,
} from '../../../../../src/renderer/views/operator/ControlApiPanel';

/** A token store in memory, behind the client's interface. */
function fakeApi(start: ControlTokenInfo[] = []) {
  let tokens = [...start];
  let serial = 0;
  const api: ControlTokensApi = {
    list: vi.fn(async () => ({ ok: true as const, value: [...tokens] })),
    create: vi.fn(async (name: string) => {
      serial += 1;
      const info = {
        id: `t${serial}`,
        name,
        createdAt: Date.UTC(2026, 11, 6, 19),
        lastUsedAt: null,
      };
      tokens.push(info);
      return { ok: true as const, value: { token: `secret-${serial}-abcdef`, info } };
    }),
    revoke: vi.fn(async (id: string) => {
      tokens = tokens.filter((t) => t.id !== id);
      return { ok: true as const, value: null };
    }),
  };
  return { api, tokens: () => tokens };
}

function renderPanel(api: ControlTokensApi, language: AppLanguage = 'en') {
  render(
    <I18nextProvider i18n={createTranslator(language)}>
      <ControlTokensApiContext.Provider value={api}>
        <ControlApiPanel />
      </ControlTokensApiContext.Provider>
    </I18nextProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const used: ControlTokenInfo = {
  id: 'a1',
  name: 'Stream Deck 2',
  createdAt: Date.UTC(2026, 10, 1, 12),
  lastUsedAt: Date.UTC(2026, 11, 6, 18, 30),
};

describe('the Control API panel', () => {
  it('lists the tokens with when they were made and last used, never the token', async () => {
    const { api } = fakeApi([used, { ...used, id: 'b2', name: 'Companion', lastUsedAt: null }]);
    renderPanel(api);
    const list = await screen.findByTestId('control-tokens');
    const deck = within(list).getByTestId('control-token-a1');
    expect(deck.textContent).toContain('Stream Deck 2');
    expect(deck.textContent).toContain('made');
    expect(deck.textContent).toContain('last used');
    expect(within(list).getByTestId('control-token-b2').textContent).toContain('never used');
  });

  it('shows a new token once, with its curl line, and forgets it when done', async () => {
    const { api } = fakeApi();
    renderPanel(api);
    await screen.findByText('No control tokens yet.');
    fireEvent.change(screen.getByTestId('control-token-name'), {
      target: { value: '  Companion booth ' },
    });
    fireEvent.click(screen.getByTestId('control-token-create'));
    const value = await screen.findByTestId('control-token-value');
    expect(api.create).toHaveBeenCalledWith('Companion booth');
    expect(value.textContent).toBe('secret-1-abcdef');
    const curl = screen.getByTestId('control-token-curl').textContent ?? '';
    expect(curl).toContain('Authorization: Bearer secret-1-abcdef');
    expect(curl).toContain('/api/v1/commands');
    expect(curl).toContain(`'{"command":"next"}'`);
    await screen.findByTestId('control-token-t1');
    expect(screen.getByTestId('control-token-t1').textContent).not.toContain('secret');
    fireEvent.click(screen.getByTestId('control-token-done'));
    expect(screen.queryByTestId('control-token-value')).toBeNull();
    expect(document.body.textContent).not.toContain('secret-1-abcdef');
  });

  it('revokes only after the operator confirms', async () => {
    const { api, tokens } = fakeApi([used]);
    renderPanel(api);
    const revoke = await screen.findByRole('button', { name: 'Revoke the token “Stream Deck 2”' });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(revoke);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Stream Deck 2'));
    expect(api.revoke).not.toHaveBeenCalled();
    confirm.mockReturnValueOnce(true);
    fireEvent.click(revoke);
    await waitFor(() => expect(api.revoke).toHaveBeenCalledWith('a1'));
    await screen.findByText('No control tokens yet.');
    expect(tokens()).toEqual([]);
  });

  it('says a refusal in the reader’s language', async () => {
    const { api } = fakeApi();
    api.create = vi.fn(async () => ({
      ok: false as const,
      httpStatus: 400,
      error: { message: 'bad', key: 'core:control.badBody', params: { detail: 'name: too long' } },
    }));
    renderPanel(api, 'fr');
    await screen.findByText('Aucun jeton de contrôle pour l’instant.');
    fireEvent.change(screen.getByTestId('control-token-name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('control-token-create'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('name: too long');
    expect(alert.textContent).not.toBe('bad');
  });
});
