import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ObsVideoStatus, VideoPlacement } from '../../../../shared/protocol';
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

const PLACEMENTS: readonly { value: VideoPlacement; label: string; why: string }[] = [
  {
    value: 'own-scene',
    label: 'obsVideo.placement.ownScene',
    why: 'obsVideo.placement.whyOwnScene',
  },
  {
    value: 'overlay-scene',
    label: 'obsVideo.placement.overlayScene',
    why: 'obsVideo.placement.whyOverlayScene',
  },
];

/** Where the next video goes on the stream: two choices, and why one would pick the chosen one. */
function PlacementChoice({ placement }: { placement: VideoPlacement }) {
  const { t } = useTranslation('console');
  const stores = useStores();
  const { send } = useRunner();
  // The click shows at once, until the core's status moves from what it was then (to the
  // choice, or to another console's); a refusal puts it back.
  const [asked, setAsked] = useState<{ value: VideoPlacement; over: VideoPlacement } | null>(null);
  const shown = asked && asked.over === placement ? asked.value : placement;
  const choose = async (next: VideoPlacement) => {
    setAsked({ value: next, over: placement });
    const result = await send({ name: 'obsVideoPlacement', placement: next });
    if (!result.ok) {
      setAsked(null);
      reportRefusal(t('obsVideo.refused', { reason: localize(t, result.error) }), stores.operator);
    }
  };
  const chosen = PLACEMENTS.find((p) => p.value === shown) ?? PLACEMENTS[0]!;
  return (
    <fieldset className="op-obs-placement" data-testid="obs-video-placement">
      <legend className="op-muted">{t('obsVideo.placement.legend')}</legend>
      <div className="op-obs-placement-choices" role="radiogroup">
        {PLACEMENTS.map((option) => (
          <label key={option.value} className={option.value === shown ? 'is-on' : undefined}>
            <input
              type="radio"
              name="obs-video-placement"
              value={option.value}
              checked={option.value === shown}
              onChange={() => void choose(option.value)}
            />{' '}
            {t(option.label)}
          </label>
        ))}
      </div>
      <p className="op-muted op-obs-placement-why" data-testid="obs-video-placement-why">
        {t(chosen.why)} {t('obsVideo.placement.later')}
      </p>
    </fieldset>
  );
}

/** "Play on stream": a pack video in OBS, with its subtitles in the overlay's lyrics line. */
export function VideoOnStream({
  video,
  placement,
}: {
  video: ObsVideoStatus | null | undefined;
  placement: VideoPlacement;
}) {
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
      <PlacementChoice placement={placement} />
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
