import { connect } from 'node:net';
import { SCREEN_TIMING_FLAGS } from '../launch/browser';
import { readTextBounded } from '../settings/atomic-file';
import { MAX_TOKENS_FILE_BYTES, tokensFileSchema, tokensPath } from '../settings/tokens-file';
import { views, viewUrl } from '../../shared/protocol';
import type { AutostartSetup } from './options';

export type Output = AutostartSetup['output'];

/** The launcher's command line, as the desktop entry and the cage unit run it. */
export function launcherArgs(setup: AutostartSetup): string[] {
  return [
    setup.nodePath,
    setup.cliPath,
    'autostart',
    'launch',
    '--output',
    setup.output,
    '--port',
    String(setup.port),
    '--data',
    setup.dataDir,
    '--browser',
    setup.browserPath,
  ];
}

/**
 * Chromium in kiosk mode: no error dialogs, no "restore pages?" bubble after a power cut,
 * no first-run page, no keyring prompt over the show.
 */
export function browserArgs(url: string): string[] {
  return [
    '--kiosk',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--no-first-run',
    '--password-store=basic',
    '--check-for-update-interval=31536000',
    ...SCREEN_TIMING_FLAGS,
    url,
  ];
}

export interface WaitDeps {
  /** Resolves when something listens at the URL's host and port, rejects when nothing does. */
  probe: (url: string) => Promise<unknown>;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Whether anything accepts a connection at the URL's host and port: a connection, no request.
 * An HTTP request would be one only the core can answer, and on a restart would wake the core
 * before the browser has asked for the slide the last run kept (`first-slide/`).
 */
export function acceptsConnections(url: string, timeoutMs = 2000): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || 80 });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`${url}: no answer in ${timeoutMs} ms`));
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/**
 * Waits until `serve` listens, so the browser never opens on a "can't connect" page at boot.
 * Waits as long as it takes: at a venue there is no one to start it again.
 */
export async function waitForServer(url: string, deps: WaitDeps, intervalMs = 1000): Promise<void> {
  for (;;) {
    try {
      await deps.probe(url);
      return;
    } catch {
      await deps.sleep(intervalMs);
    }
  }
}

/**
 * The output's view URL with its token, read from the data folder's tokens file that `serve`
 * wrote (the one token store). Read only: the launcher never makes or changes a token.
 */
export async function readViewUrl(
  dataDir: string,
  output: Output,
  port: number,
): Promise<{ url: string } | { error: string }> {
  const file = tokensPath(dataDir);
  let token: string | undefined;
  try {
    // Not readJsonFile: a bad file is serve's to set aside and replace, not the launcher's.
    const read = await readTextBounded(file, MAX_TOKENS_FILE_BYTES);
    if (read.status === 'missing') return { error: `${file}: not found` };
    if (read.status === 'refused') return { error: `${file} ${read.problem}` };
    const parsed = tokensFileSchema.safeParse(JSON.parse(read.text));
    if (!parsed.success) return { error: `${file}: not a valid tokens file` };
    token = parsed.data[output];
  } catch (error) {
    return { error: `${file}: ${(error as Error).message}` };
  }
  if (!token) return { error: `${file}: no "${output}" token` };
  const view = views.find((v) => v.role === output)!;
  return { url: viewUrl(`http://127.0.0.1:${port}`, view, token) };
}
