import { create } from 'zustand';
import type {
  ConnectedClient,
  LocalizedText,
  RemoteStatus,
  ScreensStatus,
} from '../../shared/protocol';

/** What only the operator's socket hears: who is connected, the phone remote, notices. */
export interface OperatorState {
  /** null until the core has listed the connected views once. */
  clients: ConnectedClient[] | null;
  remote: RemoteStatus | null;
  /** Screens on the venue network: pairing, waiting codes, paired outputs. */
  screens: ScreensStatus | null;
  notices: LocalizedText[];
  /** The last command the core refused, so the operator sees why nothing happened. */
  refusal: { message: string; at: number } | null;
}

const initial: OperatorState = {
  clients: null,
  remote: null,
  screens: null,
  notices: [],
  refusal: null,
};

export const createOperatorStore = () => create<OperatorState>()(() => ({ ...initial }));
export type OperatorStore = ReturnType<typeof createOperatorStore>;

export const useOperatorStore = createOperatorStore();

export function applyClients(clients: ConnectedClient[], store = useOperatorStore) {
  store.setState({ clients });
}

export function applyRemote(remote: RemoteStatus, store = useOperatorStore) {
  store.setState({ remote });
}

export function applyScreens(screens: ScreensStatus, store = useOperatorStore) {
  store.setState({ screens });
}

export function applyNotices(notices: LocalizedText[], store = useOperatorStore) {
  store.setState({ notices });
}

export function reportRefusal(message: string, store = useOperatorStore, at = Date.now()) {
  store.setState({ refusal: { message, at } });
}

export function clearRefusal(store = useOperatorStore) {
  store.setState({ refusal: null });
}
