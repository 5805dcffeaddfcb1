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
}

export const createShowStore = () =>
  create<ShowStoreState>()(() => ({ show: null, clockOffsetMs: 0 }));
export type ShowStore = ReturnType<typeof createShowStore>;

export const useShowStore = createShowStore();

export function applyShow(
  show: ShowState,
  store: ShowStore = useShowStore,
  receivedAt = Date.now(),
) {
  store.setState({ show, clockOffsetMs: show.serverTime - receivedAt });
}
