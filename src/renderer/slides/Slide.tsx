import type { ContentItem } from '../../shared/content';
import { ActionSlide } from './ActionSlide';
import { CaseSlide } from './CaseSlide';
import type { SlideContext } from './context';
import { DrawingSlide } from './DrawingSlide';
import { EventSlide } from './EventSlide';
import { LyricsSlide } from './LyricsSlide';
import { StatementSlide } from './StatementSlide';
import { VideoSlide } from './VideoSlide';

/** One item, rendered by the component for its kind. A playlist or a setlist is never on screen. */
export function Slide({ item, ctx }: { item: ContentItem; ctx: SlideContext }) {
  switch (item.kind) {
    case 'case':
      return <CaseSlide item={item} ctx={ctx} />;
    case 'song':
      return <LyricsSlide item={item} ctx={ctx} />;
    case 'drawing':
      return <DrawingSlide item={item} ctx={ctx} />;
    case 'action':
      return <ActionSlide item={item} ctx={ctx} />;
    case 'event':
      return <EventSlide item={item} ctx={ctx} />;
    case 'statement':
      return <StatementSlide item={item} ctx={ctx} />;
    case 'video':
      return <VideoSlide item={item} ctx={ctx} />;
    case 'playlist':
    case 'setlist':
      return null;
  }
}
