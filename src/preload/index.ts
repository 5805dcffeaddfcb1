import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannel, type ShellApi, type UnlockResult } from './channels';

/**
 * The only things a page learns from the shell. Named values and functions, never ipcRenderer
 * itself (Signal's rule), so a compromised page cannot reach arbitrary channels.
 */
const api: ShellApi = {
  shell: 'electron',
  versions: { electron: process.versions.electron ?? 'unknown' },
  // Only a string crosses: whatever else a page passes is not forwarded to the main process.
  unlock: (pin) =>
    ipcRenderer.invoke(IpcChannel.unlock, { pin: String(pin) }) as Promise<UnlockResult>,
};

contextBridge.exposeInMainWorld('api', api);
