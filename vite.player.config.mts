import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const __dirname = dirname(fileURLToPath(import.meta.url));
const CATALOGS = resolve(__dirname, 'src/shared/i18n/catalogs.ts');
const AUDIENCE_CATALOGS = resolve(__dirname, 'src/renderer/app/player/audience-catalogs.ts');

/** The player carries the audience's words only (see audience-catalogs.ts). */
function audienceCatalogsOnly(): Plugin {
  return {
    name: 'player-audience-catalogs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === AUDIENCE_CATALOGS || !/catalogs(\.ts)?$/.test(source)) return;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === CATALOGS ? AUDIENCE_CATALOGS : undefined;
    },
  };
}

// The standalone player: a build target of the renderer (the display's slides, fonts and QR
// codes), as CLASSIC scripts. Chromium refuses module scripts on file:// pages, and the folder
// must play from a USB stick. One file, no dynamic imports (a classic script cannot load
// chunks), relative URLs so it works from any folder. `npm run export -- player` copies it.
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [audienceCatalogsOnly(), react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(__dirname, 'out/player'),
    emptyOutDir: true,
    minify: true,
    cssCodeSplit: false,
    // No inlined fonts: a woff2 file each, so the service worker's list names them.
    assetsInlineLimit: 0,
    modulePreload: false,
    rollupOptions: {
      input: resolve(__dirname, 'src/renderer/app/player/main.tsx'),
      output: {
        format: 'iife',
        entryFileNames: 'player.js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.css'))
            ? 'player.css'
            : 'assets/[name][extname]',
      },
    },
  },
});
