import type { EventItem } from '../../shared/content';
import { inDaysLabel, labelsFor } from '../i18n/labels';
import { type SlideContext, text } from './context';
import { eventStatus, formatEventWhen, type EventStatus } from './event-time';
import { Qr } from './Qr';

function statusText(status: EventStatus, language: string): string {
  const labels = labelsFor(language);
  switch (status.kind) {
    case 'past':
      return labels.past;
    case 'now':
      return labels.now;
    case 'today':
      return labels.today;
    case 'upcoming':
      return status.days === 1 ? labels.tomorrow : inDaysLabel(language, status.days);
  }
}

export function EventSlide({ item, ctx }: { item: EventItem; ctx: SlideContext }) {
  const status = eventStatus(item, ctx.nowMs);
  const when = formatEventWhen(item, ctx.language);
  const venue = text(ctx, item.venue);
  const description = text(ctx, item.description);

  return (
    <article className={`slide slide-event ${status ? `event-${status.kind}` : ''}`}>
      <div className="event-main">
        {status ? (
          <p className="event-status" data-status={status.kind}>
            {statusText(status, ctx.language)}
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
        {description ? <p className="event-description clamp">{description}</p> : null}
      </div>
      {item.url && status?.kind !== 'past' ? (
        <aside className="event-side">
          <Qr value={item.url} />
        </aside>
      ) : null}
    </article>
  );
}
