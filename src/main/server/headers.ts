/** A Host header we are willing to echo into a CSP: a name or address and a port, nothing else. */
const SAFE_HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The page may load only from this server. connect-src names the socket explicitly because
 * older Chromium (as in some OBS builds) does not count ws: as 'self'.
 */
export function htmlCsp(hostHeader: string | undefined, fallbackHost: string): string {
  const host = hostHeader && SAFE_HOST.test(hostHeader) ? hostHeader : fallbackHost;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** An SVG opened directly must not run its scripts in our origin. */
export const SVG_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Every response of the app carries these (`hardenApp`), the early server's too. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A page's own headers: the CSP, and never cached (the home page holds tokens, and a rebuild must show). */
export function pageHeaders(
  hostHeader: string | undefined,
  fallbackHost: string,
): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': htmlCsp(hostHeader, fallbackHost),
    'Cache-Control': 'no-store',
  };
}

/** The refusal of a request that names another host (DNS rebinding), before its body. */
export const FOREIGN_HOST_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  Connection: 'close',
};
