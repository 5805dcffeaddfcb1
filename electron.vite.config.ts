import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const __dirname = dirname(fileURLToPath(import.meta.url));

/** Plain-JavaScript dependencies of the core, bundled into out/main (see main.build). */
const BUNDLED_MAIN_DEPS = [
  'fastify',
  '@fastify/static',
  '@fastify/websocket',
  'zod',
  'yaml',
  'js-yaml',
  'chokidar',
  'image-size',
  'lrc-kit',
  'obs-websocket-js',
  'qrcode',
];

/** Required by fastify only when it must compile a schema; see main.build. */
const UNUSED_FASTIFY_COMPILERS = ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];

// One build serves both products: `out/main/index.js` is the Electron entry and
// `out/main/cli.js` is the headless `serve` / `validate` entry that needs no Electron.
export default defineConfig({
  main: {
    build: {
      // Bundled, not loaded from node_modules file by file: Node resolving and reading a few
      // hundred small files (fastify's and zod's) before the server listens is most of the
      // start-up time. sharp (native code) and electron stay outside.
      externalizeDeps: { exclude: BUNDLED_MAIN_DEPS },
      rollupOptions: {
        // fastify loads these only to compile JSON schemas, which none of our routes has
        // (server/http.ts gives it compilers that refuse): left out, ajv and fast-json-stringify
        // are not compiled with the rest before the server listens, a quarter of the bundle.
        external: UNUSED_FASTIFY_COMPILERS,
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          launch: resolve(__dirname, 'src/main/launch.ts'),
          // The image scaling child: sharp kept out of Electron's main process.
          'scale-worker': resolve(__dirname, 'src/main/scale-worker.ts'),
          // Loaded lazily, once the show has started, to keep a copy of the first slide: its own
          // chunk, so the core's start never compiles React's server renderer.
          'first-slide-render': resolve(__dirname, 'src/renderer/first-slide/render-on-air.tsx'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // Smaller scripts parse sooner: the display's first slide waits for them.
      minify: true,
      // Which chunks and stylesheets each view needs: the core names them in the view's page
      // (server/view-preloads.ts), so they load with the entry.
      manifest: 'manifest.json',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The Electron kiosk's PIN prompt: its own tiny page, loaded from app://kiosk-lock/.
          'kiosk-lock': resolve(__dirname, 'src/renderer/views/kiosk-lock/index.html'),
        },
        output: {
          codeSplitting: {
            // The code the views share, in one chunk rather than a dozen small ones: a browser
            // asks one host for at most six files at a time, and the display's fifteen went in
            // three rounds. The views' own folders and the slides stay out: each view's
            // stylesheets stay with it (no view gets another's rules), and the slides' styles
            // still load before the display's, which override them.
            groups: [
              {
                name: 'common',
                minShareCount: 2,
                test: /[\\/]src[\\/](shared|renderer[\\/](?!views[\\/]|slides[\\/]))/,
              },
            ],
          },
        },
      },
    },
  },
});
