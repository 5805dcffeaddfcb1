import type { CSSProperties } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ContentSnapshot, ShowItem } from '../../shared/content';
import { mediaHref } from '../../shared/media/media-href';
import { picturesOf } from '../../shared/media/pictures';
import type { ShowState } from '../../shared/protocol';
import { chooseScreen } from '../../shared/show';
import { effectiveCampaignTag } from '../../shared/time';
import { languageForSlide } from '../i18n/language';
import { Slide } from '../slides/Slide';
import { pageMediaPrefix, setMediaToken, setMediaVersions, slideTiming } from '../slides/context';
import { themeStyle } from '../slides/theme';

/*
 * The display's slide on air as static HTML, made by the core (Node, no DOM), so that a page
 * can carry its first slide before any script runs. The markup is the live display's
 * (DisplayView + SlideStage) for its first slide, written out here because nothing below the
 * views may import one; tests/unit/renderer/first-slide compares the two element by element,
 * so a change to either side that is not made to both fails there.
 *
 * Text fit (fit/Fit.tsx) measures in layout effects, which never run on the server: every fit
 * box has its design size (`--fit` unset, i.e. 1), which is what the live display's first
 * render gives too before it measures. A long text may overflow its box in the kept copy; the
 * live display replaces it, fitted, within about a second.
 */

export interface OnAirInput {
  /** The content exactly as the display receives it (the `content` message's snapshot). */
  content: ContentSnapshot;
  /** The show state exactly as the display receives it (the `show` message). */
  show: ShowState;
  /** The display view's token: pack media is served only to a token (see slides/context.ts mediaUrl). */
  mediaToken: string;
  /** Epoch ms on the core's clock (the display's nowMs with a zero clock offset). */
  nowMs: number;
  /**
   * The width to ask pictures for (`?w=`): a copy the core made ahead at the screens' size.
   * Null or absent: the files themselves, as the live display's first slide asks for them.
   */
  mediaWidth?: number | null;
}

export interface OnAirMarkup {
  itemId: string;
  /** The display's markup with only this slide on air: one `<div class="display …">`. */
  html: string;
  /**
   * The pictures on the slide, in order: each pack file and its `/media/…` URL exactly as
   * written in `html` (attribute-unescaped).
   */
  pictures: { file: string; url: string }[];
  /** The language the display would set on <html lang> (StageEntry.language). */
  lang: string;
}

/**
 * DisplayView's FADE_MS. With reduced motion the live frame says 0ms, but the stylesheet then
 * turns the animation off whatever `--fade` says, so the look is the same.
 */
const FADE_MS = 400;

/**
 * The kinds whose look depends only on the content, the show state and the calendar date. An
 * event counts down by the minute, lyrics follow a cursor, a video plays.
 */
const PLAIN_KINDS: ReadonlySet<ShowItem['kind']> = new Set([
  'drawing',
  'case',
  'statement',
  'action',
]);

/** Where the core serves pack media; the standalone player's own folder is another page. */
const CORE_MEDIA_PREFIX = '/media/';

type OnAirItem = ShowItem & { source?: string };

/** The item the live display's first screen shows as a plain slide, or null for anything else. */
function plainSlide(content: ContentSnapshot, show: ShowState): OnAirItem | null {
  // A song being sung marks the root with its line, and its look follows the cursor.
  if (show.lyrics) return null;
  // A screen's own look: its theme lives in the display view (screen-look.ts), and whether it
  // is turned depends on the window's shape, which only the browser knows.
  if (show.look && (show.look.theme !== 'pack' || show.look.orientation !== 'auto')) return null;
  // The merch table mode adds its hint and its own layout of slides (merch.css).
  if (content.pack.display.merchTable?.enabled) return null;
  const screen = chooseScreen(content, show);
  if (screen.kind !== 'slide' || !PLAIN_KINDS.has(screen.item.kind)) return null;
  return screen.item;
}

function OnAirDisplay({
  content,
  show,
  item,
  language,
  nowMs,
  mediaWidth,
}: {
  content: ContentSnapshot;
  show: ShowState;
  item: OnAirItem;
  language: string;
  nowMs: number;
  mediaWidth: number | null;
}) {
  const { pack } = content;
  const campaignTag = effectiveCampaignTag({
    pack,
    items: content.items,
    playlistId: show.playlistId,
    nowMs,
  });
  return (
    // `cursor-idle`: the live display starts with the pointer hidden until it moves.
    <div
      className="display cursor-idle"
      style={themeStyle(pack.theme)}
      lang={language}
      data-view="loop"
    >
      <div className="stage" data-item-id={item.id}>
        <div
          className="slide-frame"
          data-phase="in"
          data-item-id={item.id}
          data-sensitive={item.sensitive ? 'true' : undefined}
          lang={language}
          style={{ '--fade': `${FADE_MS}ms` } as CSSProperties}
        >
          <Slide
            item={item}
            ctx={{
              pack,
              language,
              nowMs,
              timing: slideTiming(show, 0),
              campaignTag,
              lyricsLine: null,
              // The display's first slide shows the files as they are (DisplayView); a kept
              // slide may name a copy made ahead at the screen's width instead.
              mediaWidth,
              video: undefined,
            }}
          />
        </div>
      </div>
    </div>
  );
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

const LEADING_PRELOADS = /^(?:<link rel="preload"[^>]*\/>)+/;

/** The `<img src>` values of React's static markup, unescaped, in order. */
function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((match) =>
    (match[1] ?? '').replace(/&(?:amp|quot|#x27|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity),
  );
}

/**
 * The live display's first slide as static HTML, or null whenever its first screen would be
 * anything else than a plain slide whose look depends only on the content, the show state and
 * the calendar date (in this process's time zone, as the display uses its own). No pinned
 * language: a page with `?lang=` must not be given this markup.
 */
export function renderOnAirSlide(input: OnAirInput): OnAirMarkup | null {
  const { content, show, mediaToken, nowMs } = input;
  const mediaWidth = input.mediaWidth ?? null;
  const item = plainSlide(content, show);
  if (!item || pageMediaPrefix() !== CORE_MEDIA_PREFIX) return null;
  const language = languageForSlide(content.pack, show, null);
  // The addresses the display's first slide asks for, and the core names in the page's head
  // (server/picture-hints.ts): the same builder, so the browser fetches each file once.
  const pictures = picturesOf(item).map((file) => ({
    file,
    url: mediaHref(file, { width: mediaWidth, version: content.media?.[file], token: mediaToken }),
  }));

  // The slides build media URLs from the page's token and version table (slides/context.ts),
  // set by the socket in a browser. Here they are this call's, for one synchronous render, then
  // back to their initial state: no call's token reaches another's markup.
  let html: string;
  setMediaToken(mediaToken);
  setMediaVersions(content.media);
  try {
    html = renderToStaticMarkup(
      <OnAirDisplay
        content={content}
        show={show}
        item={item}
        language={language}
        nowMs={nowMs}
        mediaWidth={mediaWidth}
      />,
    );
  } finally {
    setMediaToken(null);
    setMediaVersions(undefined);
  }

  // React's server renderer puts a `<link rel="preload">` for each <img> before the markup.
  // Left out: the page names the same pictures in its head, with a higher priority
  // (server/picture-hints.ts, from `pictures`), and the display's markup has no such links.
  html = html.replace(LEADING_PRELOADS, '');
  if (!/^<div class="display[ "]/.test(html)) return null;
  // Pictures the page does not name would be fetched late, and a CSS background would be one
  // this list misses: either way this is not the slide we know how to keep.
  const written = imageSources(html);
  const same =
    written.length === pictures.length && written.every((u, i) => u === pictures[i]?.url);
  if (!same || /\sstyle="[^"]*url\(/.test(html)) return null;
  return { itemId: item.id, html, pictures, lang: language };
}
