import { pickText, type LocalizedText, type Pack } from '../../shared/content';

/** What every slide needs besides its item. Passed in, so slides stay pure and testable. */
export interface SlideContext {
  pack: Pack;
  language: string;
  /** Epoch ms, already corrected to the server's clock. */
  nowMs: number;
}

export function text(ctx: SlideContext, value: LocalizedText | undefined): string | undefined {
  return pickText(value, ctx.language, ctx.pack.defaultLanguage);
}

/** Pack media is served under /media/, each path segment escaped (names with spaces, `#`, `?`). */
export function mediaUrl(path: string): string {
  return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}
