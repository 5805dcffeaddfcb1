import type { StatementItem } from '../../shared/content';
import { type SlideContext, text } from './context';

export function StatementSlide({ item, ctx }: { item: StatementItem; ctx: SlideContext }) {
  const body = text(ctx, item.text) ?? '';
  const author = text(ctx, item.author);
  // Long statements get smaller type until the auto-fit issue lands.
  const size = body.length > 280 ? 'long' : body.length > 160 ? 'medium' : 'short';
  return (
    <article className={`slide slide-statement statement-${size}`}>
      {item.title ? <h1 className="statement-title">{text(ctx, item.title)}</h1> : null}
      <blockquote className="statement-text">
        {body.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </blockquote>
      {author ? <p className="statement-author">— {author}</p> : null}
    </article>
  );
}
