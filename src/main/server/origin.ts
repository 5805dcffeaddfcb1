import { networkInterfaces } from 'node:os';
// The views' table alone: the early server (first-slide/) checks hosts before zod is loaded.
import { baseUrl } from '../../shared/protocol/views';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d+\.\d+\.\d+$/.test(v4);
}

/**
 * The Host values that name this server on this machine. A page served under any other Host
 * (say a DNS-rebinding attacker's name resolving to 127.0.0.1) never gets tokens.
 */
export function loopbackHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => baseUrl(name, port).slice('http://'.length)));
}

/**
 * The browser origins allowed to open the socket: this server under its loopback names, the
 * address it was bound to, and, when bound to every interface, each of this machine's
 * addresses (phones on the LAN load the page from one of them).
 */
export function allowedOrigins(host: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (WILDCARDS.has(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(info.address.replace(/%.*$/, ''));
    }
  } else {
    names.add(host);
  }
  return new Set([...names].map((name) => baseUrl(name, port).toLowerCase()));
}

export function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  // Browsers always send Origin on a WebSocket handshake; tools and tests may not. Those
  // still need the token, so leaving Origin out gains an attacker nothing.
  if (origin === undefined) return true;
  return allowed.has(origin.toLowerCase());
}
