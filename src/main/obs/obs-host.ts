import { isIP } from 'node:net';

/**
 * Whether a host name or address is this computer. OBS reached at any other address is taken
 * to run on another computer, whose image sources cannot open this computer's files.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** The host of a URL, or null when it is not one. */
export function urlHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Whether browser sources in OBS would reach pages served at this base URL. */
export function pagesReachable(remote: boolean, overlayBaseUrl: string): boolean {
  if (!remote) return true;
  const host = urlHost(overlayBaseUrl);
  return host !== null && !isLoopbackHost(host) && host !== '0.0.0.0' && host !== '::';
}
