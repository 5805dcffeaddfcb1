/**
 * The printed formats and how big their QR code must be. A phone reads a code from about ten
 * times its side, so the side is the distance a phone is held from the paper to scan it,
 * divided by ten, and never under 2.5 cm (the smallest a phone still reads at arm's length).
 */
export const PRINT_FORMATS = ['a3', 'a4', 'a5', 'a6', 'tent'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

/** Side of the QR code per metre of viewing distance (the ten-to-one rule). */
export const QR_MM_PER_METRE = 100;
export const MIN_QR_MM = 25;
/** Nothing is drawn closer than this to a sheet's edge: a guillotine or printer may eat it. */
export const CROP_SAFE_MM = 8;

export interface PrintLayout {
  format: PrintFormat;
  /** The sheet that goes into the printer, in mm, and its CSS `@page` size. */
  sheet: { widthMm: number; heightMm: number; cssSize: string };
  /** How many copies share one sheet: flyers with cut marks between them, a tent's two faces. */
  perSheet: 1 | 2 | 4;
  /** The copies' grid on the sheet. */
  columns: 1 | 2;
  rows: 1 | 2;
  /** A table tent: the sheet is folded across the middle, the upper face upside down. */
  folded: boolean;
  /** From how far a phone scans it, in metres. */
  viewingDistanceM: number;
  qrMm: number;
}

const A4 = { widthMm: 210, heightMm: 297, cssSize: 'A4' };
// Two A5 flyers stand side by side on an A4 turned sideways.
const A4_LANDSCAPE = { widthMm: 297, heightMm: 210, cssSize: 'A4 landscape' };
const A3 = { widthMm: 297, heightMm: 420, cssSize: 'A3' };

const DISTANCE_M: Record<PrintFormat, number> = {
  a3: 1, // a poster on a wall, scanned from a step back (or over people's heads)
  a4: 0.7, // a poster on a notice board, scanned from arm's length and a bit
  a5: 0.3, // a flyer, held in the hand
  a6: 0.25, // a small flyer, held in the hand
  tent: 0.5, // on a table, scanned from a chair
};

/** The QR code's side for a viewing distance: distance / 10, at least 2.5 cm. */
export function qrSideMm(viewingDistanceM: number): number {
  return Math.max(MIN_QR_MM, Math.round(viewingDistanceM * QR_MM_PER_METRE));
}

export function printLayout(format: PrintFormat): PrintLayout {
  const viewingDistanceM = DISTANCE_M[format];
  return {
    format,
    sheet: format === 'a3' ? A3 : format === 'a5' ? A4_LANDSCAPE : A4,
    // An A5 is half an A4 and an A6 a quarter: two or four to a sheet.
    perSheet: format === 'a5' || format === 'tent' ? 2 : format === 'a6' ? 4 : 1,
    columns: format === 'a5' || format === 'a6' ? 2 : 1,
    rows: format === 'a6' || format === 'tent' ? 2 : 1,
    folded: format === 'tent',
    viewingDistanceM,
    qrMm: qrSideMm(viewingDistanceM),
  };
}

export function isPrintFormat(value: string): value is PrintFormat {
  return (PRINT_FORMATS as readonly string[]).includes(value);
}

/** The page rule for the sheet: no printer margin, the layout keeps its own crop-safe band. */
export function pageRule(layout: PrintLayout): string {
  return `@page { size: ${layout.sheet.cssSize}; margin: 0; }`;
}
