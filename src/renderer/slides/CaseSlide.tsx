import { asOfDate, custodyOf, latestFirst, releasedOn, type CaseItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import { audienceLanguage, audienceT, formatNumber, splitAtNumber } from '../i18n/audience';
import { type SlideContext, formatDate, slideMediaUrl, text } from './context';
import { calendarDate } from '../../shared/time';
import {
  caseCounter,
  caseWords,
  formatPartialDate,
  sentenceText,
  staleFactsDate,
} from './case-words';
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

/** The slide has room for this many of the case's latest steps. */
const LATEST_EVENTS = 3;

export function CaseSlide({ item, ctx }: { item: CaseItem; ctx: SlideContext }) {
  const labels = audienceT(ctx.language, 'display');
  const t = caseWords(ctx.language);
  const today = calendarDate(ctx.nowMs);
  const counter = caseCounter(item, today);
  const released = releasedOn(item);
  const firstArrest = custodyOf(item)[0]?.from;
  const sentence = latestFirst(item.sentences)[0];
  const events = latestFirst(item.events).slice(0, LATEST_EVENTS);
  const asOf = asOfDate(item);
  const staleDate = staleFactsDate(
    item,
    today,
    ctx.pack.cases?.factsMaxAgeDays,
    ctx.language,
    text(ctx, item.asOf),
  );
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
          {firstArrest !== undefined ? (
            <div className="fact">
              <dt>{labels('case.arrested')}</dt>
              <dd>{formatPartialDate(firstArrest, ctx.language)}</dd>
            </div>
          ) : null}
          {item.age !== undefined ? (
            <div className="fact">
              <dt>{labels('case.age')}</dt>
              <dd>{formatNumber(ctx.language, item.age)}</dd>
            </div>
          ) : null}
          <div className="fact">
            <dt>{labels('case.charge')}</dt>
            <dd>{text(ctx, item.charge)}</dd>
          </div>
          {sentence ? (
            <div className="fact" data-testid="case-sentence">
              <dt>{t('sentence.label')}</dt>
              <dd>
                {sentenceText(t, sentence)}
                <span className="case-fact-date">
                  {' · '}
                  {formatPartialDate(sentence.date, ctx.language)}
                </span>
              </dd>
            </div>
          ) : null}
          <div className="fact">
            <dt>{labels('case.status')}</dt>
            <dd>{text(ctx, item.status)}</dd>
          </div>
        </dl>
        <p className="case-summary">{text(ctx, item.summary)}</p>
        {events.length > 0 ? (
          <section className="case-latest" data-testid="case-latest">
            <h2 className="case-latest-title">{t('latest.title')}</h2>
            <ol className="case-events">
              {events.map((event, index) => (
                <li key={`${event.date}-${index}`} className={`case-event is-${event.kind}`}>
                  <span className="case-event-date">
                    {formatPartialDate(event.date, ctx.language)}
                  </span>{' '}
                  <span className="case-event-text">{text(ctx, event.text)}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {/* Old facts have their date beside the counter, in readable type, instead. */}
        {staleDate === undefined || counter === null ? (
          <p className="case-as-of">
            {labels('case.asOf', {
              when:
                asOf !== undefined ? formatPartialDate(asOf, ctx.language) : text(ctx, item.asOf),
            })}
          </p>
        ) : null}
      </Fit>
      <aside className="case-side">
        {counter !== null ? (
          <Fit
            className={`case-days${released ? ' is-released' : ''}${staleDate ? ' is-stale' : ''}`}
            data-testid="days-behind-bars"
            watch={`${ctx.language}${counter.shown}${staleDate ?? ''}`}
          >
            {counter.atLeast ? (
              <span className="case-days-more-than">{t('counter.moreThan')}</span>
            ) : null}
            {counter.atLeast ? (
              <>
                <span className="case-days-number">
                  {formatNumber(audienceLanguage(ctx.language), counter.shown)}
                </span>
                <span className="case-days-label">
                  {t('counter.labelAfterMoreThan', { count: counter.shown })}
                </span>
              </>
            ) : (
              <DaysBehindBars language={ctx.language} days={counter.shown} />
            )}
            {counter.since !== undefined ? (
              <span className="case-days-since">
                {t('counter.since', {
                  date: formatPartialDate(counter.since, ctx.language).replace(/ /g, '\u00a0'),
                })}
              </span>
            ) : null}
            {released ? (
              <span className="case-days-released">
                {labels('case.releasedOn', { date: formatDate(released, ctx.language) })}
              </span>
            ) : null}
            {staleDate !== undefined ? (
              <span className="case-days-confirmed" data-testid="facts-confirmed">
                {/* The date never breaks across lines: "5 / июня" would read as two facts. */}
                {t('facts.confirmed', { date: staleDate.replace(/ /g, '\u00a0') })}
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
