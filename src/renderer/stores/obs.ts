import { create } from 'zustand';
import type { ObsInfo } from '../../shared/protocol';

/** OBS as the core last described it (the operator-only `obs` message). */
export interface ObsState {
  obs: ObsInfo | null;
}

export const createObsStore = () => create<ObsState>()(() => ({ obs: null }));
export type ObsStore = ReturnType<typeof createObsStore>;

export const useObsStore = createObsStore();

export function applyObs(obs: ObsInfo, store: ObsStore = useObsStore): void {
  store.setState({ obs });
}
