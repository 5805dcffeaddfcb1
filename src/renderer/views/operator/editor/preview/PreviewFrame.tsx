import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { readFittedBoxes, SHAPE_SIZE, type FittedBox, type PreviewShape } from './overflow-rule';

/** The page's stylesheets (the slides' own among them), copied into a frame's document. */
function copyStyles(into: Document): void {
  for (const sheet of document.head.querySelectorAll('style, link[rel="stylesheet"]')) {
    if (sheet instanceof HTMLLinkElement) {
      const link = into.createElement('link');
      link.rel = 'stylesheet';
      link.href = sheet.href;
      into.head.appendChild(link);
    } else {
      into.head.appendChild(into.importNode(sheet, true));
    }
  }
  const base = into.createElement('style');
  base.textContent = 'html,body{margin:0;overflow:hidden;background:#000}';
  into.head.appendChild(base);
}

interface PreviewFrameProps {
  shape: PreviewShape;
  /** How wide the frame is drawn in the console, in CSS pixels. */
  width: number;
  label: string;
  children: ReactNode;
  /** What the fitted boxes ended as, each time they settle. */
  onFitted?: (boxes: FittedBox[]) => void;
  testId?: string;
}

/**
 * A screen of its own for a slide: a frame whose viewport is the real screen's size, so the
 * slides' viewport units and their portrait layout (`@media (orientation: portrait)`) apply as
 * on the venue display. Scaled down to fit the console. Sandboxed and inert: a slide's link
 * cannot navigate the console, and nothing in it takes focus or keys.
 */
export function PreviewFrame({
  shape,
  width,
  label,
  children,
  onFitted,
  testId,
}: PreviewFrameProps) {
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const size = SHAPE_SIZE[shape];
  const scale = width / size.width;

  useLayoutEffect(() => {
    const element = frame.current;
    const prepare = () => {
      const doc = element?.contentDocument;
      if (!doc?.body || doc.body.dataset.ready) return;
      copyStyles(doc);
      doc.body.dataset.ready = 'true';
      setBody(doc.body);
    };
    prepare();
    element?.addEventListener('load', prepare);
    return () => element?.removeEventListener('load', prepare);
  }, []);

  const reported = useRef(onFitted);
  useEffect(() => {
    reported.current = onFitted;
  });
  useEffect(() => {
    if (!body) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Fitting writes each box's `data-fit` and `--fit`; read them once they stop changing.
    const read = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reported.current?.(readFittedBoxes(body)), SETTLE_MS);
    };
    const observer = new MutationObserver(read);
    observer.observe(body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-fit', 'style'],
    });
    read();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [body]);

  return (
    <div
      className={`ed-preview-frame is-${shape}`}
      style={{ width, height: size.height * scale }}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <iframe
        ref={frame}
        title={label}
        width={size.width}
        height={size.height}
        sandbox="allow-same-origin"
        tabIndex={-1}
        aria-hidden="true"
        style={{ transform: `scale(${scale})` }}
      />
      {body ? createPortal(children, body) : null}
    </div>
  );
}

/** Fitting settles within a few frames; a font arriving later fits (and reports) again. */
const SETTLE_MS = 120;
