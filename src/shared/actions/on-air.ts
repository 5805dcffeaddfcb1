import type { ContentSnapshot, LoadedItem, SongItem } from '../content';
import type { ShowState } from '../protocol/show-state';
import type { ActionContext } from './action';

/*
 * What the actions ask about the show: what is on air, which song, which setlist. The core
 * decides; these only read what it published and the content it sent.
 */

export function itemById(content: ContentSnapshot | null, id: string | null | undefined) {
  return id ? content?.items.find((item) => item.id === id) : undefined;
}

function songById(content: ContentSnapshot | null, id: string | null | undefined) {
  const item = itemById(content, id);
  return item?.kind === 'song' ? (item as SongItem & { source: string }) : undefined;
}

/** A song's lyrics are on air: the core has a lyrics cursor for the item on air. */
export function lyricsOnAir(show: ShowState): boolean {
  return show.lyrics !== null && show.itemId === show.lyrics.songId;
}

/**
 * The clicker rule. A presentation clicker has two buttons (PageDown and PageUp), and the
 * operator has no hand free to switch modes: while a song's lyrics are on air they move the
 * lyrics line by line, otherwise they move the slides.
 */
export function clickerTarget(show: ShowState): 'lyrics' | 'slides' {
  return lyricsOnAir(show) ? 'lyrics' : 'slides';
}

/** The song whose lyrics the cursor is on, if its item is loaded. */
export function cursorSong(ctx: ActionContext) {
  return ctx.show.lyrics ? songById(ctx.content, ctx.show.lyrics.songId) : undefined;
}

export type LoadedSetlist = Extract<LoadedItem, { kind: 'setlist' }>;

export function setlistsOf(content: ContentSnapshot | null): LoadedSetlist[] {
  return (content?.items ?? []).filter((item): item is LoadedSetlist => item.kind === 'setlist');
}

export function activeSetlist(ctx: ActionContext) {
  const id = ctx.show.setlist?.setlistId;
  return id ? setlistsOf(ctx.content).find((s) => s.id === id) : undefined;
}

/** A song the core can follow line by line: it has lyrics. */
export function hasLyrics(content: ContentSnapshot | null, songId: string): boolean {
  const song = songById(content, songId);
  return song !== undefined && song.sections.length > 0;
}

/**
 * The song "next song" starts, as the core published it (`show.setlist.nextSongIndex`): the
 * core knows where the concert got to, between songs and after a reload of this page.
 */
export function nextSong(ctx: ActionContext): { index: number; songId: string } | null {
  const index = ctx.show.setlist?.nextSongIndex ?? null;
  const songId = index === null ? undefined : activeSetlist(ctx)?.songs[index];
  return index !== null && songId !== undefined ? { index, songId } : null;
}
