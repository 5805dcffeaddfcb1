import type { ShowState } from './show-state';

/**
 * What must survive a restart: enough to put the same slide back up, in the same mode, with
 * the song being sung and the concert's setlist. The fields added with live lyrics are
 * optional so a file from before them still resumes (missing = the defaults). The engine
 * resumes from it; `settings/show-position.ts` keeps it on disk.
 */
export type ShowPosition = Pick<
  ShowState,
  'playlistId' | 'itemId' | 'position' | 'paused' | 'remainingMs' | 'blackout' | 'safeMode'
> &
  Partial<Pick<ShowState, 'lyrics' | 'outputLanguages'>> & {
    /** Where the concert is; "next song" is worked out again from it, never stored. */
    setlist?: { setlistId: string; songIndex: number | null } | null;
    overlays?: Partial<ShowState['overlays']>;
  };
