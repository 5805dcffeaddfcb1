import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isScreenPage, matchView, printView, type ViewRole } from '../../shared/protocol';
import { escapeHtml, withHeadTags } from './pages';

/**
 * A page asks for its view's code only once its entry has run (`renderer/app/routes.ts` loads
 * it by `import()`), a second round of requests that lands while the core reads the pack. Named
 * in the page's HTML, the view's scripts and styles are asked for with the entry, and the core
 * knows every file the page will ask for before it reads the pack (`quiet.ts`).
 */

/** The module each view is loaded from, as `renderer/app/routes.ts` imports it. */
export const VIEW_MODULES: Readonly<Record<ViewRole, string>> = {
  display: 'views/display/DisplayView.tsx',
  // The kiosk is the display with the kiosk's keys.
  kiosk: 'views/display/DisplayView.tsx',
  operator: 'views/operator/OperatorView.tsx',
  overlay: 'views/overlay/OverlayView.tsx',
  remote: 'views/remote/RemoteView.tsx',
  stage: 'views/stage/StageView.tsx',
};
export const PRINT_MODULE = 'views/print/PrintView.tsx';
export const SCREEN_MODULE = 'views/display/pairing/ScreenView.tsx';

/** The module of the view a page path opens, as `matchRoute` in the renderer picks it. */
export function viewModuleFor(pathname: string): string | undefined {
  if (isScreenPage(pathname)) return SCREEN_MODULE;
  const view = matchView(pathname);
  if (!view) return undefined;
  return view === printView ? PRINT_MODULE : VIEW_MODULES[view.role];
}

/**
 * Where the build writes Vite's manifest, beside the page (`build.manifest`): not in Vite's
 * default `.vite/`, a dot folder packagers may leave out. The core serves only `assets/`.
 */
export const MANIFEST_FILE = 'manifest.json';

/** Vite's build manifest, as far as the pages need it. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
export type BuildManifest = z.infer<typeof manifestSchema>;

export interface ViewPreloads {
  scripts: string[];
  styles: string[];
}

const NONE: ViewPreloads = { scripts: [], styles: [] };

/** Every view is a route of the one page, `index.html`: its key in the manifest. */
export const PAGE_ENTRY = 'index.html';

/**
 * The files a view's module needs before it runs: its chunk, the chunks it imports (all the
 * way down) and their stylesheets, as `/assets/…` paths. What the page's entry already loads
 * (the entry and everything it imports) is left out: the HTML names those already.
 */
export function preloadsOf(manifest: BuildManifest, moduleKey: string): ViewPreloads {
  if (!manifest[moduleKey]) return NONE;
  const loadedByEntry = new Set(closure(manifest, PAGE_ENTRY));
  const own = closure(manifest, moduleKey).filter((key) => !loadedByEntry.has(key));
  const asset = (file: string) => `/${file}`;
  return {
    scripts: own.map((key) => asset(manifest[key]!.file)),
    styles: [...new Set(own.flatMap((key) => manifest[key]!.css ?? []))].map(asset),
  };
}

/**
 * A module and everything it imports statically, each once, what a module imports before the
 * module itself: the order Vite's own loader inserts their stylesheets in, so the cascade is
 * the same (the slides' styles before the display's overrides).
 */
function closure(manifest: BuildManifest, start: string): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
    ordered.push(key);
  };
  visit(start);
  return ordered;
}

/** The page with its view's stylesheets and scripts named in its head. */
export function withPreloads(html: string, preloads: ViewPreloads): string {
  const links = [
    ...preloads.styles.map(
      (href) => `<link rel="stylesheet" crossorigin href="${escapeHtml(href)}">`,
    ),
    ...preloads.scripts.map(
      (href) => `<link rel="modulepreload" crossorigin href="${escapeHtml(href)}">`,
    ),
  ];
  return withHeadTags(html, links);
}

/** Every `/assets/…` file a page names in its HTML: what its browser will ask for first. */
export function assetsNamedIn(html: string): string[] {
  const named = [...html.matchAll(/\s(?:src|href)="(\/assets\/[^"?#]+)"/g)].map((m) => m[1]!);
  return [...new Set(named)];
}

/**
 * The preloads for the view at `pathname`, from the built renderer's manifest. A renderer built
 * without one (an older build) gets none: the page still loads its view, one round later.
 */
export async function readViewPreloads(
  rendererDir: string,
  pathname: string,
): Promise<ViewPreloads> {
  const moduleKey = viewModuleFor(pathname);
  if (!moduleKey) return NONE;
  let text: string;
  try {
    text = await readFile(path.join(rendererDir, MANIFEST_FILE), 'utf8');
  } catch {
    return NONE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return NONE;
  }
  const manifest = manifestSchema.safeParse(json);
  return manifest.success ? preloadsOf(manifest.data, moduleKey) : NONE;
}
