// What the app's fastify server answers with, for the early server: the rules live with the
// app (server/headers.ts, origin.ts, host-check.ts, all free of zod and fastify at run time)
// and are only put together here. tests/unit/main/first-slide/app-rules.test.ts compares each
// early answer with the app's own.
import {
  FOREIGN_HOST_HEADERS as REFUSAL,
  SECURITY_HEADERS,
  pageHeaders as page,
} from '../server/headers';
import { hostsOf } from '../server/host-check';
import { allowedOrigins } from '../server/origin';

export { SECURITY_HEADERS };

/** The `Host` values the app answers under (`hostsOf(allowedOrigins(host, port))` in server.ts). */
export function allowedHosts(host: string, port: number): Set<string> {
  return hostsOf(allowedOrigins(host, port));
}

/** A page's headers as `sendHtml` and `hardenApp` set them. */
export function pageHeaders(hostHeader: string | undefined, fallbackHost: string) {
  return { ...page(hostHeader, fallbackHost), ...SECURITY_HEADERS };
}

/** The refusal of a foreign Host as `refuseForeignHosts` and `hardenApp` send it. */
export const FOREIGN_HOST_HEADERS: Readonly<Record<string, string>> = {
  ...REFUSAL,
  ...SECURITY_HEADERS,
};

/** fastify's `keepAliveTimeout`: a reply says the same `Keep-Alive` before and after hand-over. */
export const KEEP_ALIVE_MS = 72_000;
