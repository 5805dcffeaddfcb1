import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Command } from '../../../shared/protocol';
import { useRunner } from '../../controls/run';
import { localize } from '../../i18n/localize';
import { useStores } from '../../stores';
import { reportRefusal } from '../../stores/operator';

/** On a phone, while a video is on air: pause or resume it, or skip it. */
export function RemoteVideo() {
  const stores = useStores();
  const playback = useStore(stores.show, (s) => s.show?.video ?? null);
  const { t } = useTranslation('remote');
  const { send } = useRunner();
  if (!playback) return null;
  const run = (command: Command) => {
    void send(command).then((result) => {
      if (!result.ok) reportRefusal(localize(t, result.error), stores.operator);
    });
  };
  return (
    <>
      <h2 className="remote-label">{t('video.heading')}</h2>
      <div className="remote-grid" data-testid="remote-video">
        <button
          type="button"
          className="remote-button"
          data-testid="remote-video-toggle"
          aria-pressed={playback.paused}
          onClick={() => run({ name: playback.paused ? 'videoResume' : 'videoPause' })}
        >
          {playback.paused ? t('video.resume') : t('video.pause')}
        </button>
        <button
          type="button"
          className="remote-button"
          data-testid="remote-video-skip"
          onClick={() => run({ name: 'next' })}
        >
          {t('video.skip')}
        </button>
      </div>
    </>
  );
}
