import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
} from '../../../shared/protocol/close-codes';
import type { ConnectionStatus } from '../../stores/connection';

/** WebSocket's "going away": the core is shutting down. */
const CLOSE_GOING_AWAY = 1001;
/** The console gave up on a socket that never got the core's welcome. */
const CLOSE_NO_WELCOME = 4000;

/**
 * Why the core closed the socket, by its close code, as a key in `console`: the reader's
 * language, not the English reason on the wire. Null for a code we have no words for; the
 * reason the core sent is shown as it is then.
 */
export function closeReasonKey(code: number | null): string | null {
  switch (code) {
    case CLOSE_UNAUTHORIZED:
      return 'connection.closed.unauthorized';
    case CLOSE_FORBIDDEN_ORIGIN:
      return 'connection.closed.forbiddenOrigin';
    case CLOSE_REMOTE_OFF:
      return 'connection.closed.remoteOff';
    case CLOSE_GOING_AWAY:
      return 'connection.closed.stopping';
    case CLOSE_NO_WELCOME:
      return 'connection.closed.noWelcome';
    default:
      return null;
  }
}

/** The badge's words (a key in `console`), with the reason when there is one. */
export function connectionKey(status: ConnectionStatus, hasReason: boolean): string {
  if (status === 'open') return 'connection.open';
  if (status === 'reconnecting')
    return hasReason ? 'connection.reconnectingBecause' : 'connection.reconnecting';
  if (status === 'connecting') return 'connection.connecting';
  return hasReason ? 'connection.stopped' : 'connection.notConnected';
}
