import type { Pack } from '../../../../shared/content';
import { Fit } from '../../../fit/Fit';
import { audienceT, languageName } from '../../../i18n/audience';
import { displayLanguages } from '../../../i18n/language';
import { formatDate, text } from '../../../slides/context';
import { releasedOn } from '../../../../shared/content';
import { calendarDate } from '../../../../shared/time';
import { caseCounter, caseWords, counterLine } from '../../../slides/case-words';
import { CaseRecord } from './CaseRecord';
import { Slide } from '../../../slides/Slide';
import { printedUrl } from '../../../slides/url-text';
import type { Browsable, MerchView } from './merch-state';
import type { CampaignTag } from '../../../../shared/time/links';

interface MerchTableProps {
  view: Extract<MerchView, { mode: 'browse' | 'detail' }>;
  items: readonly Browsable[];
  pack: Pack;
  nowMs: number;
  /** The tag for tagged links now (`effectiveCampaignTag`); the pack's when not given. */
  campaignTag?: CampaignTag | undefined;
  onChange: (view: MerchView) => void;
}

function Bar({ view, pack, onChange }: Pick<MerchTableProps, 'view' | 'pack' | 'onChange'>) {
  const t = audienceT(view.language, 'merch');
  const languages = displayLanguages(pack);
  return (
    <nav className="merch-bar">
      {view.mode === 'detail' ? (
        <button
          type="button"
          className="merch-button merch-back"
          onClick={() => onChange({ mode: 'browse', language: view.language })}
        >
          <span aria-hidden="true">←</span> {t('back')}
        </button>
      ) : (
        <span className="merch-bar-spacer" />
      )}
      {languages.length > 1 ? (
        <div className="merch-languages" role="group" aria-label={t('languages')}>
          {languages.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              className="merch-button merch-language"
              aria-pressed={language === view.language}
              onClick={() => onChange({ ...view, language })}
            >
              {languageName(language)}
            </button>
          ))}
        </div>
      ) : null}
      <button
        type="button"
        className="merch-button merch-close"
        onClick={() => onChange({ mode: 'loop' })}
      >
        {t('backToSlideshow')} <span aria-hidden="true">✕</span>
      </button>
    </nav>
  );
}

function Card({
  item,
  language,
  pack,
  nowMs,
  onOpen,
}: {
  item: Browsable;
  language: string;
  pack: Pack;
  nowMs: number;
  onOpen: () => void;
}) {
  const ctx = { pack, language, nowMs };
  const t = audienceT(language, 'display');
  const title = text(ctx, item.kind === 'case' ? item.name : item.title);
  let detail: string | undefined;
  if (item.kind === 'case') {
    const counter = caseCounter(item, calendarDate(nowMs));
    detail = counter === null ? text(ctx, item.status) : counterLine(caseWords(language), counter);
    const released = releasedOn(item);
    if (released) {
      detail = `${detail} · ${t('case.releasedOn', { date: formatDate(released, language) })}`;
    }
  } else {
    detail = printedUrl(item.url, item.shortUrl);
  }
  return (
    <li>
      <button
        type="button"
        className={`merch-card merch-card-${item.kind}`}
        data-item-id={item.id}
        onClick={onOpen}
      >
        <Fit className="merch-card-text" watch={`${language}${detail}`}>
          <span className="merch-card-title">{title}</span>
          {detail ? <span className="merch-card-detail">{detail}</span> : null}
        </Fit>
      </button>
    </li>
  );
}

/**
 * The merch table's own screen: big buttons for each case and action, each opening its
 * slide with the QR code, so people at the table can scan the one they care about.
 */
export function MerchTable({ view, items, pack, nowMs, campaignTag, onChange }: MerchTableProps) {
  const t = audienceT(view.language, 'merch');
  if (view.mode === 'detail') {
    const item = items.find((candidate) => candidate.id === view.itemId);
    return (
      <div className="merch merch-detail" data-testid="merch-detail" lang={view.language}>
        <Bar view={view} pack={pack} onChange={onChange} />
        {item?.kind === 'case' ? (
          <div className="merch-case-scroll">
            <div className="merch-slide" data-item-id={view.itemId}>
              <Slide item={item} ctx={{ pack, language: view.language, nowMs, campaignTag }} />
            </div>
            <CaseRecord item={item} ctx={{ pack, language: view.language, nowMs, campaignTag }} />
          </div>
        ) : (
          <div className="merch-slide" data-item-id={view.itemId}>
            {item ? (
              <Slide item={item} ctx={{ pack, language: view.language, nowMs, campaignTag }} />
            ) : null}
          </div>
        )}
      </div>
    );
  }
  const groups = [
    { id: 'cases', title: t('cases'), items: items.filter((item) => item.kind === 'case') },
    { id: 'actions', title: t('actions'), items: items.filter((item) => item.kind === 'action') },
  ].filter((group) => group.items.length > 0);
  return (
    <div className="merch merch-browse" data-testid="merch-browse" lang={view.language}>
      <Bar view={view} pack={pack} onChange={onChange} />
      <div className="merch-scroll">
        <h1 className="merch-title">{t('browseTitle')}</h1>
        {groups.map((group) => (
          <section key={group.id} className="merch-group">
            <h2 className="merch-group-title">{group.title}</h2>
            <ul className="merch-grid">
              {group.items.map((item) => (
                <Card
                  key={item.id}
                  item={item}
                  language={view.language}
                  pack={pack}
                  nowMs={nowMs}
                  onOpen={() =>
                    onChange({ mode: 'detail', itemId: item.id, language: view.language })
                  }
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
