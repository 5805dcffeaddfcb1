import type { CaseItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import { audienceLanguage, audienceT, formatNumber, splitAtNumber } from '../i18n/audience';
import { type SlideContext, formatDate, slideMediaUrl, text } from './context';
import { calendarDate, daysBehindBars } from '../../shared/time';
import { Qr } from './Qr';
import { printedUrl } from './url-text';

/** The counter: the number drawn big, the words around it in the slide's language. */
function DaysBehindBars({ language, days }: { language: string; days: number }) {
  const message = audienceT(language, 'display')('case.daysBehindBars', { count: days });
  const parts = splitAtNumber(message, formatNumber(audienceLanguage(language), days));
  return (
    <>
      {parts.before ? <span className="case-days-label">{parts.before}</span> : null}
      <span className="case-days-number">{parts.number}</span>
      <span className="case-days-label">{parts.after}</span>
    </>
  );
}

export function CaseSlide({ item, ctx }: { item: CaseItem; ctx: SlideContext }) {
  const t = audienceT(ctx.language, 'display');
  const days = daysBehindBars(item.arrested, calendarDate(ctx.nowMs), item.released);
  const link = item.links[0];
  const photo = item.photo?.consent ? item.photo : undefined;
  const name = text(ctx, item.name);

  return (
    <article className={`slide slide-case${photo ? ' has-photo' : ''}`}>
      {photo ? (
        <figure className="case-photo">
          <img src={slideMediaUrl(ctx, photo.file)} alt={text(ctx, photo.alt) ?? name ?? ''} />
          {photo.credit ? <figcaption>{text(ctx, photo.credit)}</figcaption> : null}
        </figure>
      ) : null}
      <Fit className="case-main" max={GROW} watch={ctx.language}>
        <h1 className="case-name">{name}</h1>
        <dl className="case-facts">
          <div className="fact">
            <dt>{t('case.arrested')}</dt>
            <dd>{formatDate(item.arrested, ctx.language)}</dd>
          </div>
          {item.age !== undefined ? (
            <div className="fact">
              <dt>{t('case.age')}</dt>
              <dd>{formatNumber(ctx.language, item.age)}</dd>
            </div>
          ) : null}
          <div className="fact">
            <dt>{t('case.charge')}</dt>
            <dd>{text(ctx, item.charge)}</dd>
          </div>
          <div className="fact">
            <dt>{t('case.status')}</dt>
            <dd>{text(ctx, item.status)}</dd>
          </div>
        </dl>
        <p className="case-summary">{text(ctx, item.summary)}</p>
        <p className="case-as-of">{t('case.asOf', { when: text(ctx, item.asOf) })}</p>
      </Fit>
      <aside className="case-side">
        {days !== null ? (
          <Fit
            className={`case-days${item.released ? ' is-released' : ''}`}
            data-testid="days-behind-bars"
            watch={`${ctx.language}${days}`}
          >
            <DaysBehindBars language={ctx.language} days={days} />
            {item.released ? (
              <span className="case-days-released">
                {t('case.releasedOn', { date: formatDate(item.released, ctx.language) })}
              </span>
            ) : null}
          </Fit>
        ) : null}
        {link ? (
          <Qr
            value={link.url}
            caption={text(ctx, link.label)}
            printed={printedUrl(link.url)}
            className="case-qr"
          />
        ) : null}
      </aside>
    </article>
  );
}
