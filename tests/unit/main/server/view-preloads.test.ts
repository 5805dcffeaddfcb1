import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PRINT_MODULE,
  SCREEN_MODULE,
  VIEW_MODULES,
  assetsNamedIn,
  preloadsOf,
  readViewPreloads,
  viewModuleFor,
  withPreloads,
  type BuildManifest,
} from '../../../../src/main/server/view-preloads';
import { tempDir } from '../../../helpers/temp-dir';

// The shape Vite writes: chunks by source path, shared chunks by `_name`, the page's entry by
// its HTML file. The view imports the entry back (for its exports), as real views do.
const manifest: BuildManifest = {
  'index.html': {
    file: 'assets/index-E.js',
    imports: ['_runtime-R.js', '_common-C.js'],
    css: ['assets/index-E.css'],
  },
  '_runtime-R.js': { file: 'assets/runtime-R.js' },
  '_common-C.js': { file: 'assets/common-C.js', imports: ['_runtime-R.js'] },
  '_styles-S.js': {
    file: 'assets/styles-S.js',
    imports: ['_common-C.js', '_qr-Q.js'],
    css: ['assets/styles-S.css'],
  },
  '_qr-Q.js': { file: 'assets/qr-Q.js', imports: ['_common-C.js'] },
  'views/display/DisplayView.tsx': {
    file: 'assets/DisplayView-D.js',
    imports: ['_runtime-R.js', '_common-C.js', '_styles-S.js', 'index.html'],
    css: ['assets/DisplayView-D.css'],
  },
  'views/overlay/OverlayView.tsx': {
    file: 'assets/OverlayView-O.js',
    imports: ['_common-C.js', '_qr-Q.js'],
    css: ['assets/OverlayView-O.css'],
  },
};

describe('viewModuleFor', () => {
  it('is the module the renderer loads for each page path', () => {
    expect(viewModuleFor('/display')).toBe('views/display/DisplayView.tsx');
    expect(viewModuleFor('/display/')).toBe('views/display/DisplayView.tsx');
    expect(viewModuleFor('/kiosk')).toBe('views/display/DisplayView.tsx');
    expect(viewModuleFor('/operator')).toBe('views/operator/OperatorView.tsx');
    expect(viewModuleFor('/overlay/lower-third')).toBe('views/overlay/OverlayView.tsx');
    expect(viewModuleFor('/print')).toBe(PRINT_MODULE);
    expect(viewModuleFor('/screen')).toBe(SCREEN_MODULE);
    expect(viewModuleFor('/screen/')).toBe(SCREEN_MODULE);
    expect(viewModuleFor('/')).toBeUndefined();
    expect(viewModuleFor('/nothing')).toBeUndefined();
  });

  it('names the same modules as the renderer’s routes import', () => {
    // The two lists live on two sides of the import rules; this keeps them one list.
    const routes = readFileSync(
      path.resolve(__dirname, '../../../../src/renderer/app/routes.ts'),
      'utf8',
    );
    const imported = new Set(
      [...routes.matchAll(/import\('\.\.\/(views\/[^']+)'\)/g)].map((m) => `${m[1]}.tsx`),
    );
    const named = new Set([...Object.values(VIEW_MODULES), PRINT_MODULE, SCREEN_MODULE]);
    expect([...named].sort()).toEqual([...imported].sort());
  });
});

describe('preloadsOf', () => {
  it('is the view’s chunk and what it imports, without what the page’s entry loads', () => {
    const preloads = preloadsOf(manifest, 'views/display/DisplayView.tsx');
    expect(preloads.scripts.sort()).toEqual([
      '/assets/DisplayView-D.js',
      '/assets/qr-Q.js',
      '/assets/styles-S.js',
    ]);
  });

  it('lists stylesheets in the order Vite loads them: what a chunk imports first', () => {
    // The slides' styles come before the display's, which override them.
    expect(preloadsOf(manifest, 'views/display/DisplayView.tsx').styles).toEqual([
      '/assets/styles-S.css',
      '/assets/DisplayView-D.css',
    ]);
  });

  it('gives a view no other view’s stylesheets', () => {
    expect(preloadsOf(manifest, 'views/overlay/OverlayView.tsx')).toEqual({
      scripts: expect.arrayContaining(['/assets/OverlayView-O.js', '/assets/qr-Q.js']),
      styles: ['/assets/OverlayView-O.css'],
    });
  });

  it('is nothing for a module the build does not have', () => {
    expect(preloadsOf(manifest, 'views/stage/StageView.tsx')).toEqual({ scripts: [], styles: [] });
  });

  it('survives an import cycle', () => {
    const cyclic: BuildManifest = {
      'index.html': { file: 'assets/index.js' },
      a: { file: 'assets/a.js', imports: ['b'] },
      b: { file: 'assets/b.js', imports: ['a'] },
    };
    expect(preloadsOf(cyclic, 'a').scripts.sort()).toEqual(['/assets/a.js', '/assets/b.js']);
  });
});

describe('withPreloads and assetsNamedIn', () => {
  const page =
    '<!doctype html><html><head>\n<script type="module" crossorigin src="/assets/index-E.js"></script>\n' +
    '<link rel="stylesheet" crossorigin href="/assets/index-E.css">\n<link rel="icon" href="data:,">\n</head><body></body></html>';

  it('names the view’s stylesheets and scripts at the end of the head', () => {
    const html = withPreloads(page, {
      scripts: ['/assets/DisplayView-D.js'],
      styles: ['/assets/styles-S.css', '/assets/DisplayView-D.css'],
    });
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/DisplayView-D.js">',
    );
    // The entry's stylesheet, then the view's, in order: the cascade of the source imports.
    const order = ['index-E.css', 'styles-S.css', 'DisplayView-D.css'].map((f) => head.indexOf(f));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('writes a file name with a dollar sign as it is', () => {
    const html = withPreloads(page, { scripts: ["/assets/a-$&-$'.js"], styles: [] });
    expect(html).toContain('href="/assets/a-$&#38;-$&#39;.js"');
    expect(html.match(/<\/head>/g)).toHaveLength(1);
  });

  it('leaves the page as it is when the view needs nothing more', () => {
    expect(withPreloads(page, { scripts: [], styles: [] })).toBe(page);
  });

  it('escapes what it writes into an attribute', () => {
    const html = withPreloads(page, { scripts: ['/assets/a"><script>x.js'], styles: [] });
    expect(html).not.toContain('"><script>x');
    expect(html).toContain('/assets/a&#34;&#62;&#60;script&#62;x.js');
  });

  it('finds every asset the page names, once, and nothing else', () => {
    const html = withPreloads(page, {
      scripts: ['/assets/DisplayView-D.js', '/assets/index-E.js'],
      styles: ['/assets/DisplayView-D.css'],
    });
    expect(assetsNamedIn(html).sort()).toEqual([
      '/assets/DisplayView-D.css',
      '/assets/DisplayView-D.js',
      '/assets/index-E.css',
      '/assets/index-E.js',
    ]);
  });
});

describe('readViewPreloads', () => {
  it('reads the built manifest beside the renderer', async () => {
    const dir = tempDir('ss-preloads-');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const preloads = await readViewPreloads(dir, '/display');
    expect(preloads.styles).toEqual(['/assets/styles-S.css', '/assets/DisplayView-D.css']);
    expect(await readViewPreloads(dir, '/')).toEqual({ scripts: [], styles: [] });
  });

  it('is nothing, not a failed page, without a manifest or with a broken one', async () => {
    const dir = tempDir('ss-preloads-');
    expect(await readViewPreloads(dir, '/display')).toEqual({ scripts: [], styles: [] });
    writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    expect(await readViewPreloads(dir, '/display')).toEqual({ scripts: [], styles: [] });
    writeFileSync(path.join(dir, 'manifest.json'), '{"x": {"file": 3}}');
    expect(await readViewPreloads(dir, '/display')).toEqual({ scripts: [], styles: [] });
  });
});
