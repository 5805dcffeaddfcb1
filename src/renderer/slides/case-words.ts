import type { TFunction } from 'i18next';
import {
  asOfDate,
  custodyOf,
  type CaseItem,
  type Sentence,
  type SourceRef,
} from '../../shared/content';
import { audienceT } from '../i18n/audience';
import { custodyDays, factsAreStale, isMonthOnly } from '../../shared/time';
import { formatDate } from './context';

/** The `case` words in a slide's language: an audience screen's words, never the device's. */
export function caseWords(language: string): TFunction {
  return audienceT(language, 'case');
}

/** A date as precise as it was written: "February 2019" for `2019-02`, the full date otherwise. */
export function formatPartialDate(date: string, language: string): string {
  if (!isMonthOnly(date)) return formatDate(date, language);
  try {
    return new Intl.DateTimeFormat(language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}-01T00:00:00Z`));
  } catch {
    return date;
  }
}

/** "5 years, general-regime colony"; the length alone when the sources give no regime. */
export function sentenceText(t: TFunction, sentence: Sentence): string {
  const parts: string[] = [];
  if (sentence.years) parts.push(t('sentence.years', { count: sentence.years }));
  if (sentence.months) parts.push(t('sentence.months', { count: sentence.months }));
  const term =
    parts.length === 2
      ? t('sentence.yearsAndMonths', { years: parts[0], months: parts[1] })
      : (parts[0] ?? '');
  return sentence.regime
    ? t('sentence.withRegime', { term, regime: t(`regime.${sentence.regime}`) })
    : term;
}

/** What the counter shows: the number, whether it is a lower bound, and the month it starts. */
export interface CaseCounter {
  /** The number on screen: for a lower bound, one less than the fewest days it can be. */
  shown: number;
  atLeast: boolean;
  /** A month-precision start ("February 2019"), said instead of a day nobody knows. */
  since: string | undefined;
}

export function caseCounter(item: CaseItem, today: string): CaseCounter | null {
  const periods = custodyOf(item);
  const result = custodyDays(periods, today);
  if (result === null) return null;
  const first = periods[0]?.from;
  return {
    shown: result.atLeast ? Math.max(result.days - 1, 0) : result.days,
    atLeast: result.atLeast,
    since: first !== undefined && isMonthOnly(first) ? first : undefined,
  };
}

/** The counter as one line: "more than 2,839 days behind bars". */
export function counterLine(t: TFunction, counter: CaseCounter): string {
  return t(counter.atLeast ? 'counter.moreThanDays' : 'counter.days', { count: counter.shown });
}

/**
 * The date of the last confirmation, to show beside the counter once the facts are older than
 * the pack's limit; `legacyText` is what an undated `asOf` says ("September 2023").
 */
export function staleFactsDate(
  item: CaseItem,
  today: string,
  maxAgeDays: number | undefined,
  language: string,
  legacyText: string | undefined,
): string | undefined {
  const asOf = asOfDate(item);
  if (!factsAreStale(asOf, today, maxAgeDays)) return undefined;
  return asOf !== undefined ? formatPartialDate(asOf, language) : legacyText;
}

export function sourceUrl(source: SourceRef): string {
  return typeof source === 'string' ? source : source.url;
}
