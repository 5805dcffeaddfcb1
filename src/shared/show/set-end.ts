import type { SetlistItem } from '../content';
import { zonedTimeToInstant } from '../time/calendar';

/**
 * When a setlist's set must end (epoch ms), or null when the setlist gives no end. With a time
 * zone, the wall time there; without, the wall time of the machine asking (the stage's own clock,
 * which is the clock the band reads).
 */
export function setEndsAt(setlist: Pick<SetlistItem, 'endsAt' | 'timeZone'>): number | null {
  const { endsAt, timeZone } = setlist;
  if (!endsAt?.includes('T')) return null;
  const [date, time] = endsAt.split('T') as [string, string];
  if (timeZone) return zonedTimeToInstant(date, time, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}
