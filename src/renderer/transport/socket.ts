import { coreText, SOCKET_PATH, type Command, type Result, type Role } from '../../shared/protocol';
import { setMediaToken } from '../slides/context';
import { readRemoteToken } from '../stores';
import { createSocketClient, type SocketClient } from './connection';

export interface LocationLike {
  protocol: string;
  host: string;
  search: string;
}

/**
 * Where this page's socket goes: same host, the role the app gives (from its route; null for
 * an address that is no page), the token of the link.
 */
export function socketTarget(
  loc: LocationLike,
  role: Role | null,
): { role: Role; token: string; url: string } | null {
  // A paired phone keeps its token in storage, not in a link it could share.
  const token =
    new URLSearchParams(loc.search).get('token') ?? (role === 'remote' ? readRemoteToken() : null);
  if (!role || !token) return null;
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ role, token });
  return { role, token, url: `${scheme}://${loc.host}${SOCKET_PATH}?${query.toString()}` };
}

let pageClient: SocketClient | null = null;

/**
 * Opens this page's one socket as `role` (the app knows its page; transport knows no routes).
 * Returns false when the link has no token.
 */
export function connect(role: Role, loc: LocationLike = window.location): boolean {
  if (pageClient) return true;
  const target = socketTarget(loc, role);
  if (!target) return false;
  setMediaToken(target.token);
  pageClient = createSocketClient({ url: target.url, role: target.role });
  pageClient.start();
  return true;
}

export function disconnect() {
  pageClient?.stop();
  pageClient = null;
}

export function sendCommand(command: Command, timeoutMs?: number): Promise<Result> {
  if (!pageClient) {
    return Promise.resolve({ ok: false, error: coreText('command.notConnected') });
  }
  return pageClient.sendCommand(command, timeoutMs);
}

/** A screen had the change stamped `showAt` ready at `at` (see use-scheduled-show.ts). */
export function reportPrepared(showAt: number, at: number): void {
  pageClient?.reportPrepared(showAt, at);
}
