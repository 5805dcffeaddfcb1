import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
  role as roleSchema,
  viewRoles,
  type ViewRole,
} from '../../shared/protocol';
import { originAllowed } from './origin';
import type { Admission, AdmissionRequest, Listener } from './socket';
import { tokenMatches } from '../settings/tokens';
import type { OutputRecord, Role } from '../../shared/protocol';

export interface AdmissionOptions {
  tokens: Record<ViewRole, string>;
  /** Computed after listen, when the ports are known. */
  allowedOrigins: (listener: Listener) => Set<string>;
  remote: {
    isOn(): boolean;
    /** The paired phone holding `token`, or null. */
    authenticate(token: string): string | null;
  };
  /** Paired screens: the output whose screen holds `token`, or null. */
  screens?: { authenticate(token: string): OutputRecord | null };
}

/**
 * A paired screen only shows: it is a display, a stage or an overlay, never a kiosk (whose keys
 * drive the show) however its job is named: a screen on the venue's Wi-Fi is within reach of
 * anyone in the room.
 */
export function screenRole(output: Pick<OutputRecord, 'role'>): Role {
  return output.role === 'stage' || output.role === 'overlay' ? output.role : 'display';
}

/**
 * Who may open a socket, on which listener. The main listener takes every role with its
 * token, and the remote role also with a paired phone's token. The LAN listener, open while
 * the remote is on, "Add a screen" is on or a screen is paired, takes the remote role with a
 * paired phone's token (while the remote is on) and a paired screen's own token, and nothing
 * else: the fixed role tokens are for this machine and the links the operator handed out,
 * never for whoever is on the venue's Wi-Fi. While the remote is off, no remote socket stays.
 */
export function admit(options: AdmissionOptions, request: AdmissionRequest): Admission {
  const { listener, origin } = request;
  if (!originAllowed(origin, options.allowedOrigins(listener))) {
    return {
      ok: false,
      code: CLOSE_FORBIDDEN_ORIGIN,
      reason: 'this page is not served by Solidarity Screens',
    };
  }
  const role = roleSchema.safeParse(request.role);
  if (!role.success) {
    return {
      ok: false,
      code: CLOSE_UNAUTHORIZED,
      reason: `unknown role; use one of ${viewRoles.join(', ')}`,
    };
  }
  // Show controllers use the HTTP control API (`/api/v1/events` for pushes), never this socket.
  if (role.data === 'control') {
    return {
      ok: false,
      code: CLOSE_UNAUTHORIZED,
      reason: 'show controllers use the control API at /api/v1, not this socket',
    };
  }
  const token = typeof request.token === 'string' ? request.token : undefined;
  // A paired screen's own token, on either listener: checked before the fixed role tokens so
  // that it never stands for more than the screen it was given to.
  const screen = token && role.data !== 'remote' ? options.screens?.authenticate(token) : null;
  if (screen) {
    return { ok: true, role: screenRole(screen), deviceId: null, outputId: screen.id };
  }
  if (listener === 'lan' && role.data !== 'remote') {
    return {
      ok: false,
      code: CLOSE_UNAUTHORIZED,
      reason: 'only the phone remote and paired screens connect on this address',
    };
  }
  if (!token) {
    return {
      ok: false,
      code: CLOSE_UNAUTHORIZED,
      reason: `missing token for the ${role.data} role`,
    };
  }
  if (role.data === 'remote') {
    if (!options.remote.isOn()) {
      return { ok: false, code: CLOSE_REMOTE_OFF, reason: 'the phone remote is off' };
    }
    const deviceId = options.remote.authenticate(token);
    if (deviceId !== null) return { ok: true, role: 'remote', deviceId };
    if (listener === 'main' && tokenMatches(options.tokens.remote, token)) {
      return { ok: true, role: 'remote', deviceId: null };
    }
    return {
      ok: false,
      code: CLOSE_UNAUTHORIZED,
      reason: 'this phone is not paired, or was unpaired; pair it again with the PIN',
    };
  }
  if (!tokenMatches(options.tokens[role.data], token)) {
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: `wrong token for the ${role.data} role` };
  }
  return { ok: true, role: role.data, deviceId: null };
}
