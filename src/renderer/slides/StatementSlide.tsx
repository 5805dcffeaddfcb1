import type { StatementItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import { type SlideContext, text } from './context';

/** A slogan fits on a placard; anything longer reads better as prose. */
const SLOGAN_MAX = 90;

export function StatementSlide({ item, ctx }: { item: StatementItem; ctx: SlideContext }) {
  const body = text(ctx, item.text) ?? '';
  const author = text(ctx, item.author);
  const paragraphs = body.split(/\n{2,}/);
  const style = paragraphs.length === 1 && body.length <= SLOGAN_MAX ? 'slogan' : 'prose';
  return (
    <article className={`slide slide-statement statement-${style}`}>
      <Fit className="statement-body" max={GROW} watch={ctx.language}>
        {item.title ? <h1 className="statement-title">{text(ctx, item.title)}</h1> : null}
        <blockquote className="statement-text">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </blockquote>
        {author ? <p className="statement-author">— {author}</p> : null}
      </Fit>
    </article>
  );
}
