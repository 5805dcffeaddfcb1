import { lockedText, messageFor, withDigit } from './messages';

type Api = NonNullable<Window['api']>;

/**
 * The PIN prompt: a field, an on-screen keypad for touch kiosks, and one line of status.
 * Escape (handled by the shell) or Cancel closes it and the show carries on.
 */
export function mountKioskLock(root: HTMLElement, api: Api | undefined): void {
  root.innerHTML = `
    <h1>Leave the kiosk</h1>
    <input type="password" inputmode="numeric" autocomplete="off" maxlength="12"
      aria-label="PIN" placeholder="PIN" />
    <p class="status" role="status" aria-live="polite"></p>
    <div class="keypad">
      ${['1', '2', '3', '4', '5', '6', '7', '8', '9']
        .map((d) => `<button type="button" data-digit="${d}">${d}</button>`)
        .join('')}
      <button type="button" data-action="erase" aria-label="Erase">⌫</button>
      <button type="button" data-digit="0">0</button>
      <button type="button" data-action="submit" class="ok">OK</button>
    </div>
    <button type="button" data-action="cancel" class="cancel">Cancel</button>`;
  const input = root.querySelector('input') as HTMLInputElement;
  const status = root.querySelector('.status') as HTMLParagraphElement;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('.keypad button')];
  let busy = false;
  let lockTimer: ReturnType<typeof setInterval> | undefined;

  const setDisabled = (disabled: boolean) => {
    input.disabled = disabled;
    for (const button of buttons) button.disabled = disabled;
  };

  const lockFor = (ms: number) => {
    const until = Date.now() + ms;
    setDisabled(true);
    clearInterval(lockTimer);
    lockTimer = setInterval(() => {
      const left = until - Date.now();
      if (left > 0) {
        status.textContent = lockedText(left);
        return;
      }
      clearInterval(lockTimer);
      status.textContent = '';
      setDisabled(false);
      input.focus();
    }, 500);
  };

  const submit = async () => {
    if (busy || input.value === '') return;
    if (!api) {
      status.textContent = 'This page only works inside the kiosk app.';
      return;
    }
    busy = true;
    const pin = input.value;
    input.value = '';
    try {
      const message = messageFor(await api.unlock(pin));
      status.textContent = message.text;
      if (message.lockedForMs !== undefined) lockFor(message.lockedForMs);
    } finally {
      busy = false;
      if (!input.disabled) input.focus();
    }
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || button.disabled) return;
    const digit = button.dataset.digit;
    if (digit !== undefined) input.value = withDigit(input.value, digit);
    else if (button.dataset.action === 'erase') input.value = input.value.slice(0, -1);
    else if (button.dataset.action === 'submit') void submit();
    else if (button.dataset.action === 'cancel') window.close();
    if (!input.disabled) input.focus();
  });
  input.addEventListener('input', () => {
    input.value = [...input.value].reduce(withDigit, '');
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void submit();
  });
  input.focus();
}
