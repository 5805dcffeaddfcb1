import type { Pack } from '../../shared/content';
import {
  coreText,
  overlayElements,
  type LocalizedText,
  type Output,
  type OutputLanguages,
  type OverlayElement,
  type ShowState,
  type StageState,
} from '../../shared/protocol';

/** Every overlay element shows until the operator hides it. */
export function defaultOverlays(): Record<OverlayElement, boolean> {
  return Object.fromEntries(overlayElements.map((element) => [element, true])) as Record<
    OverlayElement,
    boolean
  >;
}

/** Why `languages` cannot be an output's choice, or null. */
export function languagesRefusal(
  pack: Pick<Pack, 'languages'>,
  languages: string[],
): LocalizedText | null {
  const unknown = languages.filter((language) => !pack.languages.includes(language));
  if (unknown.length === 0) return null;
  return coreText('show.languagesNotInPack', {
    count: unknown.length,
    names: unknown.map((l) => `"${l}"`).join(', '),
    languages: pack.languages.join(', '),
  });
}

/**
 * The choice kept to the pack's languages, without repeats. A language the pack no longer has
 * (after an edit, or in a saved show) drops out rather than leaving a screen with no text.
 */
export function keptLanguages(
  pack: Pick<Pack, 'languages'>,
  languages: Partial<OutputLanguages> = {},
): OutputLanguages {
  const keep = (list: string[] = []) => [
    ...new Set(list.filter((language) => pack.languages.includes(language))),
  ];
  return { display: keep(languages.display), overlay: keep(languages.overlay) };
}

/** What each output shows: its languages, and which overlay elements are on the stream. */
export class Outputs {
  private languages: OutputLanguages = { display: [], overlay: [] };
  private overlays = defaultOverlays();
  /**
   * The stage monitor. The message lives in the core, so a stage that reloads shows it again;
   * it is not saved, so a restart does not bring back "2 minutes" from a show long over.
   */
  private stage: StageState = { message: null, language: null };

  published(): Pick<ShowState, 'outputLanguages' | 'overlays' | 'stage'> {
    const { display, overlay } = this.languages;
    return {
      outputLanguages: { display: [...display], overlay: [...overlay] },
      overlays: { ...this.overlays },
      stage: { ...this.stage },
    };
  }

  setStageMessage(text: string | null): void {
    this.stage = { ...this.stage, message: text };
  }

  /** Why `language` cannot be what the stage follows, or null once it is (null: each song's own). */
  setStageLanguage(pack: Pick<Pack, 'languages'>, language: string | null) {
    const refused = language === null ? null : languagesRefusal(pack, [language]);
    if (refused) return refused;
    this.stage = { ...this.stage, language };
    return null;
  }

  /** Why `languages` cannot be `output`'s choice, or null once it is. */
  setLanguages(pack: Pick<Pack, 'languages'>, output: Output, languages: string[]) {
    const refused = languagesRefusal(pack, languages);
    if (refused) return refused;
    this.languages = keptLanguages(pack, { ...this.languages, [output]: languages });
    return null;
  }

  setOverlay(element: OverlayElement, on: boolean): void {
    this.overlays = { ...this.overlays, [element]: on };
  }

  /** New content, or a restart: only the pack's languages are kept. */
  refresh(
    pack: Pick<Pack, 'languages'>,
    saved: Partial<OutputLanguages> = this.languages,
    overlays: Partial<ShowState['overlays']> = this.overlays,
  ): void {
    this.languages = keptLanguages(pack, saved);
    this.overlays = { ...defaultOverlays(), ...overlays };
    const { language } = this.stage;
    if (language !== null && !pack.languages.includes(language)) {
      this.stage = { ...this.stage, language: null };
    }
  }
}
