import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Command, Result } from '../../../shared/protocol';
import { localize } from '../../i18n/localize';
import { useStores } from '../../stores';
import { sendCommand } from '../../transport/socket';
import './clock-banner.css';

function formatInstant(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}

/** This device's time, for the banner's text; looked at again every few seconds. */
function useDeviceNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The show machine's clock is before what the pack states as past (a Pi with no battery
 * boots in 1970): every "days behind bars" on screen is wrong. The console's browser may be
 * on another device whose clock is right, so it offers that device's time.
 */
export function ClockBanner({
  send = sendCommand,
}: {
  send?: (command: Command) => Promise<Result>;
}) {
  const { t, i18n } = useTranslation('console');
  const clock = useStore(useStores().show, (s) => s.show?.clock);
  const serverTime = useStore(useStores().show, (s) => s.show?.serverTime);
  const [problem, setProblem] = useState<string | null>(null);
  const deviceNow = useDeviceNow();
  if (!clock?.machineClockBehind || serverTime === undefined) return null;
  const fixed = clock.offsetMs !== 0;
  const sendThisTime = async () => {
    const result = await send({ name: 'setShowClock', now: Date.now() });
    setProblem(result.ok ? null : localize(t, result.error));
  };
  return (
    <section className="op-clock-banner" role="alert" data-testid="clock-banner">
      <h2 className="op-clock-title">{fixed ? t('clock.fixedTitle') : t('clock.title')}</h2>
      <p>
        {t(fixed ? 'clock.fixed' : 'clock.wrong', {
          screen: formatInstant(serverTime, i18n.language),
          here: formatInstant(deviceNow, i18n.language),
        })}
      </p>
      <button type="button" className="op-clock-use" onClick={() => void sendThisTime()}>
        {t('clock.useThisComputer')}
      </button>
      {problem ? <p className="op-clock-problem">{problem}</p> : null}
    </section>
  );
}
