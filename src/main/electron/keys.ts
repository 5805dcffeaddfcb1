/** The parts of Electron's `Input` (from `before-input-event`) that decide what a key does. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type KeyVerdict = 'exit-combo' | 'blocked' | 'pass';

/**
 * What the kiosk does with a key before the page sees it. The exit combo is Ctrl+Shift+Q
 * (Cmd+Shift+Q on a Mac), matched by physical key so it works in a Cyrillic layout too. Keys
 * that close, quit, reload, hide or leave full screen are swallowed; everything else reaches
 * the display, whose own keys run the show.
 */
export function classifyKey(input: KeyInput, platform: NodeJS.Platform): KeyVerdict {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return 'pass';
  const command = platform === 'darwin' ? input.meta : input.control;
  const key = input.key.toLowerCase();
  const letter = /^Key([A-Z])$/.exec(input.code)?.[1]?.toLowerCase();

  if (command && input.shift && !input.alt && letter === 'q') return 'exit-combo';

  // Alt+F4 closes the window, Ctrl+F4 the tab; F5 reloads, F11 leaves full screen, F12 DevTools.
  if (key === 'f4' && (input.alt || input.control)) return 'blocked';
  if (key === 'f5' || key === 'f11' || key === 'f12') return 'blocked';
  if (input.control || input.meta) {
    // close, quit, reload, hide, minimise, new window, print, devtools, zoom
    if (letter && ['w', 'q', 'r', 'h', 'm', 'n', 't', 'p', 'i', 'j'].includes(letter)) {
      return 'blocked';
    }
    if (['+', '=', '-', '0'].includes(key)) return 'blocked';
  }
  return 'pass';
}
