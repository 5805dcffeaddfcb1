import path from 'node:path';
import type { ContentSnapshot } from '../../shared/content';
import {
  overlayStateFor as sharedOverlayStateFor,
  type ObsOverlayElement,
  type LyricsText,
  type OverlayState,
} from '../../shared/overlay';
import type { ShowState } from '../../shared/protocol';

export { emptyOverlayState, overlayStateFromContent } from '../../shared/overlay';
export type { LyricsText, OverlayState } from '../../shared/overlay';

export interface OverlayInputs {
  /** The pack folder, to turn a drawing's media path into a file OBS can open. */
  contentDir: string;
  /**
   * Overrides the line taken from `show.lyrics` (the live cursor); null shows no lyrics.
   * Left out, the cursor decides.
   */
  lyrics?: LyricsText | null;
  /** Elements hidden on top of the show's own toggles (`show.overlays`). */
  hidden?: readonly ObsOverlayElement[];
}

/**
 * What OBS's native sources show: the shared mapping (src/shared/overlay, the same rules as
 * the overlay page), with drawings resolved to absolute files in the pack folder.
 */
export function overlayStateFor(
  snapshot: ContentSnapshot,
  show: ShowState,
  languages: readonly string[],
  inputs: OverlayInputs,
): OverlayState {
  const { contentDir, ...rest } = inputs;
  return sharedOverlayStateFor(snapshot, show, languages, {
    ...rest,
    image: (packPath) => path.resolve(contentDir, packPath),
  });
}
