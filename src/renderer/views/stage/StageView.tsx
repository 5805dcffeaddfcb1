import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../stores';
import { useScheduledShow } from '../../transport/use-scheduled-show';
import { useClock } from '../../controls/use-clock';
import { audienceT } from '../../i18n/audience';
import { countdownText, stageScreen, type StageScreen, type StageSong } from './stage-screen';
import './stage.css';

/** "21:07": the machine's clock, 24 h, whatever the language's habit. */
function clockText(language: string, now: number): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(now));
}

function SetlistColumn({ setlist }: { setlist: NonNullable<StageScreen['setlist']> }) {
  return (
    <ol className="stage-setlist" aria-label={setlist.title}>
      {setlist.songs.map((song: StageSong, index) => (
        <li key={index} className={`stage-setlist-song stage-song-${song.status}`}>
          {song.title}
        </li>
      ))}
    </ol>
  );
}

/**
 * The performers' monitor: big, high contrast, read from three metres. It only shows; nothing
 * on it can be pressed, and it is not an output of the stream.
 */
export function StageView() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const latestShow = useStore(stores.show, (s) => s.show);
  const syncOffsetMs = useStore(stores.show, (s) => s.syncOffsetMs);
  // The sung line moves on the band's monitor in the same frame as on the screens behind them.
  const show = useScheduledShow(latestShow, syncOffsetMs);
  const offset = useStore(stores.show, (s) => s.clockOffsetMs);
  const now = useClock(1000) + offset;
  const screen = show && snapshot ? stageScreen(show, snapshot, now) : null;
  const words = screen?.wordsLanguage ?? 'en';
  const t = audienceT(words, 'stage');

  useEffect(() => {
    document.documentElement.lang = words;
  }, [words]);

  if (!screen) {
    return (
      <main className="stage stage-connecting" role="status">
        <p className="stage-waiting">{t('connecting')}</p>
      </main>
    );
  }
  const { song, between, setlist, message, setEndsInMs } = screen;
  return (
    <main
      className="stage"
      data-lyric-line={show?.lyrics?.line}
      data-sync-offset={syncOffsetMs ?? undefined}
    >
      <header className="stage-bar">
        <span className="stage-clock" data-testid="stage-clock">
          {clockText(words, now)}
        </span>
        {setEndsInMs === null ? null : (
          <span
            className={`stage-countdown${setEndsInMs < 0 ? ' stage-overtime' : ''}`}
            data-testid="stage-countdown"
          >
            {t(setEndsInMs < 0 ? 'setOver' : 'setEndsIn', { time: countdownText(setEndsInMs) })}
          </span>
        )}
      </header>
      {message === null ? null : (
        <p className="stage-message" data-testid="stage-message" role="alert">
          {message}
        </p>
      )}
      <div className="stage-body">
        <section className="stage-main">
          {song ? (
            <div lang={song.language} className="stage-song">
              <p className="stage-song-title">
                {song.title}
                <span className="stage-position" data-testid="stage-position">
                  {t('linePosition', { line: song.lineNumber, total: song.lineCount })}
                </span>
              </p>
              <p className="stage-line" data-testid="stage-line">
                {song.line}
              </p>
              {song.next === null ? (
                <p className="stage-next stage-last">{t('lastLine')}</p>
              ) : (
                <p className="stage-next" data-testid="stage-next">
                  {song.next}
                </p>
              )}
            </div>
          ) : between ? (
            <div className="stage-between">
              <p className="stage-label">{t(between.nextSong ? 'nextSong' : 'setDone')}</p>
              {between.nextSong ? (
                <p className="stage-next-song" data-testid="stage-next-song">
                  {between.nextSong}
                </p>
              ) : null}
              {between.slideTitle ? (
                <p className="stage-slide">{t('onScreens', { title: between.slideTitle })}</p>
              ) : null}
            </div>
          ) : (
            <p className="stage-big-clock">{clockText(words, now)}</p>
          )}
        </section>
        {setlist ? <SetlistColumn setlist={setlist} /> : null}
      </div>
    </main>
  );
}
