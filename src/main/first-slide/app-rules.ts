// What the app's fastify server does, restated for the early server without loading it. Each
// is here, not imported, only because its home loads zod or fastify at run time:
// - the allowed Host values: `allowedOrigins` in server/origin.ts imports `baseUrl` from the
//   shared/protocol index, which loads zod (views.ts alone, used here, imports none);
// - the headers every response gets and a page's own: set in server/http.ts (fastify).
// tests/unit/main/first-slide/app-rules.test.ts compares each with the app's own, so the two
// cannot drift apart unnoticed.
import { networkInterfaces } from 'node:os';
import { baseUrl } from '../../shared/protocol/views';
import { htmlCsp } from '../server/headers';
import { hostsOf } from '../server/host-check';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * The `Host` values the app answers under (`hostsOf(allowedOrigins(host, port))` in
 * server.ts): its loopback names, the address it is bound to, and every address of this
 * machine when bound to all of them. Anything else is DNS rebinding, refused with 421.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (WILDCARDS.has(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(info.address.replace(/%.*$/, ''));
    }
  } else {
    names.add(host);
  }
  return hostsOf([...names].map((name) => baseUrl(name, port).toLowerCase()));
}

/** Every response of the app carries these (`hardenApp`'s onSend hook). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A page's headers, as `sendHtml` sets them: the CSP, and never cached (it holds a token). */
export function pageHeaders(hostHeader: string | undefined, fallbackHost: string) {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': htmlCsp(hostHeader, fallbackHost),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  };
}

/** The refusal of a foreign Host (`refuseForeignHosts` in host-check.ts), before its body. */
export const FOREIGN_HOST_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  Connection: 'close',
  ...SECURITY_HEADERS,
};

/** fastify's `keepAliveTimeout`: a reply says the same `Keep-Alive` before and after hand-over. */
export const KEEP_ALIVE_MS = 72_000;
