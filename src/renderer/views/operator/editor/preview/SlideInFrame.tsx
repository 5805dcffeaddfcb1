import type { ContentItem, Pack } from '../../../../../shared/content';
import { Slide } from '../../../../slides/Slide';
import { themeStyle } from '../../../../slides/theme';

/** The slide as the display lays it out: its screen, its theme, its language. */
export function SlideInFrame({
  item,
  pack,
  language,
}: {
  item: ContentItem;
  pack: Pack;
  language: string;
}) {
  return (
    <div className="display" style={themeStyle(pack.theme)}>
      <div className="slide-frame" data-item-id={item.id} lang={language}>
        <Slide item={item} ctx={{ pack, language, nowMs: PREVIEW_NOW, lyricsLine: 0 }} />
      </div>
    </div>
  );
}

/**
 * The clock the preview shows: read once, so a counter ("days behind bars") does not make the
 * frames lay out and fit again every second while someone types.
 */
const PREVIEW_NOW = Date.now();
