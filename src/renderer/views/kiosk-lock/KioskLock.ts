import type { Translate } from '../../../shared/i18n';
import { lockedMessage, messageFor, withDigit, type PromptMessage } from './messages';

type Api = NonNullable<Window['api']>;

/**
 * The PIN prompt: a field, an on-screen keypad for touch kiosks, and one line of status.
 * Escape (handled by the shell) or Cancel closes it and the show carries on.
 */
export function mountKioskLock(root: HTMLElement, api: Api | undefined, t: Translate): void {
  // The words go in as text, never as HTML: a catalog is data, not markup.
  root.innerHTML = `
    <h1></h1>
    <input type="password" inputmode="numeric" autocomplete="off" maxlength="12" />
    <p class="status" role="status" aria-live="polite"></p>
    <div class="keypad">
      ${['1', '2', '3', '4', '5', '6', '7', '8', '9']
        .map((d) => `<button type="button" data-digit="${d}">${d}</button>`)
        .join('')}
      <button type="button" data-action="erase">⌫</button>
      <button type="button" data-digit="0">0</button>
      <button type="button" data-action="submit" class="ok"></button>
    </div>
    <button type="button" data-action="cancel" class="cancel"></button>`;
  const element = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  element<HTMLHeadingElement>('h1').textContent = t('title');
  const input = element<HTMLInputElement>('input');
  input.setAttribute('aria-label', t('pin'));
  input.placeholder = t('pin');
  element<HTMLButtonElement>('[data-action="erase"]').setAttribute('aria-label', t('erase'));
  element<HTMLButtonElement>('[data-action="submit"]').textContent = t('ok');
  element<HTMLButtonElement>('[data-action="cancel"]').textContent = t('cancel');
  const status = element<HTMLParagraphElement>('.status');
  const say = (message: PromptMessage) => t(message.key, message.params ?? {});
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
        status.textContent = say(lockedMessage(left));
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
      status.textContent = t('outsideApp');
      return;
    }
    busy = true;
    const pin = input.value;
    input.value = '';
    try {
      const message = messageFor(await api.unlock(pin));
      status.textContent = say(message);
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
