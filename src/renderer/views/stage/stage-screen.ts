import { pickText, type ContentSnapshot, type SongItem } from '../../../shared/content';
import { matchAppLanguage, SOURCE_LANGUAGE, type AppLanguage } from '../../../shared/i18n';
import type { ShowState } from '../../../shared/protocol';
import { setEndsAt } from '../../../shared/show/set-end';

/** One song of the setlist as the stage lists it. */
export interface StageSong {
  title: string;
  /** Played already, on now, the one "next song" starts, or later. */
  status: 'done' | 'current' | 'next' | 'later';
}

/**
 * What the performers' monitor shows, worked out from the show state alone (no DOM), so each
 * rule is tested on its own. Text is the pack's; the stage's own words are catalog keys.
 */
export interface StageScreen {
  /** The language the stage's own words are in: the stage language when the app has it. */
  wordsLanguage: AppLanguage;
  /** The song being sung, in the language the singer sings; null between songs. */
  song: {
    title: string;
    language: string;
    line: string;
    next: string | null;
    /** 1-based, for "line 5 of 24". */
    lineNumber: number;
    lineCount: number;
  } | null;
  /** Between songs: the next song big, the slide on the screens small. */
  between: { nextSong: string | null; slideTitle: string | null } | null;
  setlist: { title: string; songs: StageSong[] } | null;
  message: string | null;
  /** Until the set must end (negative once it is over); null when the setlist gives no end. */
  setEndsInMs: number | null;
}

function lineText(line: Record<string, string>, language: string, sung: string): string {
  return line[language] ?? line[sung] ?? Object.values(line)[0] ?? '';
}

/** The song's lines in `language`, or where a line lacks it, in the song's own. */
export function sungLines(song: SongItem, language: string): string[] {
  const sung = song.language ?? language;
  return song.sections.flatMap((s) => s.lines.map((line) => lineText(line, language, sung)));
}

function titleOf(snapshot: ContentSnapshot, id: string, language: string): string {
  const item = snapshot.items.find((i) => i.id === id);
  if (!item) return id;
  // A case is titled by the person's name.
  const text = 'title' in item ? item.title : 'name' in item ? item.name : undefined;
  return pickText(text, language) ?? id;
}

function songStatus(
  index: number,
  setlist: NonNullable<ShowState['setlist']>,
): StageSong['status'] {
  if (index === setlist.songIndex) return 'current';
  if (index === setlist.nextSongIndex) return 'next';
  // Between songs, what comes before the next song is behind the band (a song with no lyrics
  // to follow is played over the interlude); with none left, the whole list is.
  const reached = setlist.songIndex ?? setlist.nextSongIndex ?? Infinity;
  return index < reached ? 'done' : 'later';
}

/** What the stage shows for `state` at `now` (the server's clock). */
export function stageScreen(state: ShowState, snapshot: ContentSnapshot, now: number): StageScreen {
  const packLanguage = snapshot.pack.defaultLanguage;
  const chosen = state.stage.language;
  const wordsLanguage = (chosen && matchAppLanguage([chosen])) || SOURCE_LANGUAGE;
  const titleLanguage = chosen ?? packLanguage;

  let song: StageScreen['song'] = null;
  const cursor = state.lyrics;
  const item = cursor ? snapshot.items.find((i) => i.id === cursor.songId) : undefined;
  if (cursor && item?.kind === 'song') {
    const language = chosen ?? item.language ?? packLanguage;
    const lines = sungLines(item, language);
    const at = Math.min(cursor.line, Math.max(0, lines.length - 1));
    song = {
      title: pickText(item.title, language, packLanguage) ?? item.id,
      language,
      line: lines[at] ?? '',
      next: lines[at + 1] ?? null,
      lineNumber: at + 1,
      lineCount: lines.length,
    };
  }

  let setlist: StageScreen['setlist'] = null;
  let setEndsInMs: number | null = null;
  let nextSong: string | null = null;
  const found = state.setlist
    ? snapshot.items.find((i) => i.id === state.setlist?.setlistId)
    : undefined;
  if (state.setlist && found?.kind === 'setlist') {
    const progress = state.setlist;
    setlist = {
      title: pickText(found.title, titleLanguage, packLanguage) ?? found.id,
      songs: found.songs.map((id, index) => ({
        title: titleOf(snapshot, id, titleLanguage),
        status: songStatus(index, progress),
      })),
    };
    const next = progress.nextSongIndex === null ? undefined : found.songs[progress.nextSongIndex];
    nextSong = next === undefined ? null : titleOf(snapshot, next, titleLanguage);
    const endsAt = setEndsAt(found);
    setEndsInMs = endsAt === null ? null : endsAt - now;
  }

  const between =
    song === null && setlist !== null
      ? {
          nextSong,
          slideTitle: state.itemId === null ? null : titleOf(snapshot, state.itemId, titleLanguage),
        }
      : null;

  return { wordsLanguage, song, between, setlist, message: state.stage.message, setEndsInMs };
}

/** "12:05" or "−0:40" for the set's countdown; whole minutes and seconds, no hours lost. */
export function countdownText(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}`;
}
