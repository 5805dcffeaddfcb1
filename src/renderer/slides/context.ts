import { mediaWidthFor } from '../../shared/media/widths';
import { encodePathParts, mediaHref } from '../../shared/media/media-href';
import { pickText, type LocalizedText, type Pack } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';
import type { CampaignTag } from '../../shared/time/links';
import type { VideoSlideContext } from './VideoSlide';

/** When the slide went on air and for how long, on the server's clock. */
export type SlideTiming = Pick<ShowState, 'startedAt' | 'durationMs' | 'paused' | 'remainingMs'> & {
  /** Server clock minus this machine's, so every screen splits the time the same way. */
  clockOffsetMs: number;
};

/** The timing a slide needs, from the show state and this machine's clock offset. */
export function slideTiming(show: ShowState, clockOffsetMs: number): SlideTiming {
  const { startedAt, durationMs, paused, remainingMs } = show;
  return { startedAt, durationMs, paused, remainingMs, clockOffsetMs };
}

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
  /**
   * The width to ask photos and drawings for: the page's screen by default, null for the
   * files themselves (the display's first slide, which no cross-fade waits on: scaling a
   * large drawing first would only delay it).
   */
  mediaWidth?: number | null | undefined;
  /**
   * The tag for tagged links at this point of the show (`effectiveCampaignTag`: the playing
   * playlist's, today's event's, or the pack's); the pack's when not given.
   */
  campaignTag?: CampaignTag | undefined;
  /** On the display: the video's play state, its phase on the stage, and where to report. */
  video?: VideoSlideContext | undefined;
}

/** A photo or drawing of the pack, at the width this slide asks for. */
export function slideMediaUrl(ctx: SlideContext, path: string): string {
  // Undefined takes mediaUrl's default: the page's width.
  return mediaUrl(path, ctx.mediaWidth);
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

/**
 * The width this page asks pack photos and drawings for: its screen's longer side in device
 * pixels (so turning a tablet asks for nothing new), as one of the core's fixed steps. Null
 * where there is no screen to ask about.
 */
export function pageMediaWidth(): number | null {
  if (typeof window === 'undefined' || !window.screen) return null;
  const side = Math.max(window.screen.width, window.screen.height) * (window.devicePixelRatio || 1);
  return side > 0 ? mediaWidthFor(side) : null;
}

let mediaToken: string | null = null;

/**
 * The token this page presents for pack media: its own view token, set once by the socket's
 * `connect`. The core serves media only to a view with a token, so a page on another site
 * cannot read the pack's photos. A query parameter, not a cookie or header: it works the same
 * for `<img>`, CSS backgrounds and OBS browser sources, and the core logs no URLs.
 */
export function setMediaToken(token: string | null): void {
  mediaToken = token;
}

let staticMediaBase: string | null = null;

/**
 * The standalone player has no core: its media are files copied under `base` (relative, so
 * the folder works from a USB stick over file:// and from any static host).
 */
export function setStaticMedia(base: string | null): void {
  staticMediaBase = base;
}

/** Where this page's pack media live: the core's `/media/`, or the player's own folder. */
export function pageMediaPrefix(): string {
  return staticMediaBase ?? '/media/';
}

/** The checked version of each media file, from the latest content snapshot. */
let mediaVersions: Readonly<Record<string, string>> = {};

/**
 * Called with every content snapshot. One table for the page, like the page's screen width:
 * every image of the page (slides, preloads, the overlay, the console's strip) must ask for
 * the same version of a file.
 */
export function setMediaVersions(versions: Readonly<Record<string, string>> | undefined): void {
  mediaVersions = versions ?? {};
}

/**
 * Pack media is served under /media/, each path segment escaped (names with spaces, `#`, `?`).
 * A photo or drawing is asked for at the screen's width: the core sends a copy scaled to it.
 * The URL names the version the core checked (`v=`): a file fixed during the show is a new
 * URL, so the screen fetches and decodes it and swaps it in at once; a file saved broken
 * keeps its old version, so nothing on screen changes.
 */
export function mediaUrl(path: string, width: number | null = pageMediaWidth()): string {
  // The standalone player: plain files beside the page, nothing to scale, version or token.
  if (staticMediaBase !== null) return `${staticMediaBase}${encodePathParts(path)}`;
  return mediaHref(path, { width, version: mediaVersions[path], token: mediaToken });
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
