import { z } from 'zod';

/** Quotes what the author wrote, so an error message shows the bad value as it was typed. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return String(value);
}

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written `YYYY-MM-DD`. Kept as a string: a date has no time zone. */
export const isoDate = z
  .string({ error: (iss) => `expected a date like 2023-07-25, got ${shown(iss.input)}` })
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), {
    error: (iss) => `expected a date like 2023-07-25, got ${shown(iss.input)}`,
  });

/** A local date and time `YYYY-MM-DDTHH:MM`, read in the item's own time zone. */
export const localDateTime = z
  .string({
    error: (iss) => `expected a date and time like 2023-10-01T19:30, got ${shown(iss.input)}`,
  })
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(v) && isRealDate(v.slice(0, 10)), {
    error: (iss) =>
      `expected a date like 2023-09-16 or a date and time like 2023-10-01T19:30, got ${shown(iss.input)}`,
  });

/** An IANA time zone name such as `Europe/Paris`. */
export const timeZone = z.string().refine(
  (v) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  },
  { error: (iss) => `expected a time zone like Europe/Paris, got ${shown(iss.input)}` },
);

/** An http(s) link. Other schemes (javascript:, file:) are refused: they are never safe to show. */
export const webUrl = z.string().refine(
  (v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { error: (iss) => `expected a web link starting with https://, got ${shown(iss.input)}` },
);

/** An item id: lower-case letters, digits and dashes, so it is safe in URLs and file names. */
export const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and dashes');

/** A colour written `#rgb` or `#rrggbb`. */
export const hexColour = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected a colour like #ffcc00');

/** A path to a media file, relative to the pack folder. The loader checks it stays inside. */
export const mediaPath = z.string().min(1, 'expected a file path relative to the pack folder');

/** A duration in seconds. */
export const seconds = z.number({ error: 'expected a number of seconds' }).positive().max(86_400);

const MONTH_ONLY = /^\d{4}-\d{2}$/;

function isRealMonth(text: string): boolean {
  const month = Number(text.slice(5, 7));
  return MONTH_ONLY.test(text) && month >= 1 && month <= 12;
}

/**
 * A date as precise as the facts: `2024-02-13`, or `2019-02` when only the month is known.
 * Nobody should have to invent a day to enter a case.
 */
export const partialDate = z
  .string({
    error: (iss) =>
      `expected a date like 2023-07-25 (or 2023-07 when the day is not known), got ${shown(iss.input)}`,
  })
  .refine((v) => isRealMonth(v) || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v)), {
    error: (iss) =>
      `expected a date like 2023-07-25 (or 2023-07 when the day is not known), got ${shown(iss.input)}`,
  });

/**
 * The day a custody period ended. A release is one day, and the counter stops on it: a month
 * alone would let the number run on or stop up to 30 days early.
 */
export const releaseDate = z
  .string({ error: (iss) => `expected a date like 2023-12-12, got ${shown(iss.input)}` })
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), {
    error: (iss) =>
      typeof iss.input === 'string' && isRealMonth(iss.input)
        ? `a release needs its day, not only the month: expected a date like ${iss.input}-12, got ${shown(iss.input)}`
        : `expected a date like 2023-12-12, got ${shown(iss.input)}`,
  });
