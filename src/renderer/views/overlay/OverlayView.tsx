import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Fit } from '../../fit/Fit';
import { audienceLanguage, audienceT } from '../../i18n/audience';
import { Qr } from '../../slides/Qr';
import { BreakableUrl } from '../../slides/url-text';
import { useStores } from '../../stores';
import { useScheduledShow } from '../../transport/use-scheduled-show';
import { overlaySlugs, parseOverlayPath, type OverlaySlug } from './elements';
import { Fade } from './Fade';
import {
  overlayContent,
  type DrawingContent,
  type LowerThirdContent,
  type LyricsContent,
  type NowPlayingContent,
} from './overlay-content';
import { prefersReducedMotion, useCanvasFit, useTransparentPage } from './page';
import './overlay.css';

/** Fades in and out stay under a quarter of a second: the stream must feel live. */
export const FADE_MS = 200;

/**
 * Which part of the lower third a page draws. OBS's browser setup gives the QR code its own
 * source (`/overlay/qr`) beside the lower third's (`/overlay/lower-third`), so each of those
 * pages draws only its part, and both together are exactly the full overlay's lower third.
 */
type LowerThirdPart = 'all' | 'band' | 'qr';

function LowerThird({ content, part }: { content: LowerThirdContent; part: LowerThirdPart }) {
  const qr = part === 'band' ? null : content.qr;
  if (part === 'qr' && !qr) return null;
  const { title, fact } = content;
  return (
    <section
      className={`ov-lower-third ov-${content.kind}`}
      data-element={part === 'qr' ? 'qr' : 'lower-third'}
      data-item-id={content.itemId}
    >
      {/* On the QR page the band is laid out but not drawn, so the code lands where it sits
          at the end of the band on the full page. */}
      <div
        className={`ov-band${part === 'qr' ? ' is-placeholder' : ''}`}
        aria-hidden={part === 'qr'}
      >
        <Fit className="ov-band-text" min={0.5} watch={`${content.itemId}|${title.lang}`}>
          <h1 className="ov-title" lang={title.lang}>
            {title.text}
          </h1>
          {fact ? (
            <p className="ov-fact" lang={fact.lang}>
              {fact.text}
            </p>
          ) : null}
          {content.qr ? (
            <p className="ov-url">
              <BreakableUrl address={content.qr.printed} />
            </p>
          ) : null}
        </Fit>
      </div>
      {qr ? <Qr value={qr.url} className="ov-qr" /> : null}
    </section>
  );
}

function Lyrics({ content, lifted }: { content: LyricsContent; lifted: boolean }) {
  const { main, sub } = content;
  return (
    <section
      className={`ov-lyrics${lifted ? ' is-lifted' : ''}`}
      data-element="lyrics"
      data-song-id={content.songId}
      data-line={content.line}
      data-lyric-line={content.line}
    >
      <Fit className="ov-lyrics-band" min={0.5} watch={`${content.songId}|${content.line}`}>
        <p className="ov-lyric-main" lang={main.lang}>
          {main.text}
        </p>
        {sub ? (
          <p className="ov-lyric-sub" lang={sub.lang}>
            {sub.text}
          </p>
        ) : null}
      </Fit>
    </section>
  );
}

function Drawing({ content }: { content: DrawingContent }) {
  // Remembers which image failed, so the next drawing gets its own chance.
  const [failed, setFailed] = useState<string | null>(null);
  const { title, credit } = content;
  return (
    <figure className="ov-drawing" data-element="drawing" data-item-id={content.itemId}>
      {failed === content.src ? null : (
        <img
          className="ov-drawing-image"
          src={content.src}
          alt={content.alt}
          onError={() => setFailed(content.src)}
        />
      )}
      {title || credit ? (
        <Fit as="figcaption" className="ov-drawing-credit" min={0.6} watch={content.itemId}>
          {title ? (
            <span className="ov-drawing-title" lang={title.lang}>
              {title.text}
            </span>
          ) : null}
          {credit ? (
            <span className="ov-drawing-by" lang={credit.lang}>
              {credit.text}
            </span>
          ) : null}
        </Fit>
      ) : null}
    </figure>
  );
}

function NowPlaying({ content, language }: { content: NowPlayingContent; language: string }) {
  const { title, artist } = content;
  // Ours, not the pack's: in the language on air, English where the app lacks it.
  const label = audienceLanguage(language);
  return (
    <section className="ov-now-playing" data-element="now-playing" data-item-id={content.itemId}>
      <Fit className="ov-now-playing-text" min={0.6} watch={`${content.itemId}|${title.lang}`}>
        <p className="ov-np-label" lang={label}>
          {audienceT(language, 'overlay')('nowPlaying')}
        </p>
        <p className="ov-np-title" lang={title.lang}>
          {title.text}
        </p>
        {artist ? (
          <p className="ov-np-artist" lang={artist.lang}>
            {artist.text}
          </p>
        ) : null}
      </Fit>
    </section>
  );
}

/** Small, in a corner: whoever set up the browser source should see it, not a blank page. */
function Problem({ children }: { children: string }) {
  return (
    <p className="ov-problem" role="alert">
      {children}
    </p>
  );
}

export interface OverlayViewProps {
  /** The page's path: `/overlay` shows every element, `/overlay/<name>` one of them. */
  pathname?: string;
  /** Fade length; by default FADE_MS, or 0 when the system asks for less motion. */
  fadeMs?: number;
}

/**
 * The stream overlay: what OBS lays over the camera. Transparent but for its elements, drawn
 * for a 1920×1080 canvas and scaled to the browser source. It keeps nothing of its own: all
 * of it follows from the core's content and show state, so after a reload it comes back the same.
 */
export function OverlayView({
  pathname = typeof location === 'undefined' ? '/overlay' : location.pathname,
  fadeMs,
}: OverlayViewProps) {
  useTransparentPage();
  // Whoever sets up the browser source reads these, so they speak the page's language.
  const { t } = useTranslation('overlay');
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const latestShow = useStore(stores.show, (s) => s.show);
  const syncOffsetMs = useStore(stores.show, (s) => s.syncOffsetMs);
  // A lyric line or a slide change goes up at its showAt, with the screens in the venue.
  const show = useScheduledShow(latestShow, syncOffsetMs);
  const everOpened = useStore(stores.connection, (s) => s.everOpened);
  const problem = useStore(stores.connection, (s) => s.lastCloseReason);
  const content = useMemo(() => overlayContent(snapshot, show), [snapshot, show]);
  const canvas = useCanvasFit();
  const [defaultFade] = useState(() => (prefersReducedMotion() ? 0 : FADE_MS));
  const fade = fadeMs ?? defaultFade;

  const target = parseOverlayPath(pathname);
  if (target.kind === 'unknown') {
    return (
      <Problem>
        {t('unknownElement', { name: target.name, names: overlaySlugs.join(', ') })}
      </Problem>
    );
  }
  // A refused link (no token, a wrong one) would otherwise be a blank source nobody can debug.
  // Once connected, a lost connection shows nothing: the last state stays, as on the display,
  // and the stream must not carry a status line.
  if (!everOpened && problem) return <Problem>{t('notConnected', { reason: problem })}</Problem>;

  const wants = (slug: OverlaySlug) => target.kind === 'all' || target.element === slug;
  const only = target.kind === 'one' ? target.element : null;
  const part: LowerThirdPart = only === 'qr' ? 'qr' : only === 'lower-third' ? 'band' : 'all';
  const cut = !show || show.blackout || show.safeMode;
  const state = !snapshot || !show ? 'connecting' : show.blackout ? 'blackout' : 'live';
  const style = {
    '--accent': snapshot?.pack.theme.accent ?? '#e10600',
    transform: `translate(${canvas.x}px, ${canvas.y}px) scale(${canvas.scale})`,
  } as CSSProperties;

  return (
    <div
      className="overlay"
      data-testid="overlay"
      data-state={state}
      data-page={only ?? 'all'}
      lang={content.language}
    >
      <div className="ov-canvas" style={style}>
        {wants('now-playing') ? (
          <Fade content={content.nowPlaying} fadeMs={fade} cut={cut}>
            {(c) => <NowPlaying content={c} language={content.language} />}
          </Fade>
        ) : null}
        {wants('drawing') ? (
          <Fade content={content.drawing} fadeMs={fade} cut={cut}>
            {(c) => <Drawing content={c} />}
          </Fade>
        ) : null}
        {wants('lyrics') ? (
          <Fade content={content.lyrics} fadeMs={fade} cut={cut}>
            {/* Above the lower third when both are up, on every page, so stacked sources agree. */}
            {(c) => <Lyrics content={c} lifted={content.lowerThird !== null} />}
          </Fade>
        ) : null}
        {wants('lower-third') || wants('qr') ? (
          <Fade content={content.lowerThird} fadeMs={fade} cut={cut}>
            {(c) => <LowerThird content={c} part={part} />}
          </Fade>
        ) : null}
      </div>
    </div>
  );
}
