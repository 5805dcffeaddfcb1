import type { Session } from 'electron';
import { htmlCsp } from '../server/headers';
import { originOf } from './security';

export interface RequestPolicy {
  /** `http://127.0.0.1:PORT`: the core. Its WebSocket (`ws://` on the same host) is allowed too. */
  coreOrigin: string;
  /** Other origins of our own, such as the PIN prompt's `app://kiosk-lock`. */
  extraOrigins?: readonly string[];
  /** Lets DevTools' own pages load while developing. */
  dev?: boolean;
}

/**
 * Whether the app's session may make this request at all. Only the core on this machine and
 * our own pages: a pack's link, a tracking pixel in a drawing's SVG or a font from a CDN is
 * cancelled before it leaves the machine, which protects who is watching as much as the show.
 */
export function requestAllowed(target: string, policy: RequestPolicy): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  // Made in the page, from memory: nothing goes on the wire.
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (url.protocol === 'devtools:') return policy.dev === true;
  const origin = originOf(target);
  if (origin === null) return false;
  const core = originOf(policy.coreOrigin);
  if (core === null) return false;
  const coreSocket = core.replace(/^http:/, 'ws:').replace(/^https:/, 'wss:');
  if (origin === core || origin === coreSocket) return true;
  return (policy.extraOrigins ?? []).some((allowed) => originOf(allowed) === origin);
}

/**
 * Adds our policy next to whatever the response already has. Several CSP headers all apply,
 * so the server's stricter ones (the SVG sandbox) survive.
 */
export function withCsp(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let cspKey = 'Content-Security-Policy';
  for (const [key, value] of Object.entries(headers ?? {})) {
    result[key] = Array.isArray(value) ? [...value] : [value];
    if (key.toLowerCase() === 'content-security-policy') cspKey = key;
  }
  result[cspKey] = [...(result[cspKey] ?? []), policy];
  return result;
}

/** The core's own CSP for a response from `url`, pinned to the host it came from. */
export function cspFor(url: string, coreOrigin: string): string {
  const fallback = new URL(coreOrigin).host;
  let host = fallback;
  try {
    host = new URL(url).host || fallback;
  } catch {
    // keep the core's host
  }
  return htmlCsp(host, fallback);
}

/** Cancels every request outside `policy`, and gives every core response the core's CSP. */
export function setupNetworkGuard(session: Session, policy: RequestPolicy): void {
  const reported = new Set<string>();
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url, policy);
    if (!allowed) {
      const origin = originOf(details.url) ?? details.url.slice(0, 40);
      // Once per origin: a slide retrying a blocked image must not flood the log.
      if (!reported.has(origin)) {
        reported.add(origin);
        console.warn(`Blocked a request to ${origin}: the kiosk only talks to this machine.`);
      }
    }
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== originOf(policy.coreOrigin)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: withCsp(details.responseHeaders, cspFor(details.url, policy.coreOrigin)),
    });
  });
}
