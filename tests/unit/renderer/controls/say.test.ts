import { describe, expect, it } from 'vitest';
import { actionLabel, say } from '../../../../src/renderer/controls/say';
import {
  blackoutAction,
  message,
  overlayActionFor,
  phoneLayout,
} from '../../../../src/shared/actions';
import { APP_LANGUAGES, translate } from '../../../../src/shared/i18n';
import { showOnAir } from '../../../fixtures/state/show-state';

describe('say', () => {
  it('says a message with a message as its parameter, both in the reader’s language', () => {
    const on = message('phone.overlayOn', { element: message('overlayElement.lyrics') });
    expect(say(translate('en', 'remote'), on)).toBe('Lyrics: on');
    expect(say(translate('fr', 'remote'), on)).toBe('Paroles\u00a0: activé');
    expect(say(translate('ru', 'remote'), on)).toBe('Текст песни: вкл.');
  });

  it('names actions from any page’s translator', () => {
    expect(actionLabel(translate('uk', 'console'), blackoutAction)).toBe('Затемнення');
    expect(actionLabel(translate('en', 'remote'), overlayActionFor.nowPlaying)).toBe(
      'Overlay: now playing',
    );
  });

  it('gives every phone button words of its own in every language, none of them English', () => {
    const shows = [null, showOnAir('a'), showOnAir('a', { blackout: true, safeMode: true })];
    const english = translate('en', 'remote');
    for (const language of APP_LANGUAGES.filter((l) => l !== 'en')) {
      const t = translate(language, 'remote');
      for (const section of phoneLayout) {
        for (const button of section.buttons) {
          for (const show of shows) {
            const words = say(t, button.label(show));
            expect(words, `${language} ${button.action}`).not.toBe(
              say(english, button.label(show)),
            );
            expect(words).not.toMatch(/^phone\.|^overlayElement\./);
          }
        }
      }
    }
  });
});
