import { createContext, useContext } from 'react';
import { create } from 'zustand';
import type { ObsInfo } from '../../../../shared/protocol';

/** OBS as the core last described it (the operator-only `obs` message). */
export interface ObsState {
  obs: ObsInfo | null;
}

export const createObsStore = () => create<ObsState>()(() => ({ obs: null }));
export type ObsStore = ReturnType<typeof createObsStore>;

export const useObsStore = createObsStore();

/** Tests hand the panel a fresh store; the page uses the module's own. */
export const ObsStoreContext = createContext<ObsStore>(useObsStore);
export const useObsStoreApi = () => useContext(ObsStoreContext);

export function applyObs(obs: ObsInfo, store: ObsStore = useObsStore): void {
  store.setState({ obs });
}
