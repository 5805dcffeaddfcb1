// The fake Electron as a module with Electron's named exports, for code that imports it by
// name outside vitest: the built `out/main/index.js`, loaded by tests/electron/fake-electron.
import { electron } from './electron';

export const {
  app,
  BrowserWindow,
  screen,
  powerSaveBlocker,
  session,
  ipcMain,
  ipcRenderer,
  protocol,
  powerMonitor,
  contextBridge,
  globalShortcut,
  Menu,
  dialog,
  safeStorage,
  utilityProcess,
} = electron;
export default electron;
