import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RunnerProvider } from '../../../../../src/renderer/controls/run';
import { StoresContext, applyShow, createStores } from '../../../../../src/renderer/stores';
import { ClockPrompt, offsetDays } from '../../../../../src/renderer/views/remote/ClockPrompt';
import { translate, type AppLanguage } from '../../../../../src/shared/i18n';
import {
  coreText,
  type Command,
  type Result,
  type ShowState,
} from '../../../../../src/shared/protocol';
import { inLanguage } from '../../in-language';
import { showState } from '../../fixtures';

const DAY = 86_400_000;
/** A Pi with no battery: it booted on the first of January 1970. */
const PI_BOOT = Date.UTC(1970, 0, 1, 0, 5);

function behind(offsetMs = 0): ShowState['clock'] {
  return { offsetMs, machineClockBehind: true, newestPastDay: '2026-11-30' };
}

function renderPrompt(
  show: ShowState,
  language: AppLanguage = 'en',
  answer: Result = { ok: true },
) {
  const stores = createStores();
  const send = vi.fn(async (_command: Command) => answer);
  applyShow(show, stores.show);
  const { ui } = inLanguage(
    <StoresContext.Provider value={stores}>
      <RunnerProvider send={send}>
        <ClockPrompt />
      </RunnerProvider>
    </StoresContext.Provider>,
    language,
  );
  render(ui);
  return { send, stores };
}

describe('the phone’s clock prompt', () => {
  it('says nothing while the machine’s clock is plausible, or the core does not say', () => {
    renderPrompt(
      showState({ clock: { offsetMs: 0, machineClockBehind: false, newestPastDay: '2026-11-30' } }),
    );
    expect(screen.queryByTestId('remote-clock-prompt')).toBeNull();
    expect(screen.queryByTestId('remote-clock-set')).toBeNull();
  });

  it('says nothing for a core without a show clock', () => {
    renderPrompt(showState());
    expect(screen.queryByTestId('remote-clock-prompt')).toBeNull();
  });

  it.each(['en', 'fr', 'ru', 'uk'] as const)(
    '%s: shows the screen’s day and the phone’s time in the phone’s language, and sends the phone’s time',
    async (language) => {
      const { send } = renderPrompt(showState({ serverTime: PI_BOOT, clock: behind() }), language);
      const prompt = screen.getByTestId('remote-clock-prompt');
      const screenDay = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(
        new Date(PI_BOOT),
      );
      expect(prompt).toHaveTextContent(screenDay);
      expect(prompt).toHaveTextContent(String(new Date().getFullYear()));
      const t = translate(language, 'remote');
      const button = screen.getByRole('button', { name: t('clock.usePhoneTime') });
      const before = Date.now();
      await act(async () => {
        fireEvent.click(button);
      });
      expect(send).toHaveBeenCalledTimes(1);
      const sent = send.mock.calls[0]?.[0] as { name: string; now: number };
      expect(sent.name).toBe('setShowClock');
      expect(sent.now).toBeGreaterThanOrEqual(before);
      expect(sent.now).toBeLessThanOrEqual(Date.now());
    },
  );

  it.each(['en', 'fr', 'ru', 'uk'] as const)(
    '%s: shows the core’s refusal in the phone’s language, and keeps the prompt',
    async (language) => {
      const refusal = coreText('autostart.clockBeforePack', {
        day: '2020-01-01',
        newest: '2026-11-30',
      });
      renderPrompt(showState({ serverTime: PI_BOOT, clock: behind() }), language, {
        ok: false,
        error: refusal,
      });
      await act(async () => {
        fireEvent.click(screen.getByTestId('remote-clock-use'));
      });
      const shown = screen.getByTestId('remote-clock-problem').textContent;
      expect(shown).toBe(
        translate(language, 'core')('autostart.clockBeforePack', { ...refusal.params }),
      );
      if (language !== 'en') expect(shown).not.toBe(refusal.message);
      expect(screen.getByTestId('remote-clock-use')).toBeEnabled();
    },
  );

  it('once set, says so with the days in the phone’s plural, and no longer offers the button', () => {
    const { stores } = renderPrompt(showState({ serverTime: PI_BOOT, clock: behind() }), 'ru');
    expect(screen.getByTestId('remote-clock-use')).toBeInTheDocument();
    for (const [days, word] of [
      [1, 'день'],
      [3, 'дня'],
      [5, 'дней'],
      [20_793, 'дня'],
    ] as const) {
      act(() =>
        applyShow(
          showState({ serverTime: PI_BOOT + days * DAY, clock: behind(days * DAY) }),
          stores.show,
        ),
      );
      expect(screen.queryByTestId('remote-clock-use')).toBeNull();
      const line = screen.getByTestId('remote-clock-set').textContent ?? '';
      expect(line).toContain(`${new Intl.NumberFormat('ru').format(days)} ${word})`);
    }
  });

  it('counts the offset in whole days', () => {
    expect(offsetDays(0)).toBe(0);
    expect(offsetDays(3 * DAY + 60_000)).toBe(3);
    expect(offsetDays(20_000 * DAY - 3_600_000)).toBe(20_000);
  });
});
