import { expect, type Page } from '@playwright/test';

/*
 * Helpers for the operator console and the phone remote in end-to-end tests. Page code is
 * passed as strings: tests are type-checked without the DOM library.
 */

/**
 * Keeps the last `show` message a page received in `window.__lastShow`, for views that do
 * not (yet) render what a test needs to see, such as the overlay's languages.
 */
export const RECORD_SHOW = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        try {
          const message = JSON.parse(event.data);
          if (message.type === 'show') window.__lastShow = message.show;
        } catch {}
      });
    }
  };
})()`;

export async function lastShow<T = Record<string, unknown>>(page: Page): Promise<T | null> {
  return page.evaluate<T | null>('window.__lastShow ?? null');
}

/** The item the display shows (its stage), or null before the first slide. */
export function displayItem(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.querySelector('.slide-frame[data-phase="in"]')?.getAttribute('data-item-id') ?? document.querySelector('.stage')?.getAttribute('data-item-id') ?? null`,
  );
}

export async function expectDisplayItem(page: Page, itemId: string, timeout = 10_000) {
  await expect
    .poll(() => displayItem(page), { timeout, intervals: [50], message: `display shows ${itemId}` })
    .toBe(itemId);
}

/**
 * The line the display marks as being sung: its original text. The lyrics slide marks it
 * with aria-current (`.lyric.is-current`); the stanza on screen is the cursor's stanza.
 */
export function displayCurrentLine(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `(() => {
      const frame = document.querySelector('.slide-frame[data-phase="in"]') ?? document;
      const line = frame.querySelector('.lyric[aria-current="true"], [data-lyric-line][aria-current="true"]');
      if (!line) return null;
      const original = line.querySelector('.lyric-original') ?? line;
      return original.textContent.trim();
    })()`,
  );
}

/** The line the console marks as current: its flat index over the song. */
export function operatorCurrentLine(page: Page): Promise<number | null> {
  return page.evaluate<number | null>(
    `(() => {
      const line = document.querySelector('[data-testid="song-lines"] [aria-current="true"]');
      return line ? Number(line.getAttribute('data-lyric-line')) : null;
    })()`,
  );
}

/** The PIN and the phone's address, as the console shows them once the remote is on. */
export async function readPairing(operator: Page): Promise<{ pin: string; url: string }> {
  const pinText = await operator.getByTestId('remote-pin').innerText();
  const url = (await operator.getByTestId('remote-url').innerText()).trim();
  return { pin: pinText.replace(/\D/g, ''), url };
}

/** Types a PIN (and a name) into the phone's pairing form and submits it. */
export async function submitPin(phone: Page, pin: string, name?: string) {
  await phone.getByRole('textbox', { name: 'PIN' }).fill(pin);
  if (name) await phone.getByRole('textbox', { name: /Name of this phone/ }).fill(name);
  await phone.getByRole('button', { name: 'Pair' }).click();
}
