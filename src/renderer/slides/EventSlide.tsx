import type { EventItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import type { Translate } from '../../shared/i18n';
import { audienceT, hoursMinutes } from '../i18n/audience';
import { type SlideContext, text } from './context';
import { eventStatus, type EventStatus } from '../../shared/time';
import { formatEventWhen, startInstant } from './event-format';
import { Qr } from './Qr';
import { printedUrl } from './url-text';

function statusText(status: EventStatus, t: Translate): string {
  switch (status.kind) {
    case 'past':
      return t('event.past');
    case 'now':
      return t('event.now');
    case 'today':
      return t('event.today');
    case 'upcoming':
      return status.days === 1 ? t('event.tomorrow') : t('event.inDays', { count: status.days });
  }
}

export function EventSlide({ item, ctx }: { item: EventItem; ctx: SlideContext }) {
  const t = audienceT(ctx.language, 'display');
  const status = eventStatus(item, ctx.nowMs);
  const when = formatEventWhen(item, ctx.language);
  const venue = text(ctx, item.venue);
  const description = text(ctx, item.description);
  const start = startInstant(item);
  // On the day, count down to the doors: "today" alone says nothing at 10:00 for a 19:30 gig.
  const countdown =
    status?.kind === 'today' && start !== null && start > ctx.nowMs
      ? t('event.startsIn', { time: hoursMinutes(t, start - ctx.nowMs) })
      : null;
  const showQr = item.url !== undefined && status?.kind !== 'past';

  return (
    <article
      className={`slide slide-event${status ? ` event-${status.kind}` : ''}${showQr ? ' has-qr' : ''}`}
    >
      <Fit className="event-main" max={GROW} watch={`${ctx.language}${countdown}${status?.kind}`}>
        {status ? (
          <p className="event-status">
            <span className="event-badge" data-status={status.kind}>
              {statusText(status, t)}
            </span>
            {countdown ? <span className="event-countdown">{countdown}</span> : null}
          </p>
        ) : null}
        <h1 className="event-title">{text(ctx, item.title)}</h1>
        {when ? (
          <p className="event-when">
            <span className="event-date">{when.date}</span>
            {when.time ? <span className="event-time">{when.time}</span> : null}
          </p>
        ) : null}
        {venue || item.address ? (
          <p className="event-where">
            {venue ? <span className="event-venue">{venue}</span> : null}
            {item.address ? <span className="event-address">{item.address}</span> : null}
          </p>
        ) : null}
        {description ? <p className="event-description">{description}</p> : null}
      </Fit>
      {showQr && item.url ? (
        <Qr value={item.url} printed={printedUrl(item.url)} className="event-qr" />
      ) : null}
    </article>
  );
}
