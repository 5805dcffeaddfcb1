import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useClock } from '../../controls/use-clock';
import { useRunner } from '../../controls/run';
import { localize } from '../../i18n/localize';
import { useStores } from '../../stores';

const DAY_MS = 86_400_000;

/** The show clock's offset in whole days, for the phone's status line. */
export function offsetDays(offsetMs: number): number {
  return Math.round(offsetMs / DAY_MS);
}

/**
 * The show machine's clock is before what the pack states as past (a Pi with no battery
 * boots in 1970), so every "days behind bars" on screen is wrong. A phone almost always
 * has the right time from its network: it offers that time. The core refuses a time that
 * is not believable for the pack, and the phone says why in its own language.
 */
export function ClockPrompt() {
  const { t, i18n } = useTranslation('remote');
  const { send } = useRunner();
  const show = useStores().show;
  const clock = useStore(show, (s) => s.show?.clock);
  const screenNow = useStore(show, (s) => s.show?.serverTime);
  const behind = clock?.machineClockBehind === true;
  const phoneNow = useClock(5_000, behind);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!clock || !behind || screenNow === undefined) return null;

  if (clock.offsetMs !== 0) {
    return (
      <p className="remote-clock-set remote-muted" role="status" data-testid="remote-clock-set">
        {t('clock.set', { count: offsetDays(clock.offsetMs) })}
      </p>
    );
  }

  const sendPhoneTime = async () => {
    setBusy(true);
    // Read at the press, not at the last render: the prompt may have been open for minutes.
    const result = await send({ name: 'setShowClock', now: Date.now() });
    setBusy(false);
    setProblem(result.ok ? null : localize(t, result.error));
  };
  const screen = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const phone = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section className="remote-clock" role="alert" data-testid="remote-clock-prompt">
      <h2 className="remote-clock-title">{t('clock.title')}</h2>
      <p>
        {t('clock.wrong', {
          screen: screen.format(new Date(screenNow)),
          phone: phone.format(new Date(phoneNow)),
        })}
      </p>
      <button
        type="button"
        className="remote-button remote-primary"
        data-testid="remote-clock-use"
        disabled={busy}
        onClick={() => void sendPhoneTime()}
      >
        {t('clock.usePhoneTime')}
      </button>
      {problem ? (
        <p className="remote-error" data-testid="remote-clock-problem">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
