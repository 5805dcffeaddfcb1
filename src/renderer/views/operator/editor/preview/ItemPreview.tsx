import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { itemSchemas, type ContentItem, type ItemKind } from '../../../../../shared/content';
import type { ItemBody } from '../../../../../shared/protocol/content-api';
import { useStores } from '../../../../stores';
import { fitWarnings, type FitReport, type FittedBox, type PreviewShape } from './overflow-rule';
import { PreviewFrame } from './PreviewFrame';
import { SlideInFrame } from './SlideInFrame';
import { FitWarnings } from './FitWarnings';

interface ItemPreviewProps {
  id: string;
  kind: ItemKind;
  value: ItemBody;
  languages: readonly string[];
  defaultLanguage: string;
}

const SHAPES: readonly PreviewShape[] = ['landscape', 'portrait'];
/** The form's value settles this long before every language and shape is checked again. */
const CHECK_DELAY_MS = 600;
/** The preview's widest, in CSS pixels; a portrait screen takes this share of it. */
const MAX_WIDTH = 480;
const PORTRAIT_SHARE = 0.46;

/** The edited item as the screens would show it, from the form's current value. */
export function ItemPreview({ id, kind, value, languages, defaultLanguage }: ItemPreviewProps) {
  const { t, i18n } = useTranslation('editor');
  const pack = useStore(useStores().content, (s) => s.snapshot?.pack ?? null);
  const [language, setLanguage] = useState(defaultLanguage);
  const [shape, setShape] = useState<PreviewShape>('landscape');
  const parsed = useMemo(() => itemSchemas[kind].safeParse({ id, ...value }), [id, kind, value]);
  const item = parsed.success ? (parsed.data as ContentItem) : null;
  const checked = useDebounced(item, CHECK_DELAY_MS);
  const [box, width] = useBoxWidth(MAX_WIDTH);
  const [reports, setReports] = useState<Record<string, FitReport>>({});
  const report = useCallback((language: string, shape: PreviewShape, boxes: FittedBox[]) => {
    setReports((now) => ({ ...now, [`${language}/${shape}`]: { language, shape, boxes } }));
  }, []);

  if (kind === 'playlist' || kind === 'setlist') {
    return <p className="ed-preview-note">{t('preview.notShown')}</p>;
  }
  if (!pack) return null;
  const languageName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  return (
    <section
      ref={box}
      className="ed-preview"
      aria-label={t('preview.title')}
      data-testid="item-preview"
    >
      <div className="ed-row" role="group" aria-label={t('preview.language')}>
        {languages.map((code) => (
          <button
            key={code}
            type="button"
            className="op-button op-small"
            aria-pressed={language === code}
            onClick={() => setLanguage(code)}
          >
            {code.toUpperCase()}
          </button>
        ))}
        <span className="ed-gap" />
        {SHAPES.map((name) => (
          <button
            key={name}
            type="button"
            className="op-button op-small"
            aria-pressed={shape === name}
            onClick={() => setShape(name)}
            data-testid={`shape-${name}`}
          >
            {t(`preview.shape.${name}`)}
          </button>
        ))}
      </div>
      {item ? (
        <PreviewFrame
          key={shape}
          shape={shape}
          width={shape === 'landscape' ? width : width * PORTRAIT_SHARE}
          label={t('preview.frameLabel', {
            language: languageName(language),
            shape: t(`preview.shape.${shape}`),
          })}
          testId="preview-frame"
        >
          <SlideInFrame item={item} pack={pack} language={language} />
        </PreviewFrame>
      ) : (
        <p className="ed-preview-note" data-testid="preview-invalid">
          {t('preview.fixErrors')}
        </p>
      )}
      {checked ? (
        <>
          <FitWarnings warnings={fitWarnings(Object.values(reports))} languageName={languageName} />
          <div className="ed-check-frames" aria-hidden="true">
            {languages.flatMap((code) =>
              SHAPES.map((name) => (
                <PreviewFrame
                  key={`${code}/${name}`}
                  shape={name}
                  width={96}
                  label=""
                  onFitted={(boxes) => report(code, name, boxes)}
                >
                  <SlideInFrame item={checked} pack={pack} language={code} />
                </PreviewFrame>
              )),
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The width a box has (at most `max`), followed as the console is resized. */
function useBoxWidth(max: number) {
  const box = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(max);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) setWidth(Math.min(max, element.clientWidth));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [max]);
  return [box, width] as const;
}
