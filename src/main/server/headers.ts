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
