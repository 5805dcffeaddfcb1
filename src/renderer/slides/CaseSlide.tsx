import type { CaseItem } from '../../shared/content';
import { daysBehindBarsLabel, formatNumber, labelsFor } from '../i18n/labels';
import { type SlideContext, mediaUrl, text } from './context';
import { calendarDate, daysBehindBars } from './days-behind-bars';
import { Qr } from './Qr';

function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

export function CaseSlide({ item, ctx }: { item: CaseItem; ctx: SlideContext }) {
  const labels = labelsFor(ctx.language);
  const days = daysBehindBars(item.arrested, calendarDate(ctx.nowMs));
  const link = item.links[0];
  const photo = item.photo?.consent ? item.photo : undefined;

  return (
    <article className="slide slide-case">
      <div className="case-main">
        <h1 className="case-name">{text(ctx, item.name)}</h1>
        <dl className="case-facts">
          <div className="fact">
            <dt>{labels.arrested}</dt>
            <dd>{formatDate(item.arrested, ctx.language)}</dd>
          </div>
          <div className="fact">
            <dt>{labels.charge}</dt>
            <dd>{text(ctx, item.charge)}</dd>
          </div>
          <div className="fact">
            <dt>{labels.status}</dt>
            <dd>{text(ctx, item.status)}</dd>
          </div>
        </dl>
        <p className="case-summary clamp">{text(ctx, item.summary)}</p>
        <p className="case-as-of">
          {labels.asOf} {text(ctx, item.asOf)}
        </p>
      </div>
      <aside className="case-side">
        {photo ? (
          <img
            className="case-photo"
            src={mediaUrl(photo.file)}
            alt={text(ctx, photo.alt) ?? text(ctx, item.name) ?? ''}
          />
        ) : null}
        {days !== null ? (
          <div className="case-days" data-testid="days-behind-bars">
            <span className="case-days-number">{formatNumber(ctx.language, days)}</span>
            <span className="case-days-label">{daysBehindBarsLabel(ctx.language, days)}</span>
          </div>
        ) : null}
        {link ? <Qr value={link.url} caption={text(ctx, link.label)} className="case-qr" /> : null}
      </aside>
    </article>
  );
}
