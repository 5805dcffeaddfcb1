import {
  BROWSER_KIND,
  COLOUR_KIND,
  IMAGE_KIND,
  colourRoles,
  imageRoles,
  TEXT_KINDS,
  browserInputs,
  nativeInputs,
  nativeInputsFor,
  overlayUrl,
  type NativeRole,
  type ObsOverlayElement,
} from './overlay-elements';
import type { Canvas } from './overlay-geometry';
import { DEFAULT_ACCENT, bandStyle, hexToObsColour, imageStyle, textStyle } from './overlay-look';
import { panelOf } from './overlay-panels';
import { browserTransform, nativeTransform, type ItemTransform } from './overlay-transforms';
import { pagesReachable, urlHost } from './obs-host';

/** One input setup should have: its kind, its look and where its item goes. */
export interface PlannedInput {
  name: string;
  element: ObsOverlayElement;
  kind: string;
  settings: Record<string, unknown>;
  /** Settings only given at creation (the overlay sync owns them afterwards). */
  initial: Record<string, unknown>;
  transform: ItemTransform;
  role?: NativeRole;
}

export interface SetupPlan {
  /** Browser sources (the pages draw the overlays), else native ones. */
  browser: boolean;
  textKind: string | null;
  planned: PlannedInput[];
  /** What the operator must know: OBS on another computer and what it cannot show. */
  warnings: string[];
  /** Native inputs this OBS cannot show: nothing is created for them. */
  unavailable: typeof nativeInputs;
}

export interface SetupPlanRequest {
  /** OBS's input kinds (GetInputKindList). */
  inputKinds: readonly string[];
  canvas: Canvas;
  /** OBS's platform (GetVersion), for the fonts. */
  platform: string | undefined;
  overlayBaseUrl: string;
  preferNative?: boolean;
  remote: boolean;
}

/**
 * Which sources this OBS gets, from what it can show and where it runs. Pure; throws, in
 * words, when this OBS cannot show the overlays at all.
 */
export function planSetup(request: SetupPlanRequest): SetupPlan {
  const { inputKinds, canvas, remote } = request;
  const hasBrowser = !request.preferNative && inputKinds.includes(BROWSER_KIND);
  const reachable = pagesReachable(remote, request.overlayBaseUrl);
  const browser = hasBrowser && reachable;
  const textKind = TEXT_KINDS.find((kind) => inputKinds.includes(kind)) ?? null;
  if (!browser && !textKind) {
    throw new Error(
      hasBrowser
        ? `OBS is on another computer, and its browser sources could not load the overlay pages from ${urlHost(request.overlayBaseUrl) ?? 'this computer'} (this computer's own address). Start the app so that computer can reach it (serve --host <this computer's address>) and press Set up again.`
        : `This OBS has neither a browser source nor a text source (its input kinds: ${inputKinds.join(', ')}).`,
    );
  }
  if (!browser && !remote && !inputKinds.includes(IMAGE_KIND)) {
    throw new Error('This OBS has no image source, which the QR code and drawing need.');
  }
  if (!browser && !inputKinds.includes(COLOUR_KIND)) {
    throw new Error('This OBS has no colour source, which the bands behind the text need.');
  }
  const warnings: string[] = [];
  if (remote && browser) {
    warnings.push(
      `OBS is on another computer: its browser sources load the overlay pages from ${urlHost(request.overlayBaseUrl)}. That computer must be able to reach this one there (same network, no firewall in between).`,
    );
  }
  if (remote && !browser) {
    warnings.push(
      hasBrowser
        ? `OBS is on another computer, but the overlay pages are served only on this computer's own address, so browser sources there would stay blank. Text sources were used instead, without the QR code and drawings. Start the app so that computer can reach it (serve --host <this computer's address>) and press Set up again for the full overlays.`
        : 'OBS is on another computer and has no browser source, so it cannot show the QR code or drawings: an image source there cannot open files on this computer. Only the text overlays were set up. For the QR code and drawings, use an OBS with browser sources (the official builds).',
    );
  }
  const unavailable =
    remote && !browser
      ? nativeInputs.filter((input) => !nativeInputsFor(true).includes(input))
      : [];

  const planned: PlannedInput[] = browser
    ? browserInputs.map(({ name, element }) => ({
        name,
        element,
        kind: BROWSER_KIND,
        settings: {
          url: overlayUrl(request.overlayBaseUrl, element),
          width: canvas.width,
          height: canvas.height,
        },
        initial: {},
        transform: browserTransform(),
      }))
    : nativeInputsFor(remote).map(({ name, element, role }) => {
        const transform = nativeTransform(role, canvas);
        if (imageRoles.includes(role)) {
          return {
            name,
            element,
            role,
            kind: IMAGE_KIND,
            settings: imageStyle(),
            initial: { file: '' },
            transform,
          };
        }
        if (colourRoles.includes(role)) {
          // The size (and the accent's colour, from the pack's theme) is the sync's to set.
          const accent = panelOf(role)?.accent === role;
          return {
            name,
            element,
            role,
            kind: COLOUR_KIND,
            settings: bandStyle(role),
            initial: {
              width: 1,
              height: 1,
              ...(accent ? { color: hexToObsColour(DEFAULT_ACCENT) } : {}),
            },
            transform,
          };
        }
        return {
          name,
          element,
          role,
          kind: textKind as string,
          settings: textStyle(role, textKind as string, canvas, request.platform),
          initial: { text: '' },
          transform,
        };
      });
  return { browser, textKind, planned, warnings, unavailable };
}
