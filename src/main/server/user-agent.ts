/**
 * A few words for the operator's list of outputs ("Chrome on Android", "OBS"), from a
 * User-Agent header. Not a browser detector: nothing depends on it but a label.
 */
export function describeAgent(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const app = /\bOBS\/\d/.test(ua)
    ? 'OBS'
    : /\bElectron\/\d/.test(ua)
      ? 'Solidarity Screens'
      : /\bEdg\//.test(ua)
        ? 'Edge'
        : /\b(OPR|Opera)\//.test(ua)
          ? 'Opera'
          : /\bSamsungBrowser\//.test(ua)
            ? 'Samsung Internet'
            : /\b(Firefox|FxiOS)\//.test(ua)
              ? 'Firefox'
              : /\b(Chrome|Chromium|CriOS)\//.test(ua)
                ? 'Chrome'
                : /\bSafari\//.test(ua) && /\bVersion\//.test(ua)
                  ? 'Safari'
                  : null;
  const system = /\bAndroid\b/.test(ua)
    ? 'Android'
    : /\biPhone\b/.test(ua)
      ? 'iPhone'
      : /\biPad\b/.test(ua)
        ? 'iPad'
        : /\bWindows\b/.test(ua)
          ? 'Windows'
          : /\bMac OS X\b|\bMacintosh\b/.test(ua)
            ? 'Mac'
            : /\bCrOS\b/.test(ua)
              ? 'ChromeOS'
              : /\bLinux\b/.test(ua)
                ? 'Linux'
                : null;
  if (app && system) return `${app} on ${system}`;
  if (app ?? system) return app ?? system;
  // A tool, not a browser (curl/8.5.0, node, ws): its first word is name enough.
  const first = /^[\w.-]+(?:\/[\w.-]+)?/.exec(ua.trim())?.[0];
  return first ? first.slice(0, 40) : null;
}
