import { z } from 'zod';
import type { ProblemKey } from '../i18n';

/**
 * A schema's own message, as a `problems` catalog key: the loader turns it into the reader's
 * language and adds what the author wrote (`got …`), so the schema holds no English.
 */
export function schemaProblem(key: ProblemKey): string {
  return `problems:${key}`;
}

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written `YYYY-MM-DD`. Kept as a string: a date has no time zone. */
export const isoDate = z
  .string({ error: schemaProblem('schema.date') })
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), {
    error: schemaProblem('schema.date'),
  });

/** A local date and time `YYYY-MM-DDTHH:MM`, read in the item's own time zone. */
export const localDateTime = z
  .string({ error: schemaProblem('schema.dateTime') })
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/.test(v) && isRealDate(v.slice(0, 10)),
    {
      error: schemaProblem('schema.dateOrDateTime'),
    },
  );

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
  { error: schemaProblem('schema.timeZone') },
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
  { error: schemaProblem('schema.webLink') },
);

/** An item id: lower-case letters, digits and dashes, so it is safe in URLs and file names. */
export const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, schemaProblem('schema.id'));

/** A colour written `#rgb` or `#rrggbb`. */
export const hexColour = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, schemaProblem('schema.colour'));

/** A path to a media file, relative to the pack folder. The loader checks it stays inside. */
export const mediaPath = z.string().min(1, schemaProblem('schema.mediaPath'));

/** A duration in seconds. */
export const seconds = z
  .number({ error: schemaProblem('schema.seconds') })
  .positive()
  .max(86_400);

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
  .string({ error: schemaProblem('schema.partialDate') })
  .refine((v) => isRealMonth(v) || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v)), {
    error: schemaProblem('schema.partialDate'),
  });

/**
 * The day a custody period ended. A release is one day, and the counter stops on it: a month
 * alone would let the number run on or stop up to 30 days early.
 */
export const releaseDate = z
  .string({ error: schemaProblem('schema.releaseDate') })
  .superRefine((value, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)) return;
    ctx.addIssue(
      isRealMonth(value)
        ? {
            code: 'custom',
            input: value,
            message: schemaProblem('schema.releaseNeedsDay'),
            params: { month: value },
          }
        : { code: 'custom', input: value, message: schemaProblem('schema.releaseDate') },
    );
  });

/**
 * When a whole-item check (`superRefine`) may run although the item has problems elsewhere: the
 * fields it reads are all valid. zod skips such checks after any error, so an author fixing a
 * misspelt field would only then learn that their custody periods overlap; an author wants
 * every problem of a file at once.
 */
export function whenFieldsValid(fields: readonly string[]): {
  when: (payload: z.core.ParsePayload) => boolean;
} {
  return {
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      payload.issues.every(
        (issue) =>
          issue.code === 'unrecognized_keys' ||
          (issue.path !== undefined &&
            issue.path.length > 0 &&
            !fields.includes(String(issue.path[0]))),
      ),
  };
}
