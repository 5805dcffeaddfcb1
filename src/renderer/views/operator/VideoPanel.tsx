import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { pickText } from '../../../shared/content';
import { videoPositionAt, type Command } from '../../../shared/protocol';
import { useRunner } from '../../controls/run';
import { consoleLanguage } from '../../controls/text';
import { useClock } from '../../controls/use-clock';
import { localize } from '../../i18n/localize';
import { useStores } from '../../stores';
import { reportRefusal } from '../../stores/operator';
import { videoClock } from './video-time';

/**
 * The video on air: where it is (mm:ss / mm:ss, on the core's clock, so it is where every
 * screen is), pause or resume, a seek bar, back to the start, skip.
 */
export function VideoPanel() {
  const stores = useStores();
  const show = useStore(stores.show, (s) => s.show);
  const offset = useStore(stores.show, (s) => s.clockOffsetMs);
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const { t, i18n } = useTranslation('console');
  const { send } = useRunner();
  const playback = show?.video ?? null;
  // The seek bar's position while it is being dragged; sent when let go, not on every pixel.
  const [dragMs, setDragMs] = useState<number | null>(null);
  const localNow = useClock(250, Boolean(playback && !playback.paused));
  const item = snapshot?.items.find((i) => i.id === playback?.itemId);
  if (!show || !playback || !snapshot || item?.kind !== 'video') return null;

  const lengthMs = snapshot.videos?.[item.file]?.durationMs ?? null;
  const raw = videoPositionAt(playback, localNow + offset);
  const position = lengthMs === null ? raw : Math.min(raw, lengthMs);
  const title = pickText(
    item.title,
    consoleLanguage(snapshot, i18n.language),
    snapshot.pack.defaultLanguage,
  );
  const run = (command: Command) => {
    void send(command).then((result) => {
      if (!result.ok) reportRefusal(localize(t, result.error), stores.operator);
    });
  };
  const commitSeek = () => {
    if (dragMs === null) return;
    run({ name: 'videoSeek', ms: Math.round(dragMs) });
    setDragMs(null);
  };

  return (
    <section className="op-panel op-video" aria-label={t('video.aria')} data-testid="video-panel">
      <h2 className="op-heading">{t('video.heading', { title })}</h2>
      <p className="op-video-time" data-testid="video-time">
        {videoClock(dragMs ?? position)} / {lengthMs === null ? '--:--' : videoClock(lengthMs)}
        {playback.paused ? <span className="op-muted"> · {t('video.paused')}</span> : null}
      </p>
      {lengthMs !== null ? (
        <input
          type="range"
          className="op-video-seek"
          min={0}
          max={lengthMs}
          step={1000}
          value={dragMs ?? position}
          aria-label={t('video.seek')}
          data-testid="video-seek"
          onChange={(event) => setDragMs(Number(event.currentTarget.value))}
          onPointerUp={commitSeek}
          onKeyUp={commitSeek}
          onBlur={commitSeek}
        />
      ) : null}
      <div className="op-row">
        <button
          type="button"
          className="op-button"
          data-testid="video-toggle"
          onClick={() => run({ name: playback.paused ? 'videoResume' : 'videoPause' })}
        >
          {playback.paused ? t('video.resume') : t('video.pause')}
        </button>
        <button
          type="button"
          className="op-button"
          data-testid="video-restart"
          onClick={() => run({ name: 'videoRestart' })}
        >
          {t('video.restart')}
        </button>
        <button
          type="button"
          className="op-button"
          data-testid="video-skip"
          onClick={() => run({ name: 'next' })}
        >
          {t('video.skip')}
        </button>
      </div>
    </section>
  );
}
