import { describe, expect, it } from 'vitest';
import {
  closeReasonKey,
  connectionKey,
} from '../../../../../src/renderer/views/operator/connection-text';
import { APP_LANGUAGES, translate } from '../../../../../src/shared/i18n';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
} from '../../../../../src/shared/protocol/close-codes';

describe('the console’s connection words', () => {
  it('says why the core closed the socket by its close code, in every language', () => {
    for (const code of [CLOSE_UNAUTHORIZED, CLOSE_FORBIDDEN_ORIGIN, CLOSE_REMOTE_OFF, 1001, 4000]) {
      const key = closeReasonKey(code);
      expect(key, String(code)).not.toBeNull();
      const english = translate('en', 'console')(key!);
      for (const language of APP_LANGUAGES.filter((l) => l !== 'en')) {
        const words = translate(language, 'console')(key!);
        expect(words).not.toBe(english);
        expect(words).not.toBe(key);
      }
    }
  });

  it('has no words for a code it does not know: the core’s reason is shown as sent', () => {
    expect(closeReasonKey(null)).toBeNull();
    expect(closeReasonKey(1006)).toBeNull();
  });

  it('puts the reason in the badge only when there is one', () => {
    const t = translate('fr', 'console');
    expect(t(connectionKey('reconnecting', true), { reason: 'x' })).toBe('Reconnexion… (x)');
    expect(t(connectionKey('reconnecting', false))).toBe('Reconnexion…');
    expect(t(connectionKey('idle', true), { reason: 'x' })).toBe('Non connecté\u00a0: x');
    expect(t(connectionKey('open', false))).toBe('Connecté');
  });
});
