import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  activeSetlist,
  hasLyrics,
  itemById,
  lyricsEndAction,
  lyricsStartAction,
  nextSong,
  nextSongAction,
  setlistStartAction,
  setlistStopAction,
  setlistsOf,
} from '../../../shared/actions';
import { pickText } from '../../../shared/content';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { consoleLanguage, itemTitle } from '../../controls/text';

/** A concert: the songs in order, and the loop between them. */
export function SetlistPanel() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const { t, i18n } = useTranslation('console');
  if (!snapshot || !show) return null;
  const setlists = setlistsOf(snapshot);
  const lang = consoleLanguage(snapshot, i18n.language);
  const ctx = { show, content: snapshot };
  const active = activeSetlist(ctx);

  if (!active) {
    return (
      <section className="op-panel op-setlist" aria-label={t('setlist.heading')}>
        <h2 className="op-heading">{t('setlist.heading')}</h2>
        {setlists.length === 0 ? (
          <p className="op-muted">{t('setlist.none')}</p>
        ) : (
          <ul className="op-list">
            {setlists.map((setlist) => (
              <li key={setlist.id} className="op-setlist-choice">
                <span>
                  <strong>{pickText(setlist.title, lang) ?? setlist.id}</strong>
                  <span className="op-muted">
                    {' · '}
                    {t('setlist.songCount', { count: setlist.songs.length })}
                  </span>
                </span>
                <ActionButton
                  action={setlistStartAction}
                  param={setlist.id}
                  testId={`setlist-start-${setlist.id}`}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  const songIndex = show.setlist?.songIndex ?? null;
  const upcoming = nextSong(ctx);
  const interlude = itemById(snapshot, active.interlude ?? snapshot.pack.defaultPlaylist);
  return (
    <section className="op-panel op-setlist is-active" aria-label={t('setlist.heading')}>
      <div className="op-lyrics-head">
        <h2 className="op-heading">
          {t('setlist.activeHeading', { title: pickText(active.title, lang) ?? active.id })}
        </h2>
        <ActionButton action={setlistStopAction} param={undefined} className="op-small" />
      </div>
      <p className="op-status-line">
        {songIndex === null ? (
          <span className="op-chip is-paused" data-testid="setlist-state">
            {t('setlist.between', {
              interlude: interlude ? itemTitle(interlude, lang, t) : t('setlist.theLoop'),
            })}
          </span>
        ) : (
          <span className="op-chip is-live" data-testid="setlist-state">
            {t('setlist.songOn', { index: songIndex + 1, total: active.songs.length })}
          </span>
        )}
      </p>
      <div className="op-controls-row">
        <ActionButton
          action={nextSongAction}
          param={undefined}
          className="op-big op-primary"
          label={
            upcoming === null
              ? t('setlist.noMoreSongs')
              : t('setlist.nextSong', {
                  title: itemTitle(itemById(snapshot, upcoming.songId), lang, t),
                })
          }
          testId="next-song"
        />
        <ActionButton
          action={lyricsEndAction}
          param={undefined}
          className="op-big"
          label={t('setlist.endSong')}
        />
      </div>
      <ol className="op-setlist-songs">
        {active.songs.map((songId, index) => {
          const song = itemById(snapshot, songId);
          const on = index === songIndex;
          return (
            <li
              key={`${songId}-${index}`}
              className={`op-setlist-song${on ? ' is-current' : ''}${index === upcoming?.index ? ' is-next' : ''}`}
              aria-current={on ? 'true' : undefined}
            >
              <span className="op-thumb-number">{index + 1}</span>
              <span className="op-setlist-title">
                {song ? itemTitle(song, lang, t) : t('setlist.missing', { id: songId })}
              </span>
              {on ? (
                <span className="op-chip is-live">{t('setlist.onNow')}</span>
              ) : song && !hasLyrics(snapshot, songId) ? (
                <span className="op-chip" title={t('setlist.noLyricsTitle')}>
                  {t('setlist.noLyrics')}
                </span>
              ) : (
                <ActionButton
                  action={lyricsStartAction}
                  param={songId}
                  label={t('setlist.start')}
                  className="op-small"
                  disabled={!song}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
