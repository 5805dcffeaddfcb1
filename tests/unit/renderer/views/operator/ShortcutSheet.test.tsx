import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutSheet } from '../../../../../src/renderer/views/operator/ShortcutSheet';
import { consoleActions, obsKeyList } from '../../../../../src/shared/actions';
import { APP_LANGUAGES, createTranslator, translate } from '../../../../../src/shared/i18n';

const en = translate('en', 'actions');

describe('the shortcut sheet', () => {
  it('lists every registered operator action and the OBS keys', () => {
    render(<ShortcutSheet onClose={vi.fn()} />);
    const sheet = screen.getByRole('dialog');
    for (const action of consoleActions) {
      const row = sheet.querySelector(`[data-action="${action.name}"]`);
      expect(row, action.name).not.toBeNull();
      expect(row).toHaveTextContent(en(action.labelKey));
    }
    const obs = within(sheet).getByRole('heading', { name: 'Streaming (OBS)' }).parentElement!;
    for (const entry of obsKeyList) expect(obs).toHaveTextContent(en(entry.labelKey));
  });

  for (const language of APP_LANGUAGES.filter((l) => l !== 'en')) {
    it(`names every action in ${language}, neither in English nor as a bare key`, () => {
      const t = translate(language, 'actions');
      render(
        <I18nextProvider i18n={createTranslator(language)}>
          <ShortcutSheet onClose={vi.fn()} />
        </I18nextProvider>,
      );
      const sheet = screen.getByRole('dialog');
      for (const action of consoleActions) {
        const label = sheet.querySelector(`[data-action="${action.name}"] th`)?.textContent;
        expect(label, action.name).toBe(t(action.labelKey));
        expect(label, action.name).not.toBe(en(action.labelKey));
        expect(label, action.name).not.toBe(action.labelKey);
      }
    });
  }
});
