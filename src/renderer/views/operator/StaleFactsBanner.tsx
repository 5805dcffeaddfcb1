import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { staleCases } from '../../../shared/content';
import { calendarDate } from '../../../shared/time';
import { useStores } from '../../stores';
import './stale-facts.css';

/** Facts turn old at midnight, not only when the content changes: look again every minute. */
const RECHECK_MS = 60_000;

function useToday(): string {
  const [today, setToday] = useState(() => calendarDate(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(calendarDate(Date.now())), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * Cases whose facts are older than the pack's limit, at the very top of the console: a rally
 * screen with a wrong number costs a campaign its credibility, so this is the first thing the
 * operator reads, not a line in the problems list.
 */
export function StaleFactsBanner() {
  const { t } = useTranslation('case');
  const content = useStores().content;
  const items = useStore(content, (s) => s.snapshot?.items);
  const maxAgeDays = useStore(content, (s) => s.snapshot?.pack.cases?.factsMaxAgeDays);
  const today = useToday();
  if (!items) return null;
  const stale = staleCases(items, today, maxAgeDays);
  if (stale.length === 0) return null;
  return (
    <section className="op-stale-facts" aria-labelledby="op-stale-title" data-testid="stale-facts">
      <h2 className="op-stale-title" id="op-stale-title">
        {t('banner.title', { count: stale.length })}
      </h2>
      <ul className="op-stale-list">
        {stale.map((item) => (
          <li key={item.id}>
            {item.asOf !== undefined
              ? t('banner.stale', { file: item.file, date: item.asOf })
              : t('banner.undated', { file: item.file, text: item.asOfText ?? '' })}
          </li>
        ))}
      </ul>
      <p className="op-stale-hint">{t('banner.hint')}</p>
    </section>
  );
}
