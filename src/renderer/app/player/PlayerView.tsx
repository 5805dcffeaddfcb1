import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { ContentSnapshot } from '../../../shared/content';
import { ok, type Command, type Result } from '../../../shared/protocol';
import { systemClock } from '../../../shared/time';
import { audienceT } from '../../i18n/audience';
import { languageForSlide, pinnedLanguage } from '../../i18n/language';
import { createStores, StoresContext } from '../../stores';
import { DisplayView } from '../../views/display/DisplayView';
import { PlayerShow, playerKeyAction, playerTapAction } from './player-state';
import './player.css';

/**
 * The display view, fed by a show that runs in this page: the same slides, fonts, QR codes
 * and language cycle as a screen of the core, with no server behind it.
 */
export function PlayerView({
  snapshot,
  onStarted,
}: {
  snapshot: ContentSnapshot;
  /** Once the first slide has had the machine to itself (DisplayView's `onStarted`). */
  onStarted?: () => void;
}) {
  const [stores] = useState(() => {
    const fresh = createStores();
    fresh.content.setState({ snapshot });
    fresh.connection.setState({ status: 'open' });
    return fresh;
  });
  const state = useStore(stores.show, (s) => s.show);
  const showRef = useRef<PlayerShow | null>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    // Made here, not during render: a stopped loop (StrictMode's second mount) never comes back.
    const show: PlayerShow = new PlayerShow(snapshot, systemClock, () =>
      stores.show.setState({ show: show.state(), clockOffsetMs: 0 }),
    );
    showRef.current = show;
    stores.show.setState({ show: show.state(), clockOffsetMs: 0 });
    return () => {
      show.stop();
      showRef.current = null;
    };
  }, [snapshot, stores]);

  const move = (to: 'next' | 'previous') => {
    const show = showRef.current;
    if (!show) return;
    if (to === 'next') show.next();
    else show.previous();
    stores.show.setState({ show: show.state() });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = playerKeyAction(event);
      if (!action) return;
      event.preventDefault();
      move(action);
    };
    const onFullscreen = () => setFullscreen(document.fullscreenElement !== null);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  });

  // Commands a display might send (it sends none unless it is a kiosk): the player's own.
  const send = (command: Command): Promise<Result> => {
    if (command.name === 'next' || command.name === 'previous') move(command.name);
    return Promise.resolve(ok);
  };

  const onTap = (event: MouseEvent<HTMLDivElement>) => {
    // The merch table's own taps (open, browse) come first.
    if (event.defaultPrevented) return;
    const box = event.currentTarget.getBoundingClientRect();
    move(playerTapAction(event.clientX - box.left, box.width));
  };

  const language = languageForSlide(snapshot.pack, state, pinnedLanguage(location.search));
  const t = audienceT(language, 'player');
  const canFullscreen =
    typeof document !== 'undefined' && document.fullscreenEnabled === true && !fullscreen;

  return (
    <StoresContext.Provider value={stores}>
      <div className="player" onClick={onTap} data-testid="player">
        <DisplayView send={send} onStarted={onStarted} />
        {canFullscreen ? (
          <button
            type="button"
            className="player-fullscreen"
            data-testid="player-fullscreen"
            onClick={(event) => {
              // A tap on the button is not a tap on the slide.
              event.stopPropagation();
              void document.documentElement.requestFullscreen().catch(() => undefined);
            }}
          >
            {t('fullscreen')}
          </button>
        ) : null}
      </div>
    </StoresContext.Provider>
  );
}
