import { pickText, type LocalizedText, type Pack } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';

/** When the slide went on air and for how long, on the server's clock. */
export type SlideTiming = Pick<ShowState, 'startedAt' | 'durationMs' | 'paused' | 'remainingMs'> & {
  /** Server clock minus this machine's, so every screen splits the time the same way. */
  clockOffsetMs: number;
};

/** What every slide needs besides its item. Passed in, so slides stay pure and testable. */
export interface SlideContext {
  pack: Pack;
  language: string;
  /** Epoch ms, already corrected to the server's clock. */
  nowMs: number;
  /** Set in the loop; absent where no timer runs (the merch table's detail view). */
  timing?: SlideTiming | undefined;
  /** The line being sung (an index over all the song's lines), when the core's lyrics cursor is on this slide's song. */
  lyricsLine?: number | null | undefined;
}

export function text(ctx: SlideContext, value: LocalizedText | undefined): string | undefined {
  const picked = pickText(value, ctx.language, ctx.pack.defaultLanguage);
  return picked === undefined ? undefined : typeset(picked);
}

/**
 * Keeps punctuation with its word across a line break: a dash never starts a line (Russian
 * "приговор — 6 лет"), French « » ! ? : ; never sit alone at a line's edge. Only the space
 * that is already there becomes a no-break space.
 */
export function typeset(value: string): string {
  return value.replace(/ (?=[—–!?:;»])/g, '\u00a0').replace(/« /g, '«\u00a0');
}

/** Pack media is served under /media/, each path segment escaped (names with spaces, `#`, `?`). */
export function mediaUrl(path: string): string {
  return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** A calendar date (`YYYY-MM-DD`) in words, never shifted a day by a time zone. */
export function formatDate(iso: string, language: string): string {
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
