import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { itemById } from '../../../shared/actions';
import { isShowItem } from '../../../shared/content';
import { languageForSlide } from '../../i18n/language';
import { slideTiming } from '../../slides/context';
import { useStores } from '../../stores';
import { chooseScreen, type Screen } from '../../../shared/show';
import { SlidePreview } from './SlidePreview';
import { consoleLanguage, itemTitle, kindLabel } from '../../controls/text';
import { useClock } from '../../controls/use-clock';

function secondsLeft(
  show: { startedAt: number; durationMs: number; paused: boolean; remainingMs: number | null },
  serverNow: number,
): number {
  const left = show.paused ? (show.remainingMs ?? 0) : show.startedAt + show.durationMs - serverNow;
  return Math.max(0, Math.ceil(left / 1000));
}

/**
 * How far the previews trail the show. On one laptop the console and the venue screen share
 * the processor: the screen should draw the new slide first, the console's two previews a
 * moment later.
 */
export const PREVIEW_TRAIL_MS = 80;

/** `value`, `ms` after it last changed (at once the first time it is set). */
export function useTrailing<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const first = shown === null || shown === undefined;
  useEffect(() => {
    if (Object.is(shown, value) || first) return;
    const timer = setTimeout(() => setShown(value), ms);
    return () => clearTimeout(timer);
  }, [value, shown, ms, first]);
  return first ? value : shown;
}

function TimeLeft({
  show,
  clockOffsetMs,
}: {
  show: { startedAt: number; durationMs: number; paused: boolean; remainingMs: number | null };
  clockOffsetMs: number;
}) {
  // Its own clock: ticking the whole panel would redraw both previews every second.
  const now = useClock(1000);
  const { t } = useTranslation('console');
  return (
    <span className="op-chip" data-testid="time-left">
      {t('onAir.secondsLeft', { seconds: secondsLeft(show, now + clockOffsetMs) })}
    </span>
  );
}

/** What is on air now, as the venue screen shows it, and what comes next. */
export function OnAirPanel() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const liveShow = useStore(stores.show, (s) => s.show);
  const show = useTrailing(liveShow, PREVIEW_TRAIL_MS);
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  // Slides change with the date (days behind bars, countdowns), not by the second.
  const now = useClock(30_000);
  const { t, i18n } = useTranslation('console');
  if (!snapshot || !show) {
    return (
      <section className="op-panel op-onair" aria-label={t('onAir.heading')}>
        <p className="op-muted">{t('onAir.waiting')}</p>
      </section>
    );
  }
  const { pack } = snapshot;
  const serverNow = now + clockOffsetMs;
  const language = languageForSlide(pack, show);
  const screen = chooseScreen(snapshot, show);
  // Under a blackout the operator still needs to see what is running underneath.
  const underneath: Screen =
    screen.kind === 'blackout' ? chooseScreen(snapshot, { ...show, blackout: false }) : screen;
  const onAir = itemById(snapshot, show.itemId);
  const nextId =
    show.order.length > 0 ? show.order[(show.position + 1) % show.order.length] : undefined;
  const next = itemById(snapshot, nextId);
  const nextScreen: Screen =
    next && isShowItem(next)
      ? { kind: 'slide', item: next }
      : { kind: 'neutral', showTitle: !show.safeMode };
  const timing = slideTiming(show, clockOffsetMs);
  const lang = consoleLanguage(snapshot, i18n.language);
  const shownTitle =
    underneath.kind === 'slide' ? itemTitle(underneath.item, lang, t) : t('onAir.neutral');

  return (
    <section className="op-panel op-onair" aria-label={t('onAir.heading')}>
      <div className="op-onair-now">
        <h2 className="op-heading">
          <span className="op-live-dot" aria-hidden="true" /> {t('onAir.heading')}
        </h2>
        <div className={`op-preview-wrap${show.blackout ? ' is-blackout' : ''}`}>
          <SlidePreview
            screen={underneath}
            pack={pack}
            language={language}
            nowMs={serverNow}
            timing={timing}
            lyricsLine={
              underneath.kind === 'slide' && show.lyrics?.songId === underneath.item.id
                ? show.lyrics.line
                : null
            }
            label={t('onAir.previewLabel', { title: shownTitle })}
            testId="preview-now"
          />
          {show.blackout ? (
            <div className="op-preview-badge is-blackout" data-testid="blackout-badge">
              {t('onAir.blackoutBadge')}
            </div>
          ) : null}
        </div>
        <p className="op-caption" data-testid="on-air-title">
          <strong>{shownTitle}</strong>
          {underneath.kind === 'slide' ? (
            <span className="op-kind">{kindLabel(underneath.item.kind, t)}</span>
          ) : null}
          {show.safeMode && onAir && underneath.kind === 'slide' && underneath.item.id !== onAir.id
            ? ` ${t('onAir.safeModeHides', { title: itemTitle(onAir, lang, t) })}`
            : ''}
        </p>
        <p className="op-status-line">
          {show.safeMode ? <span className="op-chip is-safe">{t('onAir.safeMode')}</span> : null}
          {show.paused ? <span className="op-chip is-paused">{t('onAir.paused')}</span> : null}
          {show.lyrics ? <span className="op-chip is-live">{t('onAir.liveLyrics')}</span> : null}
          {!show.lyrics && !show.paused && show.order.length > 0 ? (
            <TimeLeft show={show} clockOffsetMs={clockOffsetMs} />
          ) : null}
          {/* During a song the loop is held; its position would only confuse. */}
          {show.lyrics ? null : (
            <span className="op-chip">
              {show.order.length > 0
                ? t('onAir.position', { position: show.position + 1, total: show.order.length })
                : t('onAir.nothingToPlay')}
            </span>
          )}
        </p>
      </div>
      <div className="op-onair-next">
        <h2 className="op-heading">{t('onAir.upNext')}</h2>
        <SlidePreview
          screen={nextScreen}
          pack={pack}
          language={language}
          nowMs={serverNow}
          label={t('onAir.nextLabel', {
            title: next ? itemTitle(next, lang, t) : t('onAir.nothing'),
          })}
          testId="preview-next"
        />
        <p className="op-caption">
          <strong>{next ? itemTitle(next, lang, t) : '—'}</strong>
          {next ? <span className="op-kind">{kindLabel(next.kind, t)}</span> : null}
        </p>
      </div>
    </section>
  );
}
