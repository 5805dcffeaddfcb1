import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** A WebContents stand-in that records its handlers so tests can fire them. */
export function createFakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    }),
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    }),
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    openWindow(url: string) {
      return windowOpenHandler?.({ url });
    },
  };
}

export function createFakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
}

export function createFakeEvent() {
  return { preventDefault: vi.fn() };
}
