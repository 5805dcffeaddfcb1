import type { NativeRole } from './overlay-elements';

export type PanelId = 'lyrics' | 'lowerThird' | 'nowPlaying';

/** A band with lines of text on it, like one element of the overlay page. */
export interface PanelSpec {
  id: PanelId;
  band: NativeRole;
  /** The coloured stripe along the band's left edge (`border-left: … var(--accent)`). */
  accent: NativeRole | null;
  /** Top to bottom. */
  lines: readonly NativeRole[];
  align: 'center' | 'left';
}

export const panels: readonly PanelSpec[] = [
  {
    id: 'lyrics',
    band: 'lyrics-band',
    accent: null,
    lines: ['lyrics-text', 'lyrics-translation-text'],
    align: 'center',
  },
  {
    id: 'lowerThird',
    band: 'lower-third-band',
    accent: 'lower-third-accent',
    lines: ['lower-third-text', 'lower-third-fact-text'],
    align: 'left',
  },
  {
    id: 'nowPlaying',
    band: 'now-playing-band',
    accent: 'now-playing-accent',
    lines: ['now-playing-text', 'now-playing-artist-text'],
    align: 'left',
  },
];

export function panelOf(role: NativeRole): PanelSpec | undefined {
  return panels.find(
    (panel) => panel.band === role || panel.accent === role || panel.lines.includes(role),
  );
}
