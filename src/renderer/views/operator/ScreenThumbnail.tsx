import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ScreensStatus, ShowState } from '../../../shared/protocol';
import { consoleLanguage, itemTitle } from '../../controls/text';
import { useClock } from '../../controls/use-clock';
import { languageForSlide } from '../../i18n/language';
import { chooseScreen } from '../../../shared/show';
import { useStores } from '../../stores';
import { SlidePreview } from './SlidePreview';

type Output = ScreensStatus['outputs'][number];

/**
 * What one paired screen shows now, drawn small with the real slide components at its
 * orientation (as the On air preview is), from what the core says it shows: its own
 * playlist's item, or the main show's. An offline screen is dimmed and says so.
 */
export function ScreenThumbnail({ output }: { output: Output }) {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const main = useStore(stores.show, (s) => s.show);
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  // Slides change with the date (days behind bars, countdowns), not by the second.
  const now = useClock(30_000);
  const { t, i18n } = useTranslation('console');
  if (!snapshot || !main || !output.onAir) return null;
  const { itemId, playlistId } = output.onAir;
  const shows: ShowState = {
    ...main,
    itemId,
    playlistId,
    lyrics: main.lyrics?.songId === itemId ? main.lyrics : null,
  };
  const screen = chooseScreen(snapshot, shows);
  const language = output.languages[0] ?? languageForSlide(snapshot.pack, shows);
  const title =
    screen.kind === 'slide'
      ? itemTitle(screen.item, consoleLanguage(snapshot, i18n.language), t)
      : t('screens.thumbNothing');
  return (
    <div
      className={`op-screen-thumb${output.online ? '' : ' is-offline'}`}
      data-testid="screen-thumb"
      data-online={output.online}
    >
      <SlidePreview
        screen={screen}
        pack={snapshot.pack}
        language={language}
        nowMs={now + clockOffsetMs}
        lyricsLine={shows.lyrics?.line ?? null}
        label={t('screens.thumbLabel', { name: output.name, title })}
        portrait={output.orientation === 'portrait'}
        testId={`screen-thumb-${output.id}`}
      />
      {output.online ? null : <span className="op-screen-thumb-badge">{t('screens.offline')}</span>}
    </div>
  );
}
