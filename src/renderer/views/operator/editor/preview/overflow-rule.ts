/*
 * What the fit machinery found on the preview, said as the operator reads it: "the French
 * summary is too long for a portrait screen". Pure: it takes what each fitted box reported
 * and returns catalog keys with their parameters.
 */

export type PreviewShape = 'landscape' | 'portrait';

/** A screen's pixels for each shape: the display's 1080p, upright or turned. */
export const SHAPE_SIZE: Record<PreviewShape, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

/** What one `<Fit>` box of the slide ended as (`data-fit` and `--fit`, see fit/fit.ts). */
export interface FittedBox {
  /** The box's class in the slide (`case-main`, `lyrics-lines`). */
  region: string;
  /** `overflow`: cut even at the smallest size; `anywhere`: words had to break. */
  wrap: 'normal' | 'anywhere' | 'overflow';
  /** The text's size as a share of its designed size. */
  scale: number;
}

export interface FitReport {
  language: string;
  shape: PreviewShape;
  boxes: readonly FittedBox[];
}

/** Under this share of its designed size, text is hard to read from the back of a hall. */
export const SMALL_SCALE = 0.45;

/** The part of a slide a region is, as the catalog names it (`preview.region.*`). */
export type RegionName = 'main' | 'header' | 'lines' | 'credits' | 'caption' | 'text';

export function regionName(region: string): RegionName {
  if (/-(main|body)$/.test(region)) return 'main';
  if (/-header$/.test(region)) return 'header';
  if (/-lines$/.test(region)) return 'lines';
  if (/-credits?$/.test(region)) return 'credits';
  if (/-caption$/.test(region)) return 'caption';
  return 'text';
}

export interface FitWarning {
  /** `editor:preview.fit.<what>.<shape>`: the shape is in the sentence, worded per language. */
  key: `preview.fit.${'tooLong' | 'wordsBroken' | 'small'}.${PreviewShape}`;
  severity: 'error' | 'warning';
  language: string;
  shape: PreviewShape;
  region: RegionName;
  /** The text's size in per cent of its design, for `small`. */
  percent: number;
}

/** One warning per language, shape and region: the worst thing its boxes ran into. */
export function fitWarnings(reports: readonly FitReport[]): FitWarning[] {
  const warnings: FitWarning[] = [];
  for (const { language, shape, boxes } of reports) {
    const seen = new Set<string>();
    const worstFirst = [...boxes].sort((a, b) => rank(b) - rank(a));
    for (const box of worstFirst) {
      const region = regionName(box.region);
      if (seen.has(region) || rank(box) === 0) continue;
      seen.add(region);
      warnings.push({
        key: `preview.fit.${box.wrap === 'overflow' ? 'tooLong' : box.wrap === 'anywhere' ? 'wordsBroken' : 'small'}.${shape}`,
        severity: box.wrap === 'overflow' ? 'error' : 'warning',
        language,
        shape,
        region,
        percent: Math.round(box.scale * 100),
      });
    }
  }
  return warnings;
}

function rank(box: FittedBox): number {
  if (box.wrap === 'overflow') return 3;
  if (box.wrap === 'anywhere') return 2;
  return box.scale < SMALL_SCALE ? 1 : 0;
}

/** Reads the fitted boxes of a rendered slide (the attributes `fit.ts` wrote). */
export function readFittedBoxes(root: ParentNode): FittedBox[] {
  return [...root.querySelectorAll<HTMLElement>('.fit')].map((element) => {
    const wrap = element.dataset.fit;
    const scale = Number.parseFloat(element.style.getPropertyValue('--fit'));
    const region = [...element.classList].find((name) => name !== 'fit') ?? 'fit';
    return {
      region,
      wrap: wrap === 'anywhere' || wrap === 'overflow' ? wrap : 'normal',
      scale: Number.isFinite(scale) ? scale : 1,
    };
  });
}
