import type { NativeRole } from './overlay-elements';
import { panelOf } from './overlay-panels';
import type { OverlayState } from './overlay-state';
import { balanceLines } from './overlay-text';

/** What the sync needs to turn a state into a source's settings. */
export interface SourceContentDeps {
  /** True while OBS cannot open this computer's files (it runs on another computer). */
  imagesUnreachable: () => boolean;
  /** Renders a QR PNG and returns its absolute path. */
  renderQr: (url: string) => Promise<string>;
  /** The file OBS opens for a drawing (a checked copy); null: none to show. */
  drawingFile: (file: string) => Promise<string | null>;
}

/** Null settings: the source has no content of its own (a band, sized by the layout step). */
export interface SourceContent {
  settings: Record<string, string> | null;
  visible: boolean;
}

/** Whether a native source has anything to show in this state. */
export function sourceVisible(
  role: NativeRole,
  state: OverlayState,
  imagesUnreachable: () => boolean,
): boolean {
  const has = (text: string) => text.trim() !== '';
  const panel = panelOf(role);
  if (panel && (panel.band === role || panel.accent === role)) {
    return panel.lines.some((line) => sourceVisible(line, state, imagesUnreachable));
  }
  switch (role) {
    case 'lyrics-text':
      return has(state.lyrics.line);
    case 'lyrics-translation-text':
      return has(state.lyrics.translation);
    case 'lower-third-text':
      return has(state.lowerThird.title);
    case 'lower-third-fact-text':
      return has(state.lowerThird.text);
    case 'now-playing-text':
      return has(state.nowPlaying.title);
    case 'now-playing-artist-text':
      return has(state.nowPlaying.artist);
    case 'drawing-credit-text':
      return has(state.drawing.credit);
    case 'qr-image':
      return Boolean(state.qr.url) && !imagesUnreachable();
    case 'drawing-image':
      return Boolean(state.drawing.file) && !imagesUnreachable();
    default:
      return false;
  }
}

/** What a source shows in this state. */
export async function sourceContent(
  role: NativeRole,
  state: OverlayState,
  deps: SourceContentDeps,
): Promise<SourceContent> {
  if (!sourceVisible(role, state, deps.imagesUnreachable))
    return { settings: null, visible: false };
  const text = (value: string) => ({ settings: { text: value }, visible: true });
  switch (role) {
    case 'lyrics-text':
      return text(state.lyrics.line);
    case 'lyrics-translation-text':
      return text(state.lyrics.translation);
    // The page sets titles in capitals (`text-transform: uppercase`).
    case 'lower-third-text':
      return text(state.lowerThird.title.toLocaleUpperCase());
    case 'lower-third-fact-text':
      return text(balanceLines(state.lowerThird.text));
    case 'now-playing-text':
      return text(state.nowPlaying.title.toLocaleUpperCase());
    case 'now-playing-artist-text':
      return text(state.nowPlaying.artist);
    case 'drawing-credit-text':
      return text(state.drawing.credit);
    case 'qr-image': {
      const url = state.qr.url;
      if (!url) return { settings: { file: '' }, visible: false };
      return { settings: { file: await deps.renderQr(url) }, visible: true };
    }
    case 'drawing-image': {
      const file = state.drawing.file ? await deps.drawingFile(state.drawing.file) : null;
      return { settings: { file: file ?? '' }, visible: Boolean(file) };
    }
    default:
      return { settings: null, visible: true };
  }
}
