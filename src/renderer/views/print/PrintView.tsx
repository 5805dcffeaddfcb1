import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { QRCodeSVG } from 'qrcode.react';
import type { ContentItem, Pack } from '../../../shared/content';
import {
  isPrintFormat,
  pageRule,
  printLayout,
  type PrintLayout,
} from '../../../shared/print/formats';
import { isPrintable, printCampaignTag, printLink } from '../../../shared/print/print-link';
import { audienceT } from '../../i18n/audience';
import { type SlideContext, text } from '../../slides/context';
import { BreakableUrl, printedUrl } from '../../slides/url-text';
import { useStores } from '../../stores';
import { readPrintRequest, type PrintRequest } from './print-request';
import './print.css';

/** The words a face of paper shows, in the printed language: the pack's own text, mostly. */
function faceWords(item: ContentItem, ctx: SlideContext) {
  switch (item.kind) {
    case 'case':
      return {
        title: text(ctx, item.name),
        lead: text(ctx, item.charge),
        body: text(ctx, item.summary),
        credit: item.photo?.consent ? text(ctx, item.photo.credit) : undefined,
      };
    case 'action':
      return { title: text(ctx, item.title), lead: text(ctx, item.callToAction) };
    case 'event':
      return { title: text(ctx, item.title), lead: text(ctx, item.description) };
    default:
      return { title: undefined };
  }
}

function Column({ item, ctx }: { item: ContentItem; ctx: SlideContext }) {
  const words = faceWords(item, ctx);
  const t = audienceT(ctx.language, 'print');
  return (
    <div className="print-column" lang={ctx.language}>
      <h1 className="print-title">{words.title}</h1>
      {words.lead ? <p className="print-lead">{words.lead}</p> : null}
      {'body' in words && words.body ? <p className="print-body">{words.body}</p> : null}
      {'credit' in words && words.credit ? (
        <p className="print-credit">{t('credits.photo', { credit: words.credit })}</p>
      ) : null}
    </div>
  );
}

function shortAddress(item: ContentItem, link: string): string {
  return printedUrl(link, item.kind === 'action' ? item.shortUrl : undefined);
}

/** One copy: the text in each language, side by side, and one QR code under them. */
function Face(props: {
  item: ContentItem;
  pack: Pack;
  request: PrintRequest;
  layout: PrintLayout;
  nowMs: number;
}) {
  const { item, pack, request, layout, nowMs } = props;
  const link = printLink(item, request.tag ?? undefined);
  const first = request.languages[0] ?? pack.defaultLanguage;
  const t = audienceT(first, 'print');
  return (
    <section className="print-face">
      <div className="print-columns">
        {request.languages.map((language) => (
          <Column key={language} item={item} ctx={{ pack, language, nowMs }} />
        ))}
      </div>
      {link ? (
        <figure className="print-qr" style={{ width: `${layout.qrMm}mm` }}>
          <QRCodeSVG
            value={link}
            level="M"
            marginSize={4}
            size={256}
            bgColor="#ffffff"
            fgColor="#000000"
            style={{ width: `${layout.qrMm}mm`, height: `${layout.qrMm}mm` }}
            data-qr-value={link}
          />
          <figcaption>
            <span className="print-scan">{t('scan')}</span>
            <span className="print-url">
              <BreakableUrl address={shortAddress(item, link)} />
            </span>
          </figcaption>
        </figure>
      ) : null}
      <p className="print-source">{text({ pack, language: first, nowMs }, pack.title)}</p>
    </section>
  );
}

/**
 * Posters, flyers and table tents for the print shop, made from the pack's own words, fonts
 * and QR links. The page says `data-print-ready` once fonts and images are in, so the CLI's
 * headless Chromium prints nothing half-loaded.
 */
export function PrintView() {
  const { t } = useTranslation('print');
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const request = useMemo(() => readPrintRequest(location.search), []);
  const [nowMs] = useState(() => Date.now());
  const item = snapshot?.items.find((candidate) => candidate.id === request.itemId);
  const problem = !snapshot
    ? null
    : !isPrintFormat(request.format)
      ? t('problem.format', { format: request.format })
      : !item
        ? t('problem.notFound', { id: request.itemId })
        : !isPrintable(item)
          ? t('problem.notPrintable', { id: request.itemId })
          : null;

  useEffect(() => {
    if (!snapshot) return;
    const root = document.documentElement;
    if (problem) {
      root.dataset.printProblem = problem;
      return;
    }
    void (async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
      root.dataset.printReady = 'true';
    })();
  }, [snapshot, problem]);

  if (!snapshot) return <p className="print-wait">{t('loading')}</p>;
  if (problem || !item || !isPrintFormat(request.format)) {
    return (
      <p className="print-problem" role="alert">
        {problem}
      </p>
    );
  }
  const pack = snapshot.pack;
  const languages = request.languages.length > 0 ? request.languages : [pack.defaultLanguage];
  const eventTag = printCampaignTag(pack, snapshot.items, request.eventId);
  const full: PrintRequest = { ...request, languages, tag: eventTag ?? pack.campaignTag };
  const layout = printLayout(request.format);
  const copies = Array.from({ length: layout.perSheet }, (_, index) => index);
  return (
    <div
      className={`print-sheet print-${layout.format}`}
      style={{
        width: `${layout.sheet.widthMm}mm`,
        height: `${layout.sheet.heightMm}mm`,
        gridTemplateColumns: `repeat(${layout.columns}, 1fr)`,
        gridTemplateRows: `repeat(${layout.rows}, 1fr)`,
      }}
    >
      <style>{pageRule(layout)}</style>
      <div className="print-toolbar">
        {item.sensitive ? <p className="print-sensitive">{t('sensitive')}</p> : null}
        <button type="button" onClick={() => window.print()}>
          {t('printButton')}
        </button>
      </div>
      {copies.map((copy) => (
        <div
          key={copy}
          className={`print-cell${layout.folded && copy === 0 ? ' is-upside-down' : ''}`}
        >
          <Face item={item} pack={pack} request={full} layout={layout} nowMs={nowMs} />
        </div>
      ))}
      {layout.folded ? <div className="print-fold" /> : null}
      {layout.perSheet > 1 && !layout.folded ? (
        <div className={`print-cuts cuts-${layout.perSheet}`} />
      ) : null}
    </div>
  );
}
