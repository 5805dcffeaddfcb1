import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../../../src/preload/channels';
import { electron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

let api: Record<string, unknown> & { unlock(pin: unknown): Promise<unknown> };
beforeAll(async () => {
  await import('../../../../src/preload/index');
  api = electron.contextBridge.exposed.api as typeof api;
});

describe('the preload', () => {
  it('exposes named values and functions only, never ipcRenderer', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('api', api);
    expect(Object.keys(api).sort()).toEqual(['shell', 'unlock', 'versions']);
    expect(api.shell).toBe('electron');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends a PIN over the one unlock channel, as a string and nothing else', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: 'wrong-pin',
      attemptsLeft: 4,
    });
    await expect(api.unlock('2468')).resolves.toMatchObject({ error: 'wrong-pin' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.unlock, { pin: '2468' });
    await api.unlock({ toString: () => '1357', evil: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.unlock, {
      pin: '1357',
    });
  });
});
