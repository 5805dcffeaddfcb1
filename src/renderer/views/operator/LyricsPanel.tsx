import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  cursorSong,
  itemById,
  lyricsEndAction,
  lyricsGoToAction,
  lyricsNextAction,
  lyricsNextStanzaAction,
  lyricsOnAir,
  lyricsPreviousAction,
  lyricsPreviousStanzaAction,
  lyricsStartAction,
  nudgeBackAction,
  nudgeForwardAction,
  timedPauseAction,
  timedStartAction,
} from '../../../shared/actions';
import { pickText, type SongItem } from '../../../shared/content';
import { alignCues, originalLines, parseLrc } from '../../../shared/lyrics';
import type { LyricsCursor } from '../../../shared/protocol';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { useRunner } from '../../controls/run';
import { consoleLanguage } from '../../controls/text';
import { useClock } from '../../controls/use-clock';

/** `m:ss.s`, for song times. */
export function songTime(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}

/** Where a timed song is, in song time (ms), on the server's clock. */
export function timedPosition(cursor: LyricsCursor, serverNow: number): number | null {
  const timed = cursor.timed;
  if (!timed) return null;
  return timed.running ? serverNow - timed.anchorAt : (timed.pausedAtMs ?? 0);
}

function useCueTimes(song: SongItem | undefined): (number | null)[] | null {
  return useMemo(() => {
    if (!song?.lrc) return null;
    return alignCues(originalLines(song), parseLrc(song.lrc).cues);
  }, [song]);
}

function SongPicker() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const { t, i18n } = useTranslation('console');
  if (!snapshot || !show) return null;
  const lang = consoleLanguage(snapshot, i18n.language);
  const songs = snapshot.items.filter(
    (item): item is SongItem & { source: string } =>
      item.kind === 'song' && item.sections.length > 0,
  );
  const onAir = itemById(snapshot, show.itemId);
  return (
    <div className="op-song-picker">
      <p className="op-muted">{t('lyrics.noSong')}</p>
      <ul className="op-song-list">
        {songs.map((song) => (
          <li key={song.id}>
            <ActionButton
              action={lyricsStartAction}
              param={song.id}
              label={t(song.lrc ? 'lyrics.startTimed' : 'lyrics.start', {
                title: pickText(song.title, lang) ?? song.id,
              })}
              className={onAir?.id === song.id ? 'is-suggested' : undefined}
              testId={`start-song-${song.id}`}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function TimedControls({ cursor, serverNow }: { cursor: LyricsCursor; serverNow: number }) {
  const position = timedPosition(cursor, serverNow);
  const timed = cursor.timed;
  const { t } = useTranslation('console');
  return (
    <div className="op-timed" aria-label={t('lyrics.timedAria')}>
      <p className="op-timed-status" data-testid="timed-status">
        {!timed
          ? t('lyrics.manual')
          : timed.running
            ? t('lyrics.following', { time: songTime(position ?? 0) })
            : t('lyrics.pausedAt', { time: songTime(position ?? 0) })}
      </p>
      <div className="op-controls-row">
        <ActionButton action={timedStartAction} param={undefined} />
        <ActionButton
          action={timedPauseAction}
          param={undefined}
          label={timed?.running === false ? t('lyrics.resumeTiming') : t('lyrics.pauseTiming')}
          pressed={timed?.running === false}
          disabled={!timed}
        />
        <ActionButton
          action={nudgeBackAction}
          param={undefined}
          title={t('lyrics.nudgeBackTitle')}
        />
        <ActionButton
          action={nudgeForwardAction}
          param={undefined}
          title={t('lyrics.nudgeForwardTitle')}
        />
      </div>
    </div>
  );
}

/** The song being sung: every line, the current one marked, a click to jump anywhere. */
export function LyricsPanel() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  const { run } = useRunner();
  const { t, i18n } = useTranslation('console');
  const ctx = show ? { show, content: snapshot } : null;
  const song = ctx ? cursorSong(ctx) : undefined;
  const cursor = show?.lyrics ?? null;
  const running = cursor?.timed?.running === true;
  const now = useClock(200, running);
  const cues = useCueTimes(song);
  const currentRef = useRef<HTMLLIElement | null>(null);
  const listRef = useRef<HTMLOListElement | null>(null);
  const line = cursor?.line;
  useEffect(() => {
    // Only the song's own list scrolls: scrollIntoView would also scroll the page and push
    // the on-air preview out of sight.
    const list = listRef.current;
    const current = currentRef.current;
    if (!list || !current) return;
    const offset = current.getBoundingClientRect().top - list.getBoundingClientRect().top;
    const top = list.scrollTop + offset - (list.clientHeight - current.offsetHeight) / 2;
    list.scrollTo?.({ top: Math.max(0, top), behavior: 'auto' });
  }, [line, song?.id]);

  if (!snapshot || !show) return null;
  if (!cursor || !song) {
    return (
      <section className="op-panel op-lyrics" aria-label={t('lyrics.heading')}>
        <h2 className="op-heading">{t('lyrics.heading')}</h2>
        <SongPicker />
      </section>
    );
  }
  const lang = consoleLanguage(snapshot, i18n.language);
  const original = song.language ?? lang;
  let index = 0;
  const total = song.sections.reduce((n, section) => n + section.lines.length, 0);
  const onAir = lyricsOnAir(show);

  return (
    <section className="op-panel op-lyrics is-live" aria-label={t('lyrics.heading')}>
      <div className="op-lyrics-head">
        <h2 className="op-heading">
          <span className="op-live-dot" aria-hidden="true" /> {pickText(song.title, lang)}
        </h2>
        <span className="op-chip" data-testid="lyric-position">
          {t('lyrics.position', { line: Math.min(cursor.line + 1, total), total })}
        </span>
        <ActionButton action={lyricsEndAction} param={undefined} className="op-small" />
      </div>
      {!onAir ? <p className="op-warning">{t('lyrics.notOnAir')}</p> : null}
      <div className="op-lyric-keys">
        <ActionButton action={lyricsPreviousAction} param={undefined} className="op-small" />
        <ActionButton action={lyricsNextAction} param={undefined} className="op-small op-primary" />
        <ActionButton
          action={lyricsPreviousStanzaAction}
          param={undefined}
          className="op-small"
          maxKeys={2}
        />
        <ActionButton
          action={lyricsNextStanzaAction}
          param={undefined}
          className="op-small"
          maxKeys={2}
        />
      </div>
      {song.lrc !== undefined ? (
        <TimedControls cursor={cursor} serverNow={now + clockOffsetMs} />
      ) : null}
      <ol className={`op-song${cues ? ' is-timed' : ''}`} data-testid="song-lines" ref={listRef}>
        {song.sections.map((section, s) => (
          <li key={s} className="op-stanza">
            {section.label ? (
              <span className="op-stanza-label">{pickText(section.label, lang)}</span>
            ) : null}
            <ol>
              {section.lines.map((lyric, l) => {
                const at = index++;
                const current = at === cursor.line;
                const sung = lyric[original] ?? Object.values(lyric)[0] ?? '';
                const understood = original !== lang ? lyric[lang] : undefined;
                const cue = cues?.[at];
                return (
                  <li
                    key={l}
                    ref={current ? currentRef : undefined}
                    className={`op-line${current ? ' is-current' : ''}${at === cursor.line + 1 ? ' is-next' : ''}${at < cursor.line ? ' is-sung' : ''}`}
                  >
                    <button
                      type="button"
                      data-lyric-line={at}
                      aria-current={current ? 'true' : undefined}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => void run(lyricsGoToAction, at)}
                      title={t('lyrics.jump')}
                    >
                      {cue !== undefined && cue !== null ? (
                        <span className="op-line-time">{songTime(cue)}</span>
                      ) : null}
                      <span className="op-line-original" lang={original}>
                        {sung}
                      </span>
                      {understood ? (
                        <span className="op-line-translation" lang={lang}>
                          {understood}
                        </span>
                      ) : null}
                    </button>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
