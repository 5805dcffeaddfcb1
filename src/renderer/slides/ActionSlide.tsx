import type { ReactNode } from 'react';
import type { ActionItem } from '../../shared/content';
import { type SlideContext, text } from './context';
import { tagLink } from './links';
import { Qr } from './Qr';

/** Lets a long address wrap after its dots and slashes instead of mid-word. */
function withBreaks(address: string): ReactNode[] {
  return address
    .split(/(?<=[./])/)
    .flatMap((part, index) => (index ? [<wbr key={index} />, part] : [part]));
}

export function ActionSlide({ item, ctx }: { item: ActionItem; ctx: SlideContext }) {
  const url = item.tagLink ? tagLink(item.url, ctx.pack.campaignTag) : item.url;
  const printed = item.shortUrl ?? item.url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <article className={`slide slide-action action-${item.type}`}>
      <div className="action-main">
        <h1 className="action-title">{text(ctx, item.title)}</h1>
        <p className="action-cta clamp">{text(ctx, item.callToAction)}</p>
        <p className="action-url">{withBreaks(printed)}</p>
      </div>
      <aside className="action-side">
        <Qr value={url} className="action-qr" />
      </aside>
    </article>
  );
}
