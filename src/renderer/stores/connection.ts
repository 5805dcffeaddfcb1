import { create } from 'zustand';
import type { Role } from '../../shared/protocol';

/**
 * `idle`: never asked to connect. `connecting`: first attempt, nothing received yet.
 * `open`: welcomed by the core. `reconnecting`: lost it (or never got it) and retrying.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Set once the core has welcomed us; it survives drops so views know data is stale, not absent. */
  everOpened: boolean;
  clientId: string | null;
  role: Role | null;
  /** Failed attempts since the last successful one. */
  attempts: number;
  /** The close reason of the last drop, when the core gave one (e.g. a refused token). */
  lastCloseReason: string | null;
  /** The close code that came with `lastCloseReason` (e.g. 4004: the phone remote is off). */
  lastCloseCode: number | null;
}

const initial: ConnectionState = {
  status: 'idle',
  everOpened: false,
  clientId: null,
  role: null,
  attempts: 0,
  lastCloseReason: null,
  lastCloseCode: null,
};

export const createConnectionStore = () => create<ConnectionState>()(() => ({ ...initial }));
export type ConnectionStore = ReturnType<typeof createConnectionStore>;

export const useConnectionStore = createConnectionStore();

export function connectionAttempting(store: ConnectionStore = useConnectionStore) {
  store.setState((s) => ({
    status: s.everOpened || s.attempts > 0 ? 'reconnecting' : 'connecting',
  }));
}

export function connectionWelcomed(
  welcome: { clientId: string; role: Role },
  store: ConnectionStore = useConnectionStore,
) {
  store.setState({
    status: 'open',
    everOpened: true,
    clientId: welcome.clientId,
    role: welcome.role,
    attempts: 0,
    lastCloseReason: null,
    lastCloseCode: null,
  });
}

export function connectionLost(
  reason: string | null,
  store: ConnectionStore = useConnectionStore,
  code: number | null = null,
) {
  // A failed retry says nothing (no reason): the core's last word stands, with its code.
  store.setState((s) => ({
    status: 'reconnecting',
    attempts: s.attempts + 1,
    lastCloseReason: reason || s.lastCloseReason,
    lastCloseCode: reason ? code : s.lastCloseCode,
  }));
}

export function connectionStopped(store: ConnectionStore = useConnectionStore) {
  store.setState({ status: 'idle' });
}

/** A problem that retrying cannot fix, such as a link without its token. */
export function connectionProblem(reason: string, store: ConnectionStore = useConnectionStore) {
  store.setState({ status: 'idle', lastCloseReason: reason });
}
