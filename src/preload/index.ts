import { contextBridge } from 'electron';

/**
 * The only things the page learns from the shell. Named values and functions, never
 * ipcRenderer itself (Signal's rule), so a compromised page cannot reach arbitrary channels.
 */
const api = {
  shell: 'electron' as const,
  versions: { electron: process.versions.electron ?? 'unknown' },
};

contextBridge.exposeInMainWorld('api', api);

export type ShellApi = typeof api;
