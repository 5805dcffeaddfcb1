/* What the bridge tells the operator: its status, why a call failed, and what a failed
   connection or a close code means, in words with the fix. */

/** Why the bridge is not connected, so the operator console can pick an icon and a fix. */
export type ObsProblem =
  'auth' | 'refused' | 'lost' | 'timeout' | 'unreachable' | 'not-obs' | 'rpc-version' | 'other';

export type ObsStatus =
  | { state: 'disconnected'; message: string }
  | {
      state: 'connecting';
      message: string;
      /** 1 for the first try after a (re)configure or a lost connection. */
      attempt: number;
      /** The problem that made the previous attempt fail, if any. */
      problem?: ObsProblem;
    }
  | {
      state: 'connected';
      message: string;
      obsVersion: string;
      obsWebSocketVersion: string;
      rpcVersion: number;
      platform?: string;
    }
  | { state: 'auth-failed'; message: string; problem: 'auth' }
  | {
      state: 'error';
      message: string;
      problem: ObsProblem;
      /** When the next attempt starts. */
      retryInMs: number;
      attempt: number;
    };

export type ObsCallErrorKind = 'timeout' | 'closed' | 'not-connected' | 'obs';

/** Every way a call can fail. `code` is OBS's request status code when OBS said no. */
export class ObsCallError extends Error {
  constructor(
    readonly kind: ObsCallErrorKind,
    readonly requestType: string,
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ObsCallError';
  }
}

export const NOT_CONFIGURED =
  'OBS is not connected. Set the host, port and password in the OBS settings.';

export class ConnectTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

const RECONNECTING = 'Reconnecting…';

export function classifyConnectError(
  error: unknown,
  address: string,
  hasPassword: boolean,
  redact: (text: string) => string,
): { problem: ObsProblem; message: string } {
  if (error instanceof ConnectTimeout) {
    return {
      problem: 'timeout',
      message: `OBS at ${address} did not answer within ${formatSeconds(error.ms)}. Check the host and port, and that no firewall is in the way. Retrying…`,
    };
  }
  const code = (error as { code?: unknown })?.code;
  const text = redact(error instanceof Error ? error.message : String(error));
  if (code === 4009) {
    return {
      problem: 'auth',
      message: hasPassword
        ? 'OBS refused the password (close code 4009). Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info, and save it here. The app will not retry until the settings change.'
        : 'OBS asks for a password and none is set here (close code 4009). Copy it from OBS: Tools → WebSocket Server Settings → Show Connect Info, and save it here.',
    };
  }
  if (code === 4010) {
    return {
      problem: 'rpc-version',
      message:
        "This OBS's WebSocket server speaks a protocol version the app does not know. Update OBS to version 28 or later. Retrying…",
    };
  }
  if (/ECONNREFUSED/.test(text)) {
    return {
      problem: 'refused',
      message: `OBS is not running or its WebSocket server is off (Tools → WebSocket Server Settings → Enable WebSocket server). Nothing answers at ${address}; check the port there too. Retrying…`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    return {
      problem: 'unreachable',
      message: `The host name in ${address} could not be found. Check the OBS host setting. Retrying…`,
    };
  }
  if (/EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EHOSTDOWN/.test(text)) {
    return {
      problem: 'unreachable',
      message: `The computer at ${address} cannot be reached on the network. Retrying…`,
    };
  }
  if (/subprotocol|Unexpected server response|Invalid WebSocket frame|non-101/i.test(text)) {
    return {
      problem: 'not-obs',
      message: `Something answers at ${address}, but it is not obs-websocket 5. OBS 28 or later has it built in; older plugins (version 4, usually port 4444) do not work. Retrying…`,
    };
  }
  if (typeof code === 'number' && code >= 1000) return classifyClose(code, address);
  return {
    problem: 'other',
    message: `Could not connect to OBS at ${address}: ${text}. Retrying…`,
  };
}

export function classifyClose(
  code: number,
  address: string,
): { problem: ObsProblem; message: string } {
  if (code === 4009) {
    return {
      problem: 'auth',
      message:
        'OBS refused the password (close code 4009). Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info.',
    };
  }
  if (code === 4011) {
    return {
      problem: 'lost',
      message: `OBS ended this session (someone disconnected the app in OBS, or its WebSocket server restarted). ${RECONNECTING}`,
    };
  }
  if (code === 1000 || code === 1001) {
    return {
      problem: 'lost',
      message: `OBS closed the connection: OBS is quitting, or its WebSocket server was turned off. ${RECONNECTING}`,
    };
  }
  return {
    problem: 'lost',
    message: `The connection to OBS at ${address} was lost (OBS quit or crashed, or the network dropped; close code ${code}). ${RECONNECTING}`,
  };
}
