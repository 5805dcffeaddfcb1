import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSnapshot } from '../../shared/content';
import type { ShowState, ViewRole } from '../../shared/protocol';
import type { ResolveMedia } from '../server/media';
import { mediaTypes } from '../server/media';
import type { ScaleImage } from '../server/media-scaling';
import { withheldMediaPaths } from '../server/media-access';
import { keptSlideFingerprint } from './fingerprint';
import { keptDisplayPage, type OnAirMarkup } from './kept-page';
import { MEDIA_WIDTHS } from '../../shared/media/widths';
import {
  forgetKeptSlide,
  keptPicturesDir,
  readKeptSlide,
  writeKeptSlide,
  type KeptSlideRecord,
} from './record';

/** The server-side render of the display's slide on air; null when it cannot be kept. */
export type RenderOnAir = (input: {
  content: ContentSnapshot;
  show: ShowState;
  mediaToken: string;
  nowMs: number;
  mediaWidth?: number | null;
}) => OnAirMarkup | null;

/** What a stopping core knows that the kept slide is made of. */
export interface KeepInput {
  contentDir: string;
  dataDir: string;
  rendererDir: string;
  /** The start options that change what is shown (`keptSlideOptions`). */
  options: Record<string, string | number | boolean | null>;
  /** The content as the displays receive it. */
  content: ContentSnapshot;
  /** The show as the next start will begin it (a fresh engine resumed from the saved position). */
  show: ShowState;
  tokens: Record<ViewRole, string>;
  nowMs: number;
  media: ResolveMedia;
  render: RenderOnAir;
  /**
   * The width to keep the pictures at: the widest copy the screens asked for in this run
   * (`?w=`), else the one the last copy was kept at (`lastKeptWidth`); null: the files
   * themselves.
   */
  mediaWidth: number | null;
  /** How a picture is scaled to that width (the media route's own scaler). */
  scale: ScaleImage;
}

/** Why nothing was kept, for the tests and the log; null when a slide was kept. */
export type NotKept =
  'not-a-kept-kind' | 'show-clock-moved' | 'withheld-picture' | 'picture-unreadable' | 'no-page';

/**
 * The end of the local day: a case's days behind bars and a statement's "as of" are the
 * machine's calendar date (`calendarDate` with no zone), so a kept slide is good until then.
 */
export function endOfLocalDay(nowMs: number): number {
  const midnight = new Date(nowMs);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime();
}

/** The `?w=` of an address, or NaN. */
const widthIn = (url: string): number =>
  Number(new URLSearchParams(url.split('?')[1] ?? '').get('w') ?? NaN);

/**
 * The width the last kept copy's pictures were scaled to. A run that never left its first
 * slide asked for no width (a display's first slide shows the files themselves, as the page
 * named them), but the screen is the one the last copy was made for: without this, every
 * restart after it would decode the full-size file. Only one of the core's own steps: the
 * record is a file anyone with the data folder can edit.
 */
export async function lastKeptWidth(dataDir: string): Promise<number | null> {
  const record = await readKeptSlide(dataDir).catch(() => null);
  for (const { url } of record?.media ?? []) {
    const width = widthIn(url);
    if ((MEDIA_WIDTHS as readonly number[]).includes(width)) return width;
  }
  return null;
}

/**
 * The file to answer `url` with: for `?w=`, the copy the media route would make (written into
 * the data folder, as the route keeps its copies only in memory), else the pack's own file.
 * Scaled now, while nobody waits: a picture decoded at the screen's size goes up sooner.
 */
async function scaledCopy(
  input: KeepInput,
  source: string,
  url: string,
  contentType: string,
  dir: string,
  index: number,
): Promise<string> {
  const width = widthIn(url);
  const data = width > 0 ? await input.scale(source, contentType, width) : null;
  if (!data) return source;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${index}${path.extname(source).toLowerCase()}`);
  await writeFile(file, data, { mode: 0o600 });
  return file;
}

/**
 * Renders the first slide the next start will show and keeps it, with what it fetches and a
 * fingerprint of everything it depends on, in the data folder (`record.ts`). Anything that
 * cannot be kept exactly as the live display would paint it forgets the old copy instead: a
 * normal start is slower, never wrong. Called last in the core's stop, after every file of the
 * data folder has been written, so the fingerprint is the one the next start computes.
 */
export async function keepFirstSlide(input: KeepInput): Promise<NotKept | null> {
  const notKept = async (why: NotKept): Promise<NotKept> => {
    await forgetKeptSlide(input.dataDir);
    return why;
  };
  // A show clock set for a rehearsal moves every count; the live display's own clock decides.
  if ((input.show.clock?.offsetMs ?? 0) !== 0) return notKept('show-clock-moved');
  const markup = input.render({
    content: input.content,
    show: input.show,
    mediaToken: input.tokens.display,
    nowMs: input.nowMs,
    mediaWidth: input.mediaWidth,
  });
  if (!markup) return notKept('not-a-kept-kind');
  const withheld = new Set(withheldMediaPaths(input.content, input.show.safeMode));
  const pictures = keptPicturesDir(input.dataDir);
  await rm(pictures, { recursive: true, force: true });
  const media: KeptSlideRecord['media'] = [];
  for (const [index, { file: rel, url }] of markup.pictures.entries()) {
    if (withheld.has(rel)) return notKept('withheld-picture');
    const contentType = mediaTypes[path.extname(rel).toLowerCase()];
    const resolved = await input.media(rel);
    if (!contentType || !resolved.ok) return notKept('picture-unreadable');
    const file = await scaledCopy(input, resolved.path, url, contentType, pictures, index);
    const info = await stat(file);
    media.push({ url, file, contentType, size: info.size, mtimeMs: info.mtimeMs });
  }
  const page = await keptDisplayPage(input.rendererDir, markup);
  if (page === null) return notKept('no-page');
  await writeKeptSlide(input.dataDir, {
    version: 1,
    fingerprint: await keptSlideFingerprint({
      contentDir: input.contentDir,
      dataDir: input.dataDir,
      rendererDir: input.rendererDir,
      options: input.options,
    }),
    itemId: markup.itemId,
    writtenAtMs: input.nowMs,
    validUntilMs: endOfLocalDay(input.nowMs),
    tokens: { ...input.tokens },
    page,
    media,
  });
  return null;
}
