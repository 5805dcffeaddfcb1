import type { ActionItem } from '../../shared/content';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import { audienceT } from '../i18n/audience';
import { type SlideContext, text } from './context';
import { tagLink } from '../../shared/time';
import { Qr } from './Qr';
import { BreakableUrl, printedUrl } from './url-text';

/**
 * The link an action's QR code opens: tagged with the campaign only when the item asks, with
 * the tag of this point of the show (the view's `campaignTag`), else the pack's.
 */
export function actionLink(
  item: ActionItem,
  ctx: Pick<SlideContext, 'pack' | 'campaignTag'>,
): string {
  return item.tagLink ? tagLink(item.url, ctx.campaignTag ?? ctx.pack.campaignTag) : item.url;
}

export function ActionSlide({ item, ctx }: { item: ActionItem; ctx: SlideContext }) {
  const t = audienceT(ctx.language, 'display');
  return (
    <article className={`slide slide-action action-${item.type}`}>
      <Fit className="action-main" max={GROW} watch={ctx.language}>
        <p className="action-type">{t(`action.type.${item.type}`)}</p>
        <h1 className="action-title">{text(ctx, item.title)}</h1>
        <p className="action-cta">{text(ctx, item.callToAction)}</p>
        <p className="action-url">
          <BreakableUrl address={printedUrl(item.url, item.shortUrl)} />
        </p>
      </Fit>
      <Qr value={actionLink(item, ctx)} className="action-qr" />
    </article>
  );
}
