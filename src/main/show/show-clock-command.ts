import { coreText, fail, ok, type Result } from '../../shared/protocol';
import { calendarDate } from '../../shared/time';
import type { ShowClock } from './show-clock';

/**
 * `setShowClock`: moves the show clock to `now`, or says why not (no show clock here, a day
 * before the pack's newest date, or too far past it). `onSet` keeps the offset across a restart.
 */
export function setShowClock(
  showClock: ShowClock | null,
  now: number,
  onSet: (offsetMs: number) => void,
): Result {
  if (!showClock) return fail(coreText('command.showNotRunning'));
  const refused = showClock.set(now);
  if (refused) {
    const newest = showClock.state().newestPastDay ?? '';
    return fail(
      coreText(
        refused === 'beforePack' ? 'autostart.clockBeforePack' : 'autostart.clockTooFarAhead',
        {
          day: calendarDate(now),
          newest,
        },
      ),
    );
  }
  onSet(showClock.state().offsetMs);
  return ok;
}
