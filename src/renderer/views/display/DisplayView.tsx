import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { ShowState } from '../../../shared/protocol';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { pickText } from '../../../shared/content';
import { effectiveCampaignTag } from '../../../shared/time';
import { languageForSlide, pinnedLanguage } from '../../i18n/language';
import { audienceT } from '../../i18n/audience';
import { Slide } from '../../slides/Slide';
import { slideTiming } from '../../slides/context';
import { useStores } from '../../stores';
import { sendCommand } from '../../transport/socket';
import { chooseScreen, nextSlot, showAfterNext, type Screen } from '../../../shared/show';
import { MerchTable } from './merch/MerchTable';
import {
  LOOP,
  browsableItems,
  effectiveView,
  merchSettings,
  type MerchView,
} from './merch/merch-state';
import { createPagePreloader, imagesOf, videoFrameKey, type Preloader } from './preload';
import { MAX_IMAGE_WAIT_MS, SlideStage, type FramePhase, type StageEntry } from './SlideStage';
import type { VideoSlideContext } from '../../slides/VideoSlide';
import { publishedEntryOptions, videoEntryOptions } from '../../slides/video-sync';
import type { ContentItem } from '../../../shared/content';
import { themeStyle } from '../../slides/theme';
import { useCursorIdle, useIdleTimeout } from './use-idle';
import { useKioskKeys, type SendCommand } from './use-kiosk-keys';
import { useNow } from './use-now';
import { isTurned, screenTheme } from './screen-look';
import { useWindowShape } from './use-window-shape';
import { useOfflineShow } from './use-offline-show';
import { useScheduledShow } from '../../transport/use-scheduled-show';
import { StageFlip } from './stage-flip';
import { useAfterStart, useStarted } from './use-started';
import { useFirstImagesReady } from './use-first-images';
import { useDropKeptSlide } from './use-kept-slide';
import '../../slides/styles/index.css';
import './display.css';
import './merch/merch.css';

/** The cross-fade; short enough that a clicker feels instant. */
export const FADE_MS = 400;

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

/**
 * Before the core has said anything: no pack, no names, just a calm sign of life, in the
 * page's language (`?lang=`, this device's choice, the browser's): there is no slide yet.
 */
function ConnectingScreen({ problem }: { problem: string | null }) {
  const { t } = useTranslation('display');
  return (
    <div className="display display-connecting" role="status">
      <div className="connecting-mark" aria-hidden="true" />
      <p className="connecting-text">{t('connecting')}</p>
      {problem ? <p className="connecting-problem">{problem}</p> : null}
    </div>
  );
}

export interface DisplayViewProps {
  /** This machine's own screen (the kiosk role): its keyboard runs the show. */
  kiosk?: boolean;
  send?: SendCommand;
  /** Cross-fade length; by default FADE_MS, or 0 when the system asks for less motion. */
  fadeMs?: number;
  preloader?: Preloader;
  /** The page's query string, for `?lang=`. */
  search?: string;
  /**
   * Whether a lost connection shows its small mark. A paired screen (`/screen`) shows none:
   * the audience sees the show going on, and the operator sees the screen offline on the console.
   */
  offlineMark?: boolean;
  /**
   * Called when the first slide has had the machine to itself (`useStarted`): work that can
   * wait starts then, as the display's own does (the next slide, the other fonts).
   */
  onStarted?: () => void;
}

export function DisplayView({
  kiosk = false,
  send = sendCommand,
  fadeMs,
  preloader: givenPreloader,
  search = typeof location === 'undefined' ? '' : location.search,
  offlineMark = true,
  onStarted,
}: DisplayViewProps) {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const latestShow = useStore(stores.show, (s) => s.show);
  const syncOffsetMs = useStore(stores.show, (s) => s.syncOffsetMs);
  // Every screen on this playlist switches on the same frame: the change waits for its showAt,
  // unless the slide on screen is gone from the content (then waiting would show nothing).
  const isGone = useCallback(
    (state: ShowState) =>
      state.itemId !== null && !snapshot?.items.some((item) => item.id === state.itemId),
    [snapshot],
  );
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  const status = useStore(stores.connection, (s) => s.status);
  const played = useOfflineShow(latestShow, snapshot, status, clockOffsetMs);
  const rootRef = useRef<HTMLDivElement>(null);
  const [stageFlip] = useState(() => new StageFlip());
  // The prepared slide goes up in its frame without a render (stage-flip.ts); the sung line,
  // which the sync checks read from the root, moves with it.
  const flip = useCallback(
    (state: ShowState) => {
      if (!stageFlip.flipTo(state)) return false;
      const line = state.lyrics?.line;
      if (line === undefined) rootRef.current?.removeAttribute('data-lyric-line');
      else rootRef.current?.setAttribute('data-lyric-line', String(line));
      return true;
    },
    [stageFlip],
  );
  const isPrepared = useCallback((state: ShowState) => stageFlip.hasBuilt(state), [stageFlip]);
  const show = useScheduledShow(played, syncOffsetMs, { isGone, flip, isPrepared });
  const problem = useStore(stores.connection, (s) => s.lastCloseReason);
  const nowMs = useNow(clockOffsetMs);
  const windowShape = useWindowShape();
  const [ownPreloader] = useState(() => createPagePreloader());
  const preloader = givenPreloader ?? ownPreloader;
  const [fade] = useState(() => fadeMs ?? (prefersReducedMotion() ? 0 : FADE_MS));
  const cursorIdle = useCursorIdle();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [merchView, setMerchView] = useState<MerchView>(LOOP);

  useKioskKeys(kiosk, show, send, setRefusal);

  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(() => setRefusal(null), 4_000);
    return () => clearTimeout(timer);
  }, [refusal]);

  const screen = chooseScreen(snapshot, show);
  const merch = merchSettings(snapshot);
  const browsable = snapshot ? browsableItems(snapshot, show?.safeMode ?? false) : [];
  const view = merch && screen.kind !== 'blackout' ? effectiveView(merchView, browsable) : LOOP;
  // What may be shown wins over what the visitor opened, for good: a blackout, safe mode
  // hiding a case or emptying the list, or the table mode switched off. A case hidden by safe
  // mode must not come back by itself when safe mode ends.
  if (view !== merchView) setMerchView(view);
  useIdleTimeout(view.mode !== 'loop', merch?.idleMs ?? 60_000, () => setMerchView(LOOP));

  // The slide after this one: fetch and decode its images now, so it can go up on time.
  const nextId = nextSlot(show)?.itemId;
  const nextItem = nextId ? snapshot?.items.find((item) => item.id === nextId) : undefined;
  const nextImages = nextItem && !(show?.safeMode && nextItem.sensitive) ? imagesOf(nextItem) : [];
  const onStage = screen.kind === 'slide' || screen.kind === 'neutral';
  // The first slide shows its files unscaled (`mediaWidth: null` below): the same URLs here.
  const firstImages = screen.kind === 'slide' ? imagesOf(screen.item, null) : [];
  const firstUp = useFirstImagesReady(onStage, firstImages, preloader, MAX_IMAGE_WAIT_MS);
  // The grace period counts from the first slide going up, not from its wait.
  const started = useStarted(onStage && firstUp);
  useAfterStart(started, nextImages, preloader, onStarted);
  useDropKeptSlide(screen, started);

  const pinned = pinnedLanguage(search);
  const onShown = useCallback((entry: StageEntry) => {
    document.documentElement.lang = entry.language;
  }, []);

  if (screen.kind === 'connecting' || !snapshot || !show) {
    return <ConnectingScreen problem={problem} />;
  }
  // Blackout means nothing at all: no slide, no status mark, not even the theme colour.
  if (screen.kind === 'blackout') {
    return <div className="display display-blackout" data-testid="blackout" />;
  }

  const { pack } = snapshot;
  /** A screen in the language it has at that point of the show, keyed to go up once. */
  const stageEntry = (
    on: Extract<Screen, { kind: 'slide' | 'neutral' }>,
    at: typeof show,
  ): StageEntry => {
    const language = languageForSlide(pack, at, pinned);
    return {
      key:
        on.kind === 'slide'
          ? `${on.item.id}|${language}|${at.sequence}`
          : `neutral|${on.showTitle}|${language}`,
      screen: on,
      language,
      state: at,
    };
  };
  const target = stageEntry(screen, show);
  const language = target.language;
  // Prepared while this slide is up: what a plain `next` (or the slide's timer) puts on air.
  const after = started ? showAfterNext(show) : null;
  const afterScreen = after ? chooseScreen(snapshot, after) : null;
  const upcoming = after && afterScreen?.kind === 'slide' ? stageEntry(afterScreen, after) : null;
  // A change already heard and waiting for its showAt: built now, so its frame is only a flip.
  const waitingScreen =
    latestShow && latestShow !== show ? chooseScreen(snapshot, latestShow) : null;
  const imminent =
    latestShow && waitingScreen?.kind === 'slide' ? stageEntry(waitingScreen, latestShow) : null;
  const campaignTag = effectiveCampaignTag({
    pack,
    items: snapshot.items,
    playlistId: show.playlistId,
    nowMs,
  });
  // The imminent slide is built as it will be when it goes up: it may go up without a render.
  const stateFor = (entry: StageEntry) =>
    entry.key === imminent?.key ? (entry.state ?? show) : show;
  const lyricsLine = (itemId: string, at: ShowState) =>
    at.lyrics?.songId === itemId ? at.lyrics.line : null;
  // A video's own entry: the stage's phase, the core's play state, where to send a fault.
  const videoContext = (
    item: ContentItem,
    phase: FramePhase,
    frameKey: string,
  ): VideoSlideContext | undefined => {
    if (item.kind !== 'video') return undefined;
    const frame = videoFrameKey(frameKey);
    const { sequence } = show;
    return {
      phase,
      playback: show.video ?? null,
      sequence,
      clockOffsetMs,
      options:
        (show.itemId === item.id ? publishedEntryOptions(show) : null) ??
        videoEntryOptions(snapshot, show.playlistId, item.id),
      lengthMs: snapshot.videos?.[item.file]?.durationMs ?? null,
      frameReady: () => preloader.frameReady(frame),
      frameGone: () => preloader.frameGone(frame),
      reportFault: (reason) => {
        void send({ name: 'videoFault', itemId: item.id, reason, sequence });
      },
    };
  };
  const renderEntry = (entry: StageEntry, first: boolean, phase: FramePhase) =>
    entry.screen.kind === 'slide' ? (
      <Slide
        item={entry.screen.item}
        ctx={{
          pack,
          language: entry.language,
          nowMs,
          timing: slideTiming(stateFor(entry), clockOffsetMs),
          campaignTag,
          // The line being sung moves within the slide: no new key, so no cross-fade per line.
          lyricsLine: lyricsLine(entry.screen.item.id, stateFor(entry)),
          // The first slide shows the files as they are: nothing fades, nothing waits.
          mediaWidth: first ? null : undefined,
          video: videoContext(entry.screen.item, phase, entry.key),
        }}
      />
    ) : (
      <div className="slide slide-neutral" data-testid="neutral">
        {entry.screen.showTitle ? (
          <p className="neutral-title">
            {pickText(pack.title, entry.language, pack.defaultLanguage)}
          </p>
        ) : null}
      </div>
    );

  const openBrowse = (event: MouseEvent) => {
    if (!merch || view.mode !== 'loop' || browsable.length === 0) return;
    event.preventDefault();
    setMerchView({ mode: 'browse', language });
  };

  const classes = ['display'];
  if (cursorIdle) classes.push('cursor-idle');
  if (merch) classes.push('merch-enabled');
  if (isTurned(show.look, windowShape)) classes.push('display-turned');

  return (
    <div
      ref={rootRef}
      className={classes.join(' ')}
      style={themeStyle(screenTheme(pack.theme, show.look))}
      lang={language}
      data-status={status}
      data-view={view.mode}
      // The measured clock offset, for the sync benchmark and anyone debugging a late screen.
      data-sync-offset={syncOffsetMs ?? undefined}
      // The sung line on air here, in the commit that moves it: what the sync checks read.
      data-lyric-line={show.lyrics?.line}
      onClick={view.mode === 'loop' ? openBrowse : undefined}
    >
      {view.mode === 'loop' ? (
        firstUp ? (
          <SlideStage
            target={target}
            safeMode={show.safeMode}
            fadeMs={fade}
            preloader={preloader}
            renderEntry={renderEntry}
            onShown={onShown}
            upcoming={upcoming}
            imminent={imminent}
            flip={stageFlip}
          />
        ) : (
          // Until then the screen is the theme's colour: no half-loaded picture, no text yet.
          <div className="stage" data-testid="first-slide-wait" />
        )
      ) : (
        <MerchTable
          view={view}
          items={browsable}
          pack={pack}
          nowMs={nowMs}
          campaignTag={campaignTag}
          onChange={setMerchView}
        />
      )}
      {merch && view.mode === 'loop' && browsable.length > 0 ? (
        <div className="merch-hint" data-testid="merch-hint">
          {audienceT(language, 'merch')('tapToBrowse')}
        </div>
      ) : null}
      {refusal ? (
        <div className="display-toast" role="alert">
          {refusal}
        </div>
      ) : null}
      {status !== 'open' && offlineMark ? (
        // Never blank the slide for a dropped connection: the last state is still the truth
        // as far as we know, and the venue should not notice a server restart.
        <div className="reconnecting-mark" role="status" data-testid="reconnecting">
          <span className="reconnecting-dot" aria-hidden="true" />
          {audienceT(language, 'display')('reconnecting')}
        </div>
      ) : null}
    </div>
  );
}

/** `/kiosk`: the display the app opened on this machine, whose keyboard sends the kiosk keys. */
export function KioskView() {
  return <DisplayView kiosk />;
}
