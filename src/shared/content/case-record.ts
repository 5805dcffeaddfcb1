import { translate, type Translate } from '../i18n';
import { schemaProblem } from './fields';
import { z } from 'zod';
import {
  DEFAULT_FACTS_MAX_AGE_DAYS,
  earliestDay,
  factsAreStale,
  isPartialDate,
  type CustodyPeriod,
} from '../time';
import { partialDate, releaseDate, webUrl } from './fields';
import { localizedText, type LocalizedText } from './text';

/**
 * Where a fact comes from: a link, and what to call it in a footnote. Shown as text, never as
 * a QR code: the campaign's own code is the one people should scan.
 */
export const sourceRef = z.union(
  [
    webUrl,
    z.strictObject({
      url: webUrl,
      /** The publication and headline, e.g. "The Moscow Times: Russia toughens sentence…". */
      title: localizedText.optional(),
      published: partialDate.optional(),
    }),
  ],
  {
    error: (iss) =>
      iss.input === undefined
        ? schemaProblem('case.sourceMissing')
        : schemaProblem('case.sourceLink'),
  },
);
export type SourceRef = z.infer<typeof sourceRef>;

/** One stretch behind bars: `until` left out while the person is still held. */
export const custodyPeriod = z.strictObject({
  from: partialDate,
  until: releaseDate.optional(),
  source: sourceRef.optional(),
});

export const caseEventKinds = [
  'arrest',
  'sentence',
  'appeal',
  'transfer',
  'release',
  'other',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/** A dated step of the case, with the report it comes from: no source, no event. */
export const caseEvent = z.strictObject({
  date: partialDate,
  kind: z.enum(caseEventKinds),
  text: localizedText,
  source: sourceRef,
});
export type CaseEvent = z.infer<typeof caseEvent>;

export const sentenceRegimes = ['general', 'strict', 'special', 'settlement', 'prison'] as const;
export type SentenceRegime = (typeof sentenceRegimes)[number];

/** A prison sentence: its length, where it is served (when the sources say), when and who says so. */
export const sentence = z
  .strictObject({
    date: partialDate,
    years: z.number().int().min(0).max(99).optional(),
    months: z.number().int().min(0).max(11).optional(),
    regime: z.enum(sentenceRegimes).optional(),
    /** What the length and regime cannot say, e.g. "plus a two-year ban on running websites". */
    note: localizedText.optional(),
    source: sourceRef,
  })
  .refine((s) => (s.years ?? 0) + (s.months ?? 0) > 0, {
    path: ['years'],
    error: schemaProblem('case.sentenceLength'),
  });
export type Sentence = z.infer<typeof sentence>;

/** The parts of a case this module reads; the full schema lives in `schema.ts`. */
interface CaseRecordFields {
  arrested?: string | undefined;
  released?: string | undefined;
  custody?: { from: string; until?: string | undefined }[] | undefined;
  asOf: LocalizedText;
}

/**
 * The fields `checkCaseRecord` needs valid to run (its `asOf` check reads any value safely), so
 * it still runs, and reports, when something else in the case is wrong.
 */
export const caseRecordFields = ['arrested', 'released', 'custody'] as const;

/** Checks the custody record: one way of writing it, periods in order, none reversed or overlapping. */
export function checkCaseRecord(item: CaseRecordFields, ctx: z.RefinementCtx): void {
  if (item.custody !== undefined && item.arrested !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['arrested'],
      message: schemaProblem('case.caseBothForms'),
    });
    return;
  }
  if (item.custody === undefined && item.arrested === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['custody'],
      message: schemaProblem('case.caseNoCustody'),
    });
    return;
  }
  if (item.released !== undefined && item.arrested === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['released'],
      message: schemaProblem('case.caseReleasedAlone'),
    });
  }
  const periods = custodyOf(item);
  let previousEnd: string | undefined;
  let previousOpen = false;
  periods.forEach((period, index) => {
    const path = item.custody ? ['custody', index] : [];
    const start = earliestDay(period.from);
    if (start === null) return;
    if (period.until !== undefined && period.until < start) {
      ctx.addIssue({
        code: 'custom',
        path: item.custody ? [...path, 'until'] : ['released'],
        message: schemaProblem('case.custodyReversed'),
        params: { from: period.from },
      });
    }
    if (previousOpen) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'from'],
        message: schemaProblem('case.custodyAfterOpen'),
      });
    } else if (previousEnd !== undefined && start <= previousEnd) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'from'],
        message: schemaProblem('case.custodyOverlap'),
        params: { previousEnd },
      });
    }
    previousEnd = period.until;
    previousOpen = period.until === undefined;
  });
  const asOf = asOfDate(item);
  if (asOf === undefined && typeof item.asOf === 'string' && /^\d{4}-\d/.test(item.asOf)) {
    ctx.addIssue({
      code: 'custom',
      path: ['asOf'],
      message: schemaProblem('case.asOfDate'),
      params: { value: item.asOf },
    });
  }
}

/**
 * The custody periods of a case: its `custody:` list, or the one period that `arrested:`
 * (and `released:`) stand for.
 */
export function custodyOf(item: CaseRecordFields): CustodyPeriod[] {
  if (item.custody !== undefined) return item.custody;
  if (item.arrested === undefined) return [];
  return [{ from: item.arrested, until: item.released }];
}

/** The day the person was last released, while they are free; undefined while they are held. */
export function releasedOn(item: CaseRecordFields): string | undefined {
  const last = custodyOf(item).at(-1);
  return last?.until;
}

/**
 * The date the facts were last checked, or undefined when `asOf` is the older free text
 * ("September 2023"): that form still loads, so an old pack keeps its cases on screen, but
 * the app cannot tell its age and warns until it is a date.
 * The editor writes `asOf` per language, like every text: the same date in each language
 * (or in one) is that date. Different dates are not one date, so they stay undated and warn.
 */
export function asOfDate(item: { asOf: LocalizedText }): string | undefined {
  // `checkCaseRecord` calls this before `asOf` is known to be valid: any value must read safely.
  const asOf: unknown = item.asOf;
  const texts =
    typeof asOf === 'string' ? [asOf] : asOf && typeof asOf === 'object' ? Object.values(asOf) : [];
  const dates = new Set(
    texts
      .filter((text) => typeof text === 'string')
      .map((text) => text.trim())
      .filter(Boolean),
  );
  const [date] = dates;
  return dates.size === 1 && date !== undefined && isPartialDate(date) ? date : undefined;
}

/** The newest event first, then the newest sentence, for "the latest steps of the case". */
export function latestFirst<T extends { date: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** A case whose facts are older than the pack's limit, for `validate` and the console. */
export interface StaleCase {
  id: string;
  /** The file it came from, relative to the pack. */
  file: string;
  /** The date of the facts, or undefined when `asOf` is not a date. */
  asOf: string | undefined;
  /** What `asOf` says when it is not a date, for the warning. */
  asOfText: string | undefined;
}

/** The cases whose facts are older than `maxAgeDays` (the pack's limit) on `today`. */
export function staleCases(
  items: readonly { kind: string; id: string; source?: string; asOf?: LocalizedText }[],
  today: string,
  maxAgeDays: number = DEFAULT_FACTS_MAX_AGE_DAYS,
): StaleCase[] {
  const stale: StaleCase[] = [];
  for (const item of items) {
    if (item.kind !== 'case' || item.asOf === undefined) continue;
    const asOf = asOfDate({ asOf: item.asOf });
    if (!factsAreStale(asOf, today, maxAgeDays)) continue;
    const text =
      typeof item.asOf === 'string' ? item.asOf : (Object.values(item.asOf)[0] ?? undefined);
    stale.push({
      id: item.id,
      file: item.source ?? `cases/${item.id}.yaml`,
      asOf,
      asOfText: asOf === undefined ? text : undefined,
    });
  }
  return stale;
}

/**
 * The warning for one stale case, as `validate` prints it and logs carry it; `t` speaks the
 * `case` catalog (English unless the reader asked for another language).
 */
export function formatStaleCase(stale: StaleCase, t: Translate = translate('en', 'case')): string {
  return stale.asOf !== undefined
    ? t('banner.stale', { file: stale.file, date: stale.asOf })
    : t('banner.undated', { file: stale.file, text: `"${stale.asOfText ?? ''}"` });
}
