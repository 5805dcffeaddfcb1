import { useState } from 'react';
import type { DrawingItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { type SlideContext, slideMediaUrl, text } from './context';

export function DrawingSlide({ item, ctx }: { item: DrawingItem; ctx: SlideContext }) {
  const [failed, setFailed] = useState(false);
  // Without the artist's consent the drawing is never shown, whatever the playlist says.
  if (!item.consent) return null;

  const title = text(ctx, item.title);
  const credit = [text(ctx, item.artist), text(ctx, item.place), item.made?.toString()]
    .filter(Boolean)
    .join(', ');
  const caption = text(ctx, item.caption);

  return (
    <article className="slide slide-drawing">
      <div className="drawing-frame">
        {failed ? null : (
          <img
            className="drawing-image"
            src={slideMediaUrl(ctx, item.image)}
            alt={text(ctx, item.alt) ?? title ?? ''}
            onError={() => setFailed(true)}
          />
        )}
      </div>
      {/* Its own strip, never laid over the drawing: the credit is always readable and the
          drawing never hidden behind it. */}
      <Fit as="footer" className="drawing-credit" watch={ctx.language}>
        <p className="drawing-line">
          {title ? <span className="drawing-title">{title}</span> : null}
          <span className="drawing-artist">{credit}</span>
        </p>
        {caption ? <p className="drawing-caption">{caption}</p> : null}
      </Fit>
    </article>
  );
}
