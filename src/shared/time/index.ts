export {
  addDays,
  calendarDate,
  calendarDaysBetween,
  dayNumber,
  inDateWindow,
  zonedTimeToInstant,
} from './calendar';
export { eventEndsAt, eventIsOver, eventStatus, parseLocal } from './event-times';
export type { EventStatus, EventTimes, LocalDateTime } from './event-times';
export { custodyDays, daysBehindBars } from './days-behind-bars';
export type { CustodyPeriod } from './days-behind-bars';
export { earliestDay, isMonthOnly, isPartialDate, latestDay } from './partial-date';
export type { PartialDate } from './partial-date';
export { DEFAULT_FACTS_MAX_AGE_DAYS, factsAreStale } from './facts-age';
export { effectiveCampaignTag, tagLink } from './links';
export type { CampaignTag } from './links';
export { systemClock } from './clock';
export type { Clock } from './clock';
export { DEFAULT_BACKOFF, backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { inTimeWindow, machineTimeZone, windowEdge, windowEdges } from './time-window';
export type { TimeWindow } from './time-window';
