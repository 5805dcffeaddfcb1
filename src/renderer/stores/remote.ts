import { create } from 'zustand';
import type { LocalizedText } from '../../shared/protocol';

/**
 * Where a paired phone keeps its token. localStorage, not a cookie: the token goes only
 * where this page sends it (the socket's query), never along with every request.
 */
export const REMOTE_TOKEN_KEY = 'solidarity-screens.remote-token';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some private modes throw on the mere access.
    return null;
  }
}

export function readRemoteToken(): string | null {
  try {
    return storage()?.getItem(REMOTE_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

function writeRemoteToken(token: string | null) {
  try {
    if (token) storage()?.setItem(REMOTE_TOKEN_KEY, token);
    else storage()?.removeItem(REMOTE_TOKEN_KEY);
  } catch {
    // Without storage the phone stays paired until the page is closed; nothing more to do.
  }
}

export interface RemoteState {
  /** The pairing token, or null: then the phone shows the pairing screen. */
  token: string | null;
  /** Why the phone is back on the pairing screen (unpaired by the operator, remote off). */
  message: LocalizedText | string | null;
  /** This phone's clock until which the core refuses PINs, after too many wrong ones. */
  lockedUntil: number | null;
}

export const createRemoteStore = () =>
  create<RemoteState>()(() => ({ token: readRemoteToken(), message: null, lockedUntil: null }));
export type RemoteStore = ReturnType<typeof createRemoteStore>;

export const useRemoteStore = createRemoteStore();

export function remotePaired(token: string, store: RemoteStore = useRemoteStore) {
  writeRemoteToken(token);
  store.setState({ token, message: null, lockedUntil: null });
}

/** The core no longer takes our token: forget it and say why. */
export function remoteRefused(reason: string | null, store: RemoteStore = useRemoteStore) {
  writeRemoteToken(null);
  store.setState({
    token: null,
    // Said in the phone's language by its key; the core's reason (English) stays in `message`.
    message: {
      message: reason
        ? `This phone is no longer paired: ${reason}.`
        : 'This phone is no longer paired. Pair it again with the PIN on the console.',
      key: 'remote:notice.unpaired',
    },
  });
}

/** The phone forgets its token itself; the console still lists it until revoked. */
export function remoteForget(
  message: LocalizedText | string | null,
  store: RemoteStore = useRemoteStore,
) {
  writeRemoteToken(null);
  store.setState({ token: null, message });
}

export function remoteLocked(until: number | null, store: RemoteStore = useRemoteStore) {
  store.setState({ lockedUntil: until });
}

export type PairResult =
  | { ok: true; token: string; deviceId: string | null }
  | {
      ok: false;
      reason: 'wrong-pin' | 'locked' | 'off' | 'network' | 'other';
      message: string;
      /** For `locked`: how long to wait. */
      retryAfterSeconds?: number;
    };

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

function retryAfter(
  header: string | null,
  body: Record<string, unknown>,
  now: number,
): number | undefined {
  const seconds = Number(header);
  if (header && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  for (const key of ['retryAfterSeconds', 'retryAfter']) {
    const value = body[key];
    if (typeof value === 'number' && value >= 0) return Math.ceil(value);
  }
  const until = body.lockedUntil;
  if (typeof until === 'number') return Math.max(1, Math.ceil((until - now) / 1000));
  return undefined;
}

/** `POST /api/pair {pin, name?}`: the core answers a token, 401 for a wrong PIN, 429 locked. */
export async function requestPairing(
  pin: string,
  name: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
  now = Date.now(),
): Promise<PairResult> {
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchImpl('/api/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(name.trim() ? { pin, name: name.trim() } : { pin }),
    });
  } catch {
    return {
      ok: false,
      reason: 'network',
      message: 'Cannot reach the show computer. Is this phone on the venue network?',
    };
  }
  let body: Record<string, unknown> = {};
  try {
    const json = await response.json();
    if (json && typeof json === 'object') body = json as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body: the status says enough.
  }
  const said = typeof body.error === 'string' ? body.error : null;
  if (response.ok && typeof body.token === 'string' && body.token) {
    return {
      ok: true,
      token: body.token,
      deviceId: typeof body.deviceId === 'string' ? body.deviceId : null,
    };
  }
  switch (response.status) {
    case 401:
      return {
        ok: false,
        reason: 'wrong-pin',
        message: `Wrong PIN. Check the six digits on the operator's screen.${said ? ` (${said})` : ''}`,
      };
    case 429: {
      const wait = retryAfter(response.headers.get('retry-after'), body, now) ?? 60;
      return {
        ok: false,
        reason: 'locked',
        retryAfterSeconds: wait,
        message: `Too many wrong PINs. Pairing is locked: wait ${wait} s.`,
      };
    }
    case 403:
    case 404:
    case 503:
      return {
        ok: false,
        reason: 'off',
        message: 'The phone remote is off. Ask the operator to turn it on.',
      };
    default:
      return {
        ok: false,
        reason: 'other',
        message: said ?? `The show computer refused (HTTP ${response.status}).`,
      };
  }
}
