import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutSheet } from '../../../../../src/renderer/views/operator/ShortcutSheet';
import { consoleActions, obsKeyList } from '../../../../../src/shared/actions';

describe('the shortcut sheet', () => {
  it('lists every registered operator action and the OBS keys', () => {
    render(<ShortcutSheet onClose={vi.fn()} />);
    const sheet = screen.getByRole('dialog');
    for (const action of consoleActions) {
      expect(sheet.querySelector(`[data-action="${action.name}"]`), action.name).not.toBeNull();
    }
    const obs = within(sheet).getByRole('heading', { name: 'OBS' }).parentElement!;
    for (const entry of obsKeyList) expect(obs).toHaveTextContent(entry.label);
  });
});
