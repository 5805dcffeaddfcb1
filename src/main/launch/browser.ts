import { existsSync } from 'node:fs';
import path from 'node:path';

/** Browsers that can run a page as a kiosk with `--kiosk --app=URL`, most private first. */
const browserCommands = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];
const macBrowsers = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface BrowserEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

const realEnvironment: BrowserEnvironment = {
  platform: process.platform,
  env: process.env,
  exists: existsSync,
};

/** An installed Chromium-family browser, or undefined. */
export function findKioskBrowser(environment = realEnvironment): string | undefined {
  const { platform, env, exists } = environment;
  if (platform === 'darwin') return macBrowsers.find(exists);
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const command of browserCommands) {
    for (const dir of dirs) {
      const candidate = path.join(dir, command);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** On Linux a window needs an X or Wayland display; a headless box gets the URL instead. */
export function hasGraphicalSession(environment = realEnvironment): boolean {
  if (environment.platform !== 'linux') return true;
  return Boolean(environment.env.DISPLAY || environment.env.WAYLAND_DISPLAY);
}

/** Keep a screen's frames and timers running whatever Chromium thinks of its window. */
export const SCREEN_TIMING_FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * The kiosk's command line. A profile of its own, and the flags that keep Chromium from
 * contacting Google's services at start, so the kiosk makes no outbound connection.
 */
export function kioskArguments(url: string, profileDir: string): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    `--app=${url}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    // A video slide starts on its own, with sound, on a screen nobody touches.
    '--autoplay-policy=no-user-gesture-required',
    // Screens switch slides in the same frame (showAt): a window Chromium thinks is in the
    // background or covered would get throttled timers and no frames, and switch late.
    ...SCREEN_TIMING_FLAGS,
  ];
}
