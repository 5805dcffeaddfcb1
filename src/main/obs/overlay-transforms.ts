import type { NativeRole } from './overlay-elements';
import { CENTER, LEFT, TOP, anchorPoint, fixedBoxes, type Canvas } from './overlay-geometry';
import { QR_ANCHOR, bandAnchor, guessedSizes, placePanel, qrBeside } from './overlay-layout';
import { panelOf, panels } from './overlay-panels';
import { lineBounds } from './overlay-text';

// Where setup puts each item (SetSceneItemTransform): the fields the app owns, from a guessed
// placement; the sync moves the bands and their lines once OBS has drawn the text.

/** The fields of SetSceneItemTransform the app sets; the rest stay as OBS or the user has them. */
export interface ItemTransform {
  positionX: number;
  positionY: number;
  alignment: number;
  boundsType: string;
  boundsAlignment: number;
  boundsWidth: number;
  boundsHeight: number;
  scaleX: number;
  scaleY: number;
  rotation: number;
}

/** A browser source covers the canvas; the page places its element itself. */
export function browserTransform(): ItemTransform {
  return {
    positionX: 0,
    positionY: 0,
    alignment: TOP | LEFT,
    boundsType: 'OBS_BOUNDS_NONE',
    boundsAlignment: CENTER,
    // OBS rejects bounds under 1 px even when bounds are off.
    boundsWidth: 1,
    boundsHeight: 1,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
  };
}

/** Roles whose position the overlay sync sets after measuring; setup leaves it to the sync. */
export function placedBySync(role: NativeRole): boolean {
  return panelOf(role) !== undefined || role === 'qr-image';
}

export function nativeTransform(role: NativeRole, canvas: Canvas): ItemTransform {
  const panel = panelOf(role);
  if (panel) {
    const guess = placePanel(panel, canvas, guessedSizes(panel, canvas));
    const fixed = {
      scaleX: 1,
      scaleY: 1,
      rotation: 0,
    };
    if (panel.band === role || panel.accent === role) {
      // A colour source is drawn at its own size (its settings), from its top-left corner.
      const rect = (panel.band === role ? guess?.band : guess?.accent) ?? {
        x: 0,
        y: 0,
        width: 1,
        height: 1,
      };
      return {
        ...anchorPoint(rect, bandAnchor(panel)),
        alignment: bandAnchor(panel),
        boundsType: 'OBS_BOUNDS_NONE',
        boundsAlignment: CENTER,
        boundsWidth: 1,
        boundsHeight: 1,
        ...fixed,
      };
    }
    // A line: anchored at its top centre (centred lines) or top left, and shrunk only when
    // longer than the band can hold.
    const anchor = panel.align === 'center' ? TOP : TOP | LEFT;
    const bounds = lineBounds(role, canvas);
    const position = guess?.lines[role];
    return {
      positionX: position?.positionX ?? 0,
      positionY: position?.positionY ?? 0,
      alignment: anchor,
      boundsType: 'OBS_BOUNDS_MAX_ONLY',
      boundsAlignment: anchor,
      boundsWidth: bounds.width,
      boundsHeight: bounds.height,
      ...fixed,
    };
  }
  if (role === 'qr-image') {
    const lowerThird = panels.find((candidate) => candidate.id === 'lowerThird');
    const band = lowerThird && placePanel(lowerThird, canvas, guessedSizes(lowerThird, canvas));
    const rect = qrBeside(band?.band ?? { x: 0, y: 0, width: 0, height: canvas.height }, canvas);
    return {
      ...anchorPoint(rect, QR_ANCHOR),
      alignment: QR_ANCHOR,
      // The image fills its square keeping its shape.
      boundsType: 'OBS_BOUNDS_SCALE_INNER',
      boundsAlignment: CENTER,
      boundsWidth: rect.width,
      boundsHeight: rect.height,
      scaleX: 1,
      scaleY: 1,
      rotation: 0,
    };
  }
  const box = fixedBoxes(canvas)[role as keyof ReturnType<typeof fixedBoxes>];
  const image = role === 'drawing-image';
  return {
    positionX: Math.round(box.x),
    positionY: Math.round(box.y),
    alignment: box.anchor,
    // Images fill their box keeping their shape; text never grows, and only shrinks when a
    // line is too long for its box.
    boundsType: image ? 'OBS_BOUNDS_SCALE_INNER' : 'OBS_BOUNDS_MAX_ONLY',
    boundsAlignment: box.anchor,
    boundsWidth: box.width,
    boundsHeight: box.height,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
  };
}
