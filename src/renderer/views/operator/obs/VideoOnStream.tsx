import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ObsVideoStatus } from '../../../../shared/protocol';
import { useRunner } from '../../../controls/run';
import { consoleLanguage, itemTitle } from '../../../controls/text';
import { localize } from '../../../i18n/localize';
import { useStores } from '../../../stores';
import { reportRefusal } from '../../../stores/operator';

/** m:ss, for the media cursor and length (no hours: a campaign film is minutes long). */
export function clockTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '–:––';
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const live = (video: ObsVideoStatus | null | undefined) =>
  Boolean(
    video && (video.state === 'playing' || video.state === 'paused' || video.state === 'opening'),
  );

/** "Play on stream": a pack video in OBS, with its subtitles in the overlay's lyrics line. */
export function VideoOnStream({ video }: { video: ObsVideoStatus | null | undefined }) {
  const { t, i18n } = useTranslation('console');
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const { send } = useRunner();
  const videos = (snapshot?.items ?? []).filter((item) => item.kind === 'video');
  const [picked, setPicked] = useState<string | null>(null);
  const itemId = picked ?? video?.itemId ?? videos[0]?.id ?? null;
  const language = consoleLanguage(snapshot, i18n.language);

  const command = async (name: 'obsVideoPlay' | 'obsVideoPause' | 'obsVideoStop') => {
    const result =
      name === 'obsVideoPlay'
        ? itemId
          ? await send({ name, itemId })
          : null
        : await send({ name });
    if (result && !result.ok) {
      reportRefusal(t('obsVideo.refused', { reason: localize(t, result.error) }), stores.operator);
    }
  };
  const paused = video?.state === 'paused' && video.itemId === itemId;

  return (
    <div className="op-obs-video" data-testid="obs-video">
      <h3 className="op-subheading">{t('obsVideo.heading')}</h3>
      {videos.length === 0 ? (
        <p className="op-muted">{t('obsVideo.none')}</p>
      ) : (
        <div className="op-obs-video-row">
          <label>
            <span className="op-muted">{t('obsVideo.pick')}</span>{' '}
            <select
              value={itemId ?? ''}
              onChange={(e) => setPicked(e.target.value)}
              data-testid="obs-video-pick"
            >
              {videos.map((item) => (
                <option key={item.id} value={item.id}>
                  {itemTitle(item, language, t)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="op-button op-small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void command('obsVideoPlay')}
            data-testid="obs-video-play"
          >
            {t(paused ? 'obsVideo.resume' : 'obsVideo.play')}
          </button>
          <button
            type="button"
            className="op-button op-small"
            disabled={video?.state !== 'playing'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void command('obsVideoPause')}
            data-testid="obs-video-pause"
          >
            {t('obsVideo.pause')}
          </button>
          <button
            type="button"
            className="op-button op-small"
            disabled={!live(video)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void command('obsVideoStop')}
            data-testid="obs-video-stop"
          >
            {t('obsVideo.stop')}
          </button>
        </div>
      )}
      {video ? (
        <p className="op-obs-video-status" role="status" data-testid="obs-video-status">
          <strong>{t(`obsVideo.state.${video.state}`)}</strong>
          {' · '}
          <span translate="no">
            {itemTitle(
              snapshot?.items.find((item) => item.id === video.itemId),
              language,
              t,
            )}
          </span>
          {' · '}
          {t('obsVideo.position', {
            cursor: clockTime(video.cursorMs),
            duration: clockTime(video.durationMs),
          })}
        </p>
      ) : null}
    </div>
  );
}
