import { create } from 'zustand';
import type { ShowState } from '../../shared/protocol';

export interface ShowStoreState {
  /** null until the core has said what is on air. */
  show: ShowState | null;
  /**
   * Server clock minus this machine's clock, in ms. A Raspberry Pi without network often
   * has no idea what day it is; counting days behind bars from the server's clock keeps
   * the number honest.
   */
  clockOffsetMs: number;
  /**
   * The core's machine clock minus this page's clock (`performance.timeOrigin + now()`), as
   * measured by pings; null until the first answer. Screens time `showAt` by it. Unlike
   * `clockOffsetMs`, it leaves out the show clock's hand-set offset, and a message's travel.
   */
  syncOffsetMs: number | null;
}

export const createShowStore = () =>
  create<ShowStoreState>()(() => ({ show: null, clockOffsetMs: 0, syncOffsetMs: null }));
export type ShowStore = ReturnType<typeof createShowStore>;

export const useShowStore = createShowStore();

export function applyShow(
  show: ShowState,
  store: ShowStore = useShowStore,
  receivedAt = Date.now(),
) {
  store.setState({ show, clockOffsetMs: show.serverTime - receivedAt });
}

export function applySyncOffset(syncOffsetMs: number | null, store: ShowStore = useShowStore) {
  if (store.getState().syncOffsetMs !== syncOffsetMs) store.setState({ syncOffsetMs });
}
