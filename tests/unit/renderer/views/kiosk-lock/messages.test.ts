import { describe, expect, it } from 'vitest';
import { translate, type AppLanguage } from '../../../../../src/shared/i18n';
import {
  lockedMessage,
  messageFor,
  withDigit,
  type PromptMessage,
} from '../../../../../src/renderer/views/kiosk-lock/messages';

// The PIN prompt's words (src/renderer/views/kiosk-lock); its DOM is covered in tests/electron.
const say = (language: AppLanguage, message: PromptMessage) =>
  translate(language, 'kiosk')(message.key, message.params ?? {});
const num = (language: string, n: number) => new Intl.NumberFormat(language).format(n);

describe('the PIN prompt', () => {
  it('says how many tries are left, and when to try again', () => {
    expect(say('en', messageFor({ ok: false, error: 'wrong-pin', attemptsLeft: 3 }))).toBe(
      'Wrong PIN. 3 tries left before a one-minute wait.',
    );
    expect(say('en', messageFor({ ok: false, error: 'wrong-pin', attemptsLeft: 1 }))).toContain(
      'One more wrong PIN',
    );
    const locked = messageFor({ ok: false, error: 'locked-out', retryInMs: 59_001 });
    expect(locked.lockedForMs).toBe(59_001);
    expect(say('en', locked)).toBe('Too many wrong PINs. Try again in 60 s.');
    expect(say('en', lockedMessage(10))).toBe('Too many wrong PINs. Try again in 1 s.');
    expect(say('en', messageFor({ ok: true }))).toContain('Unlocked');
    expect(say('en', messageFor({ ok: false, error: 'invalid' }))).toContain('did not accept');
  });

  // Written out by hand: the plural forms are what is under test.
  it.each([
    ['ru', 2, 'Неверный PIN-код. Осталось 2 попытки до минутной паузы.'],
    ['ru', 5, 'Неверный PIN-код. Осталось 5 попыток до минутной паузы.'],
    ['ru', 21, 'Неверный PIN-код. Осталась 21 попытка до минутной паузы.'],
    ['uk', 3, 'Неправильний PIN-код. Залишилося 3 спроби до хвилинної паузи.'],
    ['uk', 11, 'Неправильний PIN-код. Залишилося 11 спроб до хвилинної паузи.'],
    ['fr', 2, 'Code PIN erroné. Encore 2 essais avant une minute d’attente.'],
    ['en', 2, 'Wrong PIN. 2 tries left before a one-minute wait.'],
  ] as const)('%s: %i tries left', (language, attemptsLeft, text) => {
    expect(say(language, messageFor({ ok: false, error: 'wrong-pin', attemptsLeft }))).toBe(text);
  });

  it.each(['ru', 'fr', 'uk'] as const)(
    '%s: every message is in the language, none in English',
    (language) => {
      const results = [
        { ok: true },
        { ok: false, error: 'wrong-pin', attemptsLeft: 1 },
        { ok: false, error: 'wrong-pin', attemptsLeft: 4 },
        { ok: false, error: 'locked-out', retryInMs: 1_500_000 },
        { ok: false, error: 'invalid' },
      ] as const;
      for (const result of results) {
        const message = messageFor(result);
        expect(say(language, message)).not.toBe(say('en', message));
      }
      // The wait is a number in the language's own writing: 1 500 s, not 1,500 s.
      expect(say(language, lockedMessage(1_500_000))).toContain(num(language, 1500));
      for (const key of ['title', 'pin', 'erase', 'ok', 'cancel', 'outsideApp'])
        expect(translate(language, 'kiosk')(key)).not.toBe(translate('en', 'kiosk')(key));
    },
  );

  it('takes digits only, up to twelve', () => {
    expect(withDigit('12', '3')).toBe('123');
    expect(withDigit('12', 'a')).toBe('12');
    expect(withDigit('12', '34')).toBe('12');
    expect(withDigit('123456789012', '3')).toBe('123456789012');
  });
});
