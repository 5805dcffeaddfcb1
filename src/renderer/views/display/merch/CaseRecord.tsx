import { custodyOf, type CaseItem, type SourceRef } from '../../../../shared/content';
import { formatDate, text, type SlideContext } from '../../../slides/context';
import { caseWords, formatPartialDate, sentenceText, sourceUrl } from '../../../slides/case-words';

interface TimelineEntry {
  date: string;
  kind: string;
  kindLabel: string;
  text: string | undefined;
  source: SourceRef | undefined;
}

/** The numbered sources, one number per link however many facts cite it. */
function numberSources(
  entries: readonly TimelineEntry[],
): Map<string, { n: number; ref: SourceRef }> {
  const numbers = new Map<string, { n: number; ref: SourceRef }>();
  for (const entry of entries) {
    if (!entry.source) continue;
    const url = sourceUrl(entry.source);
    if (!numbers.has(url)) numbers.set(url, { n: numbers.size + 1, ref: entry.source });
  }
  return numbers;
}

/**
 * The whole record of a case under its slide on the merch table: custody periods, every
 * event and sentence in date order, each with a footnote to its source. Sources are printed
 * as text, never as QR codes: the campaign's own code is the one to scan.
 */
export function CaseRecord({ item, ctx }: { item: CaseItem; ctx: SlideContext }) {
  const t = caseWords(ctx.language);
  const lang = ctx.language;
  const entries: TimelineEntry[] = item.events
    .map((event) => ({
      date: event.date,
      kind: event.kind,
      kindLabel: t(`event.${event.kind}`),
      text: text(ctx, event.text),
      source: event.source,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sentences: TimelineEntry[] = [...item.sentences]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((s) => {
      const note = text(ctx, s.note);
      return {
        date: s.date,
        kind: 'sentence',
        kindLabel: t('sentence.label'),
        text: note ? `${sentenceText(t, s)} — ${note}` : sentenceText(t, s),
        source: s.source,
      };
    });
  const periods = custodyOf(item);
  const periodSources: TimelineEntry[] = periods.map((p) => ({
    date: p.from,
    kind: 'custody',
    kindLabel: '',
    text: undefined,
    source: 'source' in p ? (p as { source?: SourceRef }).source : undefined,
  }));
  const sources = numberSources([...periodSources, ...sentences, ...entries]);
  const footnote = (source: SourceRef | undefined) => {
    const n = source ? sources.get(sourceUrl(source))?.n : undefined;
    return n === undefined ? null : <sup className="merch-footnote-ref">{n}</sup>;
  };

  return (
    <section className="merch-case-record" data-testid="case-record" lang={lang}>
      <h2 className="merch-record-title">{t('timeline.title')}</h2>
      <p className="merch-custody" data-testid="case-custody">
        <strong>{t('timeline.custody')}</strong>{' '}
        {periods.map((p, i) => (
          <span key={p.from} className="merch-custody-period">
            {i > 0 ? '; ' : null}
            {p.until === undefined
              ? t('timeline.from', { from: formatPartialDate(p.from, lang) })
              : t('timeline.fromUntil', {
                  from: formatPartialDate(p.from, lang),
                  until: formatDate(p.until, lang),
                })}
            {footnote(periodSources[i]?.source)}
          </span>
        ))}
      </p>
      {sentences.length > 0 ? (
        <>
          <h3 className="merch-record-title">{t('sentences.title')}</h3>
          <ul className="merch-sentences" data-testid="case-sentences">
            {sentences.map((entry, i) => (
              <li key={`${entry.date}-${i}`}>
                <span className="merch-timeline-date">{formatPartialDate(entry.date, lang)}</span>{' '}
                <span className="merch-timeline-text">
                  {entry.text}
                  {footnote(entry.source)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entries.length > 0 ? (
        <ol className="merch-timeline" data-testid="case-timeline">
          {entries.map((entry, i) => (
            <li key={`${entry.date}-${i}`} className={`merch-timeline-entry is-${entry.kind}`}>
              <span className="merch-timeline-date">{formatPartialDate(entry.date, lang)}</span>
              <span className="merch-timeline-kind">{entry.kindLabel}</span>
              <span className="merch-timeline-text">
                {entry.text}
                {footnote(entry.source)}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {sources.size > 0 ? (
        <>
          <h3 className="merch-record-title">{t('sources.title')}</h3>
          <ol className="merch-sources" data-testid="case-sources">
            {[...sources.values()].map(({ n, ref }) => {
              const title = typeof ref === 'string' ? undefined : text(ctx, ref.title);
              const published =
                typeof ref === 'string' || ref.published === undefined
                  ? undefined
                  : t('sources.published', { date: formatPartialDate(ref.published, lang) });
              return (
                <li key={n} value={n}>
                  {title ? <span className="merch-source-title">{title}</span> : null}
                  {published ? <span className="merch-source-date"> ({published})</span> : null}
                  {/* Text, not a link: a kiosk must not leave the app, and a QR would compete. */}
                  <span className="merch-source-url">{sourceUrl(ref)}</span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
