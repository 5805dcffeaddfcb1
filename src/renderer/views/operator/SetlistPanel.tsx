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
  if (!snapshot || !show) return null;
  const setlists = setlistsOf(snapshot);
  const lang = consoleLanguage(snapshot);
  const ctx = { show, content: snapshot };
  const active = activeSetlist(ctx);

  if (!active) {
    return (
      <section className="op-panel op-setlist" aria-label="Setlist">
        <h2 className="op-heading">Setlist</h2>
        {setlists.length === 0 ? (
          <p className="op-muted">
            This pack has no setlist. Add one (kind: setlist) to run a concert song by song.
          </p>
        ) : (
          <ul className="op-list">
            {setlists.map((setlist) => (
              <li key={setlist.id} className="op-setlist-choice">
                <span>
                  <strong>{pickText(setlist.title, lang) ?? setlist.id}</strong>
                  <span className="op-muted"> · {setlist.songs.length} songs</span>
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
    <section className="op-panel op-setlist is-active" aria-label="Setlist">
      <div className="op-lyrics-head">
        <h2 className="op-heading">Setlist: {pickText(active.title, lang) ?? active.id}</h2>
        <ActionButton action={setlistStopAction} param={undefined} className="op-small" />
      </div>
      <p className="op-status-line">
        {songIndex === null ? (
          <span className="op-chip is-paused" data-testid="setlist-state">
            Between songs: {interlude ? itemTitle(interlude, lang) : 'the loop'} is running
          </span>
        ) : (
          <span className="op-chip is-live" data-testid="setlist-state">
            Song {songIndex + 1} of {active.songs.length} is on
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
              ? 'No more songs'
              : `Next song: ${itemTitle(itemById(snapshot, upcoming.songId), lang)}`
          }
          testId="next-song"
        />
        <ActionButton
          action={lyricsEndAction}
          param={undefined}
          className="op-big"
          label="End song (back to the loop)"
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
                {song ? itemTitle(song, lang) : `${songId} (missing)`}
              </span>
              {on ? (
                <span className="op-chip is-live">on now</span>
              ) : song && !hasLyrics(snapshot, songId) ? (
                <span className="op-chip" title="The loop keeps running during this song">
                  no lyrics
                </span>
              ) : (
                <ActionButton
                  action={lyricsStartAction}
                  param={songId}
                  label="Start"
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
