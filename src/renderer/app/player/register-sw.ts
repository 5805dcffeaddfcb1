/** The service worker the export writes beside index.html. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Over http(s) the folder is an installable web app that keeps working offline. From file://
 * (a USB stick) there is nothing to register: service workers need an http(s) origin.
 */
export function shouldRegister(protocol: string): boolean {
  return protocol === 'https:' || protocol === 'http:';
}

export function registerOfflineCopy(
  loc: Pick<Location, 'protocol'>,
  nav: Pick<Navigator, 'serviceWorker'> | undefined,
): void {
  if (!shouldRegister(loc.protocol) || !nav?.serviceWorker) return;
  // Relative: the folder may sit anywhere on the host, and the worker's scope is that folder.
  void nav.serviceWorker.register(SERVICE_WORKER_FILE).catch(() => undefined);
}
